package link

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
)

// Institutions named in one article only. The knowledge base holds the
// institution names of ≥ 10 SaudiNewsNet articles; local news names
// committees, centres, associations and hospitals that no corpus list
// holds (لجنة التنمية السياحية، مستشفى الرس العام، جمعية النحالين
// السعوديين). The miner's grammar (kb data/institutions.txt) is applied to
// the article itself: an institution head, then the definite words of its
// construct chain and its adjectives, which end at any word that is not
// definite (a verb, a number, في، على), at a stop word, at a second head
// (وزارة الصحة ووزارة التعليم), and at a place after بـ (الغرفة التجارية
// بنجران), as in the miner.

// inArticleInstitutions turns the in-article finder on (tests compare
// the linker without it).
var inArticleInstitutions = true

// maxArticleInstitution caps the definite words after the head, as the
// miner's maxInstitutionLen does.
const maxArticleInstitution = 6

// genericInstitutions are head + word phrases that are descriptions in
// news, not names (data/generic-institutions.txt).
var genericInstitutions = keySet(genericInstitutionsTxt)

//go:embed data/generic-institutions.txt
var genericInstitutionsTxt string

// instReading is a reading of a word as an institution head: the key
// without proclitics, where the mention starts in the word, whether an
// ال is put back and whether the head is definite.
type instReading struct {
	key     string
	skip    int
	al, def bool
}

// instHeads returns the readings of word wi that are institution heads by
// the miner's grammar. After ل, a head spelled with a stem-initial lam
// loses the article's alif and one lam (للجنة = ل + اللجنة, not ل + الجنة):
// that definite reading is tried too; the caller keeps the one the next
// word's grammar allows (للجنة المحلية: an adjective, so ل + اللجنة;
// للجنة التحكيم: a construct, so ل + لجنة).
func instHeads(d *doc, wi int) []instReading {
	var out []instReading
	for _, r := range d.readings(wi) {
		switch kb.InstitutionWord(r.key) {
		case "head":
			if r.prefix == "" {
				out = append(out, instReading{r.key, r.skip, false, false})
			}
		case "defhead":
			out = append(out, instReading{r.key, r.skip, r.prefix != "", true})
		}
	}
	w := d.wkey(wi)
	pos := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		pos = len("و")
	}
	if rest := w[pos:]; strings.HasPrefix(rest, "لل") {
		if k := "ال" + rest[len("ل"):]; kb.InstitutionWord(k) == "defhead" {
			out = append(out, instReading{k, pos, true, true})
		}
	}
	return out
}

// nameContinues reports whether word key k continues an institution's
// construct chain: a definite word (after و/ف, ب/ك, or لل) that is no stop
// word, no second head and no place after بـ.
func nameContinues(k string) bool {
	if !kb.DefiniteWord(k) {
		return false
	}
	bare := strings.TrimPrefix(strings.TrimPrefix(k, "و"), "ف")
	if kb.InstitutionWord(k) == "stop" || kb.InstitutionWord(bare) == "stop" || strings.HasPrefix(bare, "بال") {
		return false
	}
	if kb.InstitutionWord(bare) == "defhead" {
		return false
	}
	if strings.HasPrefix(bare, "لل") && kb.InstitutionWord("ال"+bare[len("ل"):]) == "defhead" {
		return false // للجنة: a second body
	}
	return true
}

