package event

import (
	"context"
	"os"
	"testing"

	"marsad"
)

func loadGold(t testing.TB) ([]GoldSentence, map[string]*marsad.Article) {
	t.Helper()
	p, err := GoldPath()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ParseGold(f)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := LoadGoldArticles(gold)
	if err != nil {
		t.Fatalf("the evaluation needs ../shared/data/saudinewsnet: %v", err)
	}
	return gold, arts
}

func TestEvaluateGold(t *testing.T) {
	gold, arts := loadGold(t)
	split := "dev"
	if v := os.Getenv("MARSAD_EVENT_SPLIT"); v != "" {
		split = v
	}
	sc, errs, err := Evaluate(context.Background(), gold, split, arts, Options{Gold: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev  %s", sc)
	if os.Getenv("MARSAD_EVENT_ERRORS") != "" {
		for _, e := range errs {
			t.Logf("line %d: %s", e.Line, e.What)
		}
	}
}

// TestGoldValid checks that every gold sentence is found in its article
// and every participant in its sentence.
func TestGoldValid(t *testing.T) {
	gold, arts := loadGold(t)
	for _, g := range gold {
		a := copyArticle(arts[g.Article])
		if err := InjectGold(a, g); err != nil {
			t.Error(err)
		}
	}
}
