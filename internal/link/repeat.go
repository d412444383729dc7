package link

import (
	_ "embed"
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
)

// repeatNames adds the occurrences the NER missed of names the article
// already uses: a name is repeated in a story far more often than a common
// word is spelled like it. After the names are resolved, each entity's
// names are searched for at word boundaries (proclitics allowed) where no
// mention is:
//
//   - every multi-word name the entity was mentioned by or the knowledge
//     base gives it (الأمم المتحدة، عبدالفتاح السيسي);
//   - one-word names the NER itself tagged in the article (بلاتر), or that
//     the knowledge base gives the entity (its aliases, and the partial
//     names ~ trusted only inside an article naming it in full: الأسد، صالح);
//   - the surname of a person named in full (الجبير of عادل الجبير), when it
//     is an ال-family name or at least four letters.
//
// A key that two entities of the article share is left alone, and so are
// the ordinary words of data/not_names.txt and idioms such as لصالح ("in
// favour of", not ل + صالح).
func (l *Linker) repeatNames(d *doc) {
	names := map[string]*cluster{}
	clash := map[string]bool{}
	add := func(key string, c *cluster) {
		if key == "" || notNames[key] || clash[key] {
			return
		}
		if o := names[key]; o != nil && o != c {
			clash[key] = true
			delete(names, key)
			return
		}
		names[key] = c
	}
	nerOne := map[string]bool{} // one-word keys the NER tagged
	for _, m := range d.mentions {
		if m.kind == KindName && m.typ != "" && !strings.Contains(m.key, " ") {
			nerOne[m.key] = true
		}
	}
	for _, c := range d.clusters {
		keys := c.keys()
		if c.e != nil {
			for _, p := range c.e.Partial {
				keys = append(keys, kb.Key(p))
			}
		}
		for _, k := range keys {
			if utf8.RuneCountInString(k) < 3 {
				continue
			}
			w := strings.Fields(k)
			switch {
			case len(w) > 1:
				add(k, c)
				if rest := namesakeOf(w); rest != "" && (c.typ == marsad.ORG || (c.e != nil && c.e.Type == marsad.ORG)) && !l.otherEntity(rest, c) {
					add(rest, c)
				}
				if c.typ == marsad.PERS {
					last := w[len(w)-1]
					if strings.HasPrefix(last, "ال") || utf8.RuneCountInString(last) >= 4 {
						if w[len(w)-2] != "بن" && w[len(w)-2] != "ابو" && w[len(w)-2] != "عبد" {
							add(last, c)
						}
					}
				}
			case nerOne[k] || c.e != nil:
				add(k, c)
			}
		}
	}
	if len(names) == 0 {
		return
	}
	covered := make([]marsad.Span, 0, len(d.mentions))
	for _, m := range d.mentions {
		covered = append(covered, m.span)
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].Start < covered[j].Start })
	isCovered := func(sp marsad.Span) bool {
		i := sort.Search(len(covered), func(i int) bool { return covered[i].End > sp.Start })
		return i < len(covered) && covered[i].Start < sp.End
	}
	var added []*mention
	for wi := 0; wi < len(d.words); wi++ {
		tok := d.toks[d.words[wi]]
		if isCovered(marsad.Span{Start: tok.Start, End: tok.End}) || idioms[d.wkey(wi)] {
			continue
		}
		best, bestN := (*mention)(nil), 0
		for _, r := range d.readings(wi) {
			key := r.key
			for n := 1; n <= l.maxWords && wi+n-1 < len(d.words); n++ {
				if n > 1 {
					if !adjacent(d, d.words[wi+n-2], d.words[wi+n-1]) {
						break
					}
					key += " " + d.wkey(wi+n-1)
				}
				c := names[key]
				if c == nil || n <= bestN {
					continue
				}
				start := tok.Start + r.skip
				if r.prefix != "" {
					start = tok.Start
				}
				sp := marsad.Span{Start: start, End: d.toks[d.words[wi+n-1]].End}
				// A one-word ال name right after a definite word is an
				// adjective (الحرم الشريف), not the surname الشريف.
				adj := n == 1 && strings.HasPrefix(key, "ال") && r.skip == 0 && definiteBefore(d, sp.Start)
				if isCovered(sp) || adj || (n == 1 && l.isNisba(d, sp, key)) || l.notName(d, wi, key) {
					continue
				}
				best, bestN = &mention{span: sp, key: key, typ: c.typ, kind: KindName, cl: c}, n
			}
		}
		if best != nil {
			added = append(added, best)
			wi += bestN - 1
		}
	}
	for _, m := range added {
		c := m.cl
		m.cl = nil
		l.join(c, m)
		d.mentions = append(d.mentions, m)
	}
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
}

