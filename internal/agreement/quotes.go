package agreement

import (
	"fmt"
	"strings"
	"unicode"

	"marsad"
	"marsad/internal/quote"
	"marsad/internal/text/normalize"
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
	norm, orig := searchForm(text)
	var out []Statement
	cursor := 0
	for _, it := range g.Items {
		s, e, next, err := resolve(norm, orig, it.Pattern, cursor)
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", g.ID, it.Line, err)
		}
		cursor = next
		st := Statement{Span: marsad.Span{Start: s, End: e}, Ignore: it.Ignore, Line: it.Line}
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

// searchForm is the search normalization of text with runs of space
// collapsed, and for every byte of it the offset in text it came from (the
// same mapping as the quote evaluation's, so that both annotators' patterns
// resolve to the spans the quote scorer uses).
func searchForm(text string) (string, []int) {
	var b strings.Builder
	orig := make([]int, 0, len(text)+1)
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				orig = append(orig, i)
			}
			space = true
			continue
		}
		space = false
		m := normalize.SearchRune(r)
		if m < 0 {
			continue
		}
		n, _ := b.WriteRune(m)
		for k := 0; k < n; k++ {
			orig = append(orig, i)
		}
	}
	orig = append(orig, len(text))
	return b.String(), orig
}

func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

func resolve(norm string, orig []int, pattern string, cursor int) (s, e, next int, err error) {
	parts := strings.SplitN(pattern, "…", 2)
	head := collapseSpaces(normalize.Search(parts[0]))
	if head == "" {
		return 0, 0, cursor, fmt.Errorf("empty pattern %q", pattern)
	}
	k := strings.Index(norm[cursor:], head)
	if k < 0 {
		return 0, 0, cursor, fmt.Errorf("pattern %q not found", pattern)
	}
	ns, ne := cursor+k, cursor+k+len(head)
	if len(parts) == 2 {
		tail := collapseSpaces(normalize.Search(parts[1]))
		t := strings.Index(norm[ne:], tail)
		if tail == "" || t < 0 {
			return 0, 0, cursor, fmt.Errorf("pattern %q: end not found", pattern)
		}
		ne = ne + t + len(tail)
	}
	end := orig[len(orig)-1]
	if ne < len(orig)-1 {
		end = orig[ne]
	}
	return orig[ns], end, ns, nil
}
