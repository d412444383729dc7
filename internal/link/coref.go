package link

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
	"marsad/internal/text/tokenize"
)

// counterparts are the words for "his/her counterpart" (نظيره الروسي): the
// holder of the same office in the country of the nisba that follows.
var counterparts = map[string]bool{"نظيره": true, "نظيرته": true, "نظيرها": true, "نظيريه": true, "نظيرهم": true}

// formerWords after a title make it refer to someone other than the current
// holder (الرئيس الأمريكي السابق، الرئيس المنتخب).
var formerWords = map[string]bool{"السابق": true, "الاسبق": true, "السابقه": true, "الاسبقه": true,
	"المنتخب": true, "المنتخبه": true, "المقبل": true, "الراحل": true, "الراحله": true, "المخلوع": true,
	"الجديد": true, "الجديده": true, "المكلف": true, "بالوكاله": true, "الاسبقين": true}

// honorifics may stand between a title and the name it introduces
// (خادم الحرمين الشريفين الملك سلمان، الرئيس الأمريكي السيد …).
var honorifics = map[string]bool{"الامير": true, "الملك": true, "الشيخ": true, "السيد": true, "السيده": true,
	"الدكتور": true, "الدكتوره": true, "المهندس": true, "اللواء": true, "العميد": true, "الفريق": true,
	"السلطان": true, "المشير": true, "العقيد": true, "الاستاذ": true, "معالي": true, "سمو": true}

// titleMatch is a title phrase found at a word.
type titleMatch struct {
	span     marsad.Span
	key      string
	n        int    // words
	country  string // for نظيره + nisba
	bare     bool   // an office head without a country (ولي العهد)
	minister bool   // الوزير + nisba: a minister of that country
	clitic   bool   // written with a proclitic (لخادم الحرمين)
}

// matchTitle finds the longest title phrase (or counterpart phrase)
// starting at word wi.
func (l *Linker) matchTitle(d *doc, wi int) (marsad.Span, string, int) {
	t := l.titleAt2(d, wi)
	return t.span, t.key, t.n
}

func (l *Linker) titleAt2(d *doc, wi int) titleMatch {
	first := d.toks[d.words[wi]]
	for _, r := range d.readings(wi) {
		key0 := r.key
		start := first.Start + r.skip
		if r.prefix != "" {
			start = first.Start
		}
		if (key0 == "الوزير" || key0 == "الوزيره") && wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
			// الوزير السعودي: the minister of that country the article named.
			if c, ok := l.kb.NisbaCountry(d.wkey(wi + 1)); ok {
				return titleMatch{span: marsad.Span{Start: start, End: d.toks[d.words[wi+1]].End}, key: key0 + " " + d.wkey(wi+1), n: 2, country: c, minister: true}
			}
		}
		if counterparts[key0] && wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
			// نظيره الروسي، نظيره الكوري الجنوبي
			k1 := d.wkey(wi + 1)
			if wi+2 < len(d.words) && adjacent(d, d.words[wi+1], d.words[wi+2]) {
				k2 := k1 + " " + d.wkey(wi+2)
				if c, ok := l.kb.NisbaCountry(k2); ok {
					return titleMatch{span: marsad.Span{Start: start, End: d.toks[d.words[wi+2]].End}, key: key0 + " " + k2, n: 3, country: c}
				}
			}
			if c, ok := l.kb.NisbaCountry(k1); ok {
				return titleMatch{span: marsad.Span{Start: start, End: d.toks[d.words[wi+1]].End}, key: key0 + " " + k1, n: 2, country: c}
			}
			continue
		}
		if !l.titlePrefix[key0] {
			continue
		}
		best := titleMatch{clitic: r.skip > 0}
		key := key0
		for n := 1; n <= l.maxWords && wi+n-1 < len(d.words); n++ {
			if n > 1 {
				ti := d.words[wi+n-1]
				if !adjacent(d, d.words[wi+n-2], ti) {
					break
				}
				key += " " + d.wkey(wi+n-1)
			}
			if !l.titlePrefix[key] {
				break
			}
			if len(l.kb.TitleHolders(key)) > 0 {
				best = titleMatch{span: marsad.Span{Start: start, End: d.toks[d.words[wi+n-1]].End}, key: key, n: n, clitic: r.skip > 0}
			} else if l.bareTitle[key] {
				best = titleMatch{span: marsad.Span{Start: start, End: d.toks[d.words[wi+n-1]].End}, key: key, n: n, bare: true, clitic: r.skip > 0}
			}
		}
		if best.n > 0 {
			return best
		}
	}
	return titleMatch{}
}

// office is a resolved title: which role of which country, held by whom.
type office struct {
	role, country string
	cl            *cluster
	end           int
}

