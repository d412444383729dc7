package link

import (
	"context"

	"marsad"
	"marsad/internal/ner"
	"marsad/internal/text/sentence"
)

// ShippedNER is the mention source users get: the project's trained NER
// run as internal/pipeline runs it (Tagger.TagArticle), so that the linking
// scores printed with it are what `marsad analyze` does.
func ShippedNER(t *ner.Tagger) MentionSource {
	return func(ctx context.Context, a *marsad.Article, _ []GoldMention, _ *GoldArticle) error {
		if len(a.Sentences) == 0 {
			a.Sentences = sentence.Split(a.Text)
		}
		return t.TagArticle(ctx, a)
	}
}
