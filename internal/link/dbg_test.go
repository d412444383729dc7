package link

import (
	"context"
	"os"
	"testing"

	"marsad/internal/kb"
)

func TestDbgArticle(t *testing.T) {
	id := os.Getenv("ART")
	if id == "" {
		t.Skip()
	}
	gold, arts := loadEval(t)
	for i := range gold {
		g := &gold[i]
		if g.ID != id {
			continue
		}
		a := *arts[id]
		gm := g.Mentions(a.Text)
		for _, m := range gm {
			t.Logf("gold %s %q %s", m.Kind, a.Text[m.Span.Start:m.Span.End], g.Entities[m.Entity].NameEn)
		}
		OracleNER(context.Background(), &a, gm, g)
		New(kb.MustDefault()).Annotate(context.Background(), &a)
		for _, e := range a.Entities {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text+"/"+m.Kind)
			}
			t.Logf("%s %s %s %v", e.ID, e.Type, e.Name, ms)
		}
	}
}
