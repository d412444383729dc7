package pipeline

import (
	"context"
	"time"

	"marsad"
	"marsad/internal/timex"
)

// timesStage finds time expressions and resolves them against the
// publication date. Without one, relative expressions stay unresolved
// rather than being resolved against the day Marsad runs.
type timesStage struct{}

func (timesStage) Annotate(_ context.Context, a *marsad.Article) error {
	ref, ok := a.PublishedTime()
	if !ok {
		ref = time.Time{}
	}
	a.Times = timex.Extract(a.Text, ref, ok)
	if a.Times == nil {
		a.Times = []marsad.TimeExpr{}
	}
	return nil
}