// titles adds title mentions: a title used alone refers to the person the
// article already introduced with it (apposition, before or after the
// name) or to its holder on the article's date; نظيره + nisba to the
// holder of the same office as the last titled person. An office head
// without a country (ولي العهد، الرئيس) refers only to the one person the
// article introduced with it.
func (l *Linker) titles(d *doc) {
	known := map[string]*cluster{}         // title key → person introduced with it
	bare := map[string]map[*cluster]bool{} // bare head → people introduced with it
	learn := func(t titleMatch, c *cluster) {
		known[t.key] = c
		if bare[t.key] == nil {
			bare[t.key] = map[*cluster]bool{}
		}
		bare[t.key][c] = true
	}
	ministers := map[string]map[*cluster]bool{} // country → its ministers named in the article
	minister := func(role, country string, c *cluster) {
		switch role {
		case "fm", "dm", "im", "finance", "oil":
			if ministers[country] == nil {
				ministers[country] = map[*cluster]bool{}
			}
			ministers[country][c] = true
		}
	}
	d.indexNames()
	var chain *cluster // the person of the last apposition, for a chain of titles
	chainEnd := 0      // the word after it
	var last *office
	for wi := 0; wi < len(d.words); wi++ {
		t := l.titleAt2(d, wi)
		if t.n == 0 || l.insideName(d, t.span) {
			continue
		}
		next := wi + t.n
		role, country := l.roleOf(t.key)
		if t.country != "" && !t.minister {
			country, role = t.country, ""
			if last != nil && t.span.Start-last.end < 600 {
				role = last.role
			}
		}
		if t.minister {
			country = t.country
		}
		// الرئيس الأمريكي السابق: not the holder on the article's date.
		if next < len(d.words) && adjacent(d, d.words[next-1], d.words[next]) &&
			formerWords[d.wkey(next)] {
			wi = next - 1
			continue
		}
		// كأس ولي العهد، جائزة الملك: a trophy named after the office; الملك
		// عبدالعزيز in جامعتي الملك عبدالعزيز وجدة: a royal title before a
		// given name is a name the mention source left out, not the title
		// used alone.
		if trophyBefore(d, wi) || (t.n == 1 && next < len(d.words) && adjacent(d, d.words[wi], d.words[next]) &&
			royalTitles[d.wkey(wi)] && givenNames[d.wkey(next)]) {
			wi = next - 1
			continue
		}
		if t.bare && otherOffice(l, d, wi, next) {
			// وزير الخارجية الإيطالي (an office the KB lacks), نائب وزير
			// الخارجية: neither the bare office nor its holder.
			chain = nil
			wi = next - 1
			continue
		}
		c := l.appositive(d, next)
		chained := c != nil && !deputyBefore(d, wi) && l.chainedTitle(d, next, c)
		if c == nil && !t.clitic {
			// NAME TITLE is an apposition, NAME لTITLE is not (نقل كارتر
			// لخادم الحرمين الشريفين).
			c = l.nameBefore(d, wi)
		}
		if c == nil && chain != nil && chainLinks(d, chainEnd, wi) {
			// A further title of the same chain (الأمير محمد بن سلمان ولي
			// ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع).
			c = chain
		}
		chain = nil
		if c != nil {
			if chained {
				// نائب الرئيس اليمني رئيس مجلس الوزراء، خالد محفوظ بحاح: a
				// title that another title separates from the name refers
				// to the person as a title does alone.
				m := &mention{span: t.span, key: t.key, kind: KindTitle}
				l.join(c, m)
				d.mentions = append(d.mentions, m)
			}
			chain, chainEnd = c, next
			learn(t, c)
			minister(role, country, c)
			if role != "" {
				last = &office{role: role, country: country, cl: c, end: t.span.End}
			}
			wi = next - 1
			continue
		}
		c = known[t.key]
		if c == nil && t.bare && len(bare[t.key]) == 1 {
			for x := range bare[t.key] {
				c = x
			}
		}
		if c == nil && t.bare && len(bare[t.key]) == 0 && !d.day.IsZero() {
			// Not introduced: the office of the dateline's country, else
			// the outlet's, whichever holder the article names (a Saudi
			// paper's story from Abu Dhabi on the Saudi foreign minister's
			// visit goes on to say وزير الخارجية of him).
			if role := l.bareRole[t.key]; role != "" {
				if e, ok := l.namedHolder(d, role); ok {
					c = d.byEntity[e]
					if c == nil {
						c = &cluster{e: e, typ: e.Type, order: len(d.clusters)}
						d.byEntity[e] = c
						d.clusters = append(d.clusters, c)
					}
				}
			}
		}
		if c == nil && t.minister && len(ministers[country]) == 1 {
			for x := range ministers[country] {
				c = x
			}
		}
		if c == nil && !t.bare && !t.minister {
			var e *kb.Entity
			var ok bool
			day := sentenceDay(d, t.span.Start)
			if t.country != "" {
				if role != "" {
					e, ok = l.kb.RoleHolder(role, country, day)
				}
			} else {
				e, ok = l.kb.Holder(t.key, day)
				// المتحدث باسم قوات التحالف is Yemen's coalition's spokesman
				// only in a story of that coalition.
				ok = ok && l.titleFits(d, t.key)
			}
			if ok {
				c = d.byEntity[e]
				if c == nil {
					c = &cluster{e: e, typ: e.Type, order: len(d.clusters)}
					d.byEntity[e] = c
					d.clusters = append(d.clusters, c)
				}
			}
		}
		if c == nil {
			wi = next - 1
			continue
		}
		m := &mention{span: t.span, key: t.key, kind: KindTitle}
		l.join(c, m)
		d.mentions = append(d.mentions, m)
		minister(role, country, c)
		if role != "" {
			last = &office{role: role, country: country, cl: c, end: t.span.End}
		}
		wi = next - 1
	}
}

// trophyWords name a cup, prize or medal after an office (كأس ولي العهد).
var trophyWords = wordSet("كاس كأس جائزه درع وسام بطوله")

// trophyBefore reports whether word wi follows a trophy word.
func trophyBefore(d *doc, wi int) bool {
	if wi == 0 || !adjacent(d, d.words[wi-1], d.words[wi]) {
		return false
	}
	for _, r := range d.readings(wi - 1) {
		if trophyWords[r.key] {
			return true
		}
	}
	return false
}

// nameBefore returns the person whose name ends right before word wi (a
// title after the name: عبدالفتاح السيسي رئيس جمهورية مصر العربية).
func (l *Linker) nameBefore(d *doc, wi int) *cluster {
	// A comma may set the title off (الأمير محمد بن سلمان، ولي ولي العهد).
	if wi == 0 || (!adjacent(d, d.words[wi-1], d.words[wi]) &&
		strings.Trim(d.a.Text[d.toks[d.words[wi-1]].End:d.toks[d.words[wi]].Start], " ،,") != "") {
		return nil
	}
	if m := d.nameEndingAt(d.toks[d.words[wi-1]].End); m != nil && m.cl != nil && m.cl.typ == marsad.PERS {
		return m.cl
	}
	return nil
}

// indexNames sorts the name mentions by offset for the title pass.
func (d *doc) indexNames() {
	d.names = d.names[:0]
	d.nameEnd = map[int]*mention{}
	for _, m := range d.mentions {
		if m.kind == KindName {
			d.names = append(d.names, m)
			d.nameEnd[m.span.End] = m
		}
	}
	sort.Slice(d.names, func(i, j int) bool { return d.names[i].span.Start < d.names[j].span.Start })
}

func (d *doc) nameEndingAt(end int) *mention { return d.nameEnd[end] }

// namesNear returns the name mentions that may overlap [from, to).
func (d *doc) namesNear(from, to int) []*mention {
	i := sort.Search(len(d.names), func(i int) bool { return d.names[i].span.Start >= to })
	j := i
	for j > 0 && i-j < 8 && d.names[j-1].span.End > from-64 {
		j--
	}
	return d.names[j:i]
}

