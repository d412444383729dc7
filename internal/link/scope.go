package link

import (
	_ "embed"
	"sort"
	"strings"

	"marsad"
	"marsad/internal/kb"
)

//go:embed data/government.txt
var governmentTxt string

// governmentHeads and governmentNames are the sections of
// data/government.txt as key sets; notEveryState holds the names of its
// "some" section (also in governmentNames).
var governmentHeads, governmentNames, notEveryState = func() (map[string]bool, map[string]bool, map[string]bool) {
	heads, names, some := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var cur map[string]bool
	for _, line := range strings.Split(governmentTxt, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[head]":
			cur = heads
		case line == "[name]":
			cur = names
		case line == "[some]":
			cur = some
		case cur != nil:
			cur[kb.Key(line)] = true
			names[kb.Key(line)] = true
		}
	}
	return heads, names, some
}()

// governmentBody reports whether e is a generic government body mined from
// the corpus (data/government.txt) whose name names no country: its id
// alone would make the Saudi and the Egyptian cabinet one entity.
func (l *Linker) governmentBody(e *kb.Entity) bool {
	if e == nil || e.Source != kb.SourceCorpus || e.Type != marsad.ORG {
		return false
	}
	key := kb.Key(e.Name)
	words := strings.Fields(key)
	if len(words) < 2 || !(governmentHeads[words[0]] || governmentNames[key]) {
		return false
	}
	for _, w := range words[1:] {
		if _, ok := l.kb.NisbaCountry(w); ok {
			return false // وزارة الخزانة الأمريكية names its country
		}
	}
	return true
}

// ScopedID is the id of a generic government body (an entity id) as the
// body of one country (ISO alpha-2): the id with the country's code
// appended (x-org-3b1a47260d9d-sa). It is the same in every article.
func ScopedID(id, country string) string {
	return id + "-" + strings.ToLower(country)
}

// scopeOf returns the country code a scoped id ends with, or "".
func scopeOf(id string) string {
	if !unlinked(id) || strings.Count(id, "-") != 3 {
		return ""
	}
	return strings.ToUpper(id[strings.LastIndexByte(id, '-')+1:])
}

// bodyOfKey returns the generic government body a name names with the
// country of its trailing nisba (وزارة الداخلية السعودية، الخارجية
// المصرية: a portfolio alone is its ministry), or nil.
func (l *Linker) bodyOfKey(key string) (*kb.Entity, string) {
	words := strings.Fields(key)
	if len(words) < 2 {
		return nil, ""
	}
	country, ok := l.kb.NisbaCountry(words[len(words)-1])
	if !ok {
		return nil, ""
	}
	base := strings.Join(words[:len(words)-1], " ")
	for _, k := range []string{base, "وزاره " + base} {
		for _, e := range l.kb.LookupKey(k) {
			if l.governmentBody(e) {
				return e, country
			}
		}
		if len(words) > 2 || !ministryWords[base] {
			break
		}
	}
	return nil, ""
}

// countryAfter returns the country named right after a span: a nisba
// (مجلس الوزراء المصري) or the country's name after في, ب or ل (وزارة
// الداخلية في البحرين، مجلس الوزراء بمملكة البحرين), or "".
func (l *Linker) countryAfter(d *doc, sp marsad.Span) string {
	wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= sp.End })
	if wi == 0 || wi >= len(d.words) || d.toks[d.words[wi-1]].End != sp.End || !adjacent(d, d.words[wi-1], d.words[wi]) {
		return ""
	}
	if c, ok := l.kb.NisbaCountry(d.wkey(wi)); ok {
		return c
	}
	var starts []string // the country's name's first word without its preposition
	if d.wkey(wi) == "في" && wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
		wi++
		starts = append(starts, d.wkey(wi))
	} else {
		for _, r := range d.readings(wi) {
			if r.skip > 0 && r.prefix == "" && (strings.HasPrefix(d.toks[d.words[wi]].Text, "ب") || strings.HasPrefix(d.toks[d.words[wi]].Text, "ل")) {
				starts = append(starts, r.key)
			}
		}
	}
	for _, first := range starts {
		key := first
		for n := 1; n <= 3 && wi+n <= len(d.words); n++ {
			if n > 1 {
				if !adjacent(d, d.words[wi+n-2], d.words[wi+n-1]) {
					break
				}
				key += " " + d.wkey(wi+n-1)
			}
			for _, e := range l.kb.LookupKey(key) {
				if e.Type == marsad.LOC && e.Country != "" {
					return e.Country
				}
			}
		}
	}
	return ""
}

