package compare

import (
	_ "embed"
	"math"
	"sort"
	"strconv"
	"strings"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// numFact is a quantity stated in a sentence: a value, what it counts
// (the head noun after it: 125 قاضيا، 375 مليون ريال، 15%), and whether
// the outlet gave it as approximate or a bound (نحو، قرابة، أكثر من).
type numFact struct {
	val    float64
	approx bool
	bound  string // ">" at least (أكثر من), "<" at most (أقل من), "" otherwise
	head   string // key of the counted noun ("" when none could be told)
	toll   string // "dead" or "injured" when the number counts casualties, else ""
	// How a toll figure stands among the sentence's others: added to the
	// one before it (إضافة إلى ثلاثة), a total (إجمالي الوفيات 13), or a
	// figure the outlet itself gives as provisional or vague (حصيلة أولية،
	// في وقت سابق، ما بين 20 و25), which is compared with nothing.
	added, total, tentative bool
	span                    marsad.Span
}

func (n numFact) valueKey() string { return strconv.FormatFloat(n.val, 'g', 6, 64) }

// factsCompatible reports whether two stated quantities can both be true:
// a bound (أكثر من عشرة) holds for any value on its side, an approximate
// value for a close one.
func factsCompatible(f, g numFact) bool {
	for _, p := range [2][2]numFact{{f, g}, {g, f}} {
		switch p[0].bound {
		case ">":
			if p[1].val >= p[0].val || p[1].bound == ">" {
				return true
			}
		case "<":
			if p[1].val <= p[0].val || p[1].bound == "<" {
				return true
			}
		}
	}
	// An approximate figure leaves room only when it is a round one:
	// "نحو 400" may be 375, but "نحو 21" is a count, and 23 is another.
	return compatible(f.val, g.val, (f.approx && round(f.val)) || (g.approx && round(g.val)))
}

// round reports whether v is a figure people round to: a multiple of five
// at its second significant digit (15, 30, 400, 1500, 2000000).
func round(v float64) bool {
	if v < 10 || v != math.Trunc(v) {
		return false
	}
	for v >= 100 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	return v < 100 && math.Mod(v, 5) == 0
}

// compatible reports whether two quantities can both be true: equal, or
// close when either is approximate ("نحو 400 مليون" and "375 مليون").
func compatible(a, b float64, approx bool) bool {
	if a == b {
		return true
	}
	lo, hi := math.Min(a, b), math.Max(a, b)
	if lo <= 0 {
		return false
	}
	if approx {
		// "نحو 400 مليون" for 375 مليون, "ما يقارب ألف" for 943.
		return hi/lo <= 1.15
	}
	return hi/lo <= 1.01
}

// numbers finds the quantities of a sentence. Numbers inside time
// expressions (dates, durations) are the time stage's; years and ordinals
// (الدورة الـ36) count nothing.
func (l *lexicon) numbers(a *marsad.Article, sp marsad.Span, buf []tokenize.Token) []numFact {
	toks := tokenize.AppendTokens(buf[:0], a.Text[sp.Start:sp.End])
	inTime := func(t tokenize.Token) bool {
		s := marsad.Span{Start: sp.Start + t.Start, End: sp.Start + t.End}
		for _, x := range a.Times {
			if (marsad.Span{Start: x.Start, End: x.End}).Overlaps(s) {
				return true
			}
		}
		return false
	}
	var out []numFact
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		val, ok, j := 0.0, false, i+1
		switch t.Kind {
		case tokenize.Number:
			val, ok = ParseNumber(t.Text)
			// Multipliers: 1.5 مليون، 375 مليون.
			for j < len(toks) && toks[j].Kind == tokenize.Word {
				w, found := l.numWords[normalize.Search(toks[j].Text)]
				if !found || !w.mult {
					break
				}
				val *= w.val
				j++
			}
		case tokenize.Word:
			val, j, ok = l.numberWords(toks, i)
		}
		if !ok || inTime(t) {
			continue
		}
		first := i
		last := j - 1
		// Ordinals and years count nothing.
		if i > 0 && isOrdinalMark(toks[i-1]) {
			i = last
			continue
		}
		if t.Kind == tokenize.Number && val >= 1300 && val <= 2100 && val == math.Trunc(val) && last == i {
			i = last
			continue
		}
		approx, bound := false, ""
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if toks[k].Kind != tokenize.Word {
				continue
			}
			if m := l.approx[stripConj(normalize.Search(toks[k].Text))]; m != "" {
				approx = true
				if m != "~" {
					bound = m
				}
				first = k
				break
			}
		}
		// A figure restated in words (15 خمسة عشر، "681"، "ستمائة وواحداً
		// وثمانين جراماً") is one quantity: skip the words, keep the head.
		if t.Kind == tokenize.Number {
			k := j
			for k < len(toks) && k <= j+2 && toks[k].Kind == tokenize.Punct {
				k++
			}
			if k < len(toks) && toks[k].Kind == tokenize.Word {
				if _, end, isNum := l.numberWords(toks, k); isNum {
					j, last = end, end-1
				}
			}
		}
		head, hend := l.headNoun(toks, j)
		end := toks[last].End
		if hend > 0 {
			end = hend
		}
		toll, added := l.tollOf(toks, first, j), false
		if len(out) > 0 && out[len(out)-1].toll != "" && additive(toks, first) {
			// "استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين":
			// the added figure counts what the one before it counts.
			toll, added = out[len(out)-1].toll, true
		}
		total, tentative := false, false
		if toll != "" {
			total = l.marked(toks, first, 4, "total")
			tentative = l.marked(toks, first, 4, "range") || l.marked(toks, first, 2, "part") || l.marked(toks, first, first, "tentative") ||
				l.tollMarks[stripConj(normalize.Search(t.Text))] == "vague" || l.marked(toks, len(toks), len(toks), "since")
		}
		out = append(out, numFact{val: val, approx: approx, bound: bound, head: head, toll: toll,
			added: added, total: total, tentative: tentative,
			span: marsad.Span{Start: sp.Start + toks[first].Start, End: sp.Start + end}})
		i = last
	}
	return out
}

