// Package quote finds who said what in an article: direct quotations in the
// marks the Arabic press uses (“…”, ”…”, "…", «…», '…') and indirect speech
// introduced by a cue verb (أوضح، أكد، أشار إلى أن، شدد على …), each
// attributed to a speaker entity from the linking stage.
//
// It runs after sentence splitting, NER and linking: the speaker phrase of a
// statement (the subject after the cue verb, a name before it, a title, an
// institution) is mapped onto the entity whose mention covers it, and
// continuations (وأكد أن، لكنه شدد، مؤكداً أن) carry the previous speaker.
// The cue verbs, complementizers and markers are data files in data/.
package quote

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"marsad"
)

// Attributor is the quote stage of the pipeline.
type Attributor struct {
	lx *lexicon
	rk *ranker // the learned speaker choice (rank.go); nil: the rules alone
}

var (
	lexOnce sync.Once
	lexData *lexicon
	rkData  *ranker
	lexErr  error
)

// New returns an Attributor with the embedded cue data. The data is part of
// the binary and checked by the package tests, so a failure to load it is a
// build defect, not an input error: New panics on it as regexp.MustCompile
// does.
func New() *Attributor {
	lexOnce.Do(func() {
		lexData, lexErr = loadLexicon()
		if lexErr == nil {
			rkData, lexErr = loadRanker(rankerJSON)
		}
	})
	if lexErr != nil {
		panic(fmt.Sprintf("quote: embedded data: %v", lexErr))
	}
	return &Attributor{lx: lexData, rk: rkData}
}

// Annotate fills a.Quotes with the article's statements, in text order.
// It reads a.Sentences and a.Entities when present; without entities every
// speaker is kept as its phrase (speaker_name) with an empty id.
func (q *Attributor) Annotate(ctx context.Context, a *marsad.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := newDoc(q.lx, a)
	d.rk = q.rk
	d.run()
	a.Quotes = d.out
	return nil
}

// decisions runs the attributor on a and returns its speaker choices with
// their candidates (training data for the ranker).
func (q *Attributor) decisions(a *marsad.Article) []decision {
	d := newDoc(q.lx, a)
	d.rk, d.collect = q.rk, true
	d.run()
	a.Quotes = d.out
	return d.decisions
}

// Limits of the search around a cue, in tokens.
const (
	maxRegion  = 32 // cue verb … complementizer (the speaker phrase lives here)
	maxPrepGap = 12 // cue verb … preposition of a nominal complement
	// maxLookBack bounds the search for an earlier subject, so that a
	// text with no sentence ends costs linear time.
	maxLookBack = 80
)

// speaker is a resolved speaker: an entity index into a.Entities, or -1
// with the phrase as written.
type speaker struct {
	ent    int
	phrase string
}

func (s speaker) valid() bool { return s.ent >= 0 || s.phrase != "" }

// ment is an entity mention with the tokens it covers.
type ment struct {
	start, end int
	ent        int
	typ, kind  string
	tok0, tok1 int // first and last token overlapping the mention
}

type doc struct {
	lx   *lexicon
	a    *marsad.Article
	text string
	toks []token
	sent []int // sentence number of each token

	qs      []qspan
	qAt     map[int]int // opening-mark token → index in qs
	inQuote []bool      // token lies strictly inside a quotation
	inParen []bool      // token lies inside parentheses (verses, hadith, asides)
	claimed []bool      // quotation already used as or inside a statement

	ments   []ment
	mentAt  []int    // token → index in ments of the mention covering it, or -1
	display []string // entity → repaired name to show, or "" (names.go)
	// textNames are persons named in the text that have no entity;
	// speaker.ent len(a.Entities)+i is textNames[i] (names.go).
	textNames []string
	consumed  []bool

	rk        *ranker
	collect   bool       // keep the speaker decisions (training)
	decisions []decision // with collect
	why       string     // the rule that proposed the last speaker (resolveSpeaker)

	last     speaker
	lastSent int // sentence of the last statement's cue
	lastEnd  int // byte end of the last statement
	out      []marsad.Quote
	emitted  []marsad.Span
}

func newDoc(lx *lexicon, a *marsad.Article) *doc {
	d := &doc{lx: lx, a: a, text: a.Text, last: speaker{ent: -1}, lastSent: -10, lastEnd: -1}
	d.toks = tokenize(a.Text)
	n := len(d.toks)
	d.sent = sentenceNumbers(a, d.toks)
	d.qs = pairQuotes(a.Text, d.toks)
	d.qAt = make(map[int]int, len(d.qs))
	d.inQuote = make([]bool, n)
	d.claimed = make([]bool, len(d.qs))
	for i, q := range d.qs {
		d.qAt[q.open] = i
		for j := q.open + 1; j < q.close; j++ {
			d.inQuote[j] = true
		}
	}
	d.inParen = parenthesized(d.toks)
	d.consumed = make([]bool, n)
	d.indexMentions()
	d.repairNames()
	return d
}

// sentenceNumbers gives every token the number of its sentence: from
// a.Sentences when the splitter ran (a token between sentences belongs to
// the one before), else from end punctuation and paragraph breaks. Paragraph
// breaks are checked on their own where they matter (a newline token).
func sentenceNumbers(a *marsad.Article, toks []token) []int {
	out := make([]int, len(toks))
	if len(a.Sentences) > 0 {
		ss := a.Sentences
		k, merged := 0, 0
		for i, t := range toks {
			for k+1 < len(ss) && ss[k+1].Start <= t.start {
				k++
				// A break right after an abbreviation (د. بدر السمحان) is
				// no sentence end.
				if i >= 2 && toks[i-1].norm == "." && isAbbreviation(toks[i-2]) {
					merged++
				}
			}
			out[i] = k - merged
		}
		return out
	}
	n := 0
	for i, t := range toks {
		out[i] = n
		if t.kind == newline {
			n++
			out[i] = n
			continue
		}
		if t.kind == punct && strings.ContainsAny(t.norm, ".!?؟") && !(t.norm == "." && i > 0 && isAbbreviation(toks[i-1])) {
			n++
		}
	}
	return out
}