// holderCountry returns the country of the office holder named right
// after a body (رئيس مجلس الوزراء خالد محفوظ بحاح: a Yemeni prime
// minister's cabinet is Yemen's), after at most one honorific: the one
// country of the person's knowledge-base titles held on the article's day
// (any of them when the day is unknown), or "".
func (l *Linker) holderCountry(d *doc, sp marsad.Span) string {
	wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= sp.End })
	if wi == 0 || wi >= len(d.words) || d.toks[d.words[wi-1]].End != sp.End || !adjacent(d, d.words[wi-1], d.words[wi]) {
		return ""
	}
	if nameHonorifics[d.wkey(wi)] && wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
		wi++
	}
	tok := d.toks[d.words[wi]]
	for _, m := range d.mentions {
		if m.span.Start < tok.Start || m.span.Start >= tok.End || m.cl == nil || m.cl.e == nil || m.cl.e.Type != marsad.PERS {
			continue
		}
		return l.personCountry(d, m.cl.e)
	}
	return ""
}

// chainSpan is how many title words may stand between a person's name
// and the body one of the titles heads (ولي ولي العهد النائب الثاني
// لرئيس مجلس الوزراء).
const chainSpan = 8

// chainBreaks are the prepositions and time words that end a noun phrase:
// a person before them does not hold the title after them (الرئيس بوتين
// خلال استقباله لولي ولي العهد النائب الثاني لرئيس مجلس الوزراء).
var chainBreaks = map[string]bool{"خلال": true, "في": true, "الي": true, "مع": true, "عن": true, "من": true,
	"علي": true, "بعد": true, "قبل": true, "عند": true, "لدي": true, "امس": true, "اليوم": true, "حيث": true}

// headWords head a title that names a body's chief (لرئيس مجلس الوزراء).
var headWords = map[string]bool{kb.Key("رئيس"): true, kb.Key("لرئيس"): true, kb.Key("رئيسا"): true}

// chainCountry returns the country of the person whose chain of titles a
// body ends (الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس
// الوزراء: Saudi Arabia's cabinet in a story filed from Cairo): the body
// follows رئيس after the person's name and at most chainSpan words, with
// no punctuation between, and the person's knowledge-base titles held on
// the article's day give one country; else "".
func (l *Linker) chainCountry(d *doc, sp marsad.Span) string {
	wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= sp.Start })
	if wi < 2 || wi >= len(d.words) || d.toks[d.words[wi]].Start != sp.Start || !headWords[d.wkey(wi-1)] {
		return ""
	}
	ends := map[int]*mention{}
	for _, m := range d.mentions {
		if m.kind == KindName && m.cl != nil && m.cl.e != nil && m.cl.e.Type == marsad.PERS && m.span.End <= sp.Start {
			ends[m.span.End] = m
		}
	}
	for j := wi - 1; j >= 1 && j >= wi-chainSpan; j-- {
		if !adjacent(d, d.words[j-1], d.words[j]) || chainBreaks[d.wkey(j-1)] {
			return ""
		}
		if m := ends[d.toks[d.words[j-1]].End]; m != nil {
			return l.personCountry(d, m.cl.e)
		}
	}
	return ""
}

// personCountry is the one country of a person's knowledge-base titles
// held on the article's day (any of them when the day is unknown), or "".
func (l *Linker) personCountry(d *doc, e *kb.Entity) string {
	country := ""
	for _, t := range e.Titles {
		if t.Country == "" || (!d.day.IsZero() && !t.Holds(d.day)) {
			continue
		}
		if country != "" && country != t.Country {
			return ""
		}
		country = t.Country
	}
	return country
}

// nisbaBefore returns the country of the nearest country nisba before an
// offset (رئيس الوزراء الياباني … مجلس النواب), or "".
func (l *Linker) nisbaBefore(d *doc, off int) string {
	wi := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].Start >= off })
	for wi--; wi >= 0; wi-- {
		if c, ok := l.kb.NisbaCountry(d.wkey(wi)); ok {
			return c
		}
	}
	return ""
}

