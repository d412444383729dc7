package ner

import (
	"strings"
	"testing"
)

// TestDefaultDev scores the shipped model on the dev split and fails when
// it drops below a floor just under the score recorded in its provenance.
func TestDefaultDev(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := DevSet()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := tg.Score(dev)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	sc.Report(&b)
	t.Logf("shipped model on dev:\n%s", b.String())
	// Tag, one sentence at a time, has only the first stage.
	var gold, pred [][]string
	for _, s := range dev {
		gold = append(gold, s.Tags)
		pred = append(pred, tg.Tag(s.Tokens))
	}
	one, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	one.Report(&b)
	t.Logf("sentence by sentence (Tag):\n%s", b.String())
	// Measured 2026-11-23: 74.06; with the AQMAR names (session 3): 73.99;
	// session 7 (205 annotated Saudi news articles): 74.29.
	if f := one.All.F1(); f < 73.5 {
		t.Errorf("Tag dev F1 %.2f < 73.5", f)
	}
	rec := tg.Meta.Dev["all"][2]
	if f := sc.All.F1(); f < rec-0.5 {
		t.Errorf("dev F1 %.2f, recorded %.2f", f, rec)
	}
	// Floors under the measured scores (see data/README.md).
	// Measured 2026-11-23: all 76.31, PERS 78.66, LOC 87.14, ORG 68.99, MISC 50.33;
	// session 3 (AQMAR names in the gazetteer): all 76.20, PERS 79.19, LOC 86.72,
	// ORG 67.96, MISC 51.32 (MISC has 103 dev entities: one name is a point);
	// session 7 (snn-train2.tsv added): all 76.37, PERS 79.66, LOC 86.49,
	// ORG 67.81, MISC 53.33.
	floors := map[string]float64{"all": 75.8, "PERS": 79, "LOC": 86, "ORG": 67, "MISC": 51}
	for typ, floor := range floors {
		c := sc.All
		if typ != "all" {
			c = sc.ByType[typ]
		}
		if c.F1() < floor {
			t.Errorf("%s dev F1 %.2f < floor %g", typ, c.F1(), floor)
		}
	}
}

func TestTagEdgeCases(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := tg.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	toks := strings.Fields("وقال الرئيس الروسي فلاديمير بوتين في موسكو إن \xff ـــ ...")
	tags := tg.Tag(toks)
	if len(tags) != len(toks) {
		t.Fatalf("%d tags for %d tokens", len(tags), len(toks))
	}
	for i, tag := range tags {
		if i > 0 && tag[0] == 'I' && tags[i-1][2:] != tag[2:] || i == 0 && tag[0] == 'I' {
			t.Errorf("ill-formed BIO %v", tags)
		}
	}
	t.Logf("%v", tags)
}

func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	dev, err := DevSet()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, s := range dev {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range dev {
			tg.Tag(s.Tokens)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocument tags the dev split as one document, both stages.
func BenchmarkTagDocument(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	dev, err := DevSet()
	if err != nil {
		b.Fatal(err)
	}
	var doc [][]string
	n := 0
	for _, s := range dev {
		doc = append(doc, s.Tokens)
		n += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.TagDocument(doc)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	c, sum, err := DefaultClusters()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Load(strings.NewReader(string(embeddedModel)), c, sum); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBlindSNN scores the shipped model on the blind SaudiNewsNet set
// (testdata/README.md), in aggregate only, and gates it with a floor under
// the score measured once when the set was made.
func TestBlindSNN(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadGoldFile("testdata/blind-snn.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := tg.Score(sents)
	if err != nil {
		t.Fatal(err)
	}
	// Measured once, 2026-11-23 at 2a7e631: P 75.00, R 65.00, F1 69.64
	// (PERS 83.33, LOC 64.00, ORG 65.12, MISC 50.00 over 60 names; one name
	// is about 1.5 points of F1). The model shipped after it (AQMAR names,
	// chosen on cross-validation before this set was scored again): 75.00;
	// session 5's: 77.48; session 7's (tuning data): 85.96.
	if f := sc.All.F1(); f < 84 {
		t.Errorf("blind SaudiNewsNet F1 %.2f < floor 84", f)
	}
}

// TestBlindSNN2 scores the shipped model on the second blind SaudiNewsNet
// set (testdata/README.md, 10 articles, 163 names), in aggregate only.
func TestBlindSNN2(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadGoldFile("testdata/blind-snn2.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := tg.Score(sents)
	if err != nil {
		t.Fatal(err)
	}
	// Measured once, 2026-11-23 at 6e1ee20 (the model of session 3,
	// unchanged): P 66.35, R 42.33, F1 51.69 (PERS 70.83, LOC 68.66,
	// ORG 25.00, MISC 56.25 over 26 / 33 / 65 / 39 names). Tuning data
	// since; session 5's model (trained on annotated Saudi news): F1 60.42;
	// session 7's (125 more articles, a stock-report stratum): 82.13 (ORG 78.46).
	if f := sc.All.F1(); f < 80 {
		t.Errorf("second blind SaudiNewsNet F1 %.2f < floor 80", f)
	}
}

// TestBlindSNN3 scores the shipped model on the third blind SaudiNewsNet
// set (testdata/README.md, 8 articles, 118 names), in aggregate only.
func TestBlindSNN3(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadGoldFile("testdata/blind-snn3.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := tg.Score(sents)
	if err != nil {
		t.Fatal(err)
	}
	// Measured once, 2026-11-23 at e0cdb22 (session 5's model, trained
	// with the annotated Saudi news): P 86.11, R 78.81, F1 82.30 (PERS
	// 93.33, LOC 87.27, ORG 68.97, MISC 78.57 over 14 / 58 / 33 / 13 names;
	// one name is about 0.8 points). Tuning data since; session 7's model:
	// 83.33.
	if f := sc.All.F1(); f < 81 {
		t.Errorf("third blind SaudiNewsNet F1 %.2f < floor 81", f)
	}
}

// TestBlindSNN4 scores the shipped model on the fourth blind SaudiNewsNet
// set (testdata/README.md, 10 articles, 104 names, session 7), in aggregate
// only.
func TestBlindSNN4(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadGoldFile("testdata/blind-snn4.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := tg.Score(sents)
	if err != nil {
		t.Fatal(err)
	}
	// Measured once, 2026-11-23 with the model of e55335f (session 7:
	// trained with 205 annotated Saudi news articles): P 79.59, R 75.00,
	// F1 77.23 (PERS 94.12, LOC 95.45, ORG 63.01, MISC 23.53 over 33 / 21 /
	// 42 / 8 names; one name is about 1 point). Session 5's model: 71.43.
	if f := sc.All.F1(); f < 75 {
		t.Errorf("fourth blind SaudiNewsNet F1 %.2f < floor 75", f)
	}
}
