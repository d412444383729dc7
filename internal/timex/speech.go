package timex

import (
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
)

// Deictic words in reported speech point at the day the words were spoken,
// not at the day the article was published: «وقال الوزير أمس: "نوقع الاتفاق
// اليوم"» signs it on the day before publication (EVALUATION.md). The speech
// day is the day named in the reporting clause — a day expression in the
// sentence that introduces the quotation, outside it (قال أمس، صرح يوم
// الأحد) — and the publication day when the clause names none.

// cueWords are reporting verbs and participles (search forms) that introduce
// indirect speech with إن/أن or a colon. They are the common cues of issue 6
// (قال، أضاف، أوضح، أكد …) in their third-person past forms; the quote stage
// has the full list, and the pipeline passes its quotations in.
var cueWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`قال قالت اضاف اضافت اوضح اوضحت اكد اكدت اشار اشارت شدد شددت
		اعتبر اعتبرت اعلن اعلنت نفي نفت حذر حذرت ذكر ذكرت صرح صرحت لفت لفتت راي رات افاد افادت
		بين بينت كشف كشفت تابع تابعت قائلا قائله مؤكدا مؤكده مشيرا مشيره مضيفا مضيفه موضحا موضحه
		معتبرا معتبره لافتا لافته مبينا مبينه محذرا محذره يقول تقول يضيف تضيف يؤكد تؤكد يري تري`) {
		m[w] = true
	}
	return m
}()

var complementizers = map[string]bool{
	"ان": true, "بان": true, "انه": true, "انها": true, "انهم": true, "بانه": true, "بانها": true,
	"بانهم": true, "اننا": true,
}

// quoteRegions finds quoted stretches in the text by itself: text between
// quotation marks (“…”، «…»، "…", and the mismatched ”…” of some outlets) and
// indirect speech from the complementizer after a reporting verb (قال إن،
// أكد أن، وأضاف:) to the end of the sentence.
func (c *ctx) quoteRegions() []marsad.Span {
	var out []marsad.Span
	open := -1
	var closer rune
	for k, t := range c.toks {
		if t.brk {
			open = -1
		}
		if t.word || t.digits > 0 || len(t.norm) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.norm)
		if open >= 0 {
			if r == closer || closer == '"' && r == '”' || closer == '”' && r == '“' {
				out = append(out, marsad.Span{Start: c.toks[open].end, End: t.start})
				open = -1
			}
			continue
		}
		switch r {
		case '“':
			open, closer = k, '”'
		case '”':
			open, closer = k, '”'
		case '«':
			open, closer = k, '»'
		case '"':
			open, closer = k, '"'
		}
	}
	for k := 0; k < len(c.toks); k++ {
		w := strings.TrimPrefix(c.toks[k].norm, "و")
		if !c.toks[k].word || !cueWords[w] && !cueWords[c.toks[k].norm] {
			continue
		}
		// the complementizer within the clause: قال الوزير في تصريح أمس إن …
		for j := k + 1; j < len(c.toks) && j <= k+15; j++ {
			t := c.toks[j]
			if t.brk || t.norm == "." || t.norm == "؟" || t.norm == "!" {
				break
			}
			if t.norm == ":" || t.word && complementizers[t.norm] {
				end := j + 1
				for end < len(c.toks) && !c.toks[end].brk && c.toks[end].norm != "." && c.toks[end].norm != "؟" {
					end++
				}
				if end > j+1 {
					out = append(out, marsad.Span{Start: c.toks[j].end, End: c.toks[end-1].end})
				}
				k = j
				break
			}
		}
	}
	return out
}

// sentenceEnd: a sentence ends between tokens a and b (a full stop, a
// question or exclamation mark, or a line break).
func (c *ctx) sentenceEnd(a, b int) bool {
	for k := a; k <= b && k < len(c.toks); k++ {
		if c.toks[k].brk && k > a || k == a && c.toks[k].brk && a > 0 {
			return true
		}
		if k < b {
			switch c.toks[k].norm {
			case ".", "؟", "?", "!":
				return true
			}
		}
	}
	return false
}

// cueBetween: a reporting verb between tokens a and b starts another
// reporting clause (… أمس وأول من أمس، موضحة أن …), whose day is not the
// day named before it.
func (c *ctx) cueBetween(a, b int) bool {
	for k := a; k < b && k < len(c.toks); k++ {
		if c.toks[k].word && (cueWords[c.toks[k].norm] || cueWords[strings.TrimPrefix(c.toks[k].norm, "و")]) {
			return true
		}
	}
	return false
}

// maxCueGap is how many tokens may separate the day of the reporting clause
// from the quotation: وقال القرني في اتصال هاتفي أجرته معه قناة “ام بي سي”
// أمس الخميس، إن … has two.
const maxCueGap = 8

// speechDays re-resolves the relative expressions inside quotations against
// the day the quotation was spoken, when the reporting clause names one.
func (c *ctx) speechDays(hits []hit, quotes []marsad.Span) {
	if !c.hasRef || len(hits) == 0 || len(quotes) == 0 {
		return
	}
	span := func(h hit) marsad.Span {
		return marsad.Span{Start: c.toks[h.i].start + h.pre, End: c.toks[h.j-1].end}
	}
	inQuote := func(s marsad.Span) bool {
		for _, q := range quotes {
			if q.Contains(s) {
				return true
			}
		}
		return false
	}
	for _, q := range quotes {
		var inside []int
		for k, h := range hits {
			if q.Contains(span(h)) {
				inside = append(inside, k)
			}
		}
		if len(inside) == 0 {
			continue
		}
		// The day of the reporting clause: the nearest day before the
		// quotation, else the first one after it (“…”، قال أمس), in the same
		// sentence; expressions inside other quotations do not count. The
		// day must be close to the quotation, as the cue's adverb is (قال
		// أمس إن), and not after the publication day: words are reported
		// after they are spoken. A day further away belongs to another
		// clause (… بحلول 20 أغسطس، مشيرا إلى أن …).
		qs := sort.Search(len(c.toks), func(k int) bool { return c.toks[k].start >= q.Start })
		qe := sort.Search(len(c.toks), func(k int) bool { return c.toks[k].start >= q.End })
		var speech *hit
		for k := range hits {
			sp := span(hits[k])
			if !hits[k].hasDay || inQuote(sp) || hits[k].day.time().After(c.ref.time()) {
				continue
			}
			if sp.End <= q.Start && qs-hits[k].j <= maxCueGap && !c.sentenceEnd(hits[k].j, qs) && !c.cueBetween(hits[k].j, qs) {
				speech = &hits[k]
			} else if sp.Start >= q.End && hits[k].i-qe <= maxCueGap && !c.sentenceEnd(qe, hits[k].i) && speech == nil {
				speech = &hits[k]
				break
			}
		}
		if speech == nil || speech.day == c.ref {
			continue
		}
		saved := c.ref
		c.ref = speech.day
		for _, k := range inside {
			h := hits[k]
			if h.kind != marsad.TimeDate || strings.HasSuffix(h.value, "_REF") {
				continue
			}
			for _, r := range c.longest(h.i) {
				// an anaphor (الفترة المسائية، اليوم نفسه) keeps the day of
				// its antecedent
				// and so does a bare part of the day (merge gave it its day)
				// and so does an event's n-th day (merge counted it)
				if r.i == h.i && r.j == h.j && r.pre == h.pre && r.kind == h.kind && r.ana == 0 && !r.barePart && r.nth == 0 {
					hits[k].value = r.value
				}
			}
		}
		c.ref = saved
	}
}
