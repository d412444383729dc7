package quote

import (
	"os"
	"testing"
)

// TestDebugArticle prints the quotes found in one annotated article of a
// tuning set (QUOTE_DEBUG=id), with gold entities; never for the held-out
// split.
func TestDebugArticle(t *testing.T) {
	id := os.Getenv("QUOTE_DEBUG")
	if id == "" {
		t.Skip("QUOTE_DEBUG not set")
	}
	gold := loadGold(t)
	raws, err := ReadGoldArticles(gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gold {
		if g.ID != id || g.Split == HeldOut {
			continue
		}
		a, _ := OraclePrepare(t.Context(), raws[g.ID], g)
		if err := New().Annotate(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, q := range a.Quotes {
			txt := q.Text
			if r := []rune(txt); len(r) > 140 {
				txt = string(r[:60]) + " … " + string(r[len(r)-70:])
			}
			t.Logf("[%s|%s] %s: %s", q.SpeakerName, q.Cue, q.Kind, txt)
		}
	}
}
