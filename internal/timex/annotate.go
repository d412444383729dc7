package timex

import (
	"context"

	"marsad"
)

// Annotator is the pipeline stage that fills an article's Times, resolved
// against its publication date. An article without a usable date gets
// values that leave the unknown parts as X (XXXX-XX-XX for أمس) rather than
// dates guessed from the day Marsad runs.
type Annotator struct{}

// Annotate implements marsad.Annotator.
func (Annotator) Annotate(ctx context.Context, a *marsad.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ref, ok := a.PublishedTime()
	a.Times = Extract(a.Text, ref, ok)
	return nil
}

var _ marsad.Annotator = Annotator{}