func (d *doc) indexMentions() {
	d.mentAt = make([]int, len(d.toks))
	for i := range d.mentAt {
		d.mentAt[i] = -1
	}
	for ei, e := range d.a.Entities {
		for _, m := range e.Mentions {
			if !(marsad.Span{Start: m.Start, End: m.End}).Valid(len(d.text)) || m.Start == m.End {
				continue
			}
			t0 := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].end > m.Start })
			t1 := t0
			for t1+1 < len(d.toks) && d.toks[t1+1].start < m.End {
				t1++
			}
			if t0 >= len(d.toks) || d.toks[t0].start >= m.End {
				continue
			}
			d.ments = append(d.ments, ment{start: m.Start, end: m.End, ent: ei, typ: e.Type, kind: m.Kind, tok0: t0, tok1: t1})
		}
	}
	sort.SliceStable(d.ments, func(i, j int) bool {
		if d.ments[i].start != d.ments[j].start {
			return d.ments[i].start < d.ments[j].start
		}
		return d.ments[i].end > d.ments[j].end
	})
	// A token takes the longest named mention covering it; pronoun
	// mentions only fill tokens no name covers.
	for mi, m := range d.ments {
		for t := m.tok0; t <= m.tok1; t++ {
			cur := d.mentAt[t]
			if cur < 0 || (d.ments[cur].kind == "pronoun" && m.kind != "pronoun") ||
				(m.kind != "pronoun" && m.end-m.start > d.ments[cur].end-d.ments[cur].start) {
				d.mentAt[t] = mi
			}
		}
	}
}

// run walks the tokens in order: cue words open statements, and quotations
// left over are attributed by a trailing cue (…"، قال الوزير) or as the
// continuation of the statement before them.
func (d *doc) run() {
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		switch t.kind {
		case mark:
			if qi, ok := d.qAt[i]; ok && !d.claimed[qi] && !d.insideEmitted(t.start) {
				d.looseQuote(qi)
			}
		case word:
			if d.consumed[i] || d.inQuote[i] || d.inParen[i] {
				continue
			}
			if c, conj, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok {
				if c.form == past && passiveVowelled(d.text[t.start:t.end]) {
					continue // وذُكر أن، أُعلن أن: no one is said to speak
				}
				if c.form == past && d.alefMaqsuraAsYa(t, conj) {
					// The search form writes أوصى 'he advised' like أوصي 'I
					// advise', نفى like the noun نفي, رأى like رأي: a text
					// that writes ي here does not write the past verb.
					continue
				}
				if c.suffixed && !d.complementizerSoon(i) {
					continue // ما يدعونه «…»: 'what they call', no statement
				}
				if d.passiveFormula(i, conj) {
					continue // ذكر أن opening a sentence: ذُكر أن, unvowelled
				}
				d.cueAt(i, c, conj)
			} else if accordingTo[t.norm] {
				d.accordingAt(i)
			}
		}
	}
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Start < d.out[j].Start })
	// Drop exact duplicates (a quotation reached from two cues).
	out := d.out[:0]
	for i, q := range d.out {
		if i > 0 && q.Start == d.out[i-1].Start && q.End == d.out[i-1].End {
			continue
		}
		out = append(out, q)
	}
	d.out = out
}

// relativeBetween reports whether a relative pronoun stands between the
// tokens i and j.
func (d *doc) relativeBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if d.toks[k].kind == word && relativePronouns[d.toks[k].norm] {
			return true
		}
	}
	return false
}

// complementizerSoon reports whether a complementizer follows the cue at i
// within its next five words (ويصفها بأنها، ويصفها الوزير بأنها).
func (d *doc) complementizerSoon(i int) bool {
	for k := i + 1; k < len(d.toks) && k <= i+5 && d.sent[k] == d.sent[i]; k++ {
		if d.toks[k].kind == word && d.lx.isComplementizer(d.toks[k].norm) {
			return true
		}
	}
	return false
}

// passiveFormula reports whether the cue at i is a formula of background
// with no speaker: الجدير ذكره أن, or the unvowelled passive ذُكر أن that
// opens a sentence with no proclitic (ذكر أن الجنرال أوديرنو
// كان قائدا …), a formula of background like يذكر أن: an active ذكر with
// its subject dropped would follow و or ف (وذكر أن).
func (d *doc) passiveFormula(i int, conj bool) bool {
	// الجدير ذكره أن، والجدير بالذكر: 'it is worth noting'.
	if i > 0 && strings.TrimPrefix(d.toks[i].norm, "و") == "ذكره" && hasNorm(d.toks[i-1], "الجدير", "والجدير", "جدير") {
		return true
	}
	if conj || d.toks[i].norm != "ذكر" || i+1 >= len(d.toks) || !hasNorm(d.toks[i+1], "ان", "انه", "انها", "بان") {
		return false
	}
	return i == 0 || d.sent[i-1] != d.sent[i] || d.toks[i-1].kind == newline
}

// parenthesized marks the tokens inside a pair of parentheses (or ﴿…﴾, {…})
// in one paragraph. What stands there is cited or an aside — a verse or a
// hadith (ومن أحسن قولاً ممن دعا إلى الله … وقال إنني من المسلمين), a
// title, an abbreviation — so a verb of saying there starts no statement of
// the article.
func parenthesized(toks []token) []bool {
	out := make([]bool, len(toks))
	open := -1
	for i, t := range toks {
		switch {
		case t.kind == newline:
			open = -1
		case t.kind == punct && (t.norm == "(" || t.norm == "﴿" || t.norm == "{"):
			open = i
		case t.kind == punct && (t.norm == ")" || t.norm == "﴾" || t.norm == "}") && open >= 0:
			for k := open + 1; k < i; k++ {
				out[k] = true
			}
			open = -1
		}
	}
	return out
}

// isAbbreviation reports whether t, before a period, is a one-letter
// abbreviation (د. for دكتور, أ. for أستاذ).
func isAbbreviation(t token) bool {
	return t.kind == word && (utf8.RuneCountInString(t.norm) == 1 || letterNames[t.norm])
}

// letterNames are Latin letters spelt out in Arabic, written as initials
// before a name (كيه. شانموجام، جيه. كيه. رولينغ), search form. Those that
// are also common words (في، أو، إن، أم، إل) are left out.
var letterNames = map[string]bool{"جيه": true, "كيه": true, "ايه": true, "بي": true, "سي": true, "دي": true, "اف": true,
	"اتش": true, "كيو": true, "ار": true, "اس": true, "تي": true, "يو": true, "دبليو": true, "اكس": true, "واي": true, "زد": true}

// nextNorm is the search form of the token after j, or "".
func (d *doc) nextNorm(j int) string {
	if j+1 < len(d.toks) {
		return d.toks[j+1].norm
	}
	return ""
}

func (d *doc) insideEmitted(pos int) bool {
	for i := len(d.emitted) - 1; i >= 0 && i >= len(d.emitted)-8; i-- {
		if s := d.emitted[i]; s.Start <= pos && pos < s.End {
			return true
		}
	}
	return false
}

// complement kinds: how the content of a statement is introduced.
type compKind int

const (
	compNone  compKind = iota
	compThat           // أن، إن، بأن، إلى أن، على أن
	compColon          // قال: …
	compQuote          // قال "…"
	compPrep           // شدد على ضرورة …
)

type complement struct {
	kind      compKind
	start     int // first token of the content
	regionEnd int // token after the speaker region
	q         int // quotation for compQuote
}

