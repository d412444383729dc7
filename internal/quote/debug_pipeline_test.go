package quote_test

import (
	"os"
	"testing"

	"marsad/internal/quote"
)

// TestDebugArticlePipeline prints the entities and quotes the whole
// analysis gives one annotated article of a tuning set (QUOTE_DEBUG=id);
// never for the held-out split.
func TestDebugArticlePipeline(t *testing.T) {
	id := os.Getenv("QUOTE_DEBUG")
	if id == "" {
		t.Skip("QUOTE_DEBUG not set")
	}
	gold, raws, p := goldAndPipeline(t)
	for _, g := range gold {
		if g.ID != id || g.Split == quote.HeldOut {
			continue
		}
		a := quote.Prepare(raws[g.ID])
		if err := p.Analyze(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entities {
			if e.Type == "PERS" || e.Type == "ORG" {
				t.Logf("entity %s %s %d mentions", e.Type, e.Name, len(e.Mentions))
			}
		}
		for _, q := range a.Quotes {
			txt := []rune(q.Text)
			if len(txt) > 100 {
				txt = txt[:100]
			}
			t.Logf("[%s|%s] %s: %s", q.SpeakerName, q.Cue, q.Kind, string(txt))
		}
	}
}
