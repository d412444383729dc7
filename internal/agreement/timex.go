package agreement

import (
	"fmt"

	"marsad/internal/timex"
)

// TimexResult is the agreement of two annotations of the same excerpts.
type TimexResult struct {
	Excerpts  int
	Span      Pair    // expressions paired by overlap
	ExactSpan Pair    // expressions paired with the same offsets
	Value     Rate    // paired expressions with the same value
	ValueF1   Pair    // pairs with the same value, as agreement F1
	Kind      Rate    // paired expressions with the same kind
	KindKappa float64 // Cohen's kappa of kind over the pairs
	// B scored like a system against A's gold (timex.Evaluate's rules): a
	// gold expression is found when a B expression overlaps it, its value
	// right when an overlapping B expression has the same value.
	FoundByB, ValueByB Rate
	Disagreements      []string
}

// CompareTimex compares B's excerpts with the same excerpts of A (every B
// excerpt must be in A with the same end).
func CompareTimex(a, b []timex.Passage) (TimexResult, error) {
	byID := map[string]timex.Passage{}
	for _, p := range a {
		byID[p.ID] = p
	}
	var r TimexResult
	var ka, kb []string
	for _, pb := range b {
		pa, ok := byID[pb.ID]
		if !ok {
			return r, fmt.Errorf("timex: excerpt %s of B is not in A", pb.ID)
		}
		if pa.End != pb.End || pa.Ref != pb.Ref {
			return r, fmt.Errorf("timex: excerpt %s: A and B differ in end or ref", pb.ID)
		}
		r.Excerpts++
		var sa, sb []span
		for _, g := range pa.Gold {
			sa = append(sa, span{g.Start, g.End})
		}
		for _, g := range pb.Gold {
			sb = append(sb, span{g.Start, g.End})
		}
		r.Span.A += len(sa)
		r.Span.B += len(sb)
		r.ExactSpan.A += len(sa)
		r.ExactSpan.B += len(sb)
		r.ValueF1.A += len(sa)
		r.ValueF1.B += len(sb)
		m := matchSpans(sa, sb)
		usedB := make([]bool, len(sb))
		for i, j := range m {
			ga := pa.Gold[i]
			// the scorer's view
			found, valOK := false, false
			for _, gb := range pb.Gold {
				if sa[i].overlap(span{gb.Start, gb.End}) > 0 {
					found = true
					valOK = valOK || gb.Value == ga.Value
				}
			}
			r.FoundByB.N++
			r.ValueByB.N++
			if found {
				r.FoundByB.K++
			}
			if valOK {
				r.ValueByB.K++
			}
			if j < 0 {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s ref %s: only A «%s» %s %s", pb.ID, pb.Ref, ga.Text, ga.Value, ga.Kind))
				continue
			}
			usedB[j] = true
			gb := pb.Gold[j]
			r.Span.Matched++
			if ga.Start == gb.Start && ga.End == gb.End {
				r.ExactSpan.Matched++
			}
			r.Value.N++
			r.Kind.N++
			ka, kb = append(ka, ga.Kind), append(kb, gb.Kind)
			if ga.Kind == gb.Kind {
				r.Kind.K++
			}
			if ga.Value == gb.Value {
				r.Value.K++
				r.ValueF1.Matched++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s ref %s: value A «%s» %s | B «%s» %s", pb.ID, pb.Ref, ga.Text, ga.Value, gb.Text, gb.Value))
			}
		}
		for j, gb := range pb.Gold {
			if !usedB[j] {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s ref %s: only B «%s» %s %s", pb.ID, pb.Ref, gb.Text, gb.Value, gb.Kind))
			}
		}
	}
	if len(ka) > 0 {
		k, err := Kappa(ka, kb)
		if err != nil {
			return r, err
		}
		r.KindKappa = k
	}
	return r, nil
}
