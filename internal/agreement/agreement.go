package agreement

import (
	"fmt"
	"sort"
	"strings"

	"marsad/internal/text/normalize"
)

// Pair counts two annotators' items on one task: A is the original gold, B
// the second annotator. Matched items are paired one-to-one.
type Pair struct {
	A, B, Matched int
}

// F1 is the pairwise agreement 2·matched / (|A| + |B|): the F1 of either
// annotator scored against the other (it is symmetric).
func (p Pair) F1() float64 {
	if p.A+p.B == 0 {
		return 1
	}
	return 2 * float64(p.Matched) / float64(p.A+p.B)
}

func (p Pair) String() string {
	return fmt.Sprintf("F1 %.3f (A %d, B %d, matched %d)", p.F1(), p.A, p.B, p.Matched)
}

// Rate is k of n items.
type Rate struct{ K, N int }

// Value is k/n, 1 for an empty rate (nothing to disagree on).
func (r Rate) Value() float64 {
	if r.N == 0 {
		return 1
	}
	return float64(r.K) / float64(r.N)
}

func (r Rate) String() string { return fmt.Sprintf("%.3f (%d of %d)", r.Value(), r.K, r.N) }

// Kappa is Cohen's kappa of two label sequences of the same items: observed
// agreement corrected for the agreement expected from each annotator's label
// frequencies. It is 1 for identical labels; with a single label used by both
// (expected agreement 1) it is defined as 1.
func Kappa(a, b []string) (float64, error) {
	if len(a) != len(b) {
		return 0, fmt.Errorf("kappa: %d labels against %d", len(a), len(b))
	}
	if len(a) == 0 {
		return 0, fmt.Errorf("kappa: no items")
	}
	n := float64(len(a))
	ca, cb := map[string]float64{}, map[string]float64{}
	agree := 0.0
	for i := range a {
		ca[a[i]]++
		cb[b[i]]++
		if a[i] == b[i] {
			agree++
		}
	}
	po := agree / n
	pe := 0.0
	for l, x := range ca {
		pe += (x / n) * (cb[l] / n)
	}
	if pe == 1 {
		return 1, nil
	}
	return (po - pe) / (1 - pe), nil
}

// span is a half-open byte range.
type span struct{ s, e int }

func (x span) overlap(y span) int {
	lo, hi := max(x.s, y.s), min(x.e, y.e)
	return max(0, hi-lo)
}

// matchSpans pairs the spans of a and b one-to-one by overlap: every a in
// order takes the unused b that overlaps it most (ties: the first). It
// returns, for each a, the index of its b or -1.
func matchSpans(a, b []span) []int {
	out := make([]int, len(a))
	used := make([]bool, len(b))
	for i, x := range a {
		out[i] = -1
		best := 0
		for j, y := range b {
			if used[j] {
				continue
			}
			if o := x.overlap(y); o > best {
				best, out[i] = o, j
			}
		}
		if out[i] >= 0 {
			used[out[i]] = true
		}
	}
	return out
}

// sameName reports whether two participant or speaker names written by the
// two annotators denote the same name: equal in the search normalization
// (spaces ignored), one contained in the other as whole words, or sharing
// the first and the last word (علي صالح, علي عبدالله صالح).
func sameName(x, y string) bool {
	x, y = nameForm(x), nameForm(y)
	if x == "" || y == "" {
		return false
	}
	if strings.ReplaceAll(x, " ", "") == strings.ReplaceAll(y, " ", "") {
		return true
	}
	if strings.Contains(" "+x+" ", " "+y+" ") || strings.Contains(" "+y+" ", " "+x+" ") {
		return true
	}
	wx, wy := strings.Fields(x), strings.Fields(y)
	return len(wx) > 1 && len(wy) > 1 && wx[0] == wy[0] && wx[len(wx)-1] == wy[len(wy)-1]
}

// nameForm is the search form of a name without punctuation and quotation
// marks.
func nameForm(s string) string {
	s = normalize.Search(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("\"'«»“”()،,.:;-–", r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// sameNameSet reports whether every name of x has a same name in y and the
// other way round.
func sameNameSet(x, y []string) bool {
	cover := func(p, q []string) bool {
		for _, a := range p {
			ok := false
			for _, b := range q {
				if sameName(a, b) {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	return cover(x, y) && cover(y, x)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
