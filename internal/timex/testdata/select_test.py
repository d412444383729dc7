# Selection of a timex held-out set (test2 … test6): articles dated 2015-08-01…2015-08-11 with
# content of 300 bytes or more, PER random articles per outlet with the set's seed, each cut at the
# last line or sentence end between 1,000 and 1,500 bytes (whole when 1,600 bytes or less).
# usage: python3 select_test.py SPLIT SEED PER used_ids.txt saudinewsnet.jsonl.gz out.json
# The sets were drawn with (README: the used-ids file of each, the ids found in the repository then,
# so that no article of an existing set is drawn):
#   test2 20261123 5   test3 20261124 5   test4 20261125 2   test5 20261126 5   test6 20261127 5
import gzip, json, random, re, sys
if len(sys.argv) != 7:
    raise SystemExit('usage: select_test.py SPLIT SEED PER used_ids.txt saudinewsnet.jsonl.gz out.json')
SPLIT, SEED, PER = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
used = set(open(sys.argv[4]).read().split())
by = {}
with gzip.open(sys.argv[5], 'rt') as f:
    for line in f:
        a = json.loads(line)
        d = a['date_extracted'][:10]
        if not ('2015-08-01' <= d <= '2015-08-11'): continue
        c = a['content']
        if len(c.encode()) < 300: continue
        if a['id'] in used: continue
        by.setdefault(a['source'], []).append(a)
rng = random.Random(SEED)
out = []
for src in sorted(by):
    arts = sorted(by[src], key=lambda a: a['id'])
    rng.shuffle(arts)
    for a in arts[:PER]:
        b = a['content'].encode()
        if len(b) <= 1600:
            end = len(b)
        else:
            head = b[:1500]
            cut = -1
            for m in re.finditer(rb'\n|[.!?\xd8\x9f](?=\s)', head):
                if m.end() >= 1000: cut = m.end()
            if cut < 0:
                cut = head.rfind(b' ')
            end = cut
        # trim trailing whitespace
        while end > 0 and b[end-1:end] in (b' ', b'\n', b'\r', b'\t'): end -= 1
        try:
            b[:end].decode()
        except UnicodeDecodeError:
            raise SystemExit('bad cut ' + a['id'])
        out.append({'id': a['id'], 'source': src, 'ref': a['date_extracted'][:10], 'split': SPLIT, 'end': end})
json.dump(out, open(sys.argv[6], 'w'), ensure_ascii=False)
print(len(out), {s: len(v) for s, v in by.items()})
