package ner

import (
	"sort"
	"strings"
)

// Entity type bits, for gazetteer entries that may carry several types
// (مصر is a LOC in most sentences and an ORG — the state — in others).
const (
	bitPERS uint8 = 1 << iota
	bitLOC
	bitORG
	bitMISC
)

func typeBit(t string) uint8 {
	switch t {
	case "PERS":
		return bitPERS
	case "LOC":
		return bitLOC
	case "ORG":
		return bitORG
	case "MISC":
		return bitMISC
	}
	return 0
}

// Gazetteer is a list of names (token sequences in search form) with the
// entity types they were seen with. Multi-token names are indexed by their
// first token.
type Gazetteer struct {
	first map[string][]gazEntry
	n     int
}

type gazEntry struct {
	rest []string
	mask uint8
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer { return &Gazetteer{first: map[string][]gazEntry{}} }

// Add records that the name (tokens in search form) has entity type typ.
func (g *Gazetteer) Add(name []string, typ string) {
	if len(name) == 0 || typeBit(typ) == 0 {
		return
	}
	es := g.first[name[0]]
	for i := range es {
		if equalStrings(es[i].rest, name[1:]) {
			es[i].mask |= typeBit(typ)
			return
		}
	}
	g.first[name[0]] = append(es, gazEntry{rest: append([]string(nil), name[1:]...), mask: typeBit(typ)})
	g.n++
}

// Len is the number of names.
func (g *Gazetteer) Len() int { return g.n }

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// gazMatch is one name found in a sentence: tokens [start, end), its type
// mask, and whether the first token matched only after clitic stripping.
type gazMatch struct {
	start, end int
	mask       uint8
	stripped   bool
}

// match finds names greedily, longest first, left to right. The first token
// of a name may carry proclitics (وألمانيا, لمجلس الأمن); the others must
// match exactly, as they do in ANERcorp-style text.
func (g *Gazetteer) match(dst []gazMatch, toks []tokInfo) []gazMatch {
	for i := 0; i < len(toks); {
		best := gazMatch{start: -1}
		try := func(form string, stripped bool) {
			for _, e := range g.first[form] {
				end := i + 1 + len(e.rest)
				if end > len(toks) || (best.start >= 0 && end < best.end) {
					continue
				}
				ok := true
				for k, r := range e.rest {
					if toks[i+1+k].norm != r {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				if best.start >= 0 && end == best.end {
					if stripped == best.stripped {
						best.mask |= e.mask
					}
					continue
				}
				best = gazMatch{start: i, end: end, mask: e.mask, stripped: stripped}
			}
		}
		try(toks[i].norm, false)
		for _, s := range toks[i].stems {
			try(s, true)
		}
		if best.start < 0 {
			i++
			continue
		}
		dst = append(dst, best)
		i = best.end
	}
	return dst
}

// entries lists the gazetteer as "type-mask<TAB>tokens" lines, sorted, for
// storage in a model file.
func (g *Gazetteer) entries() []string {
	var out []string
	for f, es := range g.first {
		for _, e := range es {
			out = append(out, string(rune('0'+e.mask))+"\t"+strings.Join(append([]string{f}, e.rest...), " "))
		}
	}
	sort.Strings(out)
	return out
}

// parseGazetteer is the inverse of entries.
func parseGazetteer(lines []string) *Gazetteer {
	g := NewGazetteer()
	for _, l := range lines {
		mask, name, ok := strings.Cut(l, "\t")
		if !ok || len(mask) != 1 {
			continue
		}
		m := uint8(mask[0] - '0')
		toks := strings.Fields(name)
		for _, t := range []string{"PERS", "LOC", "ORG", "MISC"} {
			if m&typeBit(t) != 0 {
				g.Add(toks, t)
			}
		}
	}
	return g
}