// roleOf returns the office (role, country) a title phrase names.
func (l *Linker) roleOf(key string) (string, string) {
	for _, h := range l.kb.TitleHolders(key) {
		if h.Title.Role != "" {
			return h.Title.Role, h.Title.Country
		}
	}
	return "", ""
}

// insideName reports whether a name mention covers the title or starts
// before it and runs into it; names inside a title (اليمن in المبعوث الأممي
// إلى اليمن) do not stop it.
func (l *Linker) insideName(d *doc, sp marsad.Span) bool {
	for _, m := range d.namesNear(sp.Start, sp.End) {
		if m.span.Overlaps(sp) && !sp.Contains(m.span) {
			return true
		}
	}
	return false
}

// appositive returns the person whose name follows word index wi directly,
// possibly after honorifics or further titles (ولي العهد نائب رئيس مجلس
// الوزراء وزير الداخلية الأمير محمد بن نايف).
func (l *Linker) appositive(d *doc, wi int) *cluster {
	for hops := 0; wi < len(d.words) && hops < 8; hops++ {
		// A comma may set the name off (أكد الرئيس المصري، عبدالفتاح السيسي).
		if wi > 0 && !adjacent(d, d.words[wi-1], d.words[wi]) &&
			strings.Trim(d.a.Text[d.toks[d.words[wi-1]].End:d.toks[d.words[wi]].Start], " ،,\"«»") != "" {
			return nil
		}
		tok := d.toks[d.words[wi]]
		for _, m := range d.namesNear(tok.Start, tok.Start+5) {
			if m.cl != nil && m.cl.typ == marsad.PERS && m.span.Start <= tok.Start+4 && m.span.End > tok.Start {
				return m.cl
			}
		}
		if honorifics[d.wkey(wi)] {
			wi++
			continue
		}
		if t := l.titleAt2(d, wi); t.n > 0 {
			wi += t.n
			continue
		}
		// A title the KB does not know, headed by a role noun and naming
		// an organisation or place (رئيس هيئة كبار العلماء وإدارة البحوث
		// العلمية والإفتاء): its words lead on to the name too.
		if w := strings.TrimPrefix(d.wkey(wi), "و"); roleHeads[w] {
			wi++
			continue
		}
		if end := d.orgOrPlaceAt(tok); end > 0 {
			for wi < len(d.words) && d.toks[d.words[wi]].End <= end {
				wi++
			}
			continue
		}
		return nil
	}
	return nil
}

// chainedTitle reports whether the person c an apposition at word wi
// found is reached over a further title or role, not directly (after
// honorifics and a comma only).
func (l *Linker) chainedTitle(d *doc, wi int, c *cluster) bool {
	for ; wi < len(d.words); wi++ {
		if l.nameOf(d, wi, c) {
			return false
		}
		if honorifics[d.wkey(wi)] {
			continue
		}
		// Another title, not a place (وزير الخارجية بجمهورية مصر العربية
		// سامح شكري is one apposition), a rank used as an honorific
		// (السفير أحمد بن حلي) or a counterpart (بنظيره الروسي سيرغي
		// لافروف is another person).
		if t := l.titleAt2(d, wi); t.n > 0 {
			return !t.clitic && t.country == ""
		}
		w := strings.TrimPrefix(d.wkey(wi), "و")
		return roleHeads[w] && wi+1 < len(d.words) && !l.nameOf(d, wi+1, c)
	}
	return false
}

// deputyBefore reports whether word wi follows a deputy's word (نائب
// الأمين العام، بنائب رئيس الوزراء): the title is then part of another.
func deputyBefore(d *doc, wi int) bool {
	if wi == 0 || !adjacent(d, d.words[wi-1], d.words[wi]) {
		return false
	}
	for _, r := range d.readings(wi - 1) {
		switch r.key {
		case "نائب", "مساعد", "وكيل", "مستشار", "نائبه":
			return true
		}
	}
	return false
}

// nameOf reports whether a name of c starts at word wi.
func (l *Linker) nameOf(d *doc, wi int, c *cluster) bool {
	tok := d.toks[d.words[wi]]
	for _, m := range d.namesNear(tok.Start, tok.Start+5) {
		if m.cl == c && m.span.Start <= tok.Start+4 && m.span.End > tok.Start {
			return true
		}
	}
	return false
}

// orgOrPlaceAt returns the end of an organisation or place name mention
// starting in token tok (after a clitic), 0 if none.
func (d *doc) orgOrPlaceAt(tok tokenize.Token) int {
	for _, m := range d.namesNear(tok.Start, tok.End) {
		if m.span.Start >= tok.Start && m.span.Start < tok.End && m.cl != nil && (m.cl.typ == marsad.ORG || m.cl.typ == marsad.LOC) {
			return m.span.End
		}
	}
	return 0
}

// speechVerbs introduce reported speech; the subject pronoun of the
// following أنه/إنه refers to the speaker (masculine forms only: a feminine
// verb has an organisation or a woman as subject, أوضحت الوزارة).
var speechVerbs = map[string]bool{"قال": true, "اكد": true, "اوضح": true, "اشار": true, "لفت": true, "شدد": true,
	"اضاف": true, "اعتبر": true, "بين": true, "ذكر": true, "اعلن": true, "راي": true, "صرح": true, "كشف": true,
	"نفي": true, "افاد": true, "اعرب": true, "مؤكدا": true, "مشيرا": true, "موضحا": true, "مضيفا": true,
	"معتبرا": true, "لافتا": true, "مشددا": true, "يري": true, "يقول": true, "اكد،": true, "زعم": true, "اقر": true,
	// The speaker's masdar (نقلت الوكالة عن خبري قوله إنه، تأكيده أنه).
	"قوله": true, "تاكيده": true, "اشارته": true, "توضيحه": true, "نوه": true, "منوها": true, "مبينا": true}

// reportCues introduce what is said of someone without making the speaker
// the subject (اتهمه بأنه، وصفه بأنه، الحديث عنه بأنه): they license the
// pronoun, but the antecedent is the nearest person, not a speech subject.
var reportCues = map[string]bool{"اتهم": true, "يتهم": true, "متهما": true, "وصف": true, "يصف": true,
	"واصفا": true, "الحديث": true, "حديثه": true, "اعتبره": true, "وصفه": true}