// namesakeOf returns the name an armed group's name gives after its head
// (القسام of كتائب القسام، أبو الفضل العباس of ألوية أبو الفضل العباس):
// news calls such a group by it alone (وقالت القسام). "" when the name
// has no such head, or the rest is a generic word.
func namesakeOf(w []string) string {
	if len(w) < 2 || !personHeads[w[0]] {
		return ""
	}
	rest := strings.Join(w[1:], " ")
	if allGeneric(rest) || utf8.RuneCountInString(rest) < 4 {
		return ""
	}
	return rest
}

// otherEntity reports whether key is a knowledge-base name of an entity
// other than c's (الأقصى the mosque, not كتائب الأقصى).
func (l *Linker) otherEntity(key string, c *cluster) bool {
	for _, e := range l.kb.LookupKey(key) {
		if e != c.e {
			return true
		}
	}
	return false
}

// idioms are words spelled as a clitic + a name that are ordinary phrases.
var idioms = map[string]bool{"لصالح": true, "بصالح": true, "لصالحه": true}

// institutionHeads begin the name of an institution named after a place or
// a person (أمانة المنطقة الشرقية، مستشفى الملك فهد، إمارة منطقة جازان):
// the NER often tags only the place or the person. placeHeads begin a
// place named so (طريق الملك عبدالعزيز، حي الروضة).
var institutionHeads = map[string]bool{"امانه": true, "بلديه": true, "اماره": true, "جامعه": true, "مستشفي": true,
	"مجمع": true, "مؤسسه": true, "اداره": true, "شرطه": true, "غرفه": true, "مديريه": true, "كليه": true, "مدارس": true,
	"مدرسه": true, "مركز": true, "جمعيه": true, "نادي": true, "صحه": true, "فرع": true,
	// bodies and media named after a place or a person (هيئة مدينة الرياض،
	// إذاعة فرنسا الدولية، قناة الجزيرة، كتائب أبو الفضل العباس)
	"هيئه": true, "اذاعه": true, "قناه": true, "صحيفه": true, "وكاله": true, "كتائب": true, "الويه": true, "سرايا": true}

// personHeads are the heads whose name is a person's without a royal title
// (كتائب أبو الفضل العباس); other institutions are named after a king or a
// prince, whose title the NER often leaves out (مؤسسة الملك عبدالعزيز).
var personHeads = map[string]bool{"كتائب": true, "الويه": true, "سرايا": true}

var placeHeads = map[string]bool{"طريق": true, "شارع": true, "حي": true, "ميدان": true, "جسر": true, "مخيم": true}

// institutionLinks may stand between the head and the name (إدارة مرور
// المنطقة الشرقية، أمانة منطقة المدينة المنورة).
var institutionLinks = map[string]bool{"منطقه": true, "محافظه": true, "مرور": true, "شرطه": true, "تعليم": true, "صحه": true, "مدينه": true}

