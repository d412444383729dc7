#!/usr/bin/env python3
"""Print the raw text of a random sample of articles for blind annotation.

Usage: raw_articles.py SEED N ID... ; prints N of the given ids (drawn with
random.Random(SEED)), title and content only: no annotation is read.
"""
import gzip, json, random, sys

seed, n, ids = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pick = sorted(random.Random(seed).sample(ids, n))
text = {}
with gzip.open("/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        if o["id"] in pick:
            text[o["id"]] = o
for i in pick:
    o = text[i]
    print("=" * 20, i, o["source"], o["date_extracted"])
    print(o["content"])
    print()
