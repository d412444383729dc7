package store

import (
	"context"
	"sort"
	"strings"

	"marsad"
)

// Build returns the report of story id: its articles, its entities merged
// over the articles, its quotes by speaker and source, and its timeline.
// Comparison and Summary are left empty (internal/compare fills them).
//
// Near-duplicates are listed as articles (each is a publication by its
// outlet) but counted once: an entity's article and mention counts, and a
// date's articles, come from the distinct texts only.
func Build(ctx context.Context, s marsad.Store, id string) (*marsad.Story, error) {
	recs, err := s.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	return FromRecords(id, recs), nil
}

// FromRecords builds a story report from its records (oldest first).
func FromRecords(id string, recs []*marsad.Record) *marsad.Story {
	st := &marsad.Story{
		ID:         id,
		Articles:   []marsad.StoryArticle{},
		Entities:   []marsad.StoryEntity{},
		Quotes:     []marsad.StoryQuote{},
		Timeline:   []marsad.TimelineEntry{},
		Events:     []marsad.StoryEvent{},
		Comparison: marsad.Comparison{Agreements: []marsad.Claim{}, Unique: []marsad.Claim{}, Conflicts: []marsad.Conflict{}},
		Summary:    []marsad.SummaryLine{},
	}
	type entAcc struct {
		e        marsad.StoryEntity
		articles map[string]bool
		first    int
	}
	ents := map[string]*entAcc{}
	type timeAcc struct {
		t     marsad.TimelineEntry
		seen  map[string]bool
		first int
	}
	times := map[string]*timeAcc{}
	for _, r := range recs {
		a := r.Article
		if a == nil {
			continue
		}
		if st.Title == "" {
			st.Title = a.Title
		}
		st.Articles = append(st.Articles, marsad.StoryArticle{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, URL: a.URL})
		for _, q := range a.Quotes {
			st.Quotes = append(st.Quotes, marsad.StoryQuote{Speaker: q.Speaker, SpeakerName: q.SpeakerName, Article: a.ID, Text: q.Text, Start: q.Start, End: q.End})
		}
		if r.DuplicateOf != "" {
			continue // a copy: listed, not counted
		}
		for _, e := range a.Entities {
			key := e.ID
			if key == "" {
				key = e.Type + ":" + e.Name
			}
			acc := ents[key]
			if acc == nil {
				acc = &entAcc{e: marsad.StoryEntity{ID: e.ID, Name: e.Name, NameEn: e.NameEn, Type: e.Type}, articles: map[string]bool{}, first: len(ents)}
				ents[key] = acc
			}
			acc.articles[a.ID] = true
			acc.e.Mentions += len(e.Mentions)
		}
		for _, t := range a.Times {
			// Vague references (FUTURE_REF for قريباً) are dates without
			// a place on a timeline; only values that start with a year do.
			if t.Kind != marsad.TimeDate || t.Value == "" || t.Value[0] < '0' || t.Value[0] > '9' {
				continue
			}
			acc := times[t.Value]
			if acc == nil {
				acc = &timeAcc{t: marsad.TimelineEntry{Value: t.Value, Text: t.Text, Articles: []string{}}, seen: map[string]bool{}, first: len(times)}
				times[t.Value] = acc
			}
			if !acc.seen[a.ID] {
				acc.seen[a.ID] = true
				acc.t.Articles = append(acc.t.Articles, a.ID)
			}
		}
	}
	if st.Title == "" && len(recs) > 0 && recs[0].Article != nil {
		// Untitled articles (plain text): the opening words stand in.
		f := strings.Fields(recs[0].Article.Text)
		if len(f) > 12 {
			f = append(f[:12], "…")
		}
		st.Title = strings.Join(f, " ")
	}
	// Entities: the most widely reported first.
	el := make([]*entAcc, 0, len(ents))
	for _, acc := range ents {
		acc.e.Articles = len(acc.articles)
		el = append(el, acc)
	}
	sort.Slice(el, func(i, j int) bool {
		a, b := el[i].e, el[j].e
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return el[i].first < el[j].first
	})
	for _, acc := range el {
		st.Entities = append(st.Entities, acc.e)
	}
	// Quotes grouped by speaker (known speakers first, by how often they
	// are quoted), then by article order.
	count := map[string]int{}
	for _, q := range st.Quotes {
		count[q.Speaker]++
	}
	sort.SliceStable(st.Quotes, func(i, j int) bool {
		a, b := st.Quotes[i], st.Quotes[j]
		if (a.Speaker == "") != (b.Speaker == "") {
			return a.Speaker != ""
		}
		if count[a.Speaker] != count[b.Speaker] {
			return count[a.Speaker] > count[b.Speaker]
		}
		return a.Speaker < b.Speaker
	})
	// Timeline in date order (ISO values sort as text).
	tl := make([]*timeAcc, 0, len(times))
	for _, acc := range times {
		tl = append(tl, acc)
	}
	sort.Slice(tl, func(i, j int) bool {
		if tl[i].t.Value != tl[j].t.Value {
			return tl[i].t.Value < tl[j].t.Value
		}
		return tl[i].first < tl[j].first
	})
	for _, acc := range tl {
		st.Timeline = append(st.Timeline, acc.t)
	}
	return st
}
