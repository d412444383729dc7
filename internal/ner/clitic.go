package ner

import (
	"strings"
	"unicode/utf8"
)

// ANERcorp-style tokens keep their clitics attached (وألمانيا, للاتحاد,
// بالقاهرة), and the annotation tags the whole token, so the tagger sees
// both the token and the stems left after stripping proclitics. Arabic
// allows at most a conjunction (و ف), then a preposition (ب ل ك), then the
// article (ال); ل + ال is written لل (للاتحاد). Segmentation is ambiguous
// without a lexicon (بوتين is not ب + وتين), so every reading is a
// candidate and the model and the gazetteer decide which one counts.
// The input is in search form (normalize.Search), so أ/إ/آ are already ا.

// minStemRunes is the shortest stem kept: a two-letter remainder is more
// often a wrong split than a real word.
const minStemRunes = 2

// stems appends to dst the proclitic-stripped readings of the search-form
// word w, most stripped last, without w itself and without duplicates.
func stems(dst []string, w string) []string {
	base := len(dst)
	add := func(s string) {
		if utf8.RuneCountInString(s) < minStemRunes || s == w {
			return
		}
		for _, d := range dst[base:] {
			if d == s {
				return
			}
		}
		dst = append(dst, s)
	}
	// Stage 1: conjunction.
	forms := [2]string{w}
	n := 1
	if r, sz := utf8.DecodeRuneInString(w); (r == 'و' || r == 'ف') && utf8.RuneCountInString(w) > 3 {
		forms[1] = w[sz:]
		add(forms[1])
		n = 2
	}
	for _, f := range forms[:n] {
		// Stage 2: preposition, with لل = ل + ال.
		g := f
		if strings.HasPrefix(f, "لل") && utf8.RuneCountInString(f) > 3 {
			g = "ال" + f[len("لل"):]
			add(g)
		} else if r, sz := utf8.DecodeRuneInString(f); (r == 'ب' || r == 'ل' || r == 'ك') && utf8.RuneCountInString(f) > 3 {
			g = f[sz:]
			add(g)
		}
		// Stage 3: article.
		for _, h := range []string{f, g} {
			if strings.HasPrefix(h, "ال") && utf8.RuneCountInString(h) > 3 {
				add(h[len("ال"):])
			}
		}
	}
	return dst
}

// bare returns the most stripped reading of w (w itself if none).
func bare(w string) string {
	var buf [8]string
	s := stems(buf[:0], w)
	best := w
	for _, x := range s {
		if len(x) < len(best) {
			best = x
		}
	}
	return best
}
