#!/usr/bin/env python3
"""Turn annotator B's working notes (timex_B.txt) into the gold format.

Notes: "# ID" starts an excerpt; "surface | value | kind [| n]" is one
expression, the n-th occurrence (default 1) of surface in the excerpt.
Byte offsets are computed here against the excerpt (first `end` bytes of
the article's content); id, source, ref, end come from the set's lines
(never its gold field).
Usage: build_timex.py NOTES GOLD.jsonl SPLIT > timex-B.jsonl
"""
import gzip, json, sys

notes, goldf, split = sys.argv[1], sys.argv[2], sys.argv[3]
meta = {}
with open(goldf, encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        meta[o["id"]] = (o["source"], o["ref"], o["end"])
order, ann = [], {}
cur = None
for line in open(notes, encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    if line.startswith("#"):
        cur = line[1:].strip()
        order.append(cur)
        ann[cur] = []
        continue
    parts = [p.strip() for p in line.split("|")]
    n = int(parts[3]) if len(parts) > 3 else 1
    ann[cur].append((parts[0], parts[1], parts[2], n))
text = {}
with gzip.open("/work/shared/data/saudinewsnet/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        if o["id"] in ann:
            text[o["id"]] = o["content"].encode("utf-8")
for id_ in order:
    src, ref, end = meta[id_]
    ex = text[id_][:end]
    out = []
    for surf, val, kind, n in ann[id_]:
        s = surf.encode("utf-8")
        pos = -1
        for _ in range(n):
            pos = ex.find(s, pos + 1)
            if pos < 0:
                sys.exit("not found: %s %s #%d" % (id_, surf, n))
        out.append({"start": pos, "end": pos + len(s), "text": surf, "value": val, "kind": kind})
    out.sort(key=lambda g: g["start"])
    print(json.dumps({"id": id_, "source": src, "ref": ref, "split": split, "end": end,
                      "annotator": "B", "gold": out}, ensure_ascii=False))