// institutions widens a place or person mention preceded by an institution
// head into the institution's name (an organisation) or by a street head
// into the street's (a place).
func (l *Linker) institutions(d *doc) {
	var cut []*mention // people cut off the end of an institution's name
	defer func() {
		if len(cut) > 0 {
			d.mentions = append(d.mentions, cut...)
			sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
		}
	}()
	for _, m := range d.mentions {
		if m.kind != KindName || m.typ == marsad.ORG {
			continue
		}
		wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End > m.span.Start }) - 1
		royal := royalTitles[firstWord(m.key)] && strings.Contains(m.key, " ")
		nameStart := m.span.Start
		if m.typ == marsad.PERS && !royal && wi >= 0 && wi+1 < len(d.words) && d.toks[d.words[wi+1]].Start == m.span.Start &&
			royalTitles[d.wkey(wi)] && adjacent(d, d.words[wi], d.words[wi+1]) {
			wi-- // the NER left the royal title out (مؤسسة الملك عبدالعزيز، طريق الملك عبدالعزيز)
			royal = true
			nameStart = d.toks[d.words[wi+1]].Start
		}
		if wi < 0 || wi+1 >= len(d.words) || d.toks[d.words[wi+1]].Start < nameStart || !adjacent(d, d.words[wi], d.words[wi+1]) {
			continue // the mention starts inside a word (after a clitic) or after punctuation
		}
		if institutionLinks[d.wkey(wi)] && wi > 0 && adjacent(d, d.words[wi-1], d.words[wi]) {
			if _, ok := headAt(d, wi-1); ok {
				wi--
			}
		}
		r, ok := headAt(d, wi)
		if !ok {
			continue
		}
		if m.typ == marsad.PERS && !royal && !personHeads[r.key] {
			continue // إدارة أوباما is not named after him; مستشفى الملك فهد is
		}
		typ := marsad.ORG
		if r.key == "مخيم" {
			typ = marsad.LOC // مخيم اليرموك is a camp, not the place it is named after
		} else if placeHeads[r.key] {
			if m.typ != marsad.PERS {
				continue // طريق تبوك is the road to Tabuk
			}
			typ = marsad.LOC
		}
		start := d.toks[d.words[wi]].Start + r.skip
		m.span.Start = start
		if royal && typ == marsad.ORG {
			// The institution's name ends with its namesake's (الملك سعود،
			// الإمام محمد بن سعود): a person's name after it is the next
			// person's, not the institution's (جامعة الملك سعود مشعل الوعيل).
			if rest := l.namesakeEnd(d, nameStart, m, false); rest != nil {
				cut = append(cut, rest)
			}
		}
		if typ == marsad.ORG {
			// Adjectives agreeing with the head close the name (إذاعة فرنسا
			// الدولية، مستشفى عسير المركزي).
			last := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End >= m.span.End })
			for last+1 < len(d.words) && adjacent(d, d.words[last], d.words[last+1]) && nisbaAdjective(d.wkey(last+1)) &&
				!l.nisbaOfCountry(d.wkey(last+1)) {
				last++
				m.span.End = d.toks[d.words[last]].End
			}
		}
		m.key = kb.Key(d.a.Text[start:m.span.End])
		m.typ = typ
	}
}

// royalTitles name the king, prince or imam an institution is named after
// (مستشفى الملك فهد، جامعة الأمير سلطان، جامعة الإمام محمد بن سعود).
var royalTitles = map[string]bool{"الملك": true, "الامير": true, "الامام": true}

