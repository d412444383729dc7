// Package tokenize splits Arabic (and mixed Latin) text into tokens that keep
// their UTF-8 byte offsets into the text, and segments Arabic clitics
// (و+ب+بوتين) without losing those offsets.
package tokenize

import (
	"unicode"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with diacritics, tatweel or joiners inside
	Number             // ASCII, Arabic-Indic or Persian digits, with inner separators (15.5, ٢٬٠٠٠)
	Punct              // one punctuation or symbol rune
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	}
	return "punct"
}

// Token is a run of text with its byte offsets: text[Start:End] == Text.
type Token struct {
	Text  string
	Start int
	End   int
	Kind  Kind
}

// Tokens splits text into tokens. Whitespace separates tokens and is
// dropped; every punctuation rune is a token of its own, except inside
// numbers (3.5, 1,000, ١٫٥) and the apostrophe inside Latin words (O'Brien).
// Invalid UTF-8 bytes are skipped as separators, so offsets stay exact.
func Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/6)
	return AppendTokens(toks, text)
}

// AppendTokens appends the tokens of text to dst; it lets hot paths reuse
// a buffer.
func AppendTokens(dst []Token, text string) []Token {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1, isSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) || (r2 == '\'' && j+s2 < len(text) && isLatinLetter(r) && nextIsLatin(text[j+s2:])) {
					j += s2
					continue
				}
				break
			}
			dst = append(dst, Token{Text: text[i:j], Start: i, End: j, Kind: Word})
			i = j
		case isDigit(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isDigit(r2) {
					j += s2
					continue
				}
				// An inner separator followed by a digit stays in the number.
				if isNumberSeparator(r2) && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if isDigit(r3) {
						j += s2
						continue
					}
				}
				break
			}
			dst = append(dst, Token{Text: text[i:j], Start: i, End: j, Kind: Number})
			i = j
		default:
			dst = append(dst, Token{Text: text[i : i+size], Start: i, End: i + size, Kind: Punct})
			i += size
		}
	}
	return dst
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// isWordRune: letters, combining marks (harakat), tatweel, and the
// zero-width (non-)joiners that Persian and some Arabic typesetting put
// inside words.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ' || r == '\u200c' || r == '\u200d'
}

func isLatinLetter(r rune) bool { return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') }

func nextIsLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLatinLetter(r)
}

func isDigit(r rune) bool {
	_, ok := normalize.Digit(r)
	return ok
}

// isNumberSeparator: decimal and thousands separators, Latin and Arabic
// (U+066B ٫ decimal, U+066C ٬ thousands), and the slash of dates (15/8/2025).
func isNumberSeparator(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬' || r == '/' || r == ':'
}