// expletive words after أنه mark the ضمير الشأن (أنه تم، أنه لا يمكن، أنه
// من المقرر), which refers to no one.
var expletive = map[string]bool{"تم": true, "يتم": true, "سيتم": true, "تمت": true, "لا": true, "لم": true,
	"لن": true, "من": true, "في": true, "قد": true, "ليس": true, "يجب": true, "ينبغي": true, "يمكن": true,
	"لابد": true, "سوف": true, "ما": true, "اذا": true, "عند": true, "بعد": true, "قبل": true, "على": true,
	"هناك": true, "ثمه": true, "مع": true, "حال": true, "بات": true, "يوجد": true, "يتعين": true, "كان": true,
	"سيكون": true, "يكون": true, "وفقا": true, "بحسب": true, "رغم": true, "بالرغم": true, "خلال": true,
	"تقرر": true, "جري": true, "يجري": true, "سيجري": true, "لدي": true, "منذ": true, "حتي": true, "لولا": true,
	"يتوجب": true, "لمن": true, "بموجب": true, "ضمن": true, "اصبح": true, "اصبحت": true, "يحق": true, "بامكان": true,
	"صدر": true, "وقع": true, "حدث": true, "سبق": true, "ورد": true, "نتج": true, "ثبت": true, "اتضح": true,
	"تبين": true, "ظهر": true, "لدى": true, "عندما": true, "حين": true, "ربما": true, "طالما": true, "مهما": true,
	"اذ": true, "لو": true, "ان": true, "الا": true, "او": true, "ثم": true, "هو": true, "هي": true, "ليست": true}

var pronounWords = map[string]bool{"انه": true, "بانه": true, "وانه": true, "لكنه": true, "ولكنه": true, "فانه": true}

// pronouns links subject pronouns after speech verbs to the nearest
// preceding person in the same or the previous sentence.
func (l *Linker) pronouns(d *doc) {
	sents := sentences(d.a)
	sentOf := func(off int) int {
		return sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	}
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
	quotes := quoteSpans(d.a.Text)
	var lastPron *mention
	// prose counts the sentences from a to b that are not inside a
	// quotation: a quoted statement does not move the speaker out of reach.
	inQ := make([]bool, len(sents))
	for i, st := range sents {
		inQ[i] = inQuote(quotes, st.Start+1)
	}
	prose := func(a, b int) int {
		n := 0
		for i := a; i < b && i < len(sents); i++ {
			if !inQ[i] {
				n++
			}
		}
		return n
	}
	for k := 1; k < len(d.words); k++ {
		tok := d.toks[d.words[k]]
		if !pronounWords[d.wkey(k)] {
			continue
		}
		// The pronoun must follow a speech verb (أكد أنه، أشار إلى أنه) or
		// start a contrast (لكنه، إلا أنه), and be followed by a verb.
		if k+1 >= len(d.words) {
			continue
		}
		if !personalAfter(d, k+1) {
			continue
		}
		pk, prev := d.wkey(k), d.wkey(k-1)
		ok := pk == "لكنه" || pk == "ولكنه" || prev == "الا" || prev == "سوي"
		cue := false
		// A report cue may stand further back when the person is named
		// right before the pronoun (اتهم … في مقابلة … نظيره الروسي
		// فلاديمير بوتين بأنه).
		window := 10
		if m := d.nameEndingAt(d.toks[d.words[k-1]].End); m != nil && m.cl != nil && m.cl.typ == marsad.PERS {
			window = 20
		}
		for b := k - 1; !ok && b >= 0 && b >= k-window; b-- {
			w := d.wkey(b)
			w0 := strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
			if speechVerbs[w] || speechVerbs[w0] {
				ok = true
			}
			if reportCues[w] || reportCues[w0] {
				cue = true
			}
		}
		if !ok && cue {
			// After اتهم/وصف the pronoun is about the object, which must be
			// the person named right before it (اتهم … بوتين بأنه) or a
			// pronoun on the word before (الحديث عنه بأنه), not a thing
			// (وصف ترامب اللقاء بأنه مثمر).
			pt := d.toks[d.words[k-1]]
			if m := d.nameEndingAt(pt.End); (m != nil && m.cl != nil && m.cl.typ == marsad.PERS) ||
				(strings.HasSuffix(prev, "ه") && utf8.RuneCountInString(prev) <= 4) {
				ok = true
			}
		}
		// وأنه continues the clause of an earlier pronoun of the sentence
		// (بأنه زار … وأنه سارع): same person.
		if pk == "وانه" && lastPron != nil && sentOf(lastPron.span.Start) == sentOf(tok.Start) {
			m := &mention{span: marsad.Span{Start: tok.Start, End: tok.End}, key: pk, kind: KindPronoun}
			l.join(lastPron.cl, m)
			lastPron = m
			continue
		}
		// In a quotation, a clause-initial إنه (after punctuation) with a
		// verb is about a person the quotation named before it ("بوتين
		// يريد …، إنه يريد كل أوروبا").
		var quoted *mention
		if q := quoteOf(quotes, tok.Start); q != nil && !adjacent(d, d.words[k-1], d.words[k]) {
			end := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].span.Start >= tok.Start })
			for j := end - 1; j >= 0 && d.mentions[j].span.Start > q.Start; j-- {
				if m := d.mentions[j]; m.cl != nil && m.cl.typ == marsad.PERS && m.kind == KindName {
					quoted = m
					break
				}
			}
		}
		if quoted != nil {
			m := &mention{span: marsad.Span{Start: tok.Start, End: tok.End}, key: kb.Key(tok.Text), kind: KindPronoun}
			l.join(quoted.cl, m)
			lastPron = m
			continue
		}
		if !ok {
			continue
		}
		// قال … عن المرحوم إنه: the pronoun is about the one spoken of,
		// not the speaker; only a person named right there is it.
		if k >= 2 && d.wkey(k-2) == "عن" && adjacent(d, d.words[k-1], d.words[k]) {
			pt := d.toks[d.words[k-1]]
			if m := d.nameEndingAt(pt.End); m != nil && m.cl != nil && m.cl.typ == marsad.PERS {
				pm := &mention{span: marsad.Span{Start: tok.Start, End: tok.End}, key: kb.Key(tok.Text), kind: KindPronoun}
				l.join(m.cl, pm)
				lastPron = pm
			}
			continue
		}
		// The antecedent is the salient subject of the passage: the nearest
		// preceding person named as the subject of a speech verb (قال ترامب،
		// بوتين وصف) within the last few sentences outside quotations, else
		// the nearest person at all. A person in a prepositional phrase (بفترة
		// الرئيس السابق جو بايدن) is not the speaker.
		s := sentOf(tok.Start)
		var ante, subj *mention
		end := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].span.Start >= tok.Start })
		anteAt := -1
		for j := end - 1; j >= 0; j-- {
			m := d.mentions[j]
			if prose(sentOf(m.span.Start), s) > 3 {
				break
			}
			if m.cl == nil || m.cl.typ != marsad.PERS || m.kind == KindPronoun || inQuote(quotes, m.span.Start) {
				continue // people named inside a quotation are not its speaker
			}
			if ante == nil {
				ante, anteAt = m, j
			}
			if l.subjectOfSpeech(d, m) {
				subj = m
				break
			}
		}
		if subj != nil {
			ante = subj
			for j := end - 1; j >= 0; j-- {
				if d.mentions[j] == subj {
					anteAt = j
					break
				}
			}
		}
		if ante == nil {
			continue
		}
		// An organisation named between the person and the pronoun in the
		// pronoun's sentence could be the subject: stay silent.
		blocked := false
		for _, m := range d.mentions[anteAt+1 : end] {
			if sentOf(m.span.Start) == s && m.cl != nil && m.cl != ante.cl && m.cl.typ == marsad.ORG {
				blocked = true
			}
		}
		if blocked {
			continue
		}
		m := &mention{span: marsad.Span{Start: tok.Start, End: tok.End}, key: kb.Key(tok.Text), kind: KindPronoun}
		l.join(ante.cl, m)
		lastPron = m
	}
}

