package link

import (
	"context"
	"os"
	"strings"
	"testing"

	"marsad/internal/dataset"
	"marsad/internal/kb"
)

// TestEval prints the linking and coreference scores on our annotated
// SaudiNewsNet articles (testdata/README.md) and gates them with floors a
// little under the measurements: the first runs on the held-out splits gave
// test 96.2 % linked right (coreference P 86.4 % R 82.6 %), test2 91.4 %
// (names 95.1 %, coreference P 100 % R 36.4 %: pronouns 0/7) and test3
// 88.8 % (69.0 % behind the shipped NER), test4 (third session) 92.2 %
// (70.1 % behind the shipped NER), test5 (seventh session) 86.4 % (77.5 %
// behind the shipped NER; coreference P 100 % R 20 %), test6 (eighth
// session) 90.0 % (74.5 % behind the shipped NER; coreference P 41.7 % R
// 62.5 %), test7 (ninth session) 95.0 % (83.1 % behind the shipped NER of
// e55335f; coreference P 50 % R 40 %; 5 entities split).
func TestEval(t *testing.T) {
	root, err := dataset.Root()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := Evaluation(context.Background(), kb.MustDefault(), root)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteReport(&b, reports)
	t.Log("\n" + b.String())
	// MARSAD_LINK_ERRORS=oracle|shipped|recovered lists the errors of that run.
	if which := os.Getenv("MARSAD_LINK_ERRORS"); which != "" {
		for _, r := range reports {
			errs := r.Oracle.Errors
			switch which {
			case "shipped":
				errs = r.Shipped.Errors
			case "recovered":
				errs = r.Recovered.Errors
			}
			for _, e := range errs {
				t.Log(r.Split, e)
			}
		}
	}
	// Floors a little under the measurements (testdata/README.md). The
	// shipped-NER floors are looser: the model may change under this
	// package, but a drop there is a drop in what users get.
	// offGold caps the names the recovery row adds outside the gold: test4
	// was annotated without the generic heads (النادي، الهيئة) and
	// measured with 23; test was annotated without departments and
	// colleges (إدارة العلاقات الخارجية الاقتصادية، كلية التقنية), which the
	// in-article finder (eighth session) adds: 11.
	floors := map[string]struct {
		mentions                   int
		acc, names, corefP, corefR float64
		splits                     int
		shipped                    float64
		offGold                    int
	}{
		"dev":   {250, 0.98, 0.98, 0.90, 0.94, 0, 0.92, 10},
		"test":  {350, 0.97, 0.98, 0.82, 0.90, 0, 0.94, 12},
		"test2": {150, 0.96, 0.96, 0.90, 0.90, 2, 0.81, 10},
		"test3": {180, 0.93, 0.93, 0.80, 0.70, 6, 0.85, 10},
		"test4": {160, 0.91, 0.93, 0.55, 0.65, 1, 0.76, 25},
		"test5": {200, 0.86, 0.87, 0.90, 0.15, 3, 0.78, 12},
		"test6": {230, 0.88, 0.89, 0.40, 0.60, 14, 0.72, 17},
		"test7": {210, 0.93, 0.94, 0.45, 0.35, 6, 0.80, 10},
		"seed":  {60, 0.95, 0.95, 0.80, 0.80, 1, 0.92, 10},
	}
	for _, r := range reports {
		o, f := r.Oracle, floors[r.Split]
		if o.Gold < f.mentions {
			t.Errorf("%s: only %d gold mentions found: gold file or data changed", r.Split, o.Gold)
		}
		if o.Accuracy() < f.acc || o.NameAccuracy() < f.names {
			t.Errorf("%s: linked right %.3f (names %.3f) under floors %.2f (%.2f)", r.Split, o.Accuracy(), o.NameAccuracy(), f.acc, f.names)
		}
		if o.CorefPrecision() < f.corefP || o.CorefRecall() < f.corefR {
			t.Errorf("%s: coreference P %.3f R %.3f under floors %.2f/%.2f", r.Split, o.CorefPrecision(), o.CorefRecall(), f.corefP, f.corefR)
		}
		if o.Splits > f.splits {
			t.Errorf("%s: %d entities split within an article (floor %d)", r.Split, o.Splits, f.splits)
		}
		// Recovering KB names the NER missed must pay for itself.
		if gain := r.Recovered.Accuracy() - r.Degraded.Accuracy(); gain < 0.10 {
			t.Errorf("%s: recovery gains only %.3f", r.Split, gain)
		}
		if r.Shipped.Accuracy() < f.shipped {
			t.Errorf("%s: behind the shipped NER linked right %.3f, under floor %.2f", r.Split, r.Shipped.Accuracy(), f.shipped)
		}
		// Behind the shipped NER too (the model may change under this
		// package, so the score itself is gated loosely).
		if gain := r.Shipped.Accuracy() - r.ShippedNoRec.Accuracy(); r.Split != "seed" && gain < 0.05 {
			t.Errorf("%s: the linker's repairs gain only %.3f behind the shipped NER", r.Split, gain)
		}
		if r.Recovered.PredNamesWrong > f.offGold {
			t.Errorf("%s: recovery adds %d names outside the gold", r.Split, r.Recovered.PredNamesWrong)
		}
	}
}