// tollOf says what casualties the number toks[first:after] counts, from
// a toll word just before it (استشهاد 12، وإصابة سبعة، حصيلة القتلى إلى 27)
// or a little after it (30 قتيلاً، نحو 17 شخصاً "استشهدوا"). After the
// number, the scan stops at punctuation, another number, or a toll word
// joined by و (وإصابة): that starts the next clause and its own count.
func (l *lexicon) tollOf(toks []tokenize.Token, first, after int) string {
	for k, n := first-1, 0; k >= 0 && n < 3; k-- {
		t := toks[k]
		if t.Kind != tokenize.Word {
			if quoteMark(t) {
				continue
			}
			break
		}
		if _, _, isNum := l.numberWords(toks, k); isNum {
			break // "وإصابة تسعة آخرين ثلاثة منهم": the toll word is the other number's
		}
		n++
		if kind := l.tollWord(t.Text, true); kind != "" {
			return kind
		}
	}
	for k, n := after, 0; k < len(toks) && n < 6; k++ {
		t := toks[k]
		if t.Kind != tokenize.Word {
			if quoteMark(t) {
				continue
			}
			break
		}
		n++
		if kind := l.tolls[normalize.Search(t.Text)]; kind != "" {
			// Only a bare word predicates the count (17 شخصاً استشهدوا،
			// 30 قتيلاً); with the article it picks a part of a group
			// already counted (اثنين من رجال الأمن المصابين).
			return kind
		}
		if l.tollWord(t.Text, true) != "" {
			return "" // وإصابة: the next clause's count
		}
	}
	return ""
}

