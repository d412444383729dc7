package link

import (
	"context"

	"marsad"
	"marsad/internal/kb"
)

// Gazetteer is a mention source that stands in for the NER: it marks every
// trusted knowledge-base name at token boundaries (clitics allowed) and
// fills Article.Entities as the NER does, one unlinked entity per distinct
// surface name. It finds only what the knowledge base knows, so it serves
// tests of the linker and the measurement of what recovery adds, not as
// the NER.
type Gazetteer struct{ l *Linker }

// NewGazetteer returns a gazetteer over k.
func NewGazetteer(k *kb.KB) *Gazetteer { return &Gazetteer{l: New(k)} }

// Annotate replaces a.Entities with the gazetteer's mentions.
func (g *Gazetteer) Annotate(ctx context.Context, a *marsad.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := newDoc(a)
	g.l.recover(d)
	bySurface := map[string]int{}
	a.Entities = a.Entities[:0]
	for _, m := range d.mentions {
		text := a.Text[m.span.Start:m.span.End]
		typ := marsad.MISC
		if e := trustedName(m.key, g.l.kb.LookupKey(m.key)); e != nil {
			typ = e.Type
		}
		i, ok := bySurface[text]
		if !ok {
			i = len(a.Entities)
			bySurface[text] = i
			a.Entities = append(a.Entities, marsad.Entity{Name: text, Type: typ})
		}
		a.Entities[i].Mentions = append(a.Entities[i].Mentions, marsad.Mention{Start: m.span.Start, End: m.span.End, Text: text})
	}
	return nil
}
