// Package story completes a story report with what only the story level can
// say: the claim-level comparison of its outlets (internal/compare) and an
// extractive summary cited to its articles (internal/summary). The store
// builds the rest of the report (store.FromRecords); the CLI, the API and
// the demo all complete it here, so they show the same story.
package story

import (
	"slices"
	"sort"
	"strings"
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
	resolve := mergeEntities(st, arts)
	st.Events = events(arts, resolve)
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
//
// It returns the mapping from an article's entity id to the story's.
func mergeEntities(st *marsad.Story, arts []*marsad.Article) func(string) string {
	n := len(st.Entities)
	group := make([]int, n) // index of each entity's group leader
	for i := range group {
		group[i] = i
	}
	asEntity := func(e marsad.StoryEntity) marsad.Entity {
		return marsad.Entity{ID: e.ID, Name: e.Name, Type: e.Type}
	}
	// same[i] lists the entities i may be. A name that may be two
	// entities which are not one (محمد العمري beside محمد بن علي العمري
	// and محمد بن حمد العمري; العيسى beside خالد العيسى and فهد العيسى)
	// is ambiguous and stays on its own.
	// SameEntity is symmetric: each pair is asked once.
	same := make([][]int, n)
	isSame := map[[2]int]bool{}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if st.Entities[i].ID != "" && st.Entities[j].ID != "" && link.SameEntity(asEntity(st.Entities[i]), asEntity(st.Entities[j])) {
				same[i], same[j] = append(same[i], j), append(same[j], i)
				isSame[[2]int{i, j}], isSame[[2]int{j, i}] = true, true
			}
		}
	}
	ambiguous := make([]bool, n)
	for i := range same {
		for x, j := range same[i] {
			for _, k := range same[i][x+1:] {
				if !isSame[[2]int{j, k}] {
					ambiguous[i] = true
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		if st.Entities[i].ID == "" || ambiguous[i] {
			continue // unlinked names have no id to merge under
		}
		for _, j := range same[i] {
			if j < i && group[j] == j && !ambiguous[j] {
				group[i] = j
				break
			}
		}
	}
	// The representative of each group: the knowledge base's entity if one
	// is in it (its id is the same in every story), else the longest name.
	inKB := func(i int) bool { return !strings.HasPrefix(st.Entities[i].ID, "x-") }
	rep := map[int]int{}
	for i, g := range group {
		r, ok := rep[g]
		switch {
		case !ok, inKB(i) && !inKB(r):
			rep[g] = i
		case inKB(i) == inKB(r) && utf8.RuneCountInString(st.Entities[i].Name) > utf8.RuneCountInString(st.Entities[r].Name):
			rep[g] = i
		}
	}
	alias := map[string]string{} // entity id → representative id
	for i, g := range group {
		if r := rep[g]; r != i {
			alias[st.Entities[i].ID] = st.Entities[r].ID
		}
	}
	resolve := func(id string) string {
		if to, ok := alias[id]; ok {
			return to
		}
		return id
	}
	if len(alias) == 0 {
		return resolve
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
	return resolve
}

// events gathers the coded events of a story's articles: one StoryEvent
// per type, mode, actors and targets, with every article's sentence that
// codes it. CONSULT is symmetric (who met whom is the outlet's word order),
// so its participants are one set. The events most outlets report come
// first, then by first appearance.
func events(arts []*marsad.Article, resolve func(string) string) []marsad.StoryEvent {
	type acc struct {
		ev       marsad.StoryEvent
		articles map[string]bool
		first    int
	}
	byKey := map[string]*acc{}
	var order []*acc
	ids := func(in []string) []string {
		out := make([]string, 0, len(in))
		for _, id := range in {
			out = append(out, resolve(id))
		}
		return out
	}
	for _, a := range arts {
		for _, ev := range a.Events {
			actors, targets := ids(ev.Actors), ids(ev.Targets)
			key := ev.Type + "|" + ev.Mode + "|"
			if ev.Type == "CONSULT" {
				key += sortedSet(append(append([]string(nil), actors...), targets...))
			} else {
				key += sortedSet(actors) + "|" + sortedSet(targets)
			}
			x := byKey[key]
			if x == nil {
				x = &acc{ev: marsad.StoryEvent{Type: ev.Type, Code: ev.Code, Mode: ev.Mode, Actors: actors, Targets: targets,
					Sources: []marsad.Evidence{}}, articles: map[string]bool{}, first: len(order)}
				byKey[key] = x
				order = append(order, x)
			}
			if x.ev.Date == "" {
				x.ev.Date = ev.Date
			}
			if x.articles[a.ID] {
				continue // one sentence per article is evidence enough
			}
			x.articles[a.ID] = true
			if sp := (marsad.Span{Start: ev.Start, End: ev.End}); sp.Valid(len(a.Text)) {
				x.ev.Sources = append(x.ev.Sources, marsad.Evidence{Article: a.ID, Text: a.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End})
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if len(order[i].articles) != len(order[j].articles) {
			return len(order[i].articles) > len(order[j].articles)
		}
		return order[i].first < order[j].first
	})
	out := make([]marsad.StoryEvent, 0, len(order))
	for _, x := range order {
		out = append(out, x.ev)
	}
	return out
}

// sortedSet is ids sorted, without repeats, joined: a set as a map key.
func sortedSet(ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	s = slices.Compact(s)
	return strings.Join(s, ",")
}