// marked reports whether one of the n words before toks[first] is a toll
// marker of the kind: "total" (إجمالي، حصيلة، ليصبح), "range" (بين),
// "part" (بينهم), "tentative" (الأولية، في وقت سابق) or "since" (منذ).
func (l *lexicon) marked(toks []tokenize.Token, first, n int, kind string) bool {
	for k, seen := first-1, 0; k >= 0 && seen < n; k-- {
		if toks[k].Kind != tokenize.Word {
			continue
		}
		seen++
		s := stripConj(normalize.Search(toks[k].Text))
		if l.tollMarks[s] == kind || l.tollMarks[strings.TrimPrefix(s, "ال")] == kind {
			return true
		}
		if k > 0 && l.tollMarks[stripConj(normalize.Search(toks[k-1].Text))+" "+s] == kind {
			return true // في وقت سابق
		}
	}
	return false
}

// additive reports whether the number at toks[first] is added to the one
// before it: إضافة إلى، بالإضافة إلى، إضافة لـ، فضلاً عن، علاوة على.
func additive(toks []tokenize.Token, first int) bool {
	for k, n := first-1, 0; k >= 0 && n < 2; k-- {
		if toks[k].Kind != tokenize.Word {
			continue
		}
		n++
		s := stripConj(normalize.Search(toks[k].Text))
		if k == first-1 {
			// The preposition may be glued to the number word (لثلاثة)
			// or stand alone before it.
			switch s {
			case "الي", "ل", "عن", "علي":
				continue
			}
		}
		switch s {
		case "اضافه", "بالاضافه", "فضلا", "علاوه":
			return true
		}
		return false
	}
	return false
}

// tollWord looks a word up in the toll lexicon, without the article and
// (when conj) without a conjunction.
func (l *lexicon) tollWord(w string, conj bool) string {
	s := normalize.Search(w)
	if conj {
		s = stripConj(s)
	}
	if kind := l.tolls[s]; kind != "" {
		return kind
	}
	for _, art := range []string{"ال", "لل", "بال"} {
		if rest, ok := strings.CutPrefix(s, art); ok && len(rest) > 2*len("ا") {
			if kind := l.tolls[rest]; kind != "" {
				return kind
			}
		}
	}
	return ""
}

func quoteMark(t tokenize.Token) bool {
	return t.Kind == tokenize.Punct && strings.ContainsAny(t.Text, ")(«»\"“”'")
}

// numberWords reads a number written in words from toks[i]: units,
// teens (خمسة عشر), tens joined by و (ثلاثة وعشرون), hundreds and
// multipliers (ثلاثة آلاف وخمسمائة). It returns the value, the index after
// the last word, and whether toks[i] starts a number at all.
func (l *lexicon) numberWords(toks []tokenize.Token, i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	for ; j < len(toks) && toks[j].Kind == tokenize.Word; j++ {
		s := normalize.Search(toks[j].Text)
		if j > i {
			if !strings.HasPrefix(s, "و") {
				// Only a teen or a multiplier follows without و.
				w, ok := l.numWord(s)
				if !ok || !(w.mult || (w.val == 10 && cur > 0 && cur < 10)) {
					break
				}
			} else {
				s = s[len("و"):]
			}
		} else {
			s = stripConj(s)
		}
		w, ok := l.numWord(s)
		if !ok {
			break
		}
		switch {
		case w.mult:
			if cur == 0 {
				cur = 1
			}
			total += cur * w.val
			cur = 0
		case w.val == 10 && cur > 0 && cur < 10 && j > i:
			cur += 10
		default:
			cur += w.val
		}
	}
	if j == i {
		return 0, i, false
	}
	return total + cur, j, true
}

// numWord looks a number word up, also without the accusative alef
// (واحداً، عشرين).
func (l *lexicon) numWord(s string) (numWord, bool) {
	if w, ok := l.numWords[s]; ok {
		return w, true
	}
	if strings.HasSuffix(s, "ا") {
		w, ok := l.numWords[s[:len(s)-len("ا")]]
		return w, ok
	}
	return numWord{}, false
}

