package pipeline

import (
	"context"

	"marsad"
	"marsad/internal/ner"
)

// nerStage tags each sentence with the trained NER model and groups the
// mentions by their search-normalized surface name: one Entity per distinct
// name, with no id yet. Linking (the next stage) merges names that refer to
// one real entity and gives ids.
type nerStage struct {
	tagger *ner.Tagger
}

func (s nerStage) Annotate(ctx context.Context, a *marsad.Article) error {
	return s.tagger.TagArticle(ctx, a)
}
