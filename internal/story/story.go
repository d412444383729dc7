// Package story completes a story report with what only the story level can
// say: the claim-level comparison of its outlets (internal/compare) and an
// extractive summary cited to its articles (internal/summary). The store
// builds the rest of the report (store.FromRecords); the CLI, the API and
// the demo all complete it here, so they show the same story.
package story

import (
	"sort"
	"unicode/utf8"

	"marsad"
	"marsad/internal/compare"
	"marsad/internal/link"
	"marsad/internal/summary"
)

// SummaryLines is how many sentences a story summary has.
const SummaryLines = 4

// Complete fills st.Comparison and st.Summary from the story's articles.
// Near-duplicates (agency copy re-run by another outlet) should be left out
// of arts: they would make every claim of the copied text an agreement.
func Complete(st *marsad.Story, arts []*marsad.Article) {
	mergeEntities(st, arts)
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

// mergeEntities makes one story entity of the names that link.SameEntity
// says are one real entity. A name outside the knowledge base gets its id
// from the form each article used, so one outlet's «خالد بن محمد اليوسف»
// and another's «اليوسف» arrive as two entities; in one story they are one.
// The longest name (the fullest form) represents the group, and the
// story's quotes are re-attributed to its id.
func mergeEntities(st *marsad.Story, arts []*marsad.Article) {
	n := len(st.Entities)
	group := make([]int, n) // index of each entity's group leader
	for i := range group {
		group[i] = i
	}
	asEntity := func(e marsad.StoryEntity) marsad.Entity {
		return marsad.Entity{ID: e.ID, Name: e.Name, Type: e.Type}
	}
	for i := 0; i < n; i++ {
		if st.Entities[i].ID == "" {
			continue // unlinked names have no id to merge under
		}
		for j := 0; j < i; j++ {
			if group[j] == j && st.Entities[j].ID != "" && link.SameEntity(asEntity(st.Entities[j]), asEntity(st.Entities[i])) {
				group[i] = j
				break
			}
		}
	}
	// The representative of each group: its longest name.
	rep := map[int]int{}
	for i, g := range group {
		r, ok := rep[g]
		if !ok || utf8.RuneCountInString(st.Entities[i].Name) > utf8.RuneCountInString(st.Entities[r].Name) {
			rep[g] = i
		}
	}
	alias := map[string]string{} // entity id → representative id
	for i, g := range group {
		if r := rep[g]; r != i {
			alias[st.Entities[i].ID] = st.Entities[r].ID
		}
	}
	if len(alias) == 0 {
		return
	}
	resolve := func(id string) string {
		if to, ok := alias[id]; ok {
			return to
		}
		return id
	}
	// Mentions add up; articles are counted again over the merged ids.
	byID := map[string]*marsad.StoryEntity{}
	var merged []marsad.StoryEntity
	for i, g := range group {
		if rep[g] != i {
			continue
		}
		merged = append(merged, st.Entities[i])
	}
	for i := range merged {
		merged[i].Mentions = 0
		byID[merged[i].ID] = &merged[i]
	}
	for _, e := range st.Entities {
		if m := byID[resolve(e.ID)]; m != nil {
			m.Mentions += e.Mentions
		}
	}
	seen := map[string]map[string]bool{}
	for _, a := range arts {
		for _, e := range a.Entities {
			id := resolve(e.ID)
			if byID[id] == nil {
				continue
			}
			if seen[id] == nil {
				seen[id] = map[string]bool{}
			}
			seen[id][a.ID] = true
		}
	}
	for id, e := range byID {
		if len(seen[id]) > 0 {
			e.Articles = len(seen[id])
		}
	}
	names := map[string]string{}
	for _, e := range merged {
		names[e.ID] = e.Name
	}
	// byID points into merged: it is not used after the sort below.
	sort.SliceStable(merged, func(i, j int) bool {
		if merged[i].Articles != merged[j].Articles {
			return merged[i].Articles > merged[j].Articles
		}
		return merged[i].Mentions > merged[j].Mentions
	})
	st.Entities = merged
	for i, q := range st.Quotes {
		if to, ok := alias[q.Speaker]; ok {
			st.Quotes[i].Speaker = to
			st.Quotes[i].SpeakerName = names[to]
		}
	}
}
