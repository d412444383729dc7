package link

import (
	"context"

	"marsad"
	"marsad/internal/ner"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

// ShippedNER is the mention source users get: the project's trained NER
// run as internal/pipeline runs it (the whole article tagged at once with
// TagDocument, one sentence per row; mentions grouped by type and
// search-normalized surface, one unlinked entity each). It must stay in
// step with pipeline's nerStage, so that the linking scores printed with it
// are what `marsad analyze` does.
func ShippedNER(t *ner.Tagger) MentionSource {
	return func(ctx context.Context, a *marsad.Article, _ []GoldMention, _ *GoldArticle) error {
		if len(a.Sentences) == 0 {
			a.Sentences = sentence.Split(a.Text)
		}
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
		byName := map[string]int{}
		a.Entities = a.Entities[:0]
		for si, sent := range a.Sentences {
			for _, c := range ner.Chunks(tagged[si]) {
				m := marsad.Mention{Start: sent.Start + toks[si][c.Start].Start, End: sent.Start + toks[si][c.End-1].End, Kind: KindName}
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
}
