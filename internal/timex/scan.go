package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// tok is one word, number or punctuation mark of the text, with its byte
// span and its search form (normalize.Search: no diacritics or tatweel, one
// alef, ى→ي, ة→ه, ASCII digits).
type tok struct {
	start, end int
	norm       string
	num        int  // value of a digit run
	digits     int  // number of digits; 0 for words and punctuation
	word       bool // letters
	space      bool // whitespace before the token
	brk        bool // a line break before the token
	na, nz     int  // the search form's place in scan's buffer
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || normalize.IsDiacritic(r) || r == 'ـ'
}

// scan splits text into tokens. Invalid UTF-8 is treated as punctuation, so
// offsets stay byte-exact on any input.
func scan(text string) []tok {
	toks := make([]tok, 0, len(text)/10+1)
	// All search forms are written into one buffer and sliced at the end:
	// one allocation instead of one per word.
	var nb strings.Builder
	nb.Grow(len(text))
	space, brk := false, false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			space, brk = true, true
			i += n
		case unicode.IsSpace(r) || normalize.IsFormatControl(r):
			space = true
			i += n
		case isDigit(r):
			j, v, d := i, 0, 0
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				dv, ok := normalize.Digit(r2)
				if !ok {
					break
				}
				if d < 9 {
					v = v*10 + dv
				}
				d++
				j += n2
			}
			toks = append(toks, tok{start: i, end: j, num: v, digits: d, norm: asciiDigits(text[i:j]), space: space, brk: brk})
			space, brk = false, false
			i = j
		case isWordRune(r) && r != 'ـ' || (r == 'ـ' && len(toks) > 0 && !space && toks[len(toks)-1].word):
			if r == 'ـ' { // tatweel glued to the previous word (هـ)
				t := &toks[len(toks)-1]
				t.end = i + n
				i += n
				continue
			}
			j := i
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) || isDigit(r2) {
					break
				}
				j += n2
			}
			a := nb.Len()
			for _, r2 := range text[i:j] {
				if m := normalize.SearchRune(r2); m >= 0 {
					nb.WriteRune(m)
				}
			}
			toks = append(toks, tok{start: i, end: j, na: a, nz: nb.Len(), word: true, space: space, brk: brk})
			space, brk = false, false
			i = j
		default:
			toks = append(toks, tok{start: i, end: i + n, norm: text[i : i+n], space: space, brk: brk})
			space, brk = false, false
			i += n
		}
	}
	all := nb.String()
	for k := range toks {
		if toks[k].word {
			toks[k].norm = all[toks[k].na:toks[k].nz]
		}
	}
	return toks
}

func isDigit(r rune) bool {
	_, ok := normalize.Digit(r)
	return ok
}

func asciiDigits(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if d, ok := normalize.Digit(r); ok {
			b = append(b, byte('0'+d))
		}
	}
	return string(b)
}