// articleInstitutions adds the institution names the article writes by
// the miner's grammar and that neither the NER nor the knowledge base
// found: ORG mentions replacing the mentions inside them (مستشفى الرس
// العام holds the place الرس). Without the corpus's frequencies to tell a
// name from a description, the extent is stricter than the miner's:
//   - an indefinite head is followed by a plain definite noun (لجنة
//     الاحتراف; not مركز للمؤتمرات "a centre for conferences"), then
//     definite words, conjuncts included (إدارة التدريب والابتعاث);
//   - a definite head is followed by an adjective and a field after لـ
//     (الهيئة السعودية للمهندسين) or a second adjective that is not a
//     country's (المحكمة الإدارية العليا; not الشركة النفطية الإيطالية),
//     and never by a conjunct (البنك المركزي والتعليمات …: two things);
//   - a first word that makes a description (مجلس الإدارة، إدارة النادي)
//     or a generic phrase (data/generic-institutions.txt) is no name;
//   - the name does not run over a line break.
//
// A phrase the knowledge base knows, in whole or by a shorter form (وزارة
// الصحة السعودية), is left to the other passes; a phrase that crosses a
// mention's edge is left alone. The mentions are marked local: a bare head
// later (المركز، الجمعية) is not taken for them (headAnaphora).
func (l *Linker) articleInstitutions(d *doc) {
	drop := map[*mention]bool{}
	var added []*mention
	for wi := 0; wi+1 < len(d.words); wi++ {
		var hk string
		var skip, last int
		var al bool
		for _, r := range instHeads(d, wi) {
			if e := l.institutionExtent(d, wi, r); e > wi {
				hk, skip, al, last = r.key, r.skip, r.al, e
				break
			}
		}
		if hk == "" {
			continue
		}
		sp := marsad.Span{Start: d.toks[d.words[wi]].Start + skip, End: d.toks[d.words[last]].End}
		if al {
			sp.Start = d.toks[d.words[wi]].Start // لل of للهيئة: the span keeps the word, the key reads ال
		}
		key := hk
		for j := wi + 1; j <= last; j++ {
			key += " " + d.wkey(j)
		}
		if l.knownPrefix(key) || l.headOfKnown(key) {
			wi = last
			continue
		}
		clash := false
		var inner []*mention
		for _, m := range d.mentions {
			switch {
			case !m.span.Overlaps(sp):
			case sp.Contains(m.span) && m.span != sp && m.kind == KindName:
				inner = append(inner, m)
			default:
				clash = true
			}
		}
		if clash {
			wi = last
			continue
		}
		for _, m := range inner {
			drop[m] = true
		}
		added = append(added, &mention{span: sp, key: key, typ: marsad.ORG, kind: KindName, local: true})
		wi = last
	}
	if len(added) > 0 {
		d.replaceMentions(drop, added)
	}
}

// institutionExtent returns the last word of the institution name headed
// by reading r of word wi, or wi when there is none.
func (l *Linker) institutionExtent(d *doc, wi int, r instReading) int {
	hk, def := r.key, r.def
	if genericInstitutions[hk] {
		return wi
	}
	next := func(j int) bool {
		return j < len(d.words) && j-wi <= maxArticleInstitution && adjacent(d, d.words[j-1], d.words[j]) &&
			!strings.Contains(d.a.Text[d.toks[d.words[j-1]].End:d.toks[d.words[j]].Start], "\n")
	}
	if !next(wi + 1) {
		return wi
	}
	w1 := d.wkey(wi + 1)
	first := wi + 1
	switch {
	case def:
		// a definite head takes an adjective (الهيئة السعودية، اللجنة العامة)
		if !adjectiveLike(w1) || notContinuing[w1] || kb.InstitutionWord(w1) == "stop" {
			return wi
		}
	case definite(w1) && d.orgAt(wi+1):
		// head + an organisation the NER found: its department or a
		// description (إدارة النهضة، إدارة النادي الأهلي)
		return wi
	case definite(w1):
		// an indefinite head takes a definite construct noun, not a
		// description's word (مجلس الإدارة، مركز الصدارة، مجلس الهيئة)
		if kb.InstitutionWord(w1) != "" || notContinuing[w1] || genericInstitutions[hk+" "+w1] {
			return wi
		}
	case minWords[hk] == 0 && indefiniteConstruct(w1) && !d.inMention(wi+1) && next(wi+2) && definite(d.wkey(wi+2)) && kb.InstitutionWord(d.wkey(wi+2)) == "":
		// or one indefinite construct noun and a definite one (لجنة تقييم
		// المنشآت، وكالة تصنيف المقاولين); not a name the NER found
		// (صحيفة هاندلشبلات، نادي أرسنال: the name is the mention)
		first = wi + 2
	default:
		return wi
	}
	last, lil := first, strings.HasPrefix(d.wkey(first), "لل")
	for j := first + 1; next(j) && nameContinues(d.wkey(j)) && !notContinuing[bareKey(d.wkey(j))]; j++ {
		w := d.wkey(j)
		if strings.HasPrefix(w, "و") && (def || adjectiveLike(d.wkey(j-1))) {
			break // البنك المركزي والتعليمات، الجمعية الخيرية والقائمين: two things
		}
		if strings.HasPrefix(w, "لل") {
			if lil {
				break // one field: المؤسسة العامة للتقاعد, not … للذهاب للموقع
			}
			lil = true
		}
		if l.nisbaOfCountry(d.wkey(j-1)) && !strings.HasPrefix(d.wkey(j), "لل") {
			break // a country's nisba ends the name (وكالة الأنباء الجزائرية) but for its field (الهيئة السعودية للمهندسين)
		}
		last = j
	}
	if last > first && strings.HasPrefix(d.wkey(last), "لل") && last+1 < len(d.words) && verbComplement[d.wkey(last+1)] {
		last-- // a purpose, not a field: وكالة الشئون الفنية للحصول على …
	}
	n := last - wi
	if def && !lil && (n < 2 || l.nisbaOfCountry(d.wkey(last))) {
		// a description: المجلس البلدي، الإدارة المالية، الشركة النفطية
		// الإيطالية; a definite head's name states its field (الهيئة
		// السعودية للمهندسين، المؤسسة العامة للتقاعد) or has two
		// adjectives of its own (المحكمة الإدارية العليا)
		return wi
	}
	if minWords[hk] > n {
		return wi
	}
	if n == 1 && len(l.kb.LookupKey(w1)) > 0 {
		return wi // head + a known name (مجلس الرياض، قناة الوطن): the institutions pass
	}
	return last
}

