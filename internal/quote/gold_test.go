package quote

import (
	"os"
	"testing"
)

// TestGoldResolves checks the annotation alone, with no quote predicted:
// every pattern of every split is found in its article, in text order, and
// every speaker has at least one mention from its names. This is the only
// check a new held-out set gets before it is measured (testdata/README.md).
// GOLD_SHOW=split prints that split's resolved statements (the gold, never
// a prediction).
func TestGoldResolves(t *testing.T) {
	gold := loadGold(t)
	raws, err := ReadGoldArticles(gold)
	if err != nil {
		t.Fatal(err)
	}
	show := os.Getenv("GOLD_SHOW")
	for _, g := range gold {
		a, err := OraclePrepare(t.Context(), raws[g.ID], g)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := ScoreArticle(a, g); err != nil {
			t.Error(err)
			continue
		}
		speaks := map[string]bool{}
		for _, it := range g.Items {
			if !it.Ignore {
				speaks["gold:"+it.Speaker] = true
			}
		}
		for _, e := range a.Entities {
			if speaks[e.ID] && len(e.Mentions) == 0 {
				t.Errorf("%s: speaker %s has no mention in the text", g.ID, e.ID)
			}
		}
		if show != "" && g.Split == show {
			norm, orig := searchForm(a.Text)
			cursor := 0
			for _, it := range g.Items {
				s, e, next, _ := resolve(norm, orig, it.Pattern, cursor)
				cursor = next
				t.Logf("%s %d %s [%s] %s", g.ID, it.Line, map[bool]string{true: "x", false: "q"}[it.Ignore], it.Speaker, a.Text[s:e])
			}
		}
	}
}
