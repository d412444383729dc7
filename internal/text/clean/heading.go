package clean

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

// Section headings fused into running text.
//
// Text scraped without its markup runs a page's subheadings into the
// paragraphs around them: «… مشهد دبلوماسي عابر. تفاهمات جزئية ورسائل
// متبادلة بوتين وصف المحادثات …». A heading is recovered — made a paragraph
// of its own — only where the evidence is good:
//
//   - it follows a sentence end and is 2–6 words without punctuation;
//   - its first word is a content word in the indefinite (no ال, no و/ف
//     conjunction, not a particle or verb): Arabic subheadings are
//     typically indefinite noun phrases (تفاهمات جزئية، دور الناتو، سلام مؤجل);
//   - the words after it open a sentence unmistakably: a subject followed by
//     a past-tense verb (بوتين وصف، القمة حملت), or a fronted framing
//     adverbial, a comma and a verb (في ختام اللقاء، أعلن …);
//   - no word of it looks like a verb or a clause marker (أن، الذي);
//   - what remains is a sentence longer than the heading.
//
// The false-split rate is measured on clean news text in heading_test.go.

//go:embed data/heading_words.txt
var headingWordsFile string

var headingWords = loadWordLists(headingWordsFile)

func loadWordLists(src string) map[string]map[string]bool {
	lists := map[string]map[string]bool{}
	cur := ""
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			cur = strings.Trim(line, "[]")
			lists[cur] = map[string]bool{}
		case cur != "":
			lists[cur][normalize.Search(line)] = true
		}
	}
	return lists
}

const (
	minHeadingWords = 2
	maxHeadingWords = 6
)

// headingSplits returns the offsets in para after which a fused heading
// ends (the start of the real sentence that follows it).
func headingSplits(para string) []int {
	var out []int
	sents := sentence.Split(para)
	for i, s := range sents {
		if i == 0 {
			// A paragraph's first sentence follows no sentence end in this
			// text: a heading there is indistinguishable from a title.
			continue
		}
		if at, ok := headingEnd(para, s); ok {
			out = append(out, at)
		}
	}
	return out
}

// headingEnd looks for a heading at the start of sentence s of para and
// returns the offset where the real sentence starts.
func headingEnd(para string, s marsad.Span) (int, bool) {
	toks := tokenize.Tokens(para[s.Start:s.End])
	if len(toks) < minHeadingWords+3 {
		return 0, false
	}
	norm := func(i int) string { return normalize.Search(toks[i].Text) }
	if !isHeadingStart(toks[0], norm(0)) {
		return 0, false
	}
	for k := minHeadingWords; k <= maxHeadingWords && k+2 < len(toks); k++ {
		last := norm(k - 1)
		if toks[k-1].Kind == tokenize.Punct || headingWords["clause"][last] || (k > 1 && verbLike(strings.TrimPrefix(last, "و"))) {
			return 0, false // punctuation, a clause marker or a verb inside: not a heading
		}
		if headingWords["nonstart"][last] {
			continue // a heading does not end in a particle
		}
		if !opensSentence(toks, k, norm) {
			continue
		}
		// The remaining sentence must be longer than the heading.
		if len(toks)-k <= k {
			return 0, false
		}
		return s.Start + toks[k].Start, true
	}
	return 0, false
}

func isHeadingStart(t tokenize.Token, n string) bool {
	if t.Kind != tokenize.Word || !normalize.HasArabic(t.Text) {
		return false
	}
	if strings.HasPrefix(n, "ال") || headingWords["nonstart"][n] || isPastVerb(n) {
		return false
	}
	// An imperfect verb (يبدو، يستقر) or an adverbial accusative (موضحاً،
	// مؤكداً — the tanwin alef) opens a clause, not a heading.
	if strings.HasPrefix(n, "ي") || (strings.HasSuffix(n, "ا") && utf8.RuneCountInString(n) > 3) {
		return false
	}
	// A conjunction-prefixed first word (وأكد، فقد، وعن، والتعاون)
	// continues a narration.
	// Headings that start with و are too rare to tell from these.
	if strings.HasPrefix(n, "و") {
		return false
	}
	if rest, ok := strings.CutPrefix(n, "ف"); ok && (headingWords["nonstart"][rest] || verbLike(rest) ||
		strings.HasPrefix(rest, "ال") || utf8.RuneCountInString(rest) <= 2) {
		return false
	}
	return true
}