// headNoun is the key of the noun a number counts, found after the number
// (skipping brackets and quotation marks), and where it ends. "%" and
// "في المئة" count percent.
func (l *lexicon) headNoun(toks []tokenize.Token, j int) (string, int) {
	partitive := false
	for ; j < len(toks); j++ {
		t := toks[j]
		if t.Kind == tokenize.Punct {
			if t.Text == "%" || t.Text == "٪" {
				return "%", t.End
			}
			if strings.ContainsAny(t.Text, ")(«»\"“”'") {
				continue
			}
			return "", 0
		}
		if t.Kind != tokenize.Word {
			return "", 0
		}
		k := termKey(t)
		s := normalize.Search(t.Text)
		// Partitive: "عشرة من منسوبي القوات"، "3 من العاملين" count the noun
		// after من.
		if s == "من" && !partitive && j+1 < len(toks) && toks[j+1].Kind == tokenize.Word {
			partitive = true
			continue
		}
		if s == "في" || s == "بالمئه" || s == "بالمائه" {
			if s != "في" {
				return "%", t.End
			}
			if j+1 < len(toks) {
				if n := normalize.Search(toks[j+1].Text); n == "المئه" || n == "المائه" {
					return "%", toks[j+1].End
				}
			}
			return "", 0
		}
		if l.stop[k] || l.stop[s] {
			return "", 0
		}
		return headKey(k), t.End
	}
	return "", 0
}

// headKey shortens a noun key to its first three letters without alefs,
// so that the singular and plural outlets use after numbers (شخصاً،
// أشخاص؛ إصابة، إصابات) meet more often than not (قاض، قضاة do not).
func headKey(k string) string {
	// Broken plurals mostly add or move alefs (شخص/أشخاص، إصابة/إصابات):
	// the key keeps the other letters.
	k = strings.ReplaceAll(k, "ا", "")
	n := 0
	for i := range k {
		if n == 3 {
			return k[:i]
		}
		n++
	}
	return k
}

func isOrdinalMark(t tokenize.Token) bool {
	s := normalize.Search(t.Text)
	return s == "ال" || s == "الـ" || s == "رقم"
}

func stripConj(s string) string {
	if len(s) > len("و")+len("ال") && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		return s[len("و"):]
	}
	return s
}

//go:embed data/describe.txt
var describeData string

type describeLex struct {
	cue, part, that, weak map[string]bool
}

var descLex = func() *describeLex {
	d := &describeLex{cue: map[string]bool{}, part: map[string]bool{}, that: map[string]bool{}, weak: map[string]bool{}}
	for _, line := range strings.Split(describeData, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		w := normalize.Search(f[1])
		switch f[0] {
		case "cue":
			d.cue[w] = true
		case "part":
			d.part[w] = true
		case "that":
			d.that[w] = true
		case "weak":
			d.weak[w] = true
			d.weak[lightStem(w)] = true
		}
	}
	return d
}()

// descriptor is a characterization: who described the talks, the meeting,
// the decision, with what word (وصف ترامب اللقاء بأنه مثمر).
type descriptor struct {
	art     int
	unit    int
	speaker string // entity key
	name    string // speaker as written or named
	words   map[string]bool
	span    marsad.Span // the description itself
}

// descriptors finds the characterizations of one sentence.
func (s *story) descriptors(ui int) []descriptor {
	u := s.units[ui]
	a := s.arts[u.art]
	toks := tokenize.Tokens(a.Text[u.span.Start:u.span.End])
	var out []descriptor
	for i, t := range toks {
		if t.Kind != tokenize.Word {
			continue
		}
		w := stripConj(normalize.Search(t.Text))
		sw := normalize.Search(t.Text)
		finite, part := descLex.cue[w] || descLex.cue[sw], descLex.part[w] || descLex.part[sw]
		if !finite && !part {
			continue
		}
		// The predicate follows بأنه/بأنها within a few words.
		p := -1
		for k := i + 1; k < len(toks) && k <= i+8; k++ {
			if descLex.that[normalize.Search(toks[k].Text)] {
				p = k + 1
				break
			}
		}
		if p < 0 || p >= len(toks) {
			continue
		}
		words, span := predicate(toks, p)
		if len(words) == 0 {
			continue
		}
		span = marsad.Span{Start: u.span.Start + span.Start, End: u.span.Start + span.End}
		key, name := s.speakerAt(u, toks, i, part, span)
		if key == "" {
			continue
		}
		out = append(out, descriptor{art: u.art, unit: ui, speaker: key, name: name, words: words, span: span})
	}
	return out
}

