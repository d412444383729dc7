package timex

import (
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
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || normalize.IsDiacritic(r) || r == 'ـ'
}

// scan splits text into tokens. Invalid UTF-8 is treated as punctuation, so
// offsets stay byte-exact on any input.
func scan(text string) []tok {
	toks := make([]tok, 0, len(text)/5)
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
			toks = append(toks, tok{start: i, end: j, norm: normalize.Search(text[i:j]), word: true, space: space, brk: brk})
			space, brk = false, false
			i = j
		default:
			toks = append(toks, tok{start: i, end: i + n, norm: text[i : i+n], space: space, brk: brk})
			space, brk = false, false
			i += n
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