// findComplement looks after the cue at i for what introduces its content.
// The tokens between are the speaker region (أوضح [الرئيس الأميركي] أن).
func (d *doc) findComplement(i int, c cue) complement {
	sent := d.sent[i]
	aside := 0 // tokens of parenthesized asides in the region, not counted
	for j := i + 1; j < len(d.toks) && j <= i+maxRegion+aside; j++ {
		t := d.toks[j]
		if t.kind == newline || d.sent[j] != sent {
			return complement{}
		}
		// An aside in parentheses after the subject (زكية … (دكتوراة
		// الفلسفة في أصول التربية) إلى ضرورة …، حسن خيزران (55 عاما)):
		// nothing in it opens the content, and it does not lengthen
		// the region.
		// Parentheses that close the sentence hold the words said, as
		// some outlets write them (قال كيري في القاهرة (لا شك …).).
		if t.kind == punct && t.norm == "(" && j+1 < len(d.toks) && d.inParen[j+1] {
			k := j + 1
			for k < len(d.toks) && d.inParen[k] {
				k++
			}
			if n := k + 1; n < len(d.toks) && d.sent[n] == sent && d.toks[n].kind != newline && !strings.ContainsAny(d.toks[n].norm, ".!?؟") {
				aside += k - j + 1
				j = k
				continue
			}
		}
		switch t.kind {
		case mark:
			qi, ok := d.qAt[j]
			if !ok {
				// An opening mark never closed (قال عريقات «اتفقنا أن …،
				// مشيراً): the words said run from it to where the
				// statement ends, as after a colon.
				if d.unclosedOpening(j) {
					return complement{kind: compColon, start: j + 1, regionEnd: j}
				}
				continue
			}
			// اتهم واشنطن "بدعم وتحريض"، اتهمتهم بحيازة "مفرقعات …"،
			// وصفه "بالخائن": a quotation that is (or follows) the ب-object
			// of a verb taking an object is the charge or the epithet, a
			// noun, not words said (طالب بـ«…», whose ب introduces the
			// content, is another matter).
			if c.object && !slices.Contains(c.preps, "ب") && (strings.HasPrefix(d.toks[min(j+1, len(d.toks)-1)].norm, "ب") ||
				j > i+1 && d.toks[j-1].kind == word && strings.HasPrefix(d.toks[j-1].norm, "ب") && !d.lx.isComplementizer(d.toks[j-1].norm) &&
					!d.lx.isSpeakerHead(d.toks[j-1].norm) && d.mentAt[j-1] < 0) { // not بنك «سوسيتيه جنرال»
				return complement{} // ما وصف بعملية "البحث عن الكنز" … انها: no later أن either
			}
			// A quoted name inside the speaker phrase: قالت صحيفة "نيويورك
			// تايمز" إن …، أضاف في حديثه لـ"عكاظ": …، ما أسماهم بـ"الشريطية".
			if d.isNameQuote(qi) || d.complementFollows(d.qs[qi].close, d.quotedName(qi)) || d.quotedTerm(qi) || d.mediumBeforeQuote(qi) || d.quotedGenitive(qi) {
				j = d.qs[qi].close
				continue
			}
			// نقلت "فرانس برس" عن "مصدر في طالبان": a quotation after عن
			// names who is cited or what is spoken of, not the words.
			if j > i+1 && hasNorm(d.toks[j-1], "عن") {
				j = d.qs[qi].close
				continue
			}
			// طالب الأربعاء بـ«قمة استثنائية» وبـ«حصار بحري»: quoted
			// words as the nominal content after the verb's preposition,
			// perhaps coordinated with more.
			for _, p := range c.preps {
				if j > i+1 && d.toks[j-1].kind == word && d.toks[j-1].norm == p {
					return complement{kind: compPrep, start: j, regionEnd: j - 1}
				}
			}
			return complement{kind: compQuote, regionEnd: j, q: qi}
		case punct:
			switch t.norm {
			case ":":
				// قال: “…” and قال:⏎“…” quote; otherwise the words after
				// the colon are the (unmarked) direct speech.
				k := j + 1
				if k < len(d.toks) && d.toks[k].kind == newline {
					k++
				}
				if k < len(d.toks) {
					if qi, ok := d.qAt[k]; ok {
						return complement{kind: compQuote, regionEnd: j, q: qi}
					}
				}
				return complement{kind: compColon, start: j + 1, regionEnd: j}
			case ".", "!", "?", "؟":
				if t.norm == "." && isAbbreviation(d.toks[j-1]) {
					continue // د. بدر السمحان
				}
				return complement{}
			}
		case word:
			if d.lx.isComplementizer(t.norm) && !d.lx.notComp[d.toks[j-1].norm] {
				return complement{kind: compThat, start: j + 1, regionEnd: j}
			}
			if d.lx.compPreps[t.norm] && j+1 < len(d.toks) && d.lx.isComplementizer(d.toks[j+1].norm) {
				return complement{kind: compThat, start: j + 2, regionEnd: j}
			}
			if j-i-aside <= maxPrepGap && d.nominalSubjectOK(i, j, c) && !d.nameBeforeThat(i, j) {
				for _, p := range c.preps {
					if p == "ب" && len(t.norm) > len("ب")+4 && strings.HasPrefix(t.norm, "ب") && !d.lx.isComplementizer(t.norm) && !isPronounPP(t.norm) {
						return complement{kind: compPrep, start: j, regionEnd: j} // طالب بإطلاق: ب is part of the content word
					}
					if t.norm == p && j+1 < len(d.toks) && d.toks[j+1].kind == word && !d.lx.adverbials[d.toks[j+1].norm] {
						return complement{kind: compPrep, start: j + 1, regionEnd: j}
					}

				}
			}
			// A verb in a relative clause of the speaker phrase with a
			// pronoun for its antecedent (صحيفة واشنطن تايمز التي أوردت
			// الخبر في تقرير كتبه روان سكاربورو إن): its object is that
			// antecedent, so it has no content of its own.
			if !t.taMarbuta && d.lx.objectPronoun(t.norm) && d.relativeBetween(i, j) {
				continue
			}
			if c2, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok && (c2.form.finite() ||
				(c2.form == participle && d.toks[j-1].kind == punct && (d.toks[j-1].norm == "،" || d.toks[j-1].norm == ","))) {
				return complement{} // another statement starts before any content (…، مضيفاً)
			} else if ok && c2.form == participle {
				// …with no comma, after unmarked speech (وقال الصراف عبدالله
				// الصيرفي ارتفعت قيمة … 80 في المائة موضحا أن): the words
				// before the participle were said.
				if b := d.bareContent(i, c); b.kind != compNone && b.start < j {
					return b
				}
			}
			if d.lx.isAttitude(t.norm, d.nextNorm(j)) {
				return complement{}
			}
		}
	}
	if i+maxRegion+1 < len(d.toks) && d.sent[i+maxRegion] == sent {
		return d.farQuote(i)
	}
	return complement{}
}

