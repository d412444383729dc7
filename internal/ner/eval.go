package ner

import (
	"fmt"
	"io"
	"sort"
)

// Types are the entity types Marsad tags, in report order.
var Types = []string{"PERS", "LOC", "ORG", "MISC"}

// Count holds entity-level counts for one type (or all).
type Count struct {
	Gold, Pred, Correct int
}

// P, R and F1 are percentages (0–100); 0 when undefined.
func (c Count) P() float64 { return pct(c.Correct, c.Pred) }

// R is the recall in percent.
func (c Count) R() float64 { return pct(c.Correct, c.Gold) }

// F1 is the harmonic mean of P and R in percent.
func (c Count) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Scores are entity-level exact-match counts under CoNLL-2003 rules:
// micro-averaged over all types, and per type.
type Scores struct {
	All    Count
	ByType map[string]Count
}

// Span is one entity chunk: tokens [Start, End) of a sentence and its type.
type Span struct {
	Start, End int
	Type       string
}

// Chunks extracts entities from BIO tags the way conlleval does: an I- tag
// that does not continue an entity of its own type starts a new one, so
// IOB1-style and ill-formed sequences are scored as the reference scorer
// scores them.
func Chunks(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i, t := range tags {
		prefix, ty := splitTag(t)
		if start >= 0 && (prefix != 'I' || ty != typ) {
			out = append(out, Span{start, i, typ})
			start = -1
		}
		if prefix == 'B' || (prefix == 'I' && start < 0) {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(tags), typ})
	}
	return out
}

func splitTag(t string) (byte, string) {
	if len(t) < 3 || t[1] != '-' {
		return 'O', ""
	}
	return t[0], t[2:]
}

// Evaluate scores predicted tag sequences against gold ones, sentence by
// sentence. The two must have the same shape.
func Evaluate(gold, pred [][]string) (Scores, error) {
	s := Scores{ByType: map[string]Count{}}
	if len(gold) != len(pred) {
		return s, fmt.Errorf("evaluate: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return s, fmt.Errorf("evaluate: sentence %d has %d gold tags, %d predicted", i+1, len(gold[i]), len(pred[i]))
		}
		g, p := Chunks(gold[i]), Chunks(pred[i])
		set := make(map[Span]bool, len(g))
		for _, c := range g {
			set[c] = true
			s.add(c.Type, func(x *Count) { x.Gold++ })
		}
		for _, c := range p {
			s.add(c.Type, func(x *Count) { x.Pred++ })
			if set[c] {
				s.add(c.Type, func(x *Count) { x.Correct++ })
			}
		}
	}
	return s, nil
}

func (s *Scores) add(typ string, f func(*Count)) {
	f(&s.All)
	c := s.ByType[typ]
	f(&c)
	s.ByType[typ] = c
}

// Report writes a conlleval-like table: one line per type and the total.
func (s Scores) Report(w io.Writer) error {
	types := append([]string(nil), Types...)
	for t := range s.ByType {
		known := false
		for _, k := range Types {
			known = known || k == t
		}
		if !known {
			types = append(types, t)
		}
	}
	sort.SliceStable(types[len(Types):], func(i, j int) bool { return types[len(Types)+i] < types[len(Types)+j] })
	if _, err := fmt.Fprintf(w, "%-6s %7s %7s %7s %6s %6s %6s\n", "type", "P", "R", "F1", "gold", "pred", "ok"); err != nil {
		return err
	}
	line := func(name string, c Count) error {
		_, err := fmt.Fprintf(w, "%-6s %7.2f %7.2f %7.2f %6d %6d %6d\n", name, c.P(), c.R(), c.F1(), c.Gold, c.Pred, c.Correct)
		return err
	}
	for _, t := range types {
		if err := line(t, s.ByType[t]); err != nil {
			return err
		}
	}
	return line("all", s.All)
}
