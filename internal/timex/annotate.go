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
	// the quote stage runs before this one: deictic words in its quotations
	// refer to the day they were spoken
	var quotes []marsad.Span
	for _, q := range a.Quotes {
		if q.Start >= 0 && q.Start < q.End && q.End <= len(a.Text) {
			quotes = append(quotes, marsad.Span{Start: q.Start, End: q.End})
		}
	}
	a.Times = ExtractQuoted(a.Text, ref, ok, quotes)
	return nil
}

var _ marsad.Annotator = Annotator{}
