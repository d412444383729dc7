package link

import (
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
)

// clubCues are the nouns sports news puts before a club's name: نادي
// الوحدة، فريق التعاون، بعثة النصر، جماهير الهلال، مدرب أحد. A club is
// named by one word, mostly an ordinary noun (الوحدة "unity", النصر
// "victory", أحد the mountain) that the NER takes for a place or leaves
// out; after a cue it is the club.
var clubCues = map[string]bool{"نادي": true, "فريق": true, "بعثه": true, "جماهير": true, "مدرب": true,
	"لاعب": true, "لاعبي": true, "لاعبو": true}

// clubNotNames are the words after a cue that are not a club's name: the
// team, the sport, the squad's parts (فريق العمل، مدرب المنتخب، إدارة
// النادي، لاعب الوسط).
var clubNotNames = wordSet(`الفريق المنتخب النادي الكره القدم السله اليد الطائره العمل الوسط الهجوم الدفاع
الشباب الناشئين الاول الاولمبي الوطني الرديف الاحتياط الحراسه الجديد السابق الحالي الدوري الجهاز الاداره
المنطقه الشركه المشروع التعليم الجامعه المدرسه المستشفي الهيئه الوزاره الموقع الحمايه التحرير الصحه
التخطيط الاعلام المرور الجوازات السجون البحث الانقاذ الاطفاء التدريب المعسكر البعثه`)

// sportsWords mark a sports article: in one, a club's short name (الهلال،
// النصر, a partial name ~ of a knowledge-base club) is the club.
var sportsWords = wordSet(`مباراة مباراه المباراة المباراه الدوري دوري لاعب اللاعب اللاعبين لاعبي مدرب المدرب
نادي النادي فريق الفريق كأس كاس المنتخب بطولة بطوله البطولة البطوله الموسم هدف هدفين الجولة الجوله`)

// sportsPartials adds to club the keys of knowledge-base clubs' partial
// names (نادي الهلال|~الهلال) when the article is about sport (three
// sports words or more) and the partial name occurs alone, not as the
// start of a longer name (الهلال الأحمر، الاتحاد الأوروبي).
func (l *Linker) sportsPartials(d *doc, club, free map[string]bool) {
	n := 0
	for wi := range d.words {
		for _, r := range d.readings(wi) {
			if sportsWords[r.key] {
				n++
				break
			}
		}
	}
	if n < 3 {
		return
	}
	// A short name the article also uses as the start of a longer name
	// (الاتحاد السعودي … الاتحاد) is that name's short form, not the club.
	longer := map[string]bool{}
	for wi := 0; wi+1 < len(d.words); wi++ {
		if adjacent(d, d.words[wi], d.words[wi+1]) && definite(d.wkey(wi+1)) {
			for _, r := range d.readings(wi) {
				longer[r.key] = true
			}
		}
	}
	for wi := range d.words {
		if wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) && definite(d.wkey(wi+1)) {
			continue
		}
		for _, r := range d.readings(wi) {
			if longer[r.key] || !definite(r.key) {
				continue // أحد "one of" is the club only after a cue
			}
			for _, e := range l.kb.LookupPartial(r.key) {
				if k := kb.Key(e.Name); e.Findable() && e.Type == marsad.ORG && (strings.HasPrefix(k, "نادي ") || strings.HasPrefix(k, "النادي ")) {
					club[r.key] = true
					free[r.key] = true
				}
			}
		}
	}
}

// categoryHeads take a club's short name as another genitive: an age
// group (منتخب الشباب، فئة الشباب، رعاية الشباب) or a competition (كأس
// الاتحاد، دوري الشباب).
var categoryHeads = wordSet(`منتخب فئه فئات درجه رعايه دوري كاس كأس بطوله مسابقه اتحاد`)

// wordSet makes a set of the keys of space-separated words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[kb.Key(w)] = true
	}
	return m
}