// predicate reads the description after بأنه: a quoted phrase, or up to
// three words before punctuation. Only its first content word is kept as
// the description: "مثمر للغاية" and "مثمرة" describe alike.
func predicate(toks []tokenize.Token, p int) (map[string]bool, marsad.Span) {
	quoted := false
	if toks[p].Kind == tokenize.Punct && strings.ContainsAny(toks[p].Text, "\"“”«'") {
		quoted = true
		p++
	}
	words := map[string]bool{}
	var span marsad.Span
	for k := p; k < len(toks) && k < p+4; k++ {
		t := toks[k]
		if t.Kind != tokenize.Word {
			break
		}
		if span.End == 0 {
			span.Start = t.Start
		}
		span.End = t.End
		key := termKey(t)
		if len(words) == 0 && !descLex.weak[key] && !descLex.weak[normalize.Search(t.Text)] {
			words[key] = true
		}
		if !quoted && k >= p+1 {
			break
		}
	}
	return words, span
}

// speakerAt finds who utters the description at cue token i: the speaker
// of a quote covering it; for a finite verb the entity right after it (VSO)
// or right before it (SVO); for a participle the first person of the
// sentence (the main verb's subject). Without entities, the word after or
// before a finite verb stands for the speaker.
func (s *story) speakerAt(u *unit, toks []tokenize.Token, i int, part bool, pred marsad.Span) (string, string) {
	a := s.arts[u.art]
	for _, q := range a.Quotes {
		qs := marsad.Span{Start: q.Start, End: q.End}
		if qs.Overlaps(pred) && (q.Speaker != "" || q.SpeakerName != "") {
			if q.Speaker != "" {
				return q.Speaker, q.SpeakerName
			}
			return "name:" + lastKey(q.SpeakerName), q.SpeakerName
		}
	}
	cue := marsad.Span{Start: u.span.Start + toks[i].Start, End: u.span.Start + toks[i].End}
	type hit struct {
		key, name string
		m         marsad.Mention
	}
	var ms []hit
	for _, e := range a.Entities {
		if e.Type != "" && e.Type != marsad.PERS && e.Type != marsad.ORG {
			continue
		}
		k := entityKey(e)
		for _, m := range e.Mentions {
			if u.span.Contains(m.Span()) && k != "" {
				ms = append(ms, hit{k, e.Name, m})
			}
		}
	}
	sort.Slice(ms, func(x, y int) bool { return ms[x].m.Start < ms[y].m.Start })
	if part {
		for _, h := range ms {
			if h.m.Start < cue.Start {
				return h.key, h.name
			}
		}
		return "", ""
	}
	for _, h := range ms {
		// Right after the verb: at most one word between (وصف الرئيس ترامب).
		if h.m.Start >= cue.End && h.m.Start-cue.End <= 2*len("الرئيس ") {
			return h.key, h.name
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].m.End <= cue.Start && cue.Start-ms[k].m.End <= 3 {
			return ms[k].key, ms[k].name
		}
	}
	if len(a.Entities) > 0 {
		return "", ""
	}
	if i+1 < len(toks) && toks[i+1].Kind == tokenize.Word && !s.lx.stop[termKey(toks[i+1])] {
		return "name:" + termKey(toks[i+1]), toks[i+1].Text
	}
	if i > 0 && toks[i-1].Kind == tokenize.Word && !s.lx.stop[termKey(toks[i-1])] {
		return "name:" + termKey(toks[i-1]), toks[i-1].Text
	}
	return "", ""
}

func lastKey(name string) string {
	f := strings.Fields(searchKey(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