// namesakeEnd cuts an institution's name (mention m, whose namesake starts
// at nameStart: الملك سعود …) after its namesake: the royal title, a given
// name, a nasab chain (بن X) and آل X. What m held after that is returned
// as a person's mention of its own when it starts with a given name
// (data/given-names.txt) or, when m was the NER's person span (not
// givenOnly), has two words or more and no article on its first (مشعل
// الوعيل); anything else stays in the name (للدراسات والبحوث).
func (l *Linker) namesakeEnd(d *doc, nameStart int, m *mention, givenOnly bool) *mention {
	first := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= nameStart })
	last := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End >= m.span.End })
	if first >= len(d.words) || last >= len(d.words) || !royalTitles[d.wkey(first)] {
		return nil
	}
	end := first + 1          // the word after the namesake
	part := func(j int) int { // one name part at j: its end, or j
		if j > last {
			return j
		}
		w := d.wkey(j)
		if (w == "عبد" || w == "ابو") && j+1 <= last {
			return j + 2
		}
		if strings.HasPrefix(w, "ال") || w == "بن" || w == "ابن" {
			return j
		}
		return j + 1
	}
	if e := part(end); e > end {
		end = e
	} else {
		return nil
	}
	for end+1 <= last && (d.wkey(end) == "بن" || d.wkey(end) == "ابن") {
		e := part(end + 1)
		if e == end+1 {
			if strings.HasPrefix(d.wkey(end+1), "ال") { // بن الحسين
				e = end + 2
			} else {
				break
			}
		}
		end = e
	}
	if end+1 <= last && d.wkey(end) == "ال" { // آل سعود
		end += 2
	}
	if end > last {
		return nil
	}
	n := last - end + 1
	w0 := d.wkey(end)
	if !givenNames[w0] && (givenOnly || n < 2 || strings.HasPrefix(w0, "ال")) {
		return nil
	}
	rest := &mention{span: marsad.Span{Start: d.toks[d.words[end]].Start, End: m.span.End}, typ: marsad.PERS, kind: KindName}
	rest.key = kb.Key(d.a.Text[rest.span.Start:rest.span.End])
	m.span.End = d.toks[d.words[end-1]].End
	return rest
}

// givenNames are the words that open a personal name (data/given-names.txt).
var givenNames = keySet(givenNamesTxt)

//go:embed data/given-names.txt
var givenNamesTxt string

