package ner

import (
	"context"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// TagArticle tags an article's sentences (a.Sentences must be set) and
// replaces a.Entities with its mentions grouped by type and search form:
// one Entity per distinct name, with no id yet (linking gives ids and
// merges names that are one entity). The whole article is tagged at once:
// the second stage looks at how the same words were tagged in nearby
// sentences (names recur in an article), worth about one F1 point on
// ANERcorp dev. This is what the pipeline runs, and what the linking
// evaluation runs behind the shipped model.
func (t *Tagger) TagArticle(ctx context.Context, a *marsad.Article) error {
	toks := make([][]tokenize.Token, len(a.Sentences))
	words := make([][]string, len(a.Sentences))
	for i, sent := range a.Sentences {
		toks[i] = tokenize.Tokens(a.Text[sent.Start:sent.End])
		words[i] = make([]string, len(toks[i]))
		for j, tk := range toks[i] {
			words[i][j] = tk.Text
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tagged := t.TagDocument(words)
	byName := map[string]int{} // type + search form → index in a.Entities
	a.Entities = a.Entities[:0]
	for si, sent := range a.Sentences {
		for _, c := range Chunks(tagged[si]) {
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