// farQuote finds the quotation of a verb of saying whose speaker phrase is
// longer than maxRegion (وقال أمير جبهة النصرة … في مقابلة أجرتها محطة
// «ام تي في» … لمناسبة عيد الفطر «إذا خرجت …»): the first quotation of
// the sentence within twice that distance, when nothing else — a
// complementizer, colon or another verb of saying — comes first.
func (d *doc) farQuote(i int) complement {
	c, _, _ := d.lx.lookupCue(d.toks[i].norm, d.toks[i].taMarbuta)
	if !c.form.finite() {
		return complement{}
	}
	// The first maxRegion tokens were read by findComplement, which
	// stops at anything that opens content there.
	for j := i + maxRegion + 1; j < len(d.toks) && j <= i+2*maxRegion; j++ {
		t := d.toks[j]
		if t.kind == newline || d.sent[j] != d.sent[i] {
			return complement{}
		}
		switch t.kind {
		case punct:
			if t.norm == ":" || t.norm == "." && !isAbbreviation(d.toks[j-1]) {
				return complement{}
			}
		case word:
			if d.lx.isComplementizer(t.norm) || d.isCueWord(j) {
				return complement{}
			}
		case mark:
			qi, ok := d.qAt[j]
			if !ok {
				continue
			}
			if d.isNameQuote(qi) || d.quotedName(qi) || d.countWords(d.qs[qi].open, d.qs[qi].close) < 4 {
				j = d.qs[qi].close
				continue
			}
			return complement{kind: compQuote, regionEnd: j, q: qi}
		}
	}
	return complement{}
}

// unclosedOpening reports whether the unpaired mark at j opens words said:
// a double-quote family mark written as an opener (space before, letter
// after), followed by at least four words in its sentence, none of them a
// mark.
func (d *doc) unclosedOpening(j int) bool {
	t := d.toks[j]
	if t.norm == "'" || t.norm == "‘" || t.norm == "’" {
		return false
	}
	if open, _ := direction(d.text, t); !open {
		return false
	}
	n := 0
	for k := j + 1; k < len(d.toks) && d.toks[k].kind != newline && d.sent[k] == d.sent[j]; k++ {
		if d.toks[k].kind == mark {
			return false
		}
		if d.toks[k].kind == word {
			n++
		}
	}
	return n >= 4
}

// nameBeforeThat reports whether, after the preposition at j, the
// region of cue i goes on to a person's name closing it right before a
// complementizer (أكد المستشار والمشرف العام [على] الإعلام الجامعي … د.
// عبدالرحمن النامي أن): the preposition belongs to the title, and the
// content starts after أن.
func (d *doc) nameBeforeThat(i, j int) bool {
	for m := j + 1; m < len(d.toks) && m <= i+maxRegion && d.sent[m] == d.sent[i]; m++ {
		t := d.toks[m]
		if t.kind == mark || t.kind == newline || (t.kind == punct && t.norm == ":") {
			return false
		}
		if t.kind != word {
			continue
		}
		if d.isCueWord(m) {
			return false
		}
		if !d.lx.isComplementizer(t.norm) || d.lx.notComp[d.toks[m-1].norm] {
			continue
		}
		k := m - 1
		if k > j && d.toks[k].kind == punct && (d.toks[k].norm == "،" || d.toks[k].norm == ",") {
			k--
		}
		if k <= j || d.toks[k].kind != word {
			return false
		}
		if mi := d.mentAt[k]; mi >= 0 {
			return d.ments[mi].typ == "PERS" && d.named(mi)
		}
		return d.nameLike(d.toks[k].norm) && d.givenNamesBefore(k) < k
	}
	return false
}

// isPronounPP reports whether w is a preposition with a pronoun (بهن، بها،
// لهم), which refers back and opens no content.
func isPronounPP(w string) bool {
	for _, suf := range pronounSuffixes {
		if w == "ب"+suf || w == "ل"+suf {
			return true
		}
	}
	return false
}

// nominalSubjectOK decides whether a preposition at j may open the content
// of cue i without أن (شدد على ضرورة …): right after the verb, or after a
// region naming someone (شدد بوتين على …، طالب … الشيباني المرجعية بإصدار),
// or after a short title phrase for a verb without object. Otherwise the
// preposition belongs to the region (طالب الخبير … بجامعة نايف) or the
// verb is not one of saying at all (دعت الحاجة إلى).
func (d *doc) nominalSubjectOK(i, j int, c cue) bool {
	if j == i+1 {
		return true
	}
	for k := i + 1; k < j; k++ {
		if mi := d.mentAt[k]; mi >= 0 && d.named(mi) {
			return true
		}
		// A body the linker does not know (مطالباً … وزارة التجارة بدعم):
		// an institution word, not a person's title, which may be followed
		// by where he works (طالب الخبير … بجامعة نايف).
		if t := d.toks[k]; t.kind == word && d.lx.isSpeakerHead(t.norm) && !d.lx.isTitle(t.norm) && !d.lx.governors[d.toks[k-1].norm] {
			return true
		}
	}
	return !c.object && j-i <= 4 && d.lx.isSpeakerHead(d.toks[i+1].norm)
}

// bareContent finds direct speech given without a complementizer or
// marks, as some outlets write it: after a verb of saying and a named
// subject (ويقول بن يحيى قد يكون السبب …، وتابع الحمادي ما تشهده …), or
// right after the verb when the words are in the first person (وقال نحن
// نعمل …).
func (d *doc) bareContent(i int, c cue) complement {
	if !c.form.finite() || !c.bare || i+1 >= len(d.toks) {
		return complement{}
	}
	start := i + 1
	// The one addressed and the speaker's description may come first:
	// وقال لـ"الاقتصادية" الصراف عبدالله الصيرفي ارتفعت …
	start = d.skipAddressee(start)
	for n := 0; n < 2 && start+1 < len(d.toks) && d.mentAt[start] < 0 && d.toks[start].kind == word &&
		strings.HasPrefix(d.toks[start].norm, "ال") && d.nameLike(d.toks[start].norm[len("ال"):]) && d.mentAt[start+1] >= 0; n++ {
		start++
	}
	if t := d.toks[start]; t.kind == word && !hasNorm(t, "نحن", "انا", "اننا", "انني") {
		mi := d.mentAt[start]
		if mi < 0 || !d.named(mi) || d.ments[mi].tok0 != start {
			return complement{}
		}
		start = d.ments[mi].tok1 + 1
	}
	if start >= len(d.toks) || d.sent[start] != d.sent[i] {
		return complement{}
	}
	t := d.toks[start]
	if t.kind != word || d.lx.adverbials[t.norm] || d.lx.governors[t.norm] || d.mentAt[start] >= 0 ||
		strings.HasPrefix(t.norm, "لل") || strings.HasPrefix(t.norm, "بال") {
		return complement{}
	}
	if _, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok {
		return complement{}
	}
	// Five words of the sentence at least (يقول رئيس الوزراء عكس ذلك. …:
	// an object, not words said).
	end := start
	for end < len(d.toks) && end < start+6 && d.sent[end] == d.sent[start] && d.toks[end].kind != newline {
		end++
	}
	if d.countWords(start, end) < 5 {
		return complement{}
	}
	return complement{kind: compColon, start: start, regionEnd: start}
}