// recoverClubs marks the one-word name after a club cue as an organisation
// (the club), replacing an NER mention of that word typed otherwise; the
// club's other mentions in the article then join it by name (repeatNames).
func (l *Linker) recoverClubs(d *doc) {
	club := map[string]bool{}
	for wi := 0; wi+1 < len(d.words); wi++ {
		cue := false
		for _, r := range d.readings(wi) {
			if r.prefix == "" && clubCues[r.key] {
				cue = true
			}
		}
		if !cue || !adjacent(d, d.words[wi], d.words[wi+1]) {
			continue
		}
		k := d.wkey(wi + 1)
		if clubNotNames[k] || generic[k] || (len(k) < 4 || k[:4] != "ال") && k != "احد" {
			continue
		}
		if wi+2 < len(d.words) && adjacent(d, d.words[wi+1], d.words[wi+2]) && definite(d.wkey(wi+2)) {
			continue // a longer phrase (إدارة التعليم العام، فريق العمل الميداني)
		}
		if e := trustedName(k, l.kb.LookupKey(k)); e != nil && e.Type != marsad.ORG {
			continue // a known place or person (مدرب مصر)
		}
		club[k] = true
	}
	free := map[string]bool{} // club names found anywhere, not only after a cue
	l.sportsPartials(d, club, free)
	if len(club) == 0 {
		return
	}
	// Every NER mention of a club's word becomes the club; the cue's word
	// is added where the NER had nothing.
	covered := map[int]bool{}
	for _, m := range d.mentions {
		if m.kind == KindName && club[m.key] {
			m.typ = marsad.ORG
			covered[m.span.Start] = true
		}
	}
	var added []*mention
	for wi := 0; wi < len(d.words); wi++ {
		k, skip := d.wkey(wi), 0
		for _, r := range d.readings(wi) {
			if club[r.key] {
				k, skip = r.key, r.skip
				if r.prefix != "" {
					skip = 0
				}
				break
			}
		}
		if !club[k] {
			continue
		}
		if wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) && definite(d.wkey(wi+1)) {
			continue // الهلال الأحمر، الاتحاد الأوروبي
		}
		tok := d.toks[d.words[wi]]
		if covered[tok.Start] {
			continue
		}
		clash := false
		for _, m := range d.mentions {
			if m.span.Overlaps(marsad.Span{Start: tok.Start, End: tok.End}) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		cued := false
		if wi > 0 && adjacent(d, d.words[wi-1], d.words[wi]) {
			for _, r := range d.readings(wi - 1) {
				if r.prefix == "" && clubCues[r.key] {
					cued = true
				}
			}
		}
		if !cued && free[k] && wi > 0 && adjacent(d, d.words[wi-1], d.words[wi]) {
			prev := d.wkey(wi - 1)
			coordinated := k != d.wkey(wi) && strings.HasPrefix(d.wkey(wi), "و") // النصر والهلال
			if (definite(prev) && !coordinated) || categoryHeads[prev] {
				continue // اللاعبين الشباب، منتخب الشباب، رعاية الشباب، كأس الاتحاد
			}
		}
		if cued || free[k] {
			added = append(added, &mention{span: marsad.Span{Start: tok.Start + skip, End: tok.End}, key: k, typ: marsad.ORG, kind: KindName})
		}
	}
	d.mentions = append(d.mentions, added...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
}

// definite reports whether a word key is a definite noun or adjective: the
// article ال and a stem of three letters or more (not الى، التي).
func definite(k string) bool {
	return strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) >= 5 && !functionWords[k]
}

// functionWords are definite-looking words that are not nouns.
var functionWords = wordSet("الذي التي الذين اللذين اللتين اللاتي اللواتي الآن")

// trimManagement cuts "إدارة" off a name that is a club's management
// (إدارة نادي النصر، إدارة النادي الأهلي، إدارة الهلال — names the corpus
// miner took for institutions): in sports news the management stands for
// the club, and the club is the mention (the gold's convention: النصر
// inside إدارة نادي النصر is the club).
func (l *Linker) trimManagement(d *doc) {
	for _, m := range d.mentions {
		head, rest, ok := strings.Cut(m.key, " ")
		if m.kind != KindName || !ok || head != "اداره" || !l.clubName(rest) {
			continue
		}
		ws := wordsIn(d, m.span)
		if len(ws) < 2 {
			continue
		}
		m.span.Start = d.toks[d.words[ws[1]]].Start
		m.key, m.typ = rest, marsad.ORG
	}
}

// clubName reports whether a name key is a club's: a club cue noun first
// (نادي النصر، النادي الأهلي) or the name of a club the knowledge base
// knows (الهلال for نادي الهلال).
func (l *Linker) clubName(key string) bool {
	if strings.HasPrefix(key, "نادي ") || strings.HasPrefix(key, "النادي ") {
		return true
	}
	for _, e := range append(l.kb.LookupKey(key), l.kb.LookupPartial(key)...) {
		if n := kb.Key(e.Name); e.Type == marsad.ORG && (strings.HasPrefix(n, "نادي ") || strings.HasPrefix(n, "النادي ")) {
			return true
		}
	}
	return false
}
