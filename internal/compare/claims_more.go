package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"marsad"
	"marsad/internal/link"
)

// quoteConflicts finds the same words attributed to different people: two
// outlets carry one statement, nearly word for word, but one gives it to
// one person and the other to someone else. Only people are compared: an
// outlet giving the ministry's statement to its spokesman is not a
// contradiction.
func (s *story) quoteConflicts() []conflictEdge {
	type q struct {
		art     int
		quote   marsad.Quote
		vec     map[string]float64
		norm    float64
		speaker string
		entity  marsad.Entity
	}
	var qs []q
	for ai, a := range s.arts {
		persons := map[string]marsad.Entity{}
		for _, e := range a.Entities {
			if e.Type == marsad.PERS && e.ID != "" {
				persons[e.ID] = e
			}
		}
		for _, x := range a.Quotes {
			if _, ok := persons[x.Speaker]; x.Speaker == "" || !ok || !(marsad.Span{Start: x.Start, End: x.End}).Valid(len(a.Text)) || x.Start >= x.End {
				continue
			}
			ts, _ := s.lx.contentTerms(a.Text, x.Start, x.End, nil)
			if len(ts) < minQuoteTerms {
				continue
			}
			v := map[string]float64{}
			var n float64
			for _, t := range ts {
				if _, ok := v[t.key]; !ok {
					w := s.lx.idf(t.key)
					v[t.key] = w
					n += w * w
				}
			}
			qs = append(qs, q{ai, x, v, math.Sqrt(n), x.Speaker, persons[x.Speaker]})
		}
	}
	qsim := func(a, b q) float64 {
		var dot float64
		for k, w := range a.vec {
			dot += w * b.vec[k]
		}
		return dot / (a.norm * b.norm)
	}
	said := func(art int, speaker string, like q) bool {
		for _, x := range qs {
			if x.art == art && x.speaker == speaker && qsim(x, like) >= sameQuote {
				return true
			}
		}
		return false
	}
	var out []conflictEdge
	for i, x := range qs {
		for _, y := range qs[i+1:] {
			// A person the knowledge base does not know gets an id from
			// the name each outlet used (اليوسف، خالد بن محمد اليوسف):
			// those are one speaker, not a misattribution.
			if x.art == y.art || x.speaker == y.speaker || link.SameEntity(x.entity, y.entity) || qsim(x, y) < sameQuote {
				continue
			}
			if said(y.art, x.speaker, x) || said(x.art, y.speaker, y) {
				continue
			}
			ea := s.spanEvidence(x.art, marsad.Span{Start: x.quote.Start, End: x.quote.End})
			eb := s.spanEvidence(y.art, marsad.Span{Start: y.quote.Start, End: y.quote.End})
			out = append(out, conflictEdge{kind: "quote", about: fmt.Sprintf("القول نفسه منسوب إلى %s / %s", x.quote.SpeakerName, y.quote.SpeakerName), a: ea, b: eb, score: 3})
		}
	}
	return out
}

// Quotes are compared when they have at least minQuoteTerms content terms
// and are the same statement when their weighted cosine reaches sameQuote.
const (
	minQuoteTerms = 4
	sameQuote     = 0.7
)

// eventKey identifies what an event says happened, whatever the wording:
// its type and who did it to whom.
func eventKey(e marsad.Event) string {
	as := append([]string(nil), e.Actors...)
	ts := append([]string(nil), e.Targets...)
	sort.Strings(as)
	sort.Strings(ts)
	return e.Type + "|" + strings.Join(as, ",") + "|" + strings.Join(ts, ",")
}

// eventClaims are the coded events two or more articles report (agreement
// facts), and the same event reported as happening by one outlet and as not
// happening, planned or hypothetical by another (conflicts).
func (s *story) eventClaims() ([]factClaim, []conflictEdge) {
	type occ struct {
		art int
		ev  marsad.Event
	}
	by := map[string][]occ{}
	var order []string
	for ai, a := range s.arts {
		for _, e := range a.Events {
			if e.Type == "" || len(e.Actors) == 0 || !(marsad.Span{Start: e.Start, End: e.End}).Valid(len(a.Text)) || e.Start >= e.End {
				continue
			}
			k := eventKey(e)
			if _, ok := by[k]; !ok {
				order = append(order, k)
			}
			by[k] = append(by[k], occ{ai, e})
		}
	}
	var facts []factClaim
	var edges []conflictEdge
	for _, k := range order {
		os := by[k]
		modes := map[string][]occ{}
		for _, o := range os {
			m := o.ev.Mode
			if m == "" {
				m = marsad.Asserted
			}
			modes[m] = append(modes[m], o)
		}
		for m, group := range modes {
			seen := map[int]bool{}
			var c marsad.Claim
			for _, o := range group {
				if !seen[o.art] {
					seen[o.art] = true
					c.Sources = append(c.Sources, s.spanEvidence(o.art, marsad.Span{Start: o.ev.Start, End: o.ev.End}))
				}
			}
			if len(seen) >= 2 {
				c.Claim = fmt.Sprintf("%s (%s) — %s", group[0].ev.Type, m, c.Sources[0].Text)
				facts = append(facts, factClaim{c, float64(len(seen)) * 2, -1})
			}
		}
		asserted := modes[marsad.Asserted]
		for m, group := range modes {
			if m == marsad.Asserted {
				continue
			}
			for _, x := range asserted {
				for _, y := range group {
					if x.art == y.art {
						continue
					}
					ea := s.spanEvidence(x.art, marsad.Span{Start: x.ev.Start, End: x.ev.End})
					eb := s.spanEvidence(y.art, marsad.Span{Start: y.ev.Start, End: y.ev.End})
					edges = append(edges, conflictEdge{kind: "event:" + k, about: fmt.Sprintf("حدث %s: %s / %s", x.ev.Type, marsad.Asserted, m), a: ea, b: eb, score: 3})
				}
			}
		}
	}
	return facts, edges
}