// skipAddressee skips the one a statement is addressed to, right after
// the verb: لـ"الاقتصادية"، لـ«الحياة»، للصحيفة، لصحيفة الحياة.
func (d *doc) skipAddressee(k int) int {
	if k >= len(d.toks) || d.toks[k].kind != word {
		return k
	}
	t := d.toks[k]
	if t.norm == "ل" && k+1 < len(d.toks) {
		if qi, ok := d.qAt[k+1]; ok && d.quotedTerm(qi) {
			return d.qs[qi].close + 1
		}
		return k
	}
	if w, ok := strings.CutPrefix(t.norm, "ل"); ok && (d.lx.isSpeakerHead(w) || strings.HasPrefix(w, "ل") && d.lx.isSpeakerHead(w[len("ل"):])) {
		return k + 1
	}
	return k
}

// complementFollows reports whether a complementizer or colon comes soon
// after token k in its sentence; far widens "soon" for a quoted name,
// which a long title may follow (وكشف لـ"الوطن" مدير الإدارة العامة … أن).
func (d *doc) complementFollows(k int, far bool) bool {
	window := 7
	if far {
		window = 16
	}
	for j := k + 1; j < len(d.toks) && j <= k+window; j++ {
		t := d.toks[j]
		if t.kind == newline || d.sent[j] != d.sent[k] {
			return false
		}
		if t.norm == ":" || (t.kind == word && d.lx.isComplementizer(t.norm) && !d.lx.notComp[d.toks[j-1].norm]) {
			return true
		}
		if t.kind == word {
			if _, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok {
				return false
			}
		}
	}
	return false
}

// quotedName reports whether quotation qi looks like a quoted name rather
// than quoted words: at most three words, glued to the word before it
// (لـ"الوطن"، صحيفة «الحياة») rather than after a colon or comma.
func (d *doc) quotedName(qi int) bool {
	q := d.qs[qi]
	if d.countWords(q.open, q.close) > 3 || q.open == 0 {
		return false
	}
	return d.toks[q.open-1].kind == word
}

// quotedTerm reports whether quotation qi is a short term or name (بـ"شريطية
// الأجهزة"، لـ"الوطن"، محطة «ام تي في»).
func (d *doc) quotedTerm(qi int) bool {
	q := d.qs[qi]
	if !d.quotedName(qi) {
		return false
	}
	p := d.toks[q.open-1]
	// After a one-letter preposition, or after an institution word
	// naming it (صحيفة «الحياة»، محطة «ام تي في»).
	return p.norm == "ب" || p.norm == "ل" || d.lx.isSpeakerHead(p.norm)
}

// quotedGenitive reports whether quotation qi is a name of one or two words
// in the genitive of the noun glued before it (ما رصده متابعو "سبق"،
// إجراءات «سمة»، لصحيفة “الشرق الأوسط”): a name inside a noun phrase, not
// words said — those follow the verb, its subject (قال الوزير "نعم"), a
// colon or a complementizer.
func (d *doc) quotedGenitive(qi int) bool {
	q := d.qs[qi]
	if !d.quotedName(qi) || d.countWords(q.open, q.close) > 2 {
		return false
	}
	p := q.open - 1
	if d.mentAt[p] >= 0 || d.isCueWord(p) || d.lx.isComplementizer(d.toks[p].norm) {
		return false
	}
	return !d.lx.notNames[d.toks[p].norm]
}

// mediumBeforeQuote reports whether quotation qi is a short name right
// before another quotation, as the medium spoken to is written (وأضاف في
// تصريحات إلى "الوطن" "عدن مدينتي …"): a name, and the words said follow.
func (d *doc) mediumBeforeQuote(qi int) bool {
	q := d.qs[qi]
	if !d.quotedName(qi) || q.close+1 >= len(d.toks) {
		return false
	}
	if _, next := d.qAt[q.close+1]; next {
		return true
	}
	// A name in apposition, closed by a comma (رئيس لجنة حقوق الإنسان
	// العربية «لجنة الميثاق»، كافة هيئات …) — unless right after the
	// verb, where short words said stand (قال «نعم»، …).
	n := d.toks[q.close+1]
	prev := q.open - 1
	if n.kind == punct && (n.norm == "،" || n.norm == ",") && !d.isCueWord(prev) {
		return true
	}
	return false
}

// isNameQuote reports whether quotation qi holds just a name the linker
// found (الشركة السعودية للصناعات الأساسية «سابك»): a name, not words said.
func (d *doc) isNameQuote(qi int) bool {
	q := d.qs[qi]
	for k := q.open + 1; k < q.close; k++ {
		if d.toks[k].kind == word && d.mentAt[k] < 0 {
			return false
		}
	}
	return q.close > q.open+1
}

