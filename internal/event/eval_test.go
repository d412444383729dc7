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
	sc, errs, err := Evaluate(context.Background(), gold, "dev", arts, Options{Gold: true})
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