// indefiniteConstruct reports whether a word may be an indefinite noun
// inside a construct chain (تقييم، تصنيف): no proclitic preposition or
// conjunction, no imperfect verb's prefix, no digits, three letters or
// more, not a generic or title word.
func indefiniteConstruct(w string) bool {
	if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, "0123456789") || strings.HasPrefix(w, "ال") {
		return false
	}
	switch []rune(w)[0] {
	case 'و', 'ف', 'ب', 'ل', 'ك':
		return false
	}
	return !verbLike(w) && !perfectLike2(w) && !generic[w] && !titleHeads[w] && !honorifics[w] && !bodyPersonWords[w] && kb.InstitutionWord(w) == ""
}

// personWords open a person's description, not a construct of a body
// (رئاسة صاحب السمو).
var bodyPersonWords = wordSet("صاحب رئيس نائب مدير امين عضو")

// inMention reports whether word wi is inside a name mention.
func (d *doc) inMention(wi int) bool {
	t := d.toks[d.words[wi]]
	for _, m := range d.mentions {
		if m.kind == KindName && m.span.Overlaps(marsad.Span{Start: t.Start, End: t.End}) {
			return true
		}
	}
	return false
}

// minWords are heads that are also verbal nouns (إدارة "managing"): one
// word after them is usually an action, not a name (إدارة الأزمة).
var minWords = map[string]int{"اداره": 2, "الاداره": 2}

// notContinuing are definite words that end an institution's name in one
// article: relational adjectives that point elsewhere (التابعة، المكلفة،
// المختصة), weekdays (وكالة الأنباء السورية السبت), and evaluative words.
var notContinuing = wordSet("التابعه التابع المكلفه المكلف المختصه المختص المعنيه المعني المذكور المذكوره المشار " +
	"الشهيد المساعد الوارده الوارد الاسبق العموميه الشبابيه المعارض المعارضه الاخير الاخيره الاخري الاخر الاكثر اللازمه اللازم الساريه الجيده الجيد الحاليه السابقه السابق القادم القادمه " +
	"السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه")

// adjectiveLike reports whether a definite word may be an adjective of a
// definite head: a nisba (السعودية، الوطني) or a common adjective of
// institution names (العامة، العليا).
func adjectiveLike(k string) bool {
	return nisbaAdjective(k) || institutionAdjectives[k]
}

var institutionAdjectives = wordSet("العامه العام العليا الاعلي الكبري المتحده الموحده المستقله الدائمه الدائم")

// knownPrefix reports whether the knowledge base knows key or a shorter
// form of it of two words or more (وزارة الصحة in وزارة الصحة السعودية).
func (l *Linker) knownPrefix(key string) bool {
	f := strings.Fields(key)
	for i := len(f); i >= 2; i-- {
		if len(l.kb.LookupKey(strings.Join(f[:i], " "))) > 0 {
			return true
		}
	}
	return false
}

// headOfKnown reports whether key is a head before a name the knowledge
// base knows as an organisation (هيئة الأمم المتحدة، شركة التعاونية
// للتأمين): the head is part of that organisation's name.
func (l *Linker) headOfKnown(key string) bool {
	_, rest, ok := strings.Cut(key, " ")
	if !ok {
		return false
	}
	for _, e := range l.kb.LookupKey(rest) {
		if e.Type == marsad.ORG && e.Findable() {
			return true
		}
	}
	return false
}

