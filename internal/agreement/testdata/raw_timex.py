#!/usr/bin/env python3
"""Print the raw excerpts of a timex set for blind annotation.

Reads only id, source, ref and end from the gold file (never the "gold"
field) and prints the first `end` bytes of each article's content.
Usage: raw_timex.py GOLD.jsonl SEED N SKIP_FIRST [rest] > excerpts.txt
The sample: N excerpts drawn with random.Random(SEED) from the set's lines
after the first SKIP_FIRST (see README: lines whose gold had been seen);
with "rest", the excerpts of those lines NOT in that sample (second batch).
"""
import gzip, json, random, sys

gold, seed, n, skip = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = []
with open(gold, encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        rows.append((o["id"], o["source"], o["ref"], o["end"]))
pool = rows[skip:]
pick = sorted(random.Random(seed).sample(range(len(pool)), n))
if sys.argv[5:] == ["rest"]:
    pick = [i for i in range(len(pool)) if i not in set(pick)]
want = {pool[i][0]: pool[i] for i in pick}
text = {}
with gzip.open("/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        if o["id"] in want:
            text[o["id"]] = o["content"]
for i in pick:
    id_, src, ref, end = pool[i]
    b = text[id_].encode("utf-8")[:end].decode("utf-8")
    print("=" * 20, id_, src, "ref", ref, "end", end)
    print(b)
    print()
