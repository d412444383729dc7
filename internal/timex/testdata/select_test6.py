# Selection of the timex test6 held-out set (round 6): select_test3.py with a new seed, 5 per outlet.
# usage: python3 select_test5.py 5 used_ids.txt saudinewsnet.jsonl.gz out.json
# used_ids.txt = every snn-… id found anywhere in the repository in the working tree at 6fb0396 (grep over every file outside .git) (see README:
# all timex sets and the other packages' sets), so no article of an existing set is drawn.
import gzip, json, random, re, sys
SEED = 20261127
PER = int(sys.argv[1]) if len(sys.argv) > 1 else 5
used = set(open(sys.argv[2]).read().split())
by = {}
with gzip.open(sys.argv[3], 'rt') as f:
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
        out.append({'id': a['id'], 'source': src, 'ref': a['date_extracted'][:10], 'split': 'test6', 'end': end})
json.dump(out, open(sys.argv[4], 'w'), ensure_ascii=False)
print(len(out), {s: len(v) for s, v in by.items()})