// particles may stand between the pronoun and its verb (أنه لن يرافقه،
// أنه إذا قرر، أنه قد زار).
var particles = map[string]bool{"لا": true, "لم": true, "لن": true, "قد": true, "سوف": true, "اذا": true,
	"لو": true, "عندما": true, "حين": true, "ربما": true}

// impersonal verbs make أنه the expletive ضمير الشأن (أنه لم يتم، أنه لا
// يمكن، أنه قد جرى).
var impersonal = map[string]bool{"تم": true, "يتم": true, "سيتم": true, "تمت": true, "يمكن": true, "يجب": true,
	"ينبغي": true, "يوجد": true, "يتعين": true, "جري": true, "يجري": true, "سيجري": true, "يتوجب": true,
	"يحق": true, "تقرر": true, "يكون": true, "سيكون": true, "كان": true, "بات": true, "صدر": true, "حدث": true}

// personalAfter reports whether the words from word wi on make the pronoun
// before them a person: a verb of a masculine subject (سيزور، ناقش), after
// at most one particle (لن يرافقه، إذا قرر) and not impersonal; or "and
// his …" (بأنه وزوجته).
func personalAfter(d *doc, wi int) bool {
	if wi >= len(d.words) {
		return false
	}
	w := d.wkey(wi)
	// أنه كان على دراية (he was aware): كان is personal unless an
	// impersonal phrase follows (أنه كان من المفترض، أنه كان هناك، كان يجب،
	// كان بوسع، a feminine تـ subject).
	if w == "كان" && wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
		v := d.wkey(wi + 1)
		return !impersonal[v] && !expletive[v] && !strings.HasPrefix(v, "ت") && !strings.HasPrefix(v, "ب")
	}
	if particles[w] && wi+1 < len(d.words) {
		v := d.wkey(wi + 1)
		return !impersonal[v] && !expletive[v] && (verbLike(v) || perfectLike(v))
	}
	if strings.HasPrefix(w, "و") && strings.HasSuffix(w, "ه") && utf8.RuneCountInString(w) >= 4 && !expletive[w] {
		return true // وزوجته
	}
	return !expletive[w] && (verbLike(w) || speechVerbs[w] || perfectLike(w))
}

func quoteOf(qs []marsad.Span, off int) *marsad.Span {
	i := sort.Search(len(qs), func(i int) bool { return qs[i].End > off })
	if i < len(qs) && qs[i].Start < off {
		return &qs[i]
	}
	return nil
}

// perfectLike reports whether a word can be a perfect verb of a
// third-person masculine subject (ناقش، سارع، زار): three or four letters,
// no article, no clitic-looking start and no feminine or plural ending. The
// expletive list above screens the impersonal verbs (تم، جرى، صدر).
func perfectLike(w string) bool {
	n := len([]rune(w))
	if n < 3 || n > 4 || strings.HasPrefix(w, "ال") {
		return false
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	for _, suf := range []string{"ه", "ت", "ات", "ون", "ين", "ان"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// verbLike reports whether a word can be an imperfect or future verb of a
// third-person masculine subject (سيزور، يرفض), the reliable sign that
// أنه refers to a person; perfect verbs are too hard to tell from nouns
// without a lexicon.
func verbLike(w string) bool {
	return strings.HasPrefix(w, "سي") || (strings.HasPrefix(w, "ي") && len([]rune(w)) >= 3)
}

// quoteSpans returns the spans inside quotation marks (“…”, «…», "…").
func quoteSpans(text string) []marsad.Span {
	var out []marsad.Span
	open := -1
	for i, r := range text {
		switch {
		case open < 0 && (r == '“' || r == '«' || r == '"'):
			open = i
		case open >= 0 && (r == '”' || r == '»' || r == '"'):
			out = append(out, marsad.Span{Start: open, End: i})
			open = -1
		case r == '\n':
			open = -1 // quotations do not run over paragraphs here
		}
	}
	return out
}

func inQuote(qs []marsad.Span, off int) bool {
	i := sort.Search(len(qs), func(i int) bool { return qs[i].End > off })
	return i < len(qs) && qs[i].Start < off
}

// subjectOfSpeech reports whether a person mention is the subject of a
// speech verb: the verb comes a few words before it with only titles and
// honorifics between (وقال الرئيس الروسي فلاديمير بوتين), or right after
// it (بوتين وصف).
func (l *Linker) subjectOfSpeech(d *doc, m *mention) bool {
	wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End > m.span.Start })
	for b := wi - 1; b >= 0 && b >= wi-5; b-- {
		if !adjacent(d, d.words[b], d.words[b+1]) {
			break
		}
		w := d.wkey(b)
		if speechVerbs[w] || speechVerbs[strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")] {
			return true
		}
	}
	we := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= m.span.End })
	if we < len(d.words) && we > 0 && adjacent(d, d.words[we-1], d.words[we]) {
		w := d.wkey(we)
		return speechVerbs[w] || w == "وصف"
	}
	return false
}

