package agreement

import (
	"fmt"
	"sort"
	"strings"

	"marsad/internal/ner"
)

// NERResult is the agreement of two NER annotations of the same sentences,
// at the entity level under CoNLL rules (a name agrees when both annotators
// tagged the same tokens with the same type).
type NERResult struct {
	Sentences int
	All       Pair            // exact span and type
	ByType    map[string]Pair // the same, per type (A's type for A, B's for B)
	Span      Pair            // exact span, any type
	// Disagreements by kind: "type" (same tokens, another type), "extent"
	// (overlapping tokens, same type), "extent+type", "A only", "B only".
	Kinds         map[string]int
	Disagreements []string
}

// NERTypes is the report order of the types.
var NERTypes = ner.Types

// CompareNER compares two annotations of the same sentences (same tokens,
// in the same order). label names a sentence in the disagreement list.
func CompareNER(a, b []ner.Sentence, label func(i int) string) (NERResult, error) {
	r := NERResult{ByType: map[string]Pair{}, Kinds: map[string]int{}}
	if len(a) != len(b) {
		return r, fmt.Errorf("ner: A has %d sentences, B %d", len(a), len(b))
	}
	for i := range a {
		if strings.Join(a[i].Tokens, " ") != strings.Join(b[i].Tokens, " ") {
			return r, fmt.Errorf("ner: sentence %s: A and B have different tokens", label(i))
		}
		r.Sentences++
		ca, cb := ner.Chunks(a[i].Tags), ner.Chunks(b[i].Tags)
		inB := map[ner.Span]bool{}
		spanB := map[[2]int]bool{}
		for _, c := range cb {
			inB[c] = true
			spanB[[2]int{c.Start, c.End}] = true
			p := r.ByType[c.Type]
			p.B++
			r.ByType[c.Type] = p
		}
		r.All.A += len(ca)
		r.All.B += len(cb)
		r.Span.A += len(ca)
		r.Span.B += len(cb)
		for _, c := range ca {
			p := r.ByType[c.Type]
			p.A++
			if inB[c] {
				p.Matched++
				r.All.Matched++
			}
			r.ByType[c.Type] = p
			if spanB[[2]int{c.Start, c.End}] {
				r.Span.Matched++
			}
		}
		toks := a[i].Tokens
		text := func(c ner.Span) string { return c.Type + " " + strings.Join(toks[c.Start:c.End], " ") }
		// Pair the names that do not agree exactly by overlap.
		var ra, rb []ner.Span
		inA := map[ner.Span]bool{}
		for _, c := range ca {
			inA[c] = true
			if !inB[c] {
				ra = append(ra, c)
			}
		}
		for _, c := range cb {
			if !inA[c] {
				rb = append(rb, c)
			}
		}
		var sa, sb []span
		for _, c := range ra {
			sa = append(sa, span{c.Start, c.End})
		}
		for _, c := range rb {
			sb = append(sb, span{c.Start, c.End})
		}
		m := matchSpans(sa, sb)
		usedB := make([]bool, len(rb))
		for k, j := range m {
			x := ra[k]
			if j < 0 {
				r.Kinds["A only"]++
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: A only: %s", label(i), text(x)))
				continue
			}
			usedB[j] = true
			y := rb[j]
			kind := "extent+type"
			switch {
			case x.Start == y.Start && x.End == y.End:
				kind = "type"
			case x.Type == y.Type:
				kind = "extent"
			}
			r.Kinds[kind]++
			r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: %s: A %s | B %s", label(i), kind, text(x), text(y)))
		}
		for j, y := range rb {
			if !usedB[j] {
				r.Kinds["B only"]++
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: B only: %s", label(i), text(y)))
			}
		}
	}
	return r, nil
}

// KindsString lists the disagreement kinds with their counts.
func (r NERResult) KindsString() string {
	var out []string
	for _, k := range sortedKeys(r.Kinds) {
		out = append(out, fmt.Sprintf("%s %d", k, r.Kinds[k]))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
