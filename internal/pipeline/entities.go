package pipeline

import (
	"context"

	"marsad"
	"marsad/internal/ner"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// nerStage tags each sentence with the trained NER model and groups the
// mentions by their search-normalized surface name: one Entity per distinct
// name, with no id yet. Linking (the next stage) merges names that refer to
// one real entity and gives ids.
type nerStage struct {
	tagger *ner.Tagger
}

func (s nerStage) Annotate(ctx context.Context, a *marsad.Article) error {
	// The whole article is tagged at once: the tagger's second stage looks
	// at how the same words were tagged in nearby sentences (names recur in
	// an article), which is worth about one F1 point on ANERcorp dev.
	toks := make([][]tokenize.Token, len(a.Sentences))
	words := make([][]string, len(a.Sentences))
	for i, sent := range a.Sentences {
		toks[i] = tokenize.Tokens(a.Text[sent.Start:sent.End])
		words[i] = make([]string, len(toks[i]))
		for j, t := range toks[i] {
			words[i][j] = t.Text
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tagged := s.tagger.TagDocument(words)
	byName := map[string]int{} // type + search form → index in a.Entities
	a.Entities = a.Entities[:0]
	for si, sent := range a.Sentences {
		for _, c := range ner.Chunks(tagged[si]) {
			m := marsad.Mention{Start: sent.Start + toks[si][c.Start].Start, End: sent.Start + toks[si][c.End-1].End, Kind: "name"}
			m.Text = a.Text[m.Start:m.End]
			key := c.Type + "\x00" + normalize.Search(m.Text)
			k, seen := byName[key]
			if !seen {
				k = len(a.Entities)
				byName[key] = k
				a.Entities = append(a.Entities, marsad.Entity{Name: m.Text, Type: c.Type})
			}
			a.Entities[k].Mentions = append(a.Entities[k].Mentions, m)
		}
	}
	return nil
}
