package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"marsad"
)

// Passage is one annotated excerpt of the evaluation set: the first End
// bytes of a SaudiNewsNet article's content (the text itself is not stored;
// it is read from the dataset by ID), its publication reference, and every
// time expression in it.
type Passage struct {
	ID     string      `json:"id"`
	Source string      `json:"source"`
	Ref    string      `json:"ref"` // YYYY-MM-DD from date_extracted
	Split  string      `json:"split"`
	End    int         `json:"end"`
	Gold   []GoldTimex `json:"gold"`
}

// GoldTimex is one hand-annotated expression; Start/End are byte offsets into
// the passage.
type GoldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Value string `json:"value"`
	Kind  string `json:"kind"`
	Mod   string `json:"mod,omitempty"`
}

// ReadPassages reads an evaluation set in JSON Lines.
func ReadPassages(r io.Reader) ([]Passage, error) {
	var out []Passage
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p Passage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("timex eval set line %d: %w", n, err)
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// Score is the result of an evaluation.
type Score struct {
	Gold, Pred  int
	SpanTP      int // gold expressions overlapped by a prediction
	PredTP      int // predictions overlapping a gold expression
	ValueOK     int // gold expressions overlapped by a prediction with the same value
	Errors      []string
	Passages    int
	Expressions int
}

// Precision of spans: predictions that overlap a gold expression.
func (s Score) Precision() float64 { return ratio(s.PredTP, s.Pred) }

// Recall of spans: gold expressions overlapped by a prediction.
func (s Score) Recall() float64 { return ratio(s.SpanTP, s.Gold) }

// F1 of spans.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ValueAccuracy is the share of gold expressions found with the exact gold
// value (EVALUATION.md: overlap and equal value).
func (s Score) ValueAccuracy() float64 { return ratio(s.ValueOK, s.Gold) }

// ValueOfFound is value accuracy over the gold expressions that were found.
func (s Score) ValueOfFound() float64 { return ratio(s.ValueOK, s.SpanTP) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s Score) String() string {
	return fmt.Sprintf("passages %d, gold %d, predicted %d: span P %.3f R %.3f F1 %.3f; exact value %.3f of gold (%.3f of found)",
		s.Passages, s.Gold, s.Pred, s.Precision(), s.Recall(), s.F1(), s.ValueAccuracy(), s.ValueOfFound())
}

// Evaluate scores extract on passages; text returns the passage text for an
// ID (the caller reads the dataset). It runs no command and touches no file.
// The errors of the held-out set's passages (Split == HeldOutSet) are
// counted but not listed, whoever asks: reading them would make it tuning
// data.
func Evaluate(passages []Passage, text func(id string, end int) (string, bool), extract func(string, time.Time, bool) []marsad.TimeExpr) (Score, error) {
	var s Score
	for _, p := range passages {
		errs := &s.Errors
		if p.Split == HeldOutSet {
			errs = new([]string)
		}
		t, ok := text(p.ID, p.End)
		if !ok {
			return s, fmt.Errorf("timex eval: no text for %s", p.ID)
		}
		ref, err := time.Parse("2006-01-02", p.Ref)
		if err != nil {
			return s, fmt.Errorf("timex eval %s: %w", p.ID, err)
		}
		for _, g := range p.Gold {
			if g.Start < 0 || g.End > len(t) || g.Start >= g.End || t[g.Start:g.End] != g.Text {
				return s, fmt.Errorf("timex eval %s: gold span %d-%d is not %q", p.ID, g.Start, g.End, g.Text)
			}
		}
		pred := extract(t, ref, true)
		s.Passages++
		s.Gold += len(p.Gold)
		s.Pred += len(pred)
		for _, e := range pred {
			hit := false
			for _, g := range p.Gold {
				if overlap(e.Start, e.End, g.Start, g.End) {
					hit = true
					break
				}
			}
			if hit {
				s.PredTP++
			} else {
				*errs = append(*errs, fmt.Sprintf("%s FP %q %s", p.ID, e.Text, e.Value))
			}
		}
		for _, g := range p.Gold {
			found, right := false, false
			var got []string
			for _, e := range pred {
				if overlap(e.Start, e.End, g.Start, g.End) {
					found = true
					got = append(got, e.Value)
					if e.Value == g.Value {
						right = true
					}
				}
			}
			switch {
			case !found:
				*errs = append(*errs, fmt.Sprintf("%s FN %q %s", p.ID, g.Text, g.Value))
			case !right:
				*errs = append(*errs, fmt.Sprintf("%s VALUE %q want %s got %v", p.ID, g.Text, g.Value, got))
			}
			if found {
				s.SpanTP++
			}
			if right {
				s.ValueOK++
			}
		}
	}
	s.Expressions = s.Gold
	return s, nil
}

func overlap(a, b, c, d int) bool { return a < d && c < b }