// roleHeads begin a title the knowledge base may not know (رئيسة البرنامج،
// المدير العام، الناطق الرسمي): the article introduces it with a name, then
// uses it alone for that person.
var roleHeads = map[string]bool{"الرئيس": true, "الرئيسه": true, "رئيس": true, "رئيسه": true, "المدير": true,
	"مدير": true, "مديره": true, "الامين": true, "امين": true, "المتحدث": true, "الناطق": true, "المبعوث": true,
	"السفير": true, "القائد": true, "المحافظ": true, "محافظ": true, "المستشار": true, "نائب": true, "وكيل": true,
	"المنسق": true, "منسق": true, "قائد": true, "سفير": true, "المفتي": true, "مفتي": true}

// possessiveRole returns the definite role head of a role noun with a
// possessive suffix (رئيسها، مديره → الرئيس، المدير), or "".
func possessiveRole(k string) string {
	for _, suf := range []string{"ها", "ه"} {
		if stem := strings.TrimSuffix(k, suf); stem != k && roleHeads["ال"+stem] {
			return "ال" + stem
		}
	}
	return ""
}

// articleTitles links the titles an article itself introduced: a phrase of
// one to three words starting with a role head directly before a person's
// name (رئيسة البرنامج هدى الصويلح) refers to that person when it later
// stands alone (ووجهت رئيسة البرنامج شكرها). A phrase introduced before two
// different people is ambiguous and left alone.
func (l *Linker) articleTitles(d *doc) {
	d.indexNames()
	type intro struct {
		c   *cluster
		end int
	}
	learned := map[string]*intro{}
	ambiguous := map[string]bool{}
	// phraseFrom is the key of words wi … wi+n-1, the first read as k.
	phraseFrom := func(wi, n int, k string) (string, bool) {
		if wi+n > len(d.words) {
			return "", false
		}
		for j := wi + 1; j < wi+n; j++ {
			if !adjacent(d, d.words[j-1], d.words[j]) {
				return "", false
			}
			k += " " + d.wkey(j)
		}
		return k, true
	}
	phrase := func(wi, n int) (string, bool) { return phraseFrom(wi, n, d.wkey(wi)) }
	covered := func(sp marsad.Span) bool {
		for _, m := range d.namesNear(sp.Start, sp.End) {
			if m.span.Overlaps(sp) {
				return true
			}
		}
		for _, m := range d.mentions {
			if m.kind == KindTitle && m.span.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	for wi := range d.words {
		head := d.wkey(wi)
		if !roleHeads[head] && head != "وزير" {
			// A possessive head introduces the definite title: شركة …
			// رئيسها التنفيذي مارك باركر → الرئيس التنفيذي is Parker.
			head = possessiveRole(head)
			if head == "" {
				continue
			}
		}
		// Up to five words: وزير البترول والثروة المعدنية المصري المهندس
		// شريف إسماعيل … الوزير المصري.
		for n := 1; n <= 5; n++ {
			key, ok := phraseFrom(wi, n, head)
			if !ok {
				break
			}
			if c := l.appositive(d, wi+n); c != nil && (n > 1 || d.wkey(wi) != "رئيس" && d.wkey(wi) != "وزير") {
				var keys []string
				if head != "وزير" { // a minister's full title is the knowledge base's
					keys = append(keys, key)
				}
				// The head made definite with the title's last adjective
				// stands for it later (وزير الطاقة الجزائري … الوزير
				// الجزائري; مدير المركز الإعلامي … المدير الإعلامي), unless
				// that is a title of its own (رئيس الوزراء العراقي ≠ الرئيس
				// العراقي). A last word that is a noun gives a phrase no
				// text writes (الرئيس الإدارة).
				if f := strings.Fields(key); n > 1 && !strings.HasPrefix(f[0], "ال") && definite(f[len(f)-1]) && !conjunctAt(d, wi+n) {
					short := "ال" + f[0] + " " + f[len(f)-1]
					if !l.titlePrefix[short] && len(l.kb.TitleHolders(short)) == 0 {
						keys = append(keys, short)
					}
				}
				for _, k := range keys {
					if in := learned[k]; in != nil {
						// A second introduction of the same person keeps
						// the first: the title refers to them from there on.
						if in.c != c {
							ambiguous[k] = true
						}
						continue
					}
					learned[k] = &intro{c, d.toks[d.words[wi+n-1]].End}
				}
				break
			}
		}
	}
	for wi := 0; wi < len(d.words); wi++ {
		if !roleHeads[d.wkey(wi)] && d.wkey(wi) != "الوزير" {
			continue
		}
		if n := l.kbBareTitle(d, wi, covered); n > 0 {
			wi += n - 1
			continue
		}
		for n := 3; n >= 1; n-- {
			key, ok := phrase(wi, n)
			if !ok {
				continue
			}
			in := learned[key]
			if in == nil || ambiguous[key] {
				continue
			}
			sp := marsad.Span{Start: d.toks[d.words[wi]].Start, End: d.toks[d.words[wi+n-1]].End}
			// Only after the introduction, not in another apposition, and
			// not the start of a longer title (رئيسة البرنامج الصيفي).
			if sp.Start < in.end || covered(sp) || l.appositive(d, wi+n) != nil || l.nameBefore(d, wi) != nil || deputyBefore(d, wi) {
				break
			}
			if wi+n < len(d.words) && adjacent(d, d.words[wi+n-1], d.words[wi+n]) && strings.HasPrefix(d.wkey(wi+n), "ال") {
				break
			}
			m := &mention{span: sp, key: key, kind: KindTitle}
			l.join(in.c, m)
			d.mentions = append(d.mentions, m)
			wi += n - 1
			break
		}
	}
}

// ledeTitle links the title a story opens with before the name is given
// (قال الرئيس التنفيذي للجنة المنظمة … إن … ووصل بلاتر … وقال اليكسي
// سوروكين): a title the knowledge base does not resolve, headed by a role
// noun right after a speech verb in the first sentence, with no name in
// apposition, is the first person who is first named after that sentence
// as the subject of a speech verb. A person already named in the lede is
// someone the speaker spoke of.
func (l *Linker) ledeTitle(d *doc) {
	if d.sents == nil {
		d.sents = sentences(d.a)
	}
	if len(d.sents) < 2 {
		return
	}
	d.indexNames()
	lede := d.sents[0]
	for wi := 1; wi < len(d.words) && d.toks[d.words[wi]].Start < lede.End; wi++ {
		prev := strings.TrimPrefix(strings.TrimPrefix(d.wkey(wi-1), "و"), "ف")
		if !roleHeads[d.wkey(wi)] || !speechVerbs[prev] || !adjacent(d, d.words[wi-1], d.words[wi]) {
			continue
		}
		// The title: the head and the definite words after it (الرئيس
		// التنفيذي للجنة المنظمة), at most four.
		n := 1
		for wi+n < len(d.words) && n < 5 && adjacent(d, d.words[wi+n-1], d.words[wi+n]) && definiteWord(d.wkey(wi+n)) {
			n++
		}
		sp := marsad.Span{Start: d.toks[d.words[wi]].Start, End: d.toks[d.words[wi+n-1]].End}
		if n < 2 || l.appositive(d, wi+n) != nil {
			return
		}
		for _, m := range d.mentions {
			if m.span.Overlaps(sp) {
				return // a knowledge-base title, or a name inside
			}
		}
		seen := map[*cluster]bool{}
		for _, m := range d.names {
			if m.cl == nil || m.span.Start < lede.End {
				if m.cl != nil {
					seen[m.cl] = true
				}
				continue
			}
			if m.cl.typ != marsad.PERS || seen[m.cl] {
				seen[m.cl] = true
				continue
			}
			seen[m.cl] = true
			// A speaker with a title of his own after the name (عبد الجبار
			// بورديلي المفتش العام للشرطة) is another office's holder.
			after := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= m.span.End })
			if after < len(d.words) && adjacent(d, d.words[after-1], d.words[after]) && definite(d.wkey(after)) {
				return
			}
			if l.subjectOfSpeech(d, m) {
				t := &mention{span: sp, key: kb.Key(d.a.Text[sp.Start:sp.End]), kind: KindTitle}
				l.join(m.cl, t)
				d.mentions = append(d.mentions, t)
			}
			return
		}
		return
	}
}

