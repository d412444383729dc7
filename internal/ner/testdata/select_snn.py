#!/usr/bin/env python3
"""Draw SaudiNewsNet articles for Marsad's NER annotation (issue 4).

    python3 select_snn.py blind SEED N          # a blind set, as blind-snn2/3 were drawn
    python3 select_snn.py train SEED PER_STRATUM # stratified training draw (session 7)

Candidates, as for every earlier set: file index >= 20,000, 120-260 whitespace words of
content, id cited in no file under internal/ (grepped when the script runs; run it from the
repository root). The blind draw is random.Random(SEED).sample(candidates, N). The training
draw first removes every id in EXTRA_EXCLUDE (a file of ids, e.g. the blind set drawn first),
puts each candidate in the first stratum whose rule matches (rules below, on the raw title and
content), and draws random.Random(SEED + k).sample(stratum_k, PER_STRATUM) for k = 0..4.
Prints one id per line (with the stratum for the training draw)."""
import gzip, json, os, random, re, subprocess, sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/data/saudinewsnet/saudinewsnet.jsonl.gz")

def cited():
    out = subprocess.run(["grep", "-rhoE", r"snn-2015-[0-9]{2}-[0-9]{2}-[0-9]{4}", "internal/"],
                         capture_output=True, text=True).stdout
    return set(out.split())

def candidates(exclude):
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        i = -1
        for line in f:
            if not line.strip():
                continue
            i += 1
            a = json.loads(line)
            if i < 20000 or a["id"] in exclude:
                continue
            n = len(a["content"].split())
            if 120 <= n <= 260:
                yield a

# Strata (first match wins): the kinds of Saudi news the second blind set showed the model
# missing — listed companies, local public bodies — then sports, economy, the rest.
STRATA = [
    ("stocks", lambda a: re.search(r"تداول|سوق الأسهم|الأسهم السعودية|المؤشر العام|أسهم|الأسهم", a["title"] + " " + a["content"]) is not None
        and re.search(r"نقطة|سهم|شركة", a["content"]) is not None),
    ("local", lambda a: re.search(r"أمانة|أمين منطقة|بلدية|البلدية|المجلس البلدي|محافظ |محافظة|إمارة منطقة|أمير منطقة", a["title"] + " " + a["content"]) is not None),
    ("sports", lambda a: a["source"] in ("arreyadi", "arriyadiyah") or re.search(r"نادي|النادي|الدوري|المنتخب|لاعب", a["title"] + " " + a["content"]) is not None),
    ("economy", lambda a: a["source"] == "aleqtisadiya" or re.search(r"مليار|مليون ريال|الاقتصاد|الاستثمار|شركة", a["content"]) is not None),
    ("general", lambda a: True),
]

def main():
    mode, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    ex = cited()
    if os.environ.get("EXTRA_EXCLUDE"):
        ex |= set(open(os.environ["EXTRA_EXCLUDE"]).read().split())
    c = list(candidates(ex))
    print(f"# {len(ex)} ids excluded, {len(c)} candidates", file=sys.stderr)
    if mode == "blind":
        for a in random.Random(seed).sample(c, n):
            print(a["id"])
        return
    groups = {name: [] for name, _ in STRATA}
    for a in c:
        for name, rule in STRATA:
            if rule(a):
                groups[name].append(a)
                break
    for k, (name, _) in enumerate(STRATA):
        print(f"# {name}: {len(groups[name])} candidates", file=sys.stderr)
        for a in random.Random(seed + k).sample(groups[name], min(n, len(groups[name]))):
            print(a["id"] + "\t" + name)

main()