// nisbaAdjective reports whether a word is a definite relative adjective
// (الدولية، المركزي، الوطني): ال, a stem, and ي or ية.
func nisbaAdjective(k string) bool {
	return definite(k) && (strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ي")) && !functionWords[k]
}

// nisbaOfCountry reports whether a word is a country's nisba (السعودية):
// after a name it is usually the country's adjective, not the name's.
func (l *Linker) nisbaOfCountry(k string) bool {
	_, ok := l.kb.NisbaCountry(k)
	return ok
}

// headAt returns the reading of word wi that is an institution or street
// head.
func headAt(d *doc, wi int) (rkey, bool) {
	for _, r := range d.readings(wi) {
		if r.prefix == "" && (institutionHeads[r.key] || placeHeads[r.key]) {
			return r, true
		}
	}
	return rkey{}, false
}

// ministryWords name a government body by its portfolio (الخارجية،
// الداخلية …); with a feminine nisba after them (الخارجية المصرية، وزارة
// الداخلية السعودية، الرئاسة المصرية) they name that country's body.
var ministryWords = map[string]bool{"الخارجيه": true, "الداخليه": true, "الدفاع": true, "الرئاسه": true,
	"العدل": true, "الماليه": true, "الصحه": true, "الطاقه": true}

// forceWords are a state's police and army, named like a ministry by the
// country's nisba agreeing with them (الشرطة الإسرائيلية، الجيش السوري):
// 'f' feminine, 'm' masculine.
var forceWords = map[string]byte{"الشرطه": 'f', "الجيش": 'm'}

// recoverMinistries adds the bodies named by a portfolio and a nisba
// (ministryWords) as organisations, replacing NER mentions inside them.
func (l *Linker) recoverMinistries(d *doc) {
	drop := map[*mention]bool{}
	var added []*mention
	for wi := 0; wi+1 < len(d.words); wi++ {
		start := wi
		if d.wkey(wi) == "وزاره" {
			wi++
		}
		var head rkey
		ok := false
		masculine := false
		for _, r := range d.readings(wi) {
			if r.prefix == "" && (ministryWords[r.key] || (start == wi && forceWords[r.key] != 0)) {
				head, ok = r, true
				masculine = forceWords[r.key] == 'm'
			}
		}
		if !ok || wi+1 >= len(d.words) || (start < wi && !adjacent(d, d.words[start], d.words[wi])) || !adjacent(d, d.words[wi], d.words[wi+1]) {
			wi = start
			continue
		}
		if start == wi && wi > 0 && (titleHeads[d.wkey(wi-1)] || strings.HasPrefix(d.wkey(wi-1), "وزير")) {
			continue // وزير الخارجية المصري is a title
		}
		nis := d.wkey(wi + 1)
		if _, isNisba := l.kb.NisbaCountry(nis); !isNisba || strings.HasSuffix(nis, "ه") == masculine {
			wi = start
			continue
		}
		sp := marsad.Span{Start: d.toks[d.words[start]].Start, End: d.toks[d.words[wi+1]].End}
		if start == wi {
			sp.Start += head.skip
		}
		clash := false
		var inner []*mention
		for _, m := range d.mentions {
			if m.span.Overlaps(sp) {
				if sp.Contains(m.span) && m.span != sp {
					inner = append(inner, m)
				} else {
					clash = true
				}
			}
		}
		if clash {
			wi++
			continue
		}
		for _, m := range inner {
			drop[m] = true
		}
		added = append(added, &mention{span: sp, key: kb.Key(d.a.Text[sp.Start:sp.End]), typ: marsad.ORG, kind: KindName})
		wi++
	}
	if len(added) > 0 {
		d.replaceMentions(drop, added)
	}
}

// mergeParenthetical joins a name given in parentheses right after another
// of the same type (الاتحاد الدولي (الفيفا)، مجلس الاحتياطي الاتحادي (البنك
// المركزي)) to it: news writes the second name of one entity so. The name
// in parentheses must be known or short (a long one may name a part:
// القوات البرية (اللجنة المركزية لقبول طلبة القوات البرية)); two different
// knowledge-base entities are left apart.
func (l *Linker) mergeParenthetical(d *doc) {
	names := d.linkedNames()
	for i := 1; i < len(names); i++ {
		a, b := names[i-1], names[i]
		if a.cl == b.cl || a.cl.typ != b.cl.typ || b.span.Start < a.span.End {
			continue
		}
		if strings.TrimSpace(d.a.Text[a.span.End:b.span.Start]) != "(" || !strings.HasPrefix(strings.TrimSpace(d.a.Text[b.span.End:]), ")") {
			continue
		}
		if b.cl.e == nil && strings.Count(b.key, " ") > 1 {
			continue // a long name in parentheses may be a part (a committee of the forces)
		}
		from, to := a.cl, b.cl
		if from.e != nil {
			from, to = to, from
		}
		if from.e != nil {
			continue // two knowledge-base entities
		}
		for _, m := range from.mentions {
			l.join(to, m)
		}
		from.mentions = nil
	}
}

// linkedNames are the article's name mentions that belong to an entity,
// in text order.
func (d *doc) linkedNames() []*mention {
	names := make([]*mention, 0, len(d.mentions))
	for _, m := range d.mentions {
		if m.kind == KindName && m.cl != nil {
			names = append(names, m)
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].span.Start < names[j].span.Start })
	return names
}

// mergeQuotedNames joins a one-word organisation class noun to the quoted
// name right after it: news writes حلف "الناتو"، حركة «حماس»، تنظيم "داعش"
// and the NER often tags the class noun alone as a second organisation.
// The class noun is then a mention of the quoted organisation, as the
// whole phrase names it.
func (l *Linker) mergeQuotedNames(d *doc) {
	names := d.linkedNames()
	for i := 1; i < len(names); i++ {
		a, b := names[i-1], names[i]
		if a.cl == b.cl || a.cl.e != nil || strings.Contains(a.key, " ") || b.span.Start < a.span.End ||
			a.cl.typ != marsad.ORG || (b.cl.typ != marsad.ORG && (b.cl.e == nil || b.cl.e.Type != marsad.ORG)) {
			continue
		}
		gap := strings.TrimSpace(d.a.Text[a.span.End:b.span.Start])
		if gap != "\"" && gap != "«" && gap != "“" && gap != "”" {
			continue
		}
		from := a.cl
		kept := from.mentions[:0]
		for _, m := range from.mentions {
			if m != a {
				kept = append(kept, m)
			}
		}
		from.mentions = kept
		l.join(b.cl, a)
	}
}