// cueAt handles the cue word at token i.
func (d *doc) cueAt(i int, c cue, conj bool) {
	if d.citesScripture(i) {
		return
	}
	comp := d.findComplement(i, c)
	if comp.kind == compNone {
		comp = d.bareContent(i, c)
	}
	if comp.kind == compNone {
		return
	}
	// A cue inside the content of a statement already taken (ما تشهده
	// المنطقة من أحداث يؤكد أن …، أنه لا يرى دوراً) is part of it unless
	// it names its own speaker (… أن الوزير أكد أن).
	if d.insideEmitted(d.toks[i].start) {
		if _, explicit := d.subjectAfter(i+1, comp.regionEnd, c); !explicit {
			// … أن تصريحات المرشد، علي خامنئي، التي أكد فيها أن: a
			// relative clause naming its own speaker is a statement too.
			if _, ok := d.subjectBefore(i, conj); !ok {
				if sp, ok, rel := d.relative(i); !rel || !ok || sp.ent < 0 {
					return
				}
			}
		}
	}
	for j := i + 1; j < comp.regionEnd; j++ {
		d.consumed[j] = true
	}
	sp, speaks := d.resolveSpeaker(i, c, conj, comp.regionEnd)

	var s, e int
	kind := marsad.Indirect
	switch comp.kind {
	case compQuote:
		q := d.qs[comp.q]
		d.claimed[comp.q] = true
		s, e = d.toks[q.open].end, d.toks[q.close].start
		kind = marsad.Direct
	default:
		if comp.start >= len(d.toks) {
			return
		}
		paragraph := comp.kind == compColon
		var endTok int
		s, e, endTok = d.scanContent(comp.start, paragraph)
		if comp.kind == compColon {
			kind = marsad.Direct
		}
		// أن "…" with nothing after the closing mark: a direct quotation
		// introduced by a complementizer (مضيفاً أن "هذا المجتمع …").
		if qi, ok := d.qAt[comp.start]; ok {
			q := d.qs[qi]
			rest := true
			for k := q.close + 1; k < endTok; k++ {
				if d.toks[k].kind == word {
					rest = false
					break
				}
			}
			if rest {
				s, e = d.toks[q.open].end, d.toks[q.close].start
				kind = marsad.Direct
			}
		}
	}
	s, e = trimSpan(d.text, s, e)
	if s >= e {
		return
	}
	d.emitted = append(d.emitted, marsad.Span{Start: s, End: e})
	// Quotations inside the content are part of it.
	for qi := sort.Search(len(d.qs), func(k int) bool { return d.toks[d.qs[k].open].start >= s }); qi < len(d.qs) && d.toks[d.qs[qi].open].start < e; qi++ {
		d.claimed[qi] = true
	}
	if !speaks || !sp.valid() {
		return
	}
	if d.rk != nil || d.collect {
		cs := d.candidates(i, c, conj, comp.regionEnd, sp)
		if d.collect {
			d.decisions = append(d.decisions, decision{s: s, e: e, cands: cs})
		}
		if d.rk != nil && len(cs) > 1 {
			sp = cs[d.rk.best(cs)].sp
		}
	}
	d.emit(sp, d.cueText(i, conj), kind, s, e, d.sent[i])
}

// accordingTo are the prepositions of attribution that open a sentence
// with its source (ووفقا للخبير طلعت حافظ فإن …، وبحسب الوزير، …، حسب ما
// ذكره المتحدث فإن …), with و and without.
var accordingTo = map[string]bool{
	"حسب": true, "بحسب": true, "وحسب": true, "وبحسب": true,
	"وفق": true, "وفقا": true, "ووفق": true, "ووفقا": true,
	"طبقا": true, "وطبقا": true,
}

// accordingAt handles an attribution adjunct at token i that opens its
// sentence: the source named after it (a person in its phrase preferred
// over the body in his title, a document's author) says the rest of the
// sentence, after فإن or after the comma that closes the adjunct. Only a
// source the linker names counts (وبحسب المصادر: unnamed; وبحسب أرقام
// نشرتها الوزارة: figures), and only at the head of a sentence: a trailing
// "…، حسب رويترز" sources the reporter's narration, not a statement.
func (d *doc) accordingAt(i int) {
	if d.insideEmitted(d.toks[i].start) {
		return
	}
	if p := i - 1; p >= 0 && d.sent[p] == d.sent[i] && d.toks[p].kind != newline {
		if d.toks[p].kind != punct || !strings.ContainsAny(d.toks[p].norm, ".!?؟") {
			return
		}
	}
	j := i + 1
	// حسب ما ذكره X، وفق ما أعلنته الوزارة: ما and a verb of saying.
	if j+1 < len(d.toks) && hasNorm(d.toks[j], "ما") {
		if _, _, ok := d.lx.lookupCue(d.toks[j+1].norm, d.toks[j+1].taMarbuta); !ok {
			return
		}
		j += 2
	}
	src, end := -1, -1
	for k := j; k < len(d.toks) && k <= j+10 && d.sent[k] == d.sent[i]; k++ {
		t := d.toks[k]
		if t.kind == punct && (t.norm == "،" || t.norm == ",") || t.kind == word && (t.norm == "فان" || t.norm == "فانه" || t.norm == "فانها") {
			end = k
			break
		}
		if t.kind != word {
			if t.kind == mark {
				continue
			}
			return
		}
		if w := genitiveBare(t.norm); k == j && d.mentAt[k] < 0 && !d.lx.isSpeakerHead(w) && !d.lx.documents[strings.TrimPrefix(w, "ال")] {
			return // وبحسب أرقام …، وفقا للنتائج الأولية
		}
		mi := d.mentAt[k]
		if mi < 0 || d.ments[mi].kind == "pronoun" || d.eponymAt(d.ments[mi].tok0) {
			continue
		}
		if src < 0 || d.ments[src].typ != "PERS" && d.ments[mi].typ == "PERS" {
			src = mi
		}
	}
	if src < 0 || end < 0 || d.ments[src].typ == "LOC" {
		return
	}
	start := end + 1
	if start >= len(d.toks) || d.sent[start] != d.sent[i] {
		return
	}
	if t := d.toks[start]; t.kind == word && (t.norm == "فان" || t.norm == "فانه" || t.norm == "فانها") {
		start++ // وبحسب الوزير، فإن …
	}
	if start >= len(d.toks) || d.sent[start] != d.sent[i] || d.countWords(start, min(len(d.toks), start+6)) < 4 {
		return
	}
	s, e, _ := d.scanContent(start, false)
	if w := d.toks[end]; w.kind == word {
		// فإنه / فإنها: the pronoun is the subject of the content.
		s = min(s, w.start)
		if w.norm == "فان" {
			s = d.toks[start].start
		}
	}
	s, e = trimSpan(d.text, s, e)
	if s >= e {
		return
	}
	for k := i; k < start; k++ {
		d.consumed[k] = true
	}
	d.emitted = append(d.emitted, marsad.Span{Start: s, End: e})
	d.emit(speaker{ent: d.ments[src].ent}, d.cueText(i, strings.HasPrefix(d.toks[i].norm, "و") && !strings.HasPrefix(d.toks[i].norm, "وفق")), marsad.Indirect, s, e, d.sent[i])
}

// genitiveBare removes the preposition لـ from w (للخبير → الخبير، لوزارة →
// وزارة).
func genitiveBare(w string) string {
	if strings.HasPrefix(w, "لل") {
		return "ال" + w[len("لل"):]
	}
	return strings.TrimPrefix(w, "ل")
}

// passiveVowelled reports whether the past verb w is written with the
// vowels of the passive — a damma on its first radical (ذُكر، أُعلن، وصُف،
// وذُكر): the speaker is left out, so there is no one to attribute to.
// Unvowelled text cannot tell, and stays active.
func passiveVowelled(w string) bool {
	rs := []rune(w)
	k := 0
	if len(rs) > 2 && (rs[0] == 'و' || rs[0] == 'ف') && rs[1] != '\u064F' {
		k = 1
	}
	return k+1 < len(rs) && rs[k+1] == '\u064F'
}

