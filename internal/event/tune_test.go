package event

import (
	"context"
	"os"
	"slices"
	"testing"

	"marsad"
)

// TestTuneAll prints the score of every tuning split, never HeldOut
// (MARSAD_EVENT_TUNE=all): with the gold participants as entities and,
// when MARSAD_EVENT_CACHE names a TestCachePipeline file, with the
// pipeline's (frozen) entities. MARSAD_EVENT_ERRORS=1 adds every error
// with its sentence, for reading the misses by category.
func TestTuneAll(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_TUNE") != "all" {
		t.Skip("set MARSAD_EVENT_TUNE=all")
	}
	gold, arts := loadGold(t)
	gold = slices.DeleteFunc(gold, func(g GoldSentence) bool { return g.Split == HeldOut })
	modes := []bool{false}
	if os.Getenv("MARSAD_EVENT_CACHE") != "" {
		modes = append(modes, true)
	}
	for _, pipeline := range modes {
		src := arts
		if pipeline {
			src = readCache(t)
		}
		coded := prepared(t, gold, src, pipeline)
		c := New()
		for _, a := range coded {
			a.Events = nil
			if err := c.Annotate(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		var all Score
		for _, split := range TuningSplits {
			var sc Score
			for _, g := range gold {
				if g.Split != split {
					continue
				}
				s, errs, err := ScoreSentence(coded[g.Article], g)
				if err != nil {
					t.Fatal(err)
				}
				sc = sc.Add(s)
				if os.Getenv("MARSAD_EVENT_ERRORS") != "" && len(errs) > 0 {
					t.Logf("%s line %d: %s", split, g.Line, sentenceText(coded[g.Article], g))
					for _, e := range errs {
						t.Logf("    %s", e.What)
					}
				}
			}
			all = all.Add(sc)
			t.Logf("pipeline=%v %-6s %s", pipeline, split, sc)
		}
		t.Logf("pipeline=%v %-6s %s", pipeline, "all", all)
	}
}

// sentenceText is the text of gold sentence g, or "" when it is not found.
func sentenceText(a *marsad.Article, g GoldSentence) string {
	s, err := goldSpan(a, g)
	if err != nil {
		return ""
	}
	return a.Text[s.Start:s.End]
}
