package quote_test

import (
	"context"
	"os"
	"testing"

	"marsad"
	"marsad/internal/pipeline"
	"marsad/internal/quote"
)

// pipelineFloors are a little under the attribution F1 measured with the
// whole analysis (the committed NER and linker, then quotes: what users
// get), testdata/README.md. A drop below them — from this stage or an
// earlier one — fails the build.
var pipelineFloors = map[string]float64{
	"dev":   0.94, // measured 0.979 at 970e44f, 0.953 behind the NER model trained with Saudi news (e0cdb22), 0.970 behind e55335f's (tuning set)
	"dev2":  0.92, // measured 0.963 at 970e44f (tuning set)
	"test2": 0.93, // measured 0.964 at 970e44f (tuning set)
	"test3": 0.92, // measured 0.951 at 970e44f (tuning set; 0.773 held out in round 1)
	"test4": 0.89, // measured 0.928, 0.881 behind the NER of e0cdb22: names run into the next word, 0.869 after the linker's 7c9d284, 0.916 behind the NER of e55335f (tuning set; 0.671 held out in round 2)
	"test5": 0.89, // measured 0.952, 0.916 behind the NER of e0cdb22 (tuning set; 0.807 held out in round 3)
	"test6": 0.77, // measured 0.765, 0.780 behind the NER of e0cdb22, 0.804 behind e55335f's (tuning set in round 5; 0.667 held out in round 4)
	"test7": 0.79, // measured 0.824 (tuning set in round 6; 0.629 held out in round 5, 0.645 behind the NER of e0cdb22)
	"test8": 0.80, // measured 0.817 once, at the end of round 6 (held out), NER model of 30fce96; 0.835 behind e55335f's (a second aggregate look, no quote change)
}

// goldAndPipeline reads the annotated articles and their texts and builds
// the whole analysis that stands in for the gold entities.
func goldAndPipeline(t *testing.T) ([]quote.GoldArticle, map[string]quote.RawArticle, *pipeline.Pipeline) {
	t.Helper()
	f, err := os.Open("testdata/quotes-gold.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := quote.ParseGold(f)
	if err != nil {
		t.Fatal(err)
	}
	raws, err := quote.ReadGoldArticles(gold)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	return gold, raws, p
}

// TestAttributionPipeline scores attribution with NER and linking in place
// of the gold entities. It needs ../shared/data.
func TestAttributionPipeline(t *testing.T) {
	gold, raws, p := goldAndPipeline(t)
	prepare := func(_ context.Context, r quote.RawArticle, _ quote.GoldArticle) (*marsad.Article, error) {
		return quote.Prepare(r), nil
	}
	for _, split := range quote.EvalSplits {
		if _, ok := pipelineFloors[split]; !ok {
			continue // not measured yet (the held-out set, until the end of the round)
		}
		s, errs, err := quote.Evaluate(context.Background(), gold, split, raws, prepare, p.Analyze)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-5s %s", split, s)
		if testing.Verbose() && os.Getenv("QUOTE_ERRORS") == split && split != quote.HeldOut {
			for _, e := range errs {
				t.Logf("  %s %s/%s [%s] got [%s] %s (line %d)", e.Article, e.Kind, e.Class, e.Speaker, e.Got, e.Text, e.Line)
			}
		}
		if s.F1() < pipelineFloors[split] {
			t.Errorf("%s attribution F1 with the pipeline %.3f below floor %.2f", split, s.F1(), pipelineFloors[split])
		}
	}
}
