package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"marsad"
	"marsad/internal/text/normalize"
)

// rareIDF: a term at least this rare in news (in fewer than about 1 in
// 1,500 articles) is a detail worth listing when only one outlet has it —
// a name, a place, a title — where a common word is only wording.
const rareIDF = 7.3

// unique lists what only one source reports: sentences no other article
// carries, and, in sentences the others do carry, the details only this
// outlet gives (a date, a name, a place).
func (s *story) unique(groups []*group) []marsad.Claim {
	type ranked struct {
		c     marsad.Claim
		score float64
		art   int
		pos   int
	}
	var rs []ranked
	multi := len(s.arts) > 1
	for _, g := range groups {
		if g.nArts >= 2 {
			if multi {
				for _, ui := range g.units {
					if c, score, ok := s.details(ui); ok {
						rs = append(rs, ranked{c, score, s.units[ui].art, s.units[ui].span.Start})
					}
				}
			}
			continue
		}
		// One article only: the best-placed sentence of the group.
		ui := g.units[0]
		u := s.units[ui]
		if s.sharedUnits[ui] {
			continue
		}
		nov := s.novelty(u)
		if multi && nov.weight < 2*rareIDF {
			// Wording only: nothing a reader would call an exclusive.
			continue
		}
		ev := s.evidence(u)
		rs = append(rs, ranked{marsad.Claim{Claim: claimText(s.arts[u.art].Text, u.span), Sources: []marsad.Evidence{ev}},
			math.Log1p(nov.weight) + 0.5*float64(nov.ents+len(u.nums)+len(u.times)), u.art, u.span.Start})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })
	// A sentence can reach the list twice (through two groups); once is
	// enough.
	seen := map[string]bool{}
	kept := rs[:0]
	for _, r := range rs {
		k := r.c.Claim
		for _, ev := range r.c.Sources {
			k += fmt.Sprintf("|%s:%d-%d", ev.Article, ev.Start, ev.End)
		}
		if !seen[k] {
			seen[k] = true
			kept = append(kept, r)
		}
	}
	rs = kept
	if len(rs) > MaxUnique {
		rs = rs[:MaxUnique]
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].art != rs[j].art {
			return rs[i].art < rs[j].art
		}
		return rs[i].pos < rs[j].pos
	})
	out := make([]marsad.Claim, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.c)
	}
	return out
}

type novelty struct {
	weight float64 // summed IDF of the terms no other article has
	ents   int     // entities no other article mentions
}

func (s *story) novelty(u *unit) novelty {
	var n novelty
	bit := uint64(1) << (u.art % 64)
	seen := map[string]bool{}
	for _, t := range u.terms {
		if seen[t.key] {
			continue
		}
		seen[t.key] = true
		if s.novelTerm(u, t, false) {
			n.weight += s.lx.idf(t.key)
		}
	}
	for e := range u.ents {
		if s.entArts[e]&^bit == 0 {
			n.ents++
		}
	}
	return n
}