// orgAt reports whether word wi starts an organisation mention.
func (d *doc) orgAt(wi int) bool {
	t := d.toks[d.words[wi]]
	for _, m := range d.mentions {
		if m.kind == KindName && m.typ == marsad.ORG && m.span.Overlaps(marsad.Span{Start: t.Start, End: t.End}) {
			return true
		}
	}
	return false
}

// verbComplement are the prepositions a verbal noun after لـ takes
// (للحصول على، للبحث عن).
var verbComplement = wordSet("علي عن")

// bareKey strips a conjunction (و، ف) off a word key of four letters or
// more.
func bareKey(k string) string {
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(k, c) && utf8.RuneCountInString(k) > 4 {
			return k[len(c):]
		}
	}
	return k
}

// inArticlePlaceHeads are the classifier heads whose next word names a
// place in one article whatever its corpus frequency (محافظة بلجرشي، حي
// الخالدية، قرية برحرح); منطقة، مدينة and ولاية are left out (منطقة
// صناعية، مدينة كبيرة، ولاية ثانية: adjectives), as is the definite
// form (المحافظة على "keeping").
var inArticlePlaceHeads = wordSet("محافظه قريه بلده حي")

// semiPrepositions are the nouns that head a ب phrase of place or
// extent after a place word (قرية بشمال …، حي بمختلف …، بلدة بالقرب).
var semiPrepositions = wordSet("شمال جنوب شرق غرب وسط قرب مختلف جميع كافه كامل عدد اطراف محيط داخل خارج جوار")

// bPlaceName reports whether a word starting with ب after a place head is
// the place's name (قرية برحرح، محافظة بلجرشي) rather than the preposition
// ب with a noun (قرية بمنطقة جازان، حي بالرياض، قرية بتبوك): the rest is
// not definite, not ending in ة, not a classifier or institution head, not
// a known name, and does not stand alone elsewhere in the article.
func (l *Linker) bPlaceName(d *doc, w string) bool {
	if !strings.HasPrefix(w, "ب") {
		return false
	}
	rest := strings.TrimPrefix(w, "ب")
	if semiPrepositions[rest] {
		return false
	}
	// A rest ending in ة is mostly a common noun (بزيارة، بمدرسة).
	if utf8.RuneCountInString(rest) < 3 || strings.HasPrefix(rest, "ال") || strings.HasSuffix(rest, "ه") || inArticlePlaceHeads[rest] || placeClassifiers[rest] ||
		rest == "منطقه" || kb.InstitutionWord(rest) != "" || placeHeads[rest] || institutionHeads[rest] || generic[rest] ||
		len(l.kb.LookupKey(rest)) > 0 || len(l.kb.LookupPartial(rest)) > 0 {
		return false
	}
	for wi := range d.words {
		if d.wkey(wi) == rest {
			return false
		}
	}
	return true
}

// articlePlaces adds the word after a place classifier (inArticlePlaceHeads,
// without proclitics other than و/ب/ف) as a place when no mention covers
// it and it looks like a name: three letters or more, no proclitic, not a
// function or generic word, not a verb, no adjective ending (ية) unless it
// is definite (حي الخالدية).
func (l *Linker) articlePlaces(d *doc) {
	var added []*mention
	for wi := 0; wi+1 < len(d.words); wi++ {
		ok := false
		for _, r := range d.readings(wi) {
			if r.prefix == "" && inArticlePlaceHeads[r.key] {
				ok = true
			}
		}
		if !ok || !adjacent(d, d.words[wi], d.words[wi+1]) || d.inMention(wi+1) || d.inMention(wi) {
			continue
		}
		w := d.wkey(wi + 1)
		if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, "0123456789") || kb.NotPlaceName(w) || generic[w] ||
			notNames[w] || titleHeads[w] || honorifics[w] || verbLike(w) || perfectLike2(w) || kb.InstitutionWord(w) != "" ||
			(!definite(w) && (strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "ي"))) || notContinuing[w] ||
			strings.ContainsRune("وفبلك", []rune(w)[0]) && !definite(w) && !l.bPlaceName(d, w) {
			continue
		}
		t := d.toks[d.words[wi+1]]
		added = append(added, &mention{span: marsad.Span{Start: t.Start, End: t.End}, key: w, typ: marsad.LOC, kind: KindName, local: true})
		wi++
	}
	if len(added) > 0 {
		d.replaceMentions(nil, added)
	}
}