// definiteWord reports whether a word key is a definite noun or adjective,
// with or without a proclitic (للجنة، بالمنطقة).
func definiteWord(k string) bool {
	k = strings.TrimPrefix(strings.TrimPrefix(k, "و"), "ف")
	return definite(k) || strings.HasPrefix(k, "لل") && utf8.RuneCountInString(k) >= 5 ||
		(strings.HasPrefix(k, "بال") || strings.HasPrefix(k, "كال")) && utf8.RuneCountInString(k) >= 6
}

// sentenceDay is the day a title names its holder on: the article's date,
// unless the title's sentence dates itself to an earlier year (عام 1973،
// في 1990م): the holder of that year (1 July), whom the knowledge base
// may not list, so that العاهل السعودي in a history of the 1973 embargo is
// not the king of the article's day.
func sentenceDay(d *doc, off int) time.Time {
	if d.day.IsZero() {
		return d.day
	}
	if d.sents == nil {
		d.sents = sentences(d.a)
	}
	var sent marsad.Span
	for _, st := range d.sents {
		if st.Start <= off && off < st.End {
			sent = st
			break
		}
	}
	if sent.End == 0 {
		return d.day
	}
	year := 0
	for _, m := range yearRe.FindAllStringSubmatch(d.a.Text[sent.Start:sent.End], -1) {
		y, err := strconv.Atoi(normalizeDigits(m[1] + m[2]))
		if err != nil || y < 1800 || y >= d.day.Year() {
			continue
		}
		if year != 0 && year != y {
			return d.day // two years: no one time frame
		}
		year = y
	}
	if year == 0 {
		return d.day
	}
	return time.Date(year, time.July, 1, 0, 0, 0, 0, time.UTC)
}

// yearRe finds a Gregorian year introduced as one: عام/سنة/العام before
// it, or م after it.
var yearRe = regexp.MustCompile(`(?:(?:عام|سنة|العام)\s+([0-9٠-٩]{4}))|(?:([0-9٠-٩]{4})\s*م(?:\s|$|[،,.]))`)

// normalizeDigits writes Arabic-Indic digits as ASCII.
func normalizeDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '٠' && r <= '٩' {
			return '0' + (r - '٠')
		}
		return r
	}, s)
}

// conjunctAt reports whether word wi starts with the conjunction و or ف
// and the rest is a name (ورؤوف جاسر): a second person coordinated after a
// title, not the title's holder (ممدوح عباس رئيس النادي الأسبق ورؤوف
// جاسر …).
func conjunctAt(d *doc, wi int) bool {
	if wi >= len(d.words) {
		return false
	}
	for _, r := range d.readings(wi) {
		if r.skip > 0 && r.prefix == "" && strings.HasPrefix(d.wkey(wi), "و") && !strings.HasPrefix(d.wkey(wi), "ول") {
			return true
		}
	}
	return false
}