// citesScripture reports whether the cue at i cites scripture or the
// Prophet (قال تعالى، في قوله سبحانه، يقول صلى الله عليه وسلم، قال الله عز
// وجل): a formula of data/scripture.txt right after it, or after الله.
func (d *doc) citesScripture(i int) bool {
	k := i + 1
	if k < len(d.toks) && hasNorm(d.toks[k], "الله") {
		k++
	}
	return k < len(d.toks) && d.toks[k].kind == word && d.lx.scripture[d.toks[k].norm]
}

// cueText is the cue word as written, without a conjunction proclitic.
func (d *doc) cueText(i int, conj bool) string {
	t := d.toks[i]
	w := d.text[t.start:t.end]
	if conj {
		if strings.HasPrefix(w, "و") {
			return strings.TrimPrefix(w, "و")
		}
		return strings.TrimPrefix(w, "ف")
	}
	return w
}

func (d *doc) emit(sp speaker, cueWord, kind string, s, e, sent int) {
	q := marsad.Quote{Cue: cueWord, Kind: kind, Text: d.text[s:e], Start: s, End: e}
	switch {
	case sp.ent >= len(d.a.Entities):
		q.SpeakerName = d.speakerName(sp.ent)
	case sp.ent >= 0:
		q.Speaker = d.a.Entities[sp.ent].ID
		q.SpeakerName = d.speakerName(sp.ent)
	default:
		q.SpeakerName = sp.phrase
	}
	d.out = append(d.out, q)
	d.last, d.lastSent, d.lastEnd = sp, sent, e
}

// scanContent returns the content starting at token from: up to the end of
// the sentence (of the paragraph when paragraph is set), or up to where a
// new statement starts (، مشيراً إلى …، وأكد أن …، لكنه شدد …). Quotations
// are skipped whole, so a quotation may carry the content over sentences.
func (d *doc) scanContent(from int, paragraph bool) (s, e, endTok int) {
	j := from
	if j < len(d.toks) && d.toks[j].kind == newline { // قال:⏎ …
		j++
		from = j
	}
	if j >= len(d.toks) {
		return 0, 0, j
	}
	sent := d.sent[j]
	for ; j < len(d.toks); j++ {
		t := d.toks[j]
		if !paragraph && t.kind != newline && d.sent[j] != sent && t.kind == word && d.afterEllipsis(j) {
			sent = d.sent[j] // لأهله.. أكملت دورها: a pause, not the statement's end
		}
		if t.kind == newline || (!paragraph && d.sent[j] != sent) {
			break
		}
		if t.kind == mark {
			if qi, ok := d.qAt[j]; ok {
				j = d.qs[qi].close
				sent = d.sent[j]
				continue
			}
		}
		// A verb after إذ opens a circumstantial clause inside the
		// content, not a new statement (أن الهيئة إذ تعبر عن حزنها …
		// تؤكد بأنها).
		if t.kind == word && j > from && !hasNorm(d.toks[j-1], "اذ") {
			if b, ok := d.statementStart(j); ok {
				j = b
				break
			}
		}
	}
	if j <= from {
		return 0, 0, j
	}
	return d.toks[from].start, d.toks[j-1].end, j
}

// statementStart reports whether a new statement or attitude starts at the
// word j, and returns the token where its clause begins (before a comma or
// a coordinating word: ، لكنه شدد → the comma).
func (d *doc) statementStart(j int) (int, bool) {
	t := d.toks[j]
	c, conj, isCue := d.lx.lookupCue(t.norm, t.taMarbuta)
	att := d.lx.isAttitude(t.norm, d.nextNorm(j))
	if !isCue && !att {
		return 0, false
	}
	b := d.clauseStart(j)
	switch {
	case isCue && c.form == participle:
		// Only a participle that introduces content of its own (…،
		// مشيراً إلى أن): without one it is an adjective (معلومات مؤكدة).
		if d.findComplement(j, c).kind == compNone {
			return 0, false
		}
		return b, true
	case att:
		if conj || b < j {
			return b, true
		}
	case conj && c.form == past || b < j: // after و/ف, a comma or a coordinating word
		// A verb that is one of saying only when it introduces content
		// (ونقل العشرات منهم إلى أقسام: 'moved'; وبين Y: 'between'): a
		// new statement only with a complement of its own.
		if !c.form.finite() {
			return b, true
		}
		if d.betweenAnd(j) {
			return 0, false
		}
		if d.findComplement(j, c).kind == compNone && d.bareContent(j, c).kind == compNone {
			return 0, false
		}
		return b, true
	}
	return 0, false
}