// verbLike reports whether a word inside a candidate heading looks like a
// verb, which a noun-phrase heading does not have: a known past verb, or an
// imperfect (يـ، or تـ/نـ on a short word: تدرك، ننتظر).
func verbLike(n string) bool {
	l := utf8.RuneCountInString(n)
	return isPastVerb(n) || (strings.HasPrefix(n, "ي") && l >= 3) ||
		((strings.HasPrefix(n, "ت") || strings.HasPrefix(n, "ن")) && l <= 4)
}

// opensSentence reports whether toks[k:] starts a sentence unmistakably.
func opensSentence(toks []tokenize.Token, k int, norm func(int) string) bool {
	w := norm(k)
	// A subject followed by a past-tense verb — but a definite word after a
	// definite one is an agreeing adjective (مشاريعها المستقبلية قالت), not a
	// new subject.
	if toks[k].Kind == tokenize.Word && !headingWords["nonstart"][w] && isPastVerb(norm(k+1)) &&
		!(strings.HasPrefix(w, "ال") && strings.HasPrefix(norm(k-1), "ال")) {
		return true
	}
	// A fronted framing adverbial: في ختام اللقاء، أعلن — an opener and a
	// framing noun, a comma within three words, then a past verb.
	if headingWords["opener"][w] && k+1 < len(toks) && headingWords["frame"][norm(k+1)] {
		for j := k + 2; j < len(toks) && j <= k+4; j++ {
			if toks[j].Text == "،" || toks[j].Text == "," {
				// …and the main clause starts with its verb: «…، أعلن».
				return j+1 < len(toks) && isPastVerb(norm(j+1))
			}
			if toks[j].Kind == tokenize.Punct {
				return false
			}
		}
	}
	return false
}

func isPastVerb(n string) bool {
	v := headingWords["verb"]
	return v[n] || (strings.HasSuffix(n, "ت") && v[strings.TrimSuffix(n, "ت")])
}

// splitHeadings makes every recovered heading a paragraph of its own. It
// returns nil when nothing was recovered.
func splitHeadings(text string, paras []marsad.Span) (*writer, []marsad.Span) {
	var cuts []int // offsets in text where a new paragraph starts
	for _, p := range paras {
		for _, at := range headingSplits(text[p.Start:p.End]) {
			cuts = append(cuts, p.Start+at)
		}
		// The heading itself starts after the previous sentence: cut there
		// too, found as the start of the sentence containing the heading.
	}
	if len(cuts) == 0 {
		return nil, paras
	}
	// For each cut, the heading starts at the sentence start before it.
	starts := map[int]bool{}
	for _, p := range paras {
		for _, s := range sentence.Split(text[p.Start:p.End]) {
			starts[p.Start+s.Start] = true
		}
	}
	var breaks []int
	for _, c := range cuts {
		h := c
		for h > 0 && !starts[h] {
			h--
		}
		if h > 0 {
			breaks = append(breaks, h)
		}
		breaks = append(breaks, c)
	}
	w := &writer{buf: make([]byte, 0, len(text)+4*len(breaks))}
	prev := 0
	for _, b := range breaks {
		seg := strings.TrimRight(text[prev:b], " ")
		w.write(seg, prev)
		if len(w.buf) > 0 && !strings.HasSuffix(string(w.buf), "\n") {
			w.buf = append(w.buf, "\n\n"...)
		}
		prev = b
	}
	w.write(text[prev:], prev)
	// Paragraphs are recomputed from the new text.
	return w, splitBlocksOnBlank(string(w.buf))
}

// splitBlocksOnBlank returns the spans between "\n\n" separators.
func splitBlocksOnBlank(s string) []marsad.Span {
	var out []marsad.Span
	start := 0
	for {
		i := strings.Index(s[start:], "\n\n")
		if i < 0 {
			if start < len(s) {
				out = append(out, marsad.Span{Start: start, End: len(s)})
			}
			return out
		}
		if i > 0 {
			out = append(out, marsad.Span{Start: start, End: start + i})
		}
		start += i + 2
	}
}
