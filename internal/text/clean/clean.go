// Package clean turns raw article text into Marsad's clean text: valid NFC
// UTF-8 without control and bidi characters, with one kind of space and
// hyphen, balanced quotation marks, and paragraphs separated by a blank line —
// keeping a map from every clean offset back to the raw input.
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"marsad"
	"marsad/internal/text/normalize"
)

// Result is cleaned text with its paragraphs and offset map.
type Result struct {
	Text       string
	Paragraphs []marsad.Span
	Map        *OffsetMap
}

// Text cleans raw. The input must be valid UTF-8 (ingest checks it and names
// the input in its error); invalid bytes that slip through are dropped.
func Text(raw string) Result {
	mid := normalizeRunes(raw)
	out, paras := assemble(string(mid.buf))
	stages := []stage{mid.anchors, out.anchors}
	text := string(out.buf)
	if h, hp := splitHeadings(text, paras); h != nil {
		text, paras = string(h.buf), hp
		stages = append(stages, h.anchors)
	}
	return Result{
		Text:       text,
		Paragraphs: paras,
		Map:        &OffsetMap{stages: stages, rawLen: len(raw)},
	}
}

// normalizeRunes applies NFC and the rune-level mappings: line breaks to \n,
// other spaces to ' ', Unicode hyphens to '-', controls and invisible
// formatting characters dropped.
func normalizeRunes(raw string) *writer {
	w := &writer{buf: make([]byte, 0, len(raw))}
	var it norm.Iter
	it.InitString(norm.NFC, raw)
	for !it.Done() {
		pos := it.Pos()
		seg := it.Next()
		// When NFC changed the segment, all its runes map to its start.
		changed := string(seg) != raw[pos:it.Pos()]
		if isPlainASCII(seg) {
			w.write(string(seg), pos)
			continue
		}
		for j := 0; j < len(seg); {
			r, size := utf8.DecodeRune(seg[j:])
			at := pos + j
			if changed {
				at = pos
			}
			j += size
			switch {
			case r == utf8.RuneError && size <= 1:
				// invalid byte: dropped
			case r == '\r':
				// \r\n → \n; a lone \r is a line break
				if !changed && at+1 < len(raw) && raw[at+1] == '\n' {
					continue
				}
				w.writeRune('\n', at)
			case r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f' || r == '\u0085':
				w.writeRune('\n', at)
			case r == '\t' || isExoticSpace(r):
				w.writeRune(' ', at)
			case r == '\u2010' || r == '\u2011':
				// hyphen and non-breaking hyphen (إلمندورف‑ريتشاردسون)
				w.writeRune('-', at)
			case normalize.IsFormatControl(r):
			case r != '\n' && unicode.IsControl(r):
			default:
				w.writeRune(r, at)
			}
		}
	}
	return w
}

func isPlainASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

func isExoticSpace(r rune) bool {
	return r == '\u00a0' || (0x2000 <= r && r <= 0x200a) || r == '\u202f' || r == '\u205f' || r == '\u3000' || r == '\u1680'
}

// assemble splits text into paragraphs and writes them separated by a
// blank line, each with runs of spaces collapsed and quotation marks
// repaired. When the text has blank lines, they separate paragraphs and
// single newlines inside a paragraph are line wrapping; otherwise every
// line is a paragraph (as in the text of most news pages).
func assemble(text string) (*writer, []marsad.Span) {
	w := &writer{buf: make([]byte, 0, len(text))}
	var paras []marsad.Span
	blocks := splitBlocks(text)
	for _, b := range blocks {
		if len(paras) > 0 {
			w.buf = append(w.buf, "\n\n"...)
		}
		start := len(w.buf)
		writeParagraph(w, text, b)
		if len(w.buf) == start { // nothing but spaces
			if len(paras) > 0 {
				w.buf = w.buf[:start-2]
			}
			continue
		}
		paras = append(paras, marsad.Span{Start: start, End: len(w.buf)})
	}
	return w, paras
}

// splitBlocks returns the byte ranges of the paragraphs of text.
func splitBlocks(text string) []marsad.Span {
	// Only a blank line between two text lines separates paragraphs;
	// leading and trailing blank lines say nothing.
	hasBlank := false
	lines := lineSpans(text)
	seenText, blankAfterText := false, false
	for _, l := range lines {
		if strings.TrimSpace(text[l.Start:l.End]) == "" {
			blankAfterText = seenText
			continue
		}
		if blankAfterText {
			hasBlank = true
			break
		}
		seenText = true
	}
	var blocks []marsad.Span
	cur := marsad.Span{Start: -1}
	for _, l := range lines {
		blank := strings.TrimSpace(text[l.Start:l.End]) == ""
		if !hasBlank {
			if !blank {
				blocks = append(blocks, l)
			}
			continue
		}
		switch {
		case blank && cur.Start >= 0:
			blocks = append(blocks, cur)
			cur = marsad.Span{Start: -1}
		case blank:
		case cur.Start < 0:
			cur = l
		default:
			cur.End = l.End
		}
	}
	if cur.Start >= 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

func lineSpans(text string) []marsad.Span {
	var out []marsad.Span
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			out = append(out, marsad.Span{Start: start, End: i})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, marsad.Span{Start: start, End: len(text)})
	}
	return out
}

// writeParagraph writes text[b] with whitespace runs (including wrapped
// line breaks) collapsed to one space and leading/trailing space removed.
func writeParagraph(w *writer, text string, b marsad.Span) {
	s := text[b.Start:b.End]
	pendingSpace := false
	quoteOpen := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			pendingSpace = true
			continue
		}
		if pendingSpace && len(w.buf) > 0 && w.buf[len(w.buf)-1] != '\n' {
			w.writeRune(' ', b.Start+i-1)
		}
		pendingSpace = false
		r = repairQuote(r, s, i, &quoteOpen)
		w.writeRune(r, b.Start+i)
	}
}

// repairQuote fixes the mixed curly quotes of Arabic typesetting, where ”
// often opens a quotation as well as closing it (واصفاً إياها بأنها ”بناءة”):
// a ” that comes when no quotation is open and is followed by a letter
// opens one, and is written “. Byte length is unchanged (both are 3 bytes),
// so offsets need no new anchor.
func repairQuote(r rune, s string, i int, open *bool) rune {
	switch r {
	case '“':
		*open = true
	case '”':
		if !*open {
			if next, _ := utf8.DecodeRuneInString(s[i+len("”"):]); unicode.IsLetter(next) {
				if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !unicode.IsLetter(prev) || isProclitic(prev) {
					*open = true
					return '“'
				}
			}
		}
		*open = false
	}
	return r
}

// isProclitic: a single-letter proclitic may be glued to an opening quote
// (و”قائمة”).
func isProclitic(r rune) bool { return r == 'و' || r == 'ف' || r == 'ب' || r == 'ل' || r == 'ك' }

func encodeRune(p []byte, r rune) int { return utf8.EncodeRune(p, r) }