// kbBareTitle links a title cut short (المبعوث الأممي for المبعوث الأممي
// إلى سوريا، وزير الخارجية without the country) to the one person of the
// article, named before it, who held on the article's day a knowledge-base
// title that the phrase begins. It returns the words used, 0 if none.
func (l *Linker) kbBareTitle(d *doc, wi int, covered func(marsad.Span) bool) int {
	if d.day.IsZero() {
		return 0
	}
	n, key := 0, ""
	k := d.wkey(wi)
	for j := wi; j < len(d.words) && j < wi+4; j++ {
		if j > wi {
			if !adjacent(d, d.words[j-1], d.words[j]) {
				break
			}
			k += " " + d.wkey(j)
		}
		if !l.titlePrefix[k] {
			break
		}
		n, key = j-wi+1, k
	}
	if n < 2 || len(l.kb.TitleHolders(key)) > 0 {
		return 0 // a full title is the titles pass's
	}
	sp := marsad.Span{Start: d.toks[d.words[wi]].Start, End: d.toks[d.words[wi+n-1]].End}
	if covered(sp) || l.appositive(d, wi+n) != nil || l.nameBefore(d, wi) != nil {
		return 0
	}
	if wi+n < len(d.words) && adjacent(d, d.words[wi+n-1], d.words[wi+n]) {
		if _, nisba := l.kb.NisbaCountry(d.wkey(wi + n)); nisba || formerWords[d.wkey(wi+n)] {
			return 0 // a title the KB does not know for that country, or a former holder
		}
	}
	var found *cluster
	for _, c := range d.clusters {
		if c.e == nil || c.firstName() < 0 || c.firstName() > sp.Start {
			continue
		}
		holds := false
		for _, t := range c.e.Titles {
			if !t.Holds(d.day) {
				continue
			}
			for _, txt := range t.Texts {
				if tk := kb.Key(txt); tk == key || strings.HasPrefix(tk, key+" ") {
					holds = true
				}
			}
		}
		if !holds {
			continue
		}
		if found != nil && found != c {
			return 0
		}
		found = c
	}
	if found == nil {
		return 0
	}
	m := &mention{span: sp, key: key, kind: KindTitle}
	l.join(found, m)
	d.mentions = append(d.mentions, m)
	return n
}

// chainWords may stand between two titles of one person (ولي ولي العهد
// النائب الثاني لرئيس مجلس الوزراء وزير الدفاع): parts of offices the
// knowledge base does not list.
var chainWords = map[string]bool{"النائب": true, "نائب": true, "الثاني": true, "الاول": true, "لرئيس": true,
	"رئيس": true, "مجلس": true, "الوزراء": true, "عضو": true, "الدوله": true, "وزير": true, "المستشار": true,
	"الخاص": true, "العام": true, "الامين": true, "المشرف": true, "العام،": true}

// chainLinks reports whether words from..to-1 (at most six, no
// punctuation) only continue a chain of titles.
func chainLinks(d *doc, from, to int) bool {
	if to < from || to-from > 6 {
		return false
	}
	for wi := from; wi < to; wi++ {
		if wi > 0 && !adjacent(d, d.words[wi-1], d.words[wi]) {
			return false
		}
		if w := strings.TrimPrefix(d.wkey(wi), "و"); !chainWords[w] && !roleHeads[w] {
			return false
		}
	}
	return to == 0 || from == to || adjacent(d, d.words[to-1], d.words[to])
}

// otherOffice reports whether the bare title at words wi..next-1 names
// another office than its holder's: a deputy's (نائب وزير الخارجية) or
// another country's (وزير الخارجية الإيطالي, when the knowledge base lacks
// that office).
func otherOffice(l *Linker, d *doc, wi, next int) bool {
	if wi > 0 && adjacent(d, d.words[wi-1], d.words[wi]) {
		switch strings.TrimPrefix(d.wkey(wi-1), "و") {
		case "نائب", "مساعد", "وكيل", "مستشار", "نائبه":
			return true
		}
	}
	if next < len(d.words) && adjacent(d, d.words[next-1], d.words[next]) {
		if _, ok := l.kb.NisbaCountry(d.wkey(next)); ok {
			return true
		}
		if strings.HasPrefix(d.wkey(next), "وال") {
			return true // وزير الدفاع والإنتاج الحربي: a joint portfolio, another office
		}
	}
	return false
}

// regionGovernor links "أمير المنطقة" (the governor of the region) to the
// holder, on the article's day, of the governorship of the Saudi region
// the article names most (منطقة الباحة … سمو أمير المنطقة → the governor
// of Al Bahah): the knowledge base lists the governors with their dates.
// Not after a deputy's word (نائب أمير المنطقة), nor before an adjective
// that makes المنطقة a region's own name (أمير المنطقة الشرقية).
func (l *Linker) regionGovernor(d *doc) {
	if d.day.IsZero() {
		return
	}
	var region *cluster
	most := 0
	for _, c := range d.clusters {
		if c.e == nil || c.e.Type != marsad.LOC || !strings.HasPrefix(kb.Key(c.e.Name), "منطقه ") {
			continue
		}
		n := 0
		for _, m := range c.mentions {
			if m.kind == KindName {
				n++
			}
		}
		if n > most {
			region, most = c, n
		}
	}
	if region == nil {
		return
	}
	holder, ok := l.kb.Holder("امير "+kb.Key(region.e.Name), d.day)
	if !ok {
		return
	}
	for wi := 0; wi+1 < len(d.words); wi++ {
		var r rkey
		found := false
		for _, x := range d.readings(wi) {
			if x.key == "امير" {
				r, found = x, true
			}
		}
		if !found || d.wkey(wi+1) != "المنطقه" || !adjacent(d, d.words[wi], d.words[wi+1]) || deputyBefore(d, wi) {
			continue
		}
		if wi+2 < len(d.words) && adjacent(d, d.words[wi+1], d.words[wi+2]) && definite(d.wkey(wi+2)) {
			continue
		}
		sp := marsad.Span{Start: d.toks[d.words[wi]].Start + r.skip, End: d.toks[d.words[wi+1]].End}
		// Next to the governor's name it is an apposition (الأمير فهد بن
		// سلطان أمير المنطقة، أمير المنطقة صاحب السمو الأمير …).
		if d.covered(sp) || (r.skip == 0 && l.nameBefore(d, wi) != nil) || l.appositive(d, wi+2) != nil {
			continue
		}
		c := d.byEntity[holder]
		if c == nil {
			c = &cluster{e: holder, typ: holder.Type, order: len(d.clusters)}
			d.byEntity[holder] = c
			d.clusters = append(d.clusters, c)
		}
		m := &mention{span: sp, key: "امير المنطقه", kind: KindTitle}
		l.join(c, m)
		d.mentions = append(d.mentions, m)
	}
}

// covered reports whether a mention overlaps sp.
func (d *doc) covered(sp marsad.Span) bool {
	for _, m := range d.mentions {
		if m.span.Overlaps(sp) {
			return true
		}
	}
	return false
}
