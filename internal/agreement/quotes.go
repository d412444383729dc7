package agreement

import (
	"fmt"
	"strings"

	"marsad"
	"marsad/internal/quote"
)

// Statement is one resolved quote annotation: its content span in the
// cleaned article text (quote.Prepare), its speaker's canonical name ("" for
// an ignored item) and whether it is ignored (x: unnamed or ambiguous source,
// attitude, noun object).
type Statement struct {
	marsad.Span
	Speaker string   // canonical name, Names[0] of the gold entity
	Names   []string // every name of the speaker entity
	Ignore  bool
	Line    int
}

// ResolveStatements locates every item of a quote annotation in text, in
// order, as the quote evaluation does (a pattern is a literal or "first
// words … last words", matched in the search normalization, each searched
// from the start of the previous one).
func ResolveStatements(text string, g quote.GoldArticle) ([]Statement, error) {
	spans, err := g.Spans(text)
	if err != nil {
		return nil, err
	}
	out := make([]Statement, 0, len(spans))
	for i, it := range g.Items {
		st := Statement{Span: spans[i], Ignore: it.Ignore, Line: it.Line}
		if !it.Ignore {
			for _, ent := range g.Entities {
				if ent.ID == it.Speaker {
					st.Speaker, st.Names = ent.Names[0], ent.Names
				}
			}
			if st.Speaker == "" {
				return nil, fmt.Errorf("%s line %d: speaker %q is no entity", g.ID, it.Line, it.Speaker)
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// QuoteResult is the agreement of two quote annotations of the same
// articles.
type QuoteResult struct {
	Articles int
	// Statements are the q items (named speakers) paired by overlap of
	// their content spans; Items all items, q and x, paired the same way.
	Statements, Items Pair
	Speaker           Rate    // paired statements with the same speaker
	Attributed        Pair    // paired statements with the same speaker, as agreement F1
	ExactContent      Rate    // paired statements with the same content span
	ContentOverlap    float64 // mean overlap/union of the paired content spans
	Ignore            Rate    // paired items both q or both x
	IgnoreKappa       float64 // Cohen's kappa of q vs x over the paired items
	// B scored like the attributor against A's gold (quote.ScoreArticle,
	// with overlap instead of containment, as B's spans are content spans
	// too): an A statement is found when a B statement overlaps it with the
	// same speaker; B statements overlapping only A's x items are neutral.
	ScorerTP, ScorerFP, ScorerFN int
	Disagreements                []string
}

// QuoteArticle is one article's statements by both annotators.
type QuoteArticle struct {
	ID   string
	Text string // the cleaned text the spans point into
	A, B []Statement
}

// CompareQuotes compares B's statements with A's on every article.
func CompareQuotes(arts []QuoteArticle) (QuoteResult, error) {
	var r QuoteResult
	var la, lb []string
	sumOverlap := 0.0
	qOnly := func(st []Statement) ([]Statement, []span) {
		var out []Statement
		var sp []span
		for _, s := range st {
			if !s.Ignore {
				out = append(out, s)
				sp = append(sp, span{s.Start, s.End})
			}
		}
		return out, sp
	}
	label := func(s Statement) string {
		if s.Ignore {
			return "x"
		}
		return "q"
	}
	short := func(text string, s Statement) string {
		c := []rune(text[s.Start:s.End])
		if len(c) > 70 {
			return string(c[:35]) + " … " + string(c[len(c)-30:])
		}
		return string(c)
	}
	for _, art := range arts {
		r.Articles++
		qa, sa := qOnly(art.A)
		qb, sb := qOnly(art.B)
		r.Statements.A += len(qa)
		r.Statements.B += len(qb)
		r.Attributed.A += len(qa)
		r.Attributed.B += len(qb)
		for i, j := range matchSpans(sa, sb) {
			if j < 0 {
				continue
			}
			x, y := qa[i], qb[j]
			r.Statements.Matched++
			r.Speaker.N++
			r.ExactContent.N++
			if sameNameSet([]string{x.Speaker}, []string{y.Speaker}) || anySame(x.Names, y.Names) {
				r.Speaker.K++
				r.Attributed.Matched++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: speaker A %s | B %s: «%s»", art.ID, x.Speaker, y.Speaker, short(art.Text, x)))
			}
			if x.Start == y.Start && x.End == y.End {
				r.ExactContent.K++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: content A «%s» | B «%s»", art.ID, short(art.Text, x), short(art.Text, y)))
			}
			u := max(x.End, y.End) - min(x.Start, y.Start)
			sumOverlap += float64((span{x.Start, x.End}).overlap(span{y.Start, y.End})) / float64(u)
		}
		// All items, q and x: paired by overlap, then compared on q/x.
		var ia, ib []span
		for _, s := range art.A {
			ia = append(ia, span{s.Start, s.End})
		}
		for _, s := range art.B {
			ib = append(ib, span{s.Start, s.End})
		}
		r.Items.A += len(ia)
		r.Items.B += len(ib)
		mi := matchSpans(ia, ib)
		usedIB := make([]bool, len(ib))
		for i, j := range mi {
			x := art.A[i]
			if j < 0 {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: only A %s %s «%s»", art.ID, label(x), x.Speaker, short(art.Text, x)))
				continue
			}
			usedIB[j] = true
			y := art.B[j]
			r.Items.Matched++
			r.Ignore.N++
			la, lb = append(la, label(x)), append(lb, label(y))
			if x.Ignore == y.Ignore {
				r.Ignore.K++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: A %s %s | B %s %s «%s»", art.ID, label(x), x.Speaker, label(y), y.Speaker, short(art.Text, x)))
			}
		}
		for j, y := range art.B {
			if !usedIB[j] {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: only B %s %s «%s»", art.ID, label(y), y.Speaker, short(art.Text, y)))
			}
		}
		// The scorer's view.
		for _, x := range qa {
			hit := false
			for _, y := range qb {
				if (span{x.Start, x.End}).overlap(span{y.Start, y.End}) > 0 && (sameName(x.Speaker, y.Speaker) || anySame(x.Names, y.Names)) {
					hit = true
					break
				}
			}
			if hit {
				r.ScorerTP++
			} else {
				r.ScorerFN++
			}
		}
		for _, y := range qb {
			hitQ, hitX := false, false
			for _, x := range art.A {
				if (span{x.Start, x.End}).overlap(span{y.Start, y.End}) > 0 {
					if x.Ignore {
						hitX = true
					} else if sameName(x.Speaker, y.Speaker) || anySame(x.Names, y.Names) {
						hitQ = true
					}
				}
			}
			if !hitQ && !hitX {
				r.ScorerFP++
			}
		}
	}
	if r.Statements.Matched > 0 {
		r.ContentOverlap = sumOverlap / float64(r.Statements.Matched)
	}
	if len(la) > 0 {
		k, err := Kappa(la, lb)
		if err != nil {
			return r, err
		}
		r.IgnoreKappa = k
	}
	return r, nil
}

// anySame: some name of x is the same name as some name of y.
func anySame(x, y []string) bool {
	for _, a := range x {
		for _, b := range y {
			if nameForm(a) != "" && strings.ReplaceAll(nameForm(a), " ", "") == strings.ReplaceAll(nameForm(b), " ", "") {
				return true
			}
		}
	}
	return false
}
