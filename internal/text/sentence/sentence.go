// Package sentence splits cleaned article text into sentences, as byte spans.
//
// Arabic news punctuation differs from English in ways that matter here: the
// question mark is ؟, the comma ، and semicolon ؛ never end a sentence, and
// a quotation may run over several sentences (وقال ترامب: “اتفقنا … فحسب.
// بعضها … للغاية.”) — the whole quotation belongs to the sentence that
// introduces it, so that the quote stage sees the cue and the content
// together. Paragraph breaks (newlines) always end a sentence, which also
// bounds an unbalanced quotation mark to its paragraph.
package sentence

import (
	"unicode"
	"unicode/utf8"

	"marsad"
)

// maxQuoted bounds how far an open quotation can hold back a sentence end,
// in bytes; beyond it the quotation mark is taken to be unbalanced.
const maxQuoted = 1500

// Split returns the sentences of text, trimmed of surrounding space.
func Split(text string) []marsad.Span {
	var out []marsad.Span
	start := -1   // start of the current sentence, -1 between sentences
	quoteAt := -1 // where the open quotation began, -1 if none
	emit := func(end int) {
		if start >= 0 {
			s := trim(text, marsad.Span{Start: start, End: end})
			if s.Len() > 0 {
				out = append(out, s)
			}
		}
		start, quoteAt = -1, -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\r' || r == '\u2029' {
			emit(i)
			i += size
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		switch {
		case isOpenQuote(r) || (r == '"' && quoteAt < 0) || (r == '”' && quoteAt < 0 && opensQuote(text, i+size)):
			quoteAt = i
		case isCloseQuote(r) || r == '"':
			wasOpen := quoteAt >= 0
			quoteAt = -1
			// ‹…للغاية.”› ends the sentence when the quotation closes right
			// after its own terminal.
			if prev, _ := utf8.DecodeLastRuneInString(text[:i]); wasOpen && isTerminal(prev) {
				j := i + size
				if j >= len(text) {
					emit(j)
					i = j
					continue
				}
				if r2, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsSpace(r2) {
					emit(j)
					i = j
					continue
				}
			}
		case isTerminal(r):
			if quoteAt >= 0 && i-quoteAt < maxQuoted {
				break
			}
			if r == '.' && !endsSentence(text, start, i) {
				break
			}
			// Take following terminals, closing quotes and brackets with
			// this sentence: ‹؟!›, ‹.”›, ‹.)›.
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isTerminal(r2) || isCloseQuote(r2) || r2 == '"' || r2 == ')' || r2 == '»' {
					j += s2
					continue
				}
				break
			}
			// A terminal must be followed by space or the end to end a
			// sentence (3.5 and أ.ف.ب are not ends).
			if j < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsSpace(r2) {
					i = j
					continue
				}
			}
			emit(j)
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	return out
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '؟' || r == '…' || r == '۔'
}

func isOpenQuote(r rune) bool  { return r == '“' || r == '«' || r == '„' || r == '‹' }
func isCloseQuote(r rune) bool { return r == '”' || r == '»' || r == '›' }

// opensQuote reports whether a ” at the position before rest opens a
// quotation, as Arabic typesetting often does (و”قائمة على الاحترام”): it
// does when a letter follows it immediately.
func opensQuote(text string, rest int) bool {
	if rest >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[rest:])
	return unicode.IsLetter(r)
}

// endsSentence decides whether the period at i ends the sentence that
// started at start. A period after a single letter is an abbreviation (د.
// for Dr., م. for AD, أ. ف. ب) and does not end the sentence.
func endsSentence(text string, start, i int) bool {
	// Find the word before the period.
	j := i
	for j > start {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j -= size
	}
	word := text[j:i]
	if n := utf8.RuneCountInString(word); n == 1 {
		return false
	}
	return true
}

func trim(text string, s marsad.Span) marsad.Span {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += size
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= size
	}
	return s
}
