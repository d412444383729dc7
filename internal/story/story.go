// Package story completes a story report with what only the story level can
// say: the claim-level comparison of its outlets (internal/compare) and an
// extractive summary cited to its articles (internal/summary). The store
// builds the rest of the report (store.FromRecords); the CLI, the API and
// the demo all complete it here, so they show the same story.
package story

import (
	"marsad"
	"marsad/internal/compare"
	"marsad/internal/summary"
)

// SummaryLines is how many sentences a story summary has.
const SummaryLines = 4

// Complete fills st.Comparison and st.Summary from the story's articles.
// Near-duplicates (agency copy re-run by another outlet) should be left out
// of arts: they would make every claim of the copied text an agreement.
func Complete(st *marsad.Story, arts []*marsad.Article) {
	st.Comparison = compare.Compare(arts)
	if lines := summary.Summarize(arts, st.Comparison, SummaryLines); lines != nil {
		st.Summary = lines
	}
}

// Distinct returns the articles of recs that are not near-duplicates of an
// earlier one.
func Distinct(recs []*marsad.Record) []*marsad.Article {
	arts := make([]*marsad.Article, 0, len(recs))
	for _, r := range recs {
		if r.Article != nil && r.DuplicateOf == "" {
			arts = append(arts, r.Article)
		}
	}
	return arts
}
