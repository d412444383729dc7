package quote

import (
	"sort"
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
// paragraph-break tokens, ending with a paragraph break. Spaces are dropped.
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
			norm := normalize.Search(text[i:j])
			if norm == "علي" && strings.HasSuffix(w, "ي") {
				// The name علي, which the search form merges with the
				// preposition على: keep it out of the function-word lists.
				norm = "علي_"
			}
			toks = append(toks, token{start: i, end: j, norm: norm, kind: word, taMarbuta: strings.HasSuffix(w, "ة")})
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
	// A final paragraph break closes the last paragraph, so every
	// quotation closed at a paragraph end has a token to close on.
	if len(toks) == 0 || toks[len(toks)-1].kind != newline {
		toks = append(toks, token{start: len(text), end: len(text), norm: "\n", kind: newline})
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

// maxNestedAt is how far (in tokens) into a quotation a nested one may
// open.
const maxNestedAt = 50

// pairQuotes pairs the quotation marks of each paragraph.
//
//   - Guillemets nest (« … «آية» … »): a stack per family.
//   - The double quotes “ ” " „ are one family whose direction is read from
//     the text around each mark, since the press writes ” and " on both
//     sides: a mark after a space and before a letter opens, one after a
//     letter and before a space or punctuation closes. A second opener
//     right after a word, shortly inside an open quotation, opens a nested
//     one (… بالنسبة لتنظيم "داعش" وسيوفر …"); any other second opener
//     means the first was never closed (وأضاف: "يتطلب … سواء كانت "داعش"
//     أو …, far on): the newer one is kept.
//   - A quotation still open at the end of its paragraph is closed there
//     when it follows a colon or the next paragraph opens with a mark
//     too — the press style of quotations running over paragraphs, each
//     paragraph reopening the mark. Otherwise it is unbalanced and dropped.
//   - Single quotes count only at word edges, so apostrophes do not pair.
func pairQuotes(text string, toks []token) []qspan {
	var out []qspan
	var stacks [4][]int
	closeAtBreak := func(nl int) {
		for fam := range stacks {
			st := stacks[fam]
			if len(st) > 0 {
				o := st[0] // the outermost open mark
				next := nl + 1
				if (o > 0 && toks[o-1].norm == ":") || (next < len(toks) && toks[next].kind == mark) {
					if nl > o+1 {
						out = append(out, qspan{open: o, close: nl})
					}
				}
			}
			stacks[fam] = stacks[fam][:0]
		}
	}
	for i, t := range toks {
		if t.kind == newline {
			closeAtBreak(i)
			continue
		}
		if t.kind != mark {
			continue
		}
		fam, canOpen, canClose := family(t.norm)
		if fam == 3 && !atWordEdge(text, t) {
			continue
		}
		looksOpen, looksClose := direction(text, t)
		st := stacks[fam]
		switch {
		case fam == 1 || fam == 2: // guillemets: direction is the glyph
			if canOpen {
				stacks[fam] = append(st, i)
			} else if len(st) > 0 {
				o := st[len(st)-1]
				stacks[fam] = st[:len(st)-1]
				if i > o+1 {
					out = append(out, qspan{open: o, close: i})
				}
			}
		case len(st) == 2 && (looksClose || !looksOpen):
			// A quoted name inside a quotation (“… لتنظيم "داعش" …”)
			// closes first; the outer quotation stays open.
			o := st[1]
			stacks[fam] = st[:1]
			if i > o+1 {
				out = append(out, qspan{open: o, close: i})
			}
		case len(st) > 0 && (looksClose || !looksOpen):
			o := st[0]
			stacks[fam] = st[:0]
			if i > o+1 {
				out = append(out, qspan{open: o, close: i})
			}
		case len(st) == 1 && looksOpen && !looksClose && i > 0 && toks[i-1].kind == word && i-st[0] <= maxNestedAt:
			// An opening mark after a word shortly inside an open
			// quotation opens a nested one (… نعمة بالنسبة لتنظيم "داعش"
			// …); further on, the first mark was a stray one.
			stacks[fam] = append(st, i)
		case looksOpen || (canOpen && !canClose) || (!looksClose && len(st) == 0):
			stacks[fam] = append(st[:0], i)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].open < out[j].open })
	return out
}

// direction reads whether a quotation mark opens (space, colon or start
// before, letter after: قال "نحن، لـ"داعش") or closes (letter or
// punctuation before, space or punctuation after: نحن".).
func direction(text string, t token) (open, close bool) {
	prev, _ := utf8.DecodeLastRuneInString(text[:t.start])
	next, _ := utf8.DecodeRuneInString(text[t.end:])
	prevOpen := t.start == 0 || unicode.IsSpace(prev) || strings.ContainsRune(":([{-–—", prev)
	if !prevOpen && isWordRune(prev) {
		// A one-letter proclitic or tatweel glued to the mark (و"…، لـ"…).
		w := strings.TrimRight(text[:t.start], "ـ")
		r, n := utf8.DecodeLastRuneInString(w)
		before, _ := utf8.DecodeLastRuneInString(w[:len(w)-n])
		if strings.ContainsRune("وفبلك", r) && (len(w) == n || !isWordRune(before)) {
			prevOpen = true
		}
	}
	nextWord := t.end < len(text) && isWordRune(next)
	return prevOpen && nextWord, !prevOpen && !nextWord
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
