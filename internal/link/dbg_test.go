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

func TestCountGold(t *testing.T) {
	if os.Getenv("COUNT") == "" {
		t.Skip()
	}
	gold, arts := loadEval(t)
	for _, sp := range []string{"dev", "test"} {
		n, kinds, ents := 0, map[string]int{}, 0
		for _, g := range split(gold, sp) {
			ms := g.Mentions(arts[g.ID].Text)
			n += len(ms)
			ents += len(g.Entities)
			for _, m := range ms {
				kinds[m.Kind]++
			}
			for i, e := range g.Entities {
				found := false
				for _, m := range ms {
					if m.Entity == i {
						found = true
					}
				}
				if !found {
					t.Logf("%s: entity %s has no mention in text", g.ID, e.NameEn)
				}
			}
		}
		t.Logf("%s: %d articles, %d entities, %d mentions %v", sp, len(split(gold, sp)), ents, n, kinds)
	}
}
