package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// tokKind classifies a token.
type tokKind uint8

const (
	word tokKind = iota
	punct
	mark    // a quotation mark
	newline // a paragraph break
)

// token is a word or a punctuation rune with its byte span in the text and
// its search form. Clitics stay attached: the quote stage only needs to
// peel و/ف and pronoun suffixes off a few known words, which it does itself.
type token struct {
	start, end int
	norm       string
	kind       tokKind
	taMarbuta  bool // the word as written ends in ة (its search form in ه)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

// isQuoteMark reports whether r is a quotation mark of one of the families
// the Arabic press uses.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '\'', '‘', '’', '″':
		return true
	}
	return false
}

// tokenize splits text into word, punctuation, quotation-mark and
// paragraph-break tokens. Spaces are dropped.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if len(toks) == 0 || toks[len(toks)-1].kind != newline {
				toks = append(toks, token{start: i, end: i + n, norm: "\n", kind: newline})
			}
			i += n
		case unicode.IsSpace(r) || normalize.IsFormatControl(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			w := strings.TrimRightFunc(text[i:j], func(r rune) bool { return normalize.IsDiacritic(r) || r == 'ـ' })
			toks = append(toks, token{start: i, end: j, norm: normalize.Search(text[i:j]), kind: word, taMarbuta: strings.HasSuffix(w, "ة")})
			i = j
		default:
			k := punct
			if isQuoteMark(r) {
				k = mark
			}
			toks = append(toks, token{start: i, end: i + n, norm: string(r), kind: k})
			i += n
		}
	}
	return toks
}

// qspan is a pair of quotation marks: token indexes of the opening and
// closing mark.
type qspan struct{ open, close int }

// family groups the marks that can pair with each other. Arabic typesetting
// mixes the curly double quotes freely (”بناءة” as well as “بناءة”), so they
// are one family with the straight double quote; guillemets pair strictly.
func family(r string) (fam int, opener, closer bool) {
	switch r {
	case "«":
		return 1, true, false
	case "»":
		return 1, false, true
	case "‹":
		return 2, true, false
	case "›":
		return 2, false, true
	case "'", "‘", "’":
		return 3, true, true
	}
	return 0, true, true // " “ ” „ ‟ ″
}

// pairQuotes pairs the quotation marks of each paragraph. A family's mark
// closes the open quotation of its family, or else opens one; a mark left
// open at the paragraph end is unbalanced and dropped. Single quotes count
// only at word edges, so apostrophes in Latin names do not pair.
func pairQuotes(text string, toks []token) []qspan {
	var out []qspan
	open := [4]int{-1, -1, -1, -1}
	reset := func() { open = [4]int{-1, -1, -1, -1} }
	for i, t := range toks {
		if t.kind == newline {
			reset()
			continue
		}
		if t.kind != mark {
			continue
		}
		fam, canOpen, canClose := family(t.norm)
		if fam == 3 && !atWordEdge(text, t) {
			continue
		}
		if o := open[fam]; o >= 0 && canClose {
			if i > o+1 { // not an empty pair
				out = append(out, qspan{open: o, close: i})
			}
			open[fam] = -1
			continue
		}
		if canOpen {
			open[fam] = i
		}
	}
	// Sort by opening mark; spans from different families may interleave.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].open < out[j-1].open; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// atWordEdge reports whether a single quote stands at the edge of a word
// (space or punctuation on one side) rather than inside one (don't).
func atWordEdge(text string, t token) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:t.start])
	next, _ := utf8.DecodeRuneInString(text[t.end:])
	return !(isWordRune(prev) && isWordRune(next))
}

// isWordToken reports whether t is a word with the given search form,
// ignoring a leading و.
func hasNorm(t token, forms ...string) bool {
	if t.kind != word {
		return false
	}
	for _, f := range forms {
		if t.norm == f {
			return true
		}
	}
	return false
}

// trimSpan shrinks [s, e) of text to exclude surrounding spaces and the
// punctuation that ends a clause (، . : ؛), so that a content span holds
// the words only.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("،,:؛;-–—", r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune("،,.:؛;-–—", r) {
			break
		}
		e -= n
	}
	return s, e
}
