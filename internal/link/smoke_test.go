package link

import (
	"context"
	"os"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

func TestSmokeSeed(t *testing.T) {
	b, err := os.ReadFile("../../../shared/seeds/004_b3057454c05addf2.txt")
	if err != nil {
		t.Skip(err)
	}
	a := marsad.NewArticle()
	a.Text = string(b)
	a.Published = "2025-08-16"
	k := kb.MustDefault()
	if err := NewGazetteer(k).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New(k).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Entities {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"/"+m.Kind)
		}
		t.Logf("%s %s %s %s %v", e.ID, e.Type, e.Name, e.NameEn, ms)
	}
}