// betweenAnd reports whether the word j is the second بين of "بين X وبين
// Y" ('between X and Y'), not the verb بيّن 'to explain'.
func (d *doc) betweenAnd(j int) bool {
	if w := d.toks[j].norm; w != "وبين" && w != "فبين" {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-8 && d.sent[k] == d.sent[j]; k-- {
		if t := d.toks[k]; t.kind == word && strings.HasPrefix(t.norm, "بين") && len(t.norm) <= len("بينهما") {
			return true
		}
	}
	return false
}

// clauseStart moves back from the verb at j over coordinating words,
// speaker-switch markers and commas.
func (d *doc) clauseStart(j int) int {
	b := j
	for {
		moved := false
		for _, seq := range d.lx.openers {
			if d.endsWith(b, seq) {
				b -= len(seq)
				moved = true
				break
			}
		}
		if b > 0 && d.toks[b-1].kind == punct && (d.toks[b-1].norm == "،" || d.toks[b-1].norm == ",") {
			b--
			moved = true
		}
		if !moved {
			return b
		}
	}
}

// afterEllipsis reports whether token j follows two or more periods or an
// ellipsis sign, which the press writes for a pause inside a sentence.
func (d *doc) afterEllipsis(j int) bool {
	if j < 2 {
		return false
	}
	p := d.toks[j-1]
	if p.kind != punct {
		return false
	}
	return p.norm == "…" || p.norm == "." && d.toks[j-2].kind == punct && d.toks[j-2].norm == "."
}

// endsWith reports whether the words before token b are seq.
func (d *doc) endsWith(b int, seq []string) bool {
	if b < len(seq) {
		return false
	}
	for k := range seq {
		t := d.toks[b-len(seq)+k]
		if t.kind != word || t.norm != seq[k] {
			return false
		}
	}
	return true
}

// looseQuote attributes a quotation no cue introduced.
func (d *doc) looseQuote(qi int) {
	q := d.qs[qi]
	s, e := trimSpan(d.text, d.toks[q.open].end, d.toks[q.close].start)
	if s >= e {
		return
	}
	// Trailing attribution: "…"، قال الوزير. / "…"، بحسب الوزير.
	k := q.close + 1
	for k < len(d.toks) && d.toks[k].kind == punct && strings.Contains("،,-–", d.toks[k].norm) {
		k++
	}
	if k < len(d.toks) && d.toks[k].kind == word {
		t := d.toks[k]
		if c, conj, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok && !conj && c.form.finite() && d.findComplement(k, c).kind == compNone {
			end := k + 1
			for end < len(d.toks) && end < k+1+maxRegion && d.sent[end] == d.sent[k] && d.toks[end].kind == word {
				end++
			}
			d.consumed[k] = true
			sp, explicit := d.subjectAfter(k+1, end, c)
			if !explicit {
				sp = d.continuation(k)
			}
			d.claimed[qi] = true
			if sp.valid() {
				d.emitDirect(sp, d.cueText(k, false), s, e, d.sent[k])
			}
			return
		}
		if hasNorm(t, "حسب", "بحسب", "وفق", "وفقا", "طبقا") {
			for m := k + 1; m < len(d.toks) && m <= k+4; m++ {
				if mi := d.mentAt[m]; mi >= 0 && d.ments[mi].kind != "pronoun" {
					d.claimed[qi] = true
					d.emitDirect(speaker{ent: d.ments[mi].ent}, d.text[t.start:t.end], s, e, d.sent[k])
					return
				}
			}
		}
	}
	// وجاء في بيان رئيس الإقليم مسعود برزاني «…»: the formula hands the
	// quotation to the one named after the document noun.
	if sp, ok := d.documentSpeaker(q.open); ok {
		d.claimed[qi] = true
		d.emitDirect(sp, "", s, e, d.sent[q.open])
		return
	}
	// A quotation opening a paragraph or sentence right after a statement
	// continues it (وقال الوزير: "…". ⏎ "…").
	if !d.last.valid() || d.lastEnd < 0 || d.toks[q.open].start-d.lastEnd > 400 {
		return
	}
	if words := d.countWords(q.open, q.close); words < 4 {
		return
	}
	if o := q.open; o == 0 || d.toks[o-1].kind == newline ||
		(d.toks[o-1].kind == punct && strings.ContainsAny(d.toks[o-1].norm, ".!?؟:")) {
		d.claimed[qi] = true
		d.emitDirect(d.last, "", s, e, d.sent[q.open])
		return
	}
	// Inside a sentence whose subject is the one speaking in it or in the
	// sentence before (وأضاف عباس "…"، وحمل عباس الحكومة مسؤولية ما جرى
	// "لأنها …"): his words, given as the reason or gist of what he does.
	if words := d.countWords(q.open, q.close); words >= 6 && d.lastSent >= d.sent[q.open]-1 && d.last.ent >= 0 {
		if sp, ok := d.sentenceSubject(q.open); ok && sp.ent == d.last.ent && d.subjectNamedInSentence(q.open, sp.ent) {
			d.claimed[qi] = true
			d.emitDirect(d.last, "", s, e, d.sent[q.open])
		}
	}
}

// subjectNamedInSentence reports whether entity ent is named (not as a
// pronoun) in the sentence of token k, before k.
func (d *doc) subjectNamedInSentence(k, ent int) bool {
	for m := k - 1; m >= 0 && m > k-maxLookBack && d.sent[m] == d.sent[k]; m-- {
		if mi := d.mentAt[m]; mi >= 0 && d.ments[mi].ent == ent && d.named(mi) {
			return true
		}
	}
	return false
}

func (d *doc) emitDirect(sp speaker, cueWord string, s, e, sent int) {
	d.emitted = append(d.emitted, marsad.Span{Start: s, End: e})
	d.emit(sp, cueWord, marsad.Direct, s, e, sent)
}

func (d *doc) countWords(from, to int) int {
	n := 0
	for j := from; j < to; j++ {
		if d.toks[j].kind == word {
			n++
		}
	}
	return n
}

// documentSpeaker finds the formula جاء في / ورد في + a document noun +
// a name (وجاء في بيان رئيس اقليم كردستان مسعود برزاني «…») right before
// the quotation opening at token open, in its sentence, and returns the one
// named: a person if any, else a body.
func (d *doc) documentSpeaker(open int) (speaker, bool) {
	none := speaker{ent: -1}
	for k := open - 1; k >= 2 && k >= open-12 && d.sent[k] == d.sent[open]; k-- {
		doc := strings.TrimPrefix(d.toks[k].norm, "ال")
		if d.toks[k].kind != word || !d.lx.documents[doc] || !hasNorm(d.toks[k-1], "في") ||
			!hasNorm(d.toks[k-2], "جاء", "وجاء", "ورد", "وورد") {
			continue
		}
		best := -1
		for m := k + 1; m < open; m++ {
			mi := d.mentAt[m]
			if mi < 0 || d.ments[mi].kind == "pronoun" || d.ments[mi].kind == "title" && d.ments[mi].typ != "PERS" {
				continue
			}
			if d.ments[mi].typ == "PERS" {
				return d.spk(mi), true
			}
			if best < 0 {
				best = mi
			}
		}
		// A person's title (بيان رئيس اقليم كردستان مسعود برزاني): the
		// name that closes it, else the title's holder, else the title as
		// written — not the place or body in its genitive.
		if h := k + 1; h < open && d.lx.isTitle(d.toks[h].norm) {
			if n := open - 1; n > h && d.toks[n].kind == word && d.mentAt[n] < 0 && d.nameLike(d.toks[n].norm) {
				if j := d.givenNamesBefore(n); j < n && j > h {
					return speaker{ent: -1, phrase: d.text[d.toks[j].start:d.toks[n].end]}, true
				}
			}
			stop := open
			if best >= 0 {
				stop = d.ments[best].tok0
			}
			if ei, ok := d.titleHolder(h, stop); ok {
				return speaker{ent: ei}, true
			}
			end := min(open, h+6)
			return speaker{ent: -1, phrase: d.text[d.toks[h].start:d.toks[end-1].end]}, true
		}
		if best >= 0 {
			return d.spk(best), true
		}
		return none, false
	}
	return none, false
}

// spk is the speaker a mention names.
func (d *doc) spk(mi int) speaker { return speaker{ent: d.ments[mi].ent} }

// alefMaqsuraAsYa reports whether the past cue t is one whose form ends in
// ى (أوصى، نفى، رأى، ادعى) written with ي, as the first-person أوصي, the
// nouns نفي and رأي are; a pronoun suffix (أخبرني) is no such ending.
func (d *doc) alefMaqsuraAsYa(t token, conj bool) bool {
	w := t.norm
	if conj {
		w = w[len("و"):]
	}
	if c, ok := d.lx.cues[w]; !ok || c.form != past || !strings.HasSuffix(w, "ي") {
		return false
	}
	return strings.HasSuffix(d.text[t.start:t.end], "ي")
}