// details are the parts of a shared sentence that only its article gives:
// entities the other articles never mention, dates they never give, and
// runs of rare words they never use (names the NER may have missed).
func (s *story) details(ui int) (marsad.Claim, float64, bool) {
	u := s.units[ui]
	a := s.arts[u.art]
	bit := uint64(1) << (u.art % 64)
	var spans []marsad.Span
	var score float64
	// Entities, each listed once for the story.
	for _, e := range a.Entities {
		k := entityKey(e)
		if k == "" || s.entArts[k]&^bit != 0 || s.detailDone[k] {
			continue
		}
		for _, m := range e.Mentions {
			if u.span.Contains(m.Span()) && m.Kind != "pronoun" && s.novelSpan(u, m.Span()) {
				spans = append(spans, m.Span())
				score += 1.5
				s.detailDone[k] = true
				break
			}
		}
	}
	// Dates with a day that no other article gives.
	for _, ti := range u.times {
		t := a.Times[ti]
		// A year-month at least; vague references (PAST_REF for مؤخراً)
		// are no detail.
		if t.Kind != marsad.TimeDate || len(t.Value) < len("2006-01") || t.Value[0] < '0' || t.Value[0] > '9' {
			continue
		}
		other := false
		for j := range s.arts {
			if j != u.art && s.artHasTime(j, t) {
				other = true
				break
			}
		}
		if !other {
			spans = append(spans, marsad.Span{Start: t.Start, End: t.End})
			score += 1.5
		}
	}
	// Runs of rare novel words, with the word before them (قاعدة إلمندورف).
	var run marsad.Span
	flush := func() {
		if run.End > run.Start {
			spans = append(spans, run)
			score += 1
		}
		run = marsad.Span{}
	}
	for i, t := range u.terms {
		if len(a.Entities) > 0 {
			// Names come from NER when it ran: rare words outside
			// entities are mostly rare verbs and spellings.
			break
		}
		novel := s.lx.idf(t.key) >= rareIDF && !isDigitsOnly(t.key) && s.novelTerm(u, t, true)
		if !novel {
			flush()
			continue
		}
		if run.End == 0 {
			run.Start = t.start
			if i > 0 && t.start-u.terms[i-1].end <= 2 && !strings.ContainsAny(a.Text[u.terms[i-1].end:t.start], "،,.") {
				run.Start = u.terms[i-1].start
			}
		}
		run.End = t.end
	}
	flush()
	spans = mergeSpans(spans)
	if len(spans) == 0 {
		return marsad.Claim{}, 0, false
	}
	c := marsad.Claim{}
	var parts []string
	for _, sp := range spans {
		c.Sources = append(c.Sources, s.spanEvidence(u.art, sp))
		parts = append(parts, a.Text[sp.Start:sp.End])
	}
	c.Claim = strings.Join(parts, "؛ ") + " — " + claimText(a.Text, u.span)
	// Named details are what a reader lists as an outlet's exclusives:
	// they rank with the best unique sentences.
	return c, 3 + score, true
}

// novelTerm reports whether no other article of the story has term t of
// unit u: not its key, not its surface form, and (when fuzzy) no word one
// edit away — outlets re-typing a wire story make typos (يأتي/بأتي) and
// split words differently (عزو جل/عز وجل); those are not exclusives.
func (s *story) novelTerm(u *unit, t term, fuzzy bool) bool {
	bit := uint64(1) << (u.art % 64)
	if s.artTerms[s.ids[t.key]]&^bit != 0 {
		return false
	}
	surface := stripConj(normalize.Search(s.arts[u.art].Text[t.start:t.end]))
	if s.surf[surface]&^bit != 0 {
		return false
	}
	if !fuzzy {
		return true
	}
	for id, k := range s.keys {
		if s.artTerms[int32(id)]&^bit != 0 && editOne(k, t.key) {
			return false
		}
	}
	for w, arts := range s.surf {
		if arts&^bit != 0 && editOne(w, surface) {
			return false
		}
	}
	return true
}

// editOne reports whether a and b differ by at most one rune inserted,
// deleted or replaced.
func editOne(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 || len(ra) < 2 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+min(1, len(ra)-i):]) == string(rb[i+min(1, len(rb)-i):])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

// novelSpan reports whether a mention is written only in u's article: the
// NER may tag a name in one outlet and miss it in another, so an entity
// unique to one article is a detail only if its words are too.
func (s *story) novelSpan(u *unit, sp marsad.Span) bool {
	for _, t := range u.terms {
		if sp.Contains(marsad.Span{Start: t.start, End: t.end}) && s.lx.idf(t.key) >= entityIDF && s.novelTerm(u, t, true) {
			return true
		}
	}
	return false
}

// entityIDF: an entity's distinctive word is at least this rare (in fewer
// than about 1 in 150 articles); "محمد" or "الملك" are not.
const entityIDF = 5.0

func isDigitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// mergeSpans sorts spans and joins overlapping ones.
func mergeSpans(in []marsad.Span) []marsad.Span {
	sort.Slice(in, func(i, j int) bool { return in[i].Start < in[j].Start })
	var out []marsad.Span
	for _, sp := range in {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			if sp.End > out[n-1].End {
				out[n-1].End = sp.End
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}