// scopeBodies gives each mention of a generic government body the country
// whose body it is, and splits the body's entity by country: the country
// of a nisba after the name or ending it (وزارة الداخلية السعودية، مجلس
// الوزراء المصري), of a country named right after it (في البحرين), or of
// the known office holder named after it (holderCountry); for a bare name, the country of the nearest such name
// before it in the article (a story about Egypt goes on to say مجلس
// الوزراء), else the outlet's country (Home: a Saudi paper's مجلس الوزراء
// is the Saudi cabinet), else the country the article's first explicit
// mention gives; with none, the body stays unscoped. A body not every
// state has (a parliament's chamber, a republic's presidency: the "some"
// section of data/government.txt) is not the outlet's: without a country
// of its own it is the country of the last body named with one (وزارة
// الخارجية البحرينية … مجلس النواب), else of the nearest country nisba
// before it (an outlet of a kingdom writes مجلس النواب of another state).
func (l *Linker) scopeBodies(d *doc) {
	type scoped struct {
		m        *mention
		base     *kb.Entity
		explicit string
	}
	var ms []scoped
	for _, c := range d.clusters {
		var base *kb.Entity
		switch {
		case c.e != nil && l.governmentBody(c.e):
			base = c.e
		case c.e == nil:
			for _, m := range c.mentions {
				if m.kind == KindName {
					if b, _ := l.bodyOfKey(m.key); b != nil {
						base = b
						break
					}
				}
			}
		}
		if base == nil {
			continue
		}
		for _, m := range c.mentions {
			s := scoped{m: m, base: base}
			if m.kind == KindName {
				if b, country := l.bodyOfKey(m.key); b == base {
					s.explicit = country
				} else if b == nil {
					s.explicit = l.countryAfter(d, m.span)
				}
				if s.explicit == "" {
					s.explicit = l.holderCountry(d, m.span)
				}
				if s.explicit == "" {
					s.explicit = l.chainCountry(d, m.span)
				}
			}
			ms = append(ms, s)
		}
	}
	if len(ms) == 0 {
		return
	}
	// The dateline's country, else the outlet's.
	home := l.articleCountry(d.a)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].m.span.Start < ms[j].m.span.Start })
	first := map[*kb.Entity]string{}
	for _, s := range ms {
		if s.explicit != "" && first[s.base] == "" {
			first[s.base] = s.explicit
		}
	}
	type group struct {
		base    *kb.Entity
		country string
	}
	groups := map[group]*cluster{}
	last := map[*kb.Entity]string{}
	lastAny := "" // the country of the last body named with one
	moved := map[*mention]bool{}
	fresh := map[*cluster]bool{}
	for _, s := range ms {
		country := s.explicit
		switch {
		case country != "":
			last[s.base], lastAny = country, country
		case last[s.base] != "":
			country = last[s.base]
		case home != "" && !notEveryState[kb.Key(s.base.Name)]:
			country = home
		case first[s.base] != "":
			country = first[s.base]
		case notEveryState[kb.Key(s.base.Name)] && lastAny != "":
			country = lastAny
		case notEveryState[kb.Key(s.base.Name)]:
			country = l.nisbaBefore(d, s.m.span.Start)
		}
		g := group{s.base, country}
		c := groups[g]
		if c == nil {
			c = &cluster{e: s.base, typ: marsad.ORG, scope: country, order: s.m.cl.order}
			groups[g] = c
			fresh[c] = true
			d.clusters = append(d.clusters, c)
		}
		moved[s.m] = true
		l.join(c, s.m)
	}
	for _, c := range d.clusters {
		if fresh[c] {
			continue
		}
		kept := c.mentions[:0]
		for _, m := range c.mentions {
			if !moved[m] {
				kept = append(kept, m)
			}
		}
		c.mentions = kept
	}
}

// scopedName is a body's name with its country's nisba agreeing with the
// head (وزارة الداخلية السعودية، مجلس الوزراء السعودي): the name the
// country's own outlets leave implicit.
func (l *Linker) scopedName(e *kb.Entity, country string) string {
	c, ok := l.kb.Country(country)
	if !ok {
		return e.Name
	}
	if len(c.Nisba) < 2 {
		return e.Name + " في " + c.Name // وزارة الداخلية في نيبال
	}
	nisba := c.Nisba[0]
	if head := strings.Fields(e.Name)[0]; strings.HasSuffix(head, "ة") {
		nisba = c.Nisba[1]
	}
	return e.Name + " " + nisba
}

// scopedNameEn is a body's Latin name with its country's.
func (l *Linker) scopedNameEn(e *kb.Entity, country string) string {
	if c, ok := l.kb.Country(country); ok && c.NameEn != "" {
		return e.NameEn + " (" + c.NameEn + ")"
	}
	return e.NameEn + " (" + country + ")"
}
