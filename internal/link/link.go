// Package link is the entity-linking and coreference stage: it turns the
// NER's surface names into real-world entities, one per person, place or
// organisation in an article, each with a stable id.
//
// The NER fills Article.Entities with one entity per distinct surface name
// (ID "", Name = surface). Linker.Annotate rewrites them:
//
//   - Mentions of one entity merge across clitics (لبوتين، وبوتين), spelling
//     variants (الأمريكي/الأميركي، زيلينسكي/زيلنسكي، ترامب/ترمب: the
//     knowledge base's aliases, then the consonant skeleton) and partial
//     names (بوتين after فلاديمير بوتين; any surname after a full name in
//     the same article).
//   - Each entity gets the knowledge base's id, name, Latin name and
//     Wikidata id; an entity not in the knowledge base gets kb.NameID of its
//     longest name, so the same name has the same id in every article, and a
//     transliterated Latin name.
//   - A title used alone (الرئيس الروسي، وزير الدفاع الروسي، خادم الحرمين
//     الشريفين) becomes a mention (Kind "title") of its holder on the
//     article's date; "نظيره الروسي" of the holder of the same office as the
//     person it is the counterpart of. A title followed by a name (الرئيس
//     الروسي فلاديمير بوتين) is an apposition: the name is the mention, and
//     the title then refers to that person for the rest of the article.
//   - A subject pronoun after a speech verb (أشار إلى أنه سيزور) becomes a
//     mention (Kind "pronoun") of the nearest preceding person, when the
//     pronoun is not the expletive ضمير الشأن (أنه تم، أنه لا يمكن).
//   - Names from the curated knowledge base that the NER missed are added
//     when the evidence is strong: an exact trusted name at token
//     boundaries, clitics allowed (Linker.Recover).
//   - The NER's spans are repaired (Linker.Recover): spans that ran names
//     and stray words together are segmented; generic words (الله، البنك)
//     and words inside titles (العهد of ولي العهد) are dropped; names
//     after honorifics (الشيخ عبدالله بن صالح الفواز), partial names after
//     cues (نظام الأسد), ministries by portfolio and nisba (الخارجية
//     المصرية) and institutions named after a place or a king (أمانة
//     المنطقة الشرقية) are recovered; names the article already used are
//     found again where the NER missed them (repeat.go).
//   - A bare title the article does not introduce (ولي العهد، وزير
//     الخارجية) names the office of the outlet's country (Linker.Home,
//     OutletCountry), or of the country of the story's dateline
//     (القاهرة - واس, a capital or a city of data/datelines.tsv:
//     dateline.go) when the article names that office's holder; a bare
//     government body (مجلس الوزراء) is the dateline's country's before the
//     outlet's (scope.go); a title the article introduces before a name
//     (رئيسة البرنامج هدى …، رئيسها التنفيذي "مارك باركر") refers to that
//     person when used alone, and so does its head made definite with its
//     last adjective (وزير الطاقة الجزائري … الوزير الجزائري); a story's
//     opening title given before the name (قال الرئيس التنفيذي للجنة …)
//     is the first new speaker named after the lede; a title in a
//     sentence dated to an earlier year names that year's holder.
//   - People, places and clubs mined from the corpus (kb, Entity.Mined:
//     الأمير … بن …، محافظة القنفذة، نادي الفتح) are found without the
//     NER and linked as the article's own names; a place found with its
//     classifier (مدينة الحسكة) is the name after it.
//   - Organisations: institution names mined from the corpus (kb,
//     SourceCorpus) are found without the NER; a shortened name (الائتلاف
//     السوري), a bare head (الائتلاف) and a Latin spelling (Nike / نايكي)
//     join the full name in the article, and so does a class noun before a
//     quoted name (حلف "الناتو"); the word after a club cue (نادي،
//     بعثة، مدرب) is a club, and so is a KB club's short name in a sports
//     article (club.go, shortform.go, latin.go).
//   - Name boundaries (boundary.go): an institution named after a king ends
//     after its namesake (جامعة الملك سعود | مشعل الوعيل); a person's span
//     that starts with the end of another name of the article, or a
//     person's name after a known organisation in one span, is cut (اسباير
//     زون | حسين القحطاني، طالبان | ذبيح الله مجاهد).
//   - Country scope (scope.go): a generic government body mined from the
//     corpus (مجلس الوزراء، وزارة الداخلية) is the body of the country the
//     article gives it — a nisba or country after it, the office holder
//     named after it, the same body named with a country earlier, else the
//     outlet's country — with an id that says the country (ScopedID).
//   - Context (context.go): a knowledge-base description (قوات التحالف)
//     names its entity only in an article that names one of the entity's
//     context entities (Yemen for the Saudi-led coalition).
//
// Nisba adjectives (الروسي، الأمريكية، السعودية after a definite noun) are
// not mentions of the country: "الحرب الروسية" is about Russia but does not
// name the place, and ANERcorp leaves such adjectives untagged. They are
// used only inside titles (الرئيس الروسي → the president of Russia). An NER
// mention that is only a nisba adjective is dropped.
package link

import (
	"context"
	_ "embed"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

//go:embed data/not_names.txt
var notNamesTxt string

//go:embed data/generic.txt
var genericTxt string

// generic holds the keys of words never a name on their own
// (data/generic.txt): an NER mention that is one of them is dropped.
var generic = keySet(genericTxt)

// notNames holds the keys of words and phrases never recovered as names.
var notNames = keySet(notNamesTxt)

// allGeneric reports whether every word of a key is generic (أيده الله).
func allGeneric(key string) bool {
	for _, w := range strings.Fields(key) {
		if !generic[w] {
			return false
		}
	}
	return key != ""
}

// keySet reads a word list (one a line, # comments) as a set of keys.
func keySet(txt string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(txt, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[kb.Key(line)] = true
		}
	}
	return m
}

// Mention kinds (marsad.Mention.Kind).
const (
	KindName    = "name"
	KindTitle   = "title"
	KindPronoun = "pronoun"
)

// Linker links and resolves the entities of an article. It is safe for
// concurrent use.
type Linker struct {
	kb *kb.KB
	tr *kb.Translit
	// Recover adds trusted knowledge-base names the NER missed.
	Recover bool
	// Pronouns enables subject-pronoun coreference.
	Pronouns bool
	// Home gives the country (ISO alpha-2) whose offices a bare title
	// names in an article (OutletCountry by default; nil: none).
	Home func(*marsad.Article) string
	// Datelines lets a story's dateline (القاهرة - واس) give the country
	// before Home does (dateline.go).
	Datelines bool

	namePrefix  map[string]bool   // every word prefix of a trusted name key
	titlePrefix map[string]bool   // every word prefix of a title key
	bareTitle   map[string]bool   // office heads without a country (ولي العهد، الرئيس)
	bareRole    map[string]string // office head → role (ولي العهد → cp)
	persons     []personName      // trusted people's multi-word names
	contextual  []contextualName  // descriptions that need their entity's context (context.go)
	maxWords    int
}

// personName is one multi-word name of a trusted person.
type personName struct {
	words []string
	e     *kb.Entity
}

// New returns a linker over k (kb.Default() in the pipeline) with recovery
// and pronoun coreference on.
func New(k *kb.KB) *Linker {
	tr, _ := kb.DefaultTranslit() // nil on a broken embed: names stay untransliterated
	l := &Linker{kb: k, tr: tr, Recover: true, Pronouns: true, Home: OutletCountry, Datelines: true, bareRole: map[string]string{},
		namePrefix: map[string]bool{}, titlePrefix: map[string]bool{}, maxWords: k.MaxWords()}
	k.ForEachName(func(key string, es []*kb.Entity) {
		if trustedName(key, es) == nil {
			return
		}
		addPrefixes(l.namePrefix, key)
	})
	k.ForEachTitle(func(key string) { addPrefixes(l.titlePrefix, key) })
	l.bareTitle = map[string]bool{}
	for _, r := range k.Roles {
		for _, h := range r.NisbaHeads {
			l.bareTitle[kb.Key(h)] = true
			l.bareRole[kb.Key(h)] = r.Key
			addPrefixes(l.titlePrefix, kb.Key(h))
		}
	}
	for _, e := range k.Entities {
		if len(e.Context) > 0 {
			for _, n := range e.Contextual {
				l.contextual = append(l.contextual, contextualName{kb.Key(n), e})
			}
		}
		if e.Type != marsad.PERS || !e.Trusted() {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if w := nameWords(kb.Key(n)); len(w) >= 2 {
				l.persons = append(l.persons, personName{w, e})
			}
		}
	}
	return l
}

// extendedName finds the trusted person a longer form of a known name
// refers to: the name with more of the nasab (محمد بن نايف بن عبد العزيز,
// الملك سلمان بن عبدالعزيز آل سعود) or with a middle name (خالد محفوظ
// بحاح for خالد بحاح). The person must be the only one that fits.
func (l *Linker) extendedName(key string) *kb.Entity {
	m := nameWords(key)
	if len(m) < 3 {
		return nil
	}
	var found *kb.Entity
	for _, p := range l.persons {
		n := p.words
		if len(n) >= len(m) {
			continue
		}
		ok := false
		if hasPrefixWords(m, n) {
			switch m[len(n)] {
			case "بن", "ابن", "ال":
				ok = true
			}
		} else if m[0] == n[0] && m[len(m)-1] == n[len(n)-1] && subsequence(n, m) && !slices.Contains(n, "بن") && !slices.Contains(n, "ابن") {
			// A middle name (خالد محفوظ بحاح for خالد بحاح); not a skipped
			// generation of a nasab: عبدالله بن مساعد بن عبدالعزيز is a
			// grandson of Abdulaziz, not عبدالله بن عبدالعزيز.
			ok = true
		}
		if !ok && len(n) >= 2 && len(m) == len(n)+1 && hasSuffixWords(m, n) && !strings.HasPrefix(m[0], "ال") && m[1] != "بن" {
			// A given name before the full name (محمد أختر منصور for أختر
			// منصور).
			ok = true
		}
		if !ok {
			continue
		}
		if found != nil && found != p.e {
			return nil
		}
		found = p.e
	}
	return found
}

// nameWords splits a name key into name parts, keeping the compounds عبد
// الله and أبو بكر as one part (the key spells them apart).
func nameWords(key string) []string {
	f := strings.Fields(key)
	var out []string
	for i := 0; i < len(f); i++ {
		if (f[i] == "عبد" || f[i] == "ابو") && i+1 < len(f) {
			out = append(out, f[i]+f[i+1])
			i++
			continue
		}
		out = append(out, f[i])
	}
	return out
}

func hasPrefixWords(full, part []string) bool {
	for i, w := range part {
		if full[i] != w {
			return false
		}
	}
	return true
}

func subsequence(sub, seq []string) bool {
	i := 0
	for _, w := range seq {
		if i < len(sub) && sub[i] == w {
			i++
		}
	}
	return i == len(sub)
}

// stripHonorifics drops leading honorifics a NER span may include (الأمير،
// الدكتور), when a name remains.
func stripHonorifics(key string) string {
	f := strings.Fields(key)
	i := 0
	for i < len(f)-1 && honorifics[f[i]] {
		i++
	}
	return strings.Join(f[i:], " ")
}

func addPrefixes(m map[string]bool, key string) {
	f := strings.Fields(key)
	for i := 1; i <= len(f); i++ {
		m[strings.Join(f[:i], " ")] = true
	}
}

// trustedName returns the best trusted entity named by key, or nil. A
// one-word name must be at least three letters.
func trustedName(key string, es []*kb.Entity) *kb.Entity {
	if utf8.RuneCountInString(key) < 3 {
		return nil
	}
	for _, e := range es {
		if e.Findable() && !(e.Class == "ambiguous-name" && kb.Key(e.Name) == key) {
			return e
		}
	}
	return nil
}

// mention is one reference found in the article.
type mention struct {
	span marsad.Span
	key  string // kb.Key of the name without clitics
	typ  string // type the NER gave ("" for recovered / title / pronoun)
	kind string
	cl   *cluster
	// local marks an institution found by the article's grammar alone
	// (articleInstitutions): its bare head is not an anaphor of it.
	local bool
}

// cluster is one entity being built.
type cluster struct {
	e        *kb.Entity // nil when not in the knowledge base
	key      string     // longest name key (entities not in the KB)
	typ      string
	mentions []*mention
	order    int
	scope    string          // country of a generic government body (scope.go)
	keyset   map[string]bool // distinct name keys (nil until keys is first called)
	keylist  []string
	skels    []string
}

type doc struct {
	a        *marsad.Article
	day      time.Time
	toks     []tokenize.Token
	words    []int    // indexes of word tokens
	wkeys    []string // kb.Key of each word, computed once
	rkeys    [][]rkey // proclitic readings of each word, computed on demand
	mentions []*mention
	clusters []*cluster
	byEntity map[*kb.Entity]*cluster
	names    []*mention       // name mentions by offset (title pass)
	nameEnd  map[int]*mention // name mention by end offset
	context  map[string]bool  // ids of the entities the article names (articleContext)
	sents    []marsad.Span    // the article's sentences (sentenceDay), computed once
}

// replaceMentions drops the mentions in drop and adds the new ones,
// keeping the mentions in text order (stable: a tie keeps its order).
func (d *doc) replaceMentions(drop map[*mention]bool, added []*mention) {
	kept := d.mentions[:0]
	for _, m := range d.mentions {
		if !drop[m] {
			kept = append(kept, m)
		}
	}
	d.mentions = append(kept, added...)
	if len(added) > 0 {
		sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
	}
}

// rkey is a proclitic reading of a word with the key of its rest.
type rkey struct {
	reading
	key string
}

func newDoc(a *marsad.Article) *doc {
	d := &doc{a: a, byEntity: map[*kb.Entity]*cluster{}}
	d.toks = tokenize.Tokens(a.Text)
	for i, t := range d.toks {
		if t.Kind == tokenize.Word {
			d.words = append(d.words, i)
		}
	}
	d.wkeys = make([]string, len(d.words))
	d.rkeys = make([][]rkey, len(d.words))
	return d
}

// wkey is the key of word wi.
func (d *doc) wkey(wi int) string {
	if d.wkeys[wi] == "" {
		d.wkeys[wi] = kb.Key(d.toks[d.words[wi]].Text)
	}
	return d.wkeys[wi]
}

// readings returns the proclitic readings of word wi with their keys.
func (d *doc) readings(wi int) []rkey {
	if d.rkeys[wi] == nil {
		w := d.toks[d.words[wi]].Text
		for _, r := range readings(w) {
			k := d.wkey(wi)
			if r.skip > 0 {
				k = kb.Key(r.prefix + w[r.skip:])
			}
			d.rkeys[wi] = append(d.rkeys[wi], rkey{r, k})
		}
	}
	return d.rkeys[wi]
}

// Annotate rewrites a.Entities as linked entities with their name, title
// and pronoun mentions.
func (l *Linker) Annotate(ctx context.Context, a *marsad.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := newDoc(a)
	if t, ok := a.PublishedTime(); ok {
		d.day = t
	}
	l.collect(d)
	if l.Recover {
		l.recover(d)
		l.recoverHonorificNames(d)
		l.recoverCuedPartials(d)
		l.recoverMinistries(d)
		l.recoverClubs(d)
		l.recoverRoyalInstitutions(d)
		if inArticleInstitutions {
			l.articleInstitutions(d)
			l.articlePlaces(d)
		}
	}
	l.institutions(d)
	l.trimManagement(d)
	l.resolveNames(d)
	l.mergeParenthetical(d)
	l.mergeQuotedNames(d)
	l.mergeShortForms(d)
	l.mergeLatinNames(d)
	if l.Recover {
		l.repeatNames(d)
		l.headAnaphora(d)
	}
	l.titles(d)
	l.articleTitles(d)
	l.ledeTitle(d)
	l.regionGovernor(d)
	if l.Pronouns {
		l.pronouns(d)
	}
	l.scopeBodies(d)
	a.Entities = l.output(d)
	return nil
}

// collect takes the NER's mentions, trims clitics off their start, and
// drops bare nisba adjectives.
func (l *Linker) collect(d *doc) {
	seen := map[marsad.Span]bool{}
	type raw struct {
		m    *mention
		alts []alt
	}
	var raws []raw
	keys := map[string]bool{}
	for _, e := range d.a.Entities {
		for _, m := range e.Mentions {
			sp := m.Span()
			if !sp.Valid(len(d.a.Text)) || sp.Len() == 0 || seen[sp] {
				continue
			}
			seen[sp] = true
			full := kb.Key(d.a.Text[sp.Start:sp.End])
			if full == "" {
				continue
			}
			raws = append(raws, raw{&mention{span: sp, key: full, typ: e.Type, kind: KindName}, l.alternatives(d.a.Text, sp)})
			keys[full] = true
		}
	}
	for _, r := range raws {
		m := r.m
		// A proclitic is stripped (وبوتين → بوتين) when the knowledge base
		// knows the rest and not the whole, or when the article names the
		// rest on its own; the whole is kept otherwise (والتر is a name).
		if trustedName(m.key, l.kb.LookupKey(m.key)) == nil {
			for _, a := range r.alts {
				// لل is always ل + ال (للشركة → الشركة): no name starts so.
				// A definite name the knowledge base knows in part after a
				// conjunction (والهلال → الهلال) is the name: و + ال starts
				// a coordinated noun, not a name (والتر has no known rest).
				knownDefinite := strings.HasPrefix(a.key, "ال") && len(l.kb.LookupKey(m.key)) == 0 &&
					(len(l.kb.LookupKey(a.key)) > 0 || len(l.kb.LookupPartial(a.key)) > 0)
				// و before an institution's head (وجامعة جدة) is the
				// conjunction: no name starts so.
				if f := firstWord(a.key); strings.HasPrefix(m.key, "و") && strings.Contains(a.key, " ") && kb.InstitutionWord(f) != "" {
					knownDefinite = true
				}
				if a.span == m.span || trustedName(a.key, l.kb.LookupKey(a.key)) != nil || (keys[a.key] && len(l.kb.LookupKey(m.key)) == 0) || knownDefinite {
					m.span, m.key = a.span, a.key
					break
				}
			}
		}
		if l.isNisba(d, m.span, m.key) || allGeneric(m.key) {
			continue
		}
		if m.typ == marsad.PERS {
			// A ل + ال phrase the mention source ran onto a person's name
			// (والتر بالمر للأسد "to the lion"): no name ends so.
			if ws := wordsIn(d, m.span); len(ws) >= 3 && strings.HasPrefix(d.wkey(ws[len(ws)-1]), "لل") {
				m.span.End = d.toks[d.words[ws[len(ws)-2]]].End
				m.key = kb.Key(d.a.Text[m.span.Start:m.span.End])
			}
			if st := initialsBefore(d.a.Text, m.span.Start); st < m.span.Start {
				m.span.Start = st // كيه. شانموجام: the initial is the name's
				m.key = kb.Key(d.a.Text[st:m.span.End])
			}
		}
		d.mentions = append(d.mentions, l.splitJoined(d, m)...)
	}
	l.dropInsideTitles(d)
	l.unglue(d)
}

// dropInsideTitles drops NER mentions that are words of a title phrase and
// not names the knowledge base trusts (العهد of ولي العهد، الخارجية of وزير
// الخارجية); the names a title holds (الأمم المتحدة in الأمين العام للأمم
// المتحدة) stay.
func (l *Linker) dropInsideTitles(d *doc) {
	if len(d.mentions) == 0 {
		return
	}
	drop := map[*mention]bool{}
	for wi := 0; wi < len(d.words); wi++ {
		t := l.titleAt2(d, wi)
		if t.n == 0 {
			continue
		}
		for _, m := range d.mentions {
			if t.span.Contains(m.span) && m.span != t.span && trustedName(m.key, l.kb.LookupKey(m.key)) == nil {
				drop[m] = true
			}
		}
		wi += t.n - 1
	}
	if len(drop) > 0 {
		d.replaceMentions(drop, nil)
	}
}

// splitJoined undoes an NER span that ran names together or took in words
// around a name. The span is segmented, longest first, into names the
// knowledge base trusts and the words between them:
//
//   - every part known: the span is split (كيري ولافروف، اليمن هادي، مصر
//     السعودية), each part typed by its entity;
//   - a person's span may also hold unknown words: a run of two or more is
//     kept as a name (أوهورو كينياتا أوباما → أوهورو كينياتا + أوباما), a
//     single stray word is dropped (سيرجي لافروف عادل، عادل الجبير السيد
//     كيري، وبيين الجبير), and a title head ending a run is dropped with it
//     (أحمد الطيب شيخ الأزهر → أحمد الطيب + الأزهر).
//
// Organisations and places keep unknown words: their names embed people
// and places (جامعة الملك سعود، مستشفى عسير المركزي). A span the knowledge
// base knows as a whole, or as a longer form of a person's name, is left
// alone, and no cut falls next to a nasab word (بن عبدالله names the father,
// not a second person).
func (l *Linker) splitJoined(d *doc, m *mention) []*mention {
	if !strings.Contains(m.key, " ") || l.lookup(m) != nil {
		return []*mention{m}
	}
	var ws []int // word indexes inside the span
	for wi := range d.words {
		t := d.toks[d.words[wi]]
		if t.Start >= m.span.Start && t.End <= m.span.End {
			ws = append(ws, wi)
		}
	}
	if len(ws) < 2 {
		return []*mention{m}
	}
	if m.typ == marsad.PERS && len(ws) >= 2 && junkTail(d.wkey(ws[len(ws)-1])) {
		// سلمان باسمه: a preposition with a pronoun is not a name part.
		ws = ws[:len(ws)-1]
		m.span.End = d.toks[d.words[ws[len(ws)-1]]].End
		m.key = kb.Key(d.a.Text[m.span.Start:m.span.End])
		if len(ws) < 2 || l.lookup(m) != nil {
			return []*mention{m}
		}
	}
	if m.typ == marsad.PERS && len(ws) >= 3 && personTitleWords[d.wkey(ws[0])] {
		// السناتور بوب كروكر: a title the NER ran into the name is not the
		// name's (its canonical form would keep it).
		ws = ws[1:]
		m.span.Start = d.toks[d.words[ws[0]]].Start
		m.key = kb.Key(d.a.Text[m.span.Start:m.span.End])
		if l.lookup(m) != nil {
			return []*mention{m}
		}
	}
	known := func(from, to int) (marsad.Span, string, *kb.Entity) {
		// Words ws[from:to] as a name, the first word's proclitics allowed.
		for _, r := range d.readings(ws[from]) {
			key := r.key
			for i := from + 1; i < to; i++ {
				key += " " + d.wkey(ws[i])
			}
			start := d.toks[d.words[ws[from]]].Start + r.skip
			if r.prefix != "" {
				start = d.toks[d.words[ws[from]]].Start
			}
			sp := marsad.Span{Start: start, End: d.toks[d.words[ws[to-1]]].End}
			// A person mined from the corpus is often the start of a
			// longer name (خالد بن عبدالقادر | طاهر): not a segment.
			if e := trustedName(key, l.kb.LookupKey(key)); e != nil && !(e.Mined() && e.Type == marsad.PERS) {
				return sp, key, e
			}
			if to == len(ws) && from > 0 && r.skip == 0 {
				// A person's partial name ending a span that a known name
				// begins (اليمن هادي).
				if ps := l.kb.LookupPartial(key); len(ps) == 1 && ps[0].Type == marsad.PERS && ps[0].Trusted() {
					return sp, key, ps[0]
				}
			}
		}
		return marsad.Span{}, "", nil
	}
	type seg struct {
		from, to int
		span     marsad.Span
		key      string
		e        *kb.Entity
	}
	var segs []seg
	n := len(ws)
	nKnown, allKnown := 0, true
	for i := 0; i < n; {
		found := false
		for j := n; j > i; j-- {
			if sp, key, e := known(i, j); e != nil {
				segs = append(segs, seg{i, j, sp, key, e})
				nKnown++
				i, found = j, true
				break
			}
		}
		if found {
			continue
		}
		if len(segs) > 0 && segs[len(segs)-1].e == nil {
			segs[len(segs)-1].to = i + 1
		} else {
			segs = append(segs, seg{from: i, to: i + 1})
		}
		allKnown = false
		i++
	}
	if nKnown == 0 || len(segs) == 1 || (m.typ != marsad.PERS && !allKnown) {
		return []*mention{m}
	}
	for _, s := range segs[1:] {
		switch d.wkey(ws[s.from-1]) {
		case "بن", "ابن", "بنت", "ال", "ابو", "ام":
			return []*mention{m}
		}
		switch d.wkey(ws[s.from]) {
		case "بن", "ابن", "بنت", "ال":
			return []*mention{m}
		}
	}
	if s := segs[len(segs)-1]; len(segs) == 2 && s.e == nil && s.to-s.from == 1 && segs[0].e.Type == marsad.PERS && l.familyName(d.wkey(ws[s.from])) {
		// A family name after a known name is another person's full name
		// (عبدالله بن زايد الفريدي is not عبدالله بن زايد آل نهيان), or a
		// fuller name of the same: either way one name, not a stray word.
		return []*mention{m}
	}
	if s0 := segs[0]; s0.e == nil && s0.to-s0.from == 1 && segs[1].e.Type == marsad.PERS {
		// One word before a person's name is a given name (ميشيل أوباما is
		// not أوباما), unless it is a conjunction's (وبيين الجبير).
		if r := d.readings(ws[0]); len(r) < 2 || r[1].prefix != "" || !strings.ContainsRune("وف", []rune(d.wkey(ws[0]))[0]) {
			return []*mention{m}
		}
	}
	var out []*mention
	for _, s := range segs {
		if s.e != nil {
			out = append(out, &mention{span: s.span, key: s.key, typ: s.e.Type, kind: KindName})
			continue
		}
		from, to := s.from, s.to
		for to > from && (honorifics[d.wkey(ws[to-1])] || titleHeads[d.wkey(ws[to-1])]) {
			to--
		}
		for from < to && honorifics[d.wkey(ws[from])] {
			from++
		}
		if to-from < 2 {
			continue // a stray word
		}
		sp := marsad.Span{Start: d.toks[d.words[ws[from]]].Start, End: d.toks[d.words[ws[to-1]]].End}
		if from == 0 {
			sp.Start = m.span.Start
		}
		out = append(out, &mention{span: sp, key: kb.Key(d.a.Text[sp.Start:sp.End]), typ: m.typ, kind: KindName})
	}
	return out
}

// familyName reports whether a word may be an ال family name ending a
// person's name (الفريدي، القحطاني): definite, not a generic, time or
// title word and not a country's nisba (كيري الأمريكي).
func (l *Linker) familyName(w string) bool {
	if !definite(w) || generic[w] || timeWords[w] || titleHeads[w] || ministryWords[w] || honorifics[w] || nameHonorifics[w] {
		return false
	}
	_, nisba := l.kb.NisbaCountry(w)
	return !nisba
}

// timeWords are definite words of dates that follow names in news (أعلن
// كيري الأربعاء).
var timeWords = wordSet("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم الماضي الحالي المقبل الجاري")

// junkTail reports whether a word is a preposition with a pronoun suffix
// (باسمه، لديه، بقوله) or an imperfect verb with an object pronoun
// (يستأذنه، سيزوره), which ends no name.
func junkTail(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 4 || !(strings.ContainsRune("بلك", []rune(w)[0]) || (n >= 5 && verbLike(w))) {
		return false
	}
	for _, suf := range []string{"ه", "ها", "هم", "هما"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// titleHeads are the nouns that head a title after a name (أحمد الطيب شيخ
// الأزهر، خالد الفالح وزير الطاقة): not part of the name.
var titleHeads = map[string]bool{"شيخ": true, "رئيس": true, "رئيسه": true, "وزير": true, "وزيره": true, "امين": true,
	"مدير": true, "مديره": true, "سفير": true, "ملك": true, "امير": true, "نائب": true, "قائد": true, "محافظ": true,
	"مفتي": true, "عميد": true, "مستشار": true, "المتحدث": true, "الناطق": true, "مساعد": true, "وكيل": true}

// personTitleWords are definite titles and professions that the NER runs
// into a person's name (السناتور بوب كروكر، المدرب خوان رامون لوبيز
// كارو); they are cut off a person span of three words or more. Honorifics
// (الشيخ، الأمير) are not here: the knowledge base lists names with them.
var personTitleWords = wordSet("السناتور السيناتور النائب النائبه الجنرال المستشار المستشاره الحاكم الكابتن " +
	"المدرب اللاعب الوزير الوزيره الرئيس السفير السفيره القاضي المحامي الصحفي الصحفيه الكاتب الكاتبه " +
	"الفنان الفنانه الممثل الممثله الاعلامي الاعلاميه المخرج الشاعر المطرب المطربه الداعيه")

// latinInitials are Latin letters written in Arabic as a name's initial
// (كيه. شانموجام، جيه. كيه. رولينج); a mention after one is widened over
// it (initialsBefore).
var latinInitials = wordSet("كيه جيه اتش إتش اف إف إل ام إم آر ار اس إس تي دي بي سي يو واي دبليو زد اكس كيو")

// initialsBefore returns the start of the initials (a latinInitials word
// and a dot, one or more) right before byte offset start, or start.
func initialsBefore(text string, start int) int {
	for {
		s := strings.TrimRight(text[:start], " ")
		if len(s) == len(text[:start]) || !strings.HasSuffix(s, ".") {
			return start
		}
		s = s[:len(s)-1]
		i := strings.LastIndexAny(s, " \n\t.")
		w := s[i+1:]
		if !latinInitials[kb.Key(w)] {
			return start
		}
		start = i + 1
	}
}

// alt is a reading of a mention without its proclitics.
type alt struct {
	span marsad.Span
	key  string
}

// alternatives lists the clitic-stripped readings of a name span. A kept
// لل (للأمم المتحدة → الأمم المتحدة) keeps the whole word in the span.
func (l *Linker) alternatives(text string, sp marsad.Span) []alt {
	s := text[sp.Start:sp.End]
	var out []alt
	for _, r := range readings(s) {
		if r.skip == 0 {
			continue
		}
		a := alt{span: marsad.Span{Start: sp.Start + r.skip, End: sp.End}, key: kb.Key(r.prefix + s[r.skip:])}
		if r.prefix != "" {
			a.span = sp
		}
		out = append(out, a)
	}
	return out
}

// reading is one way to strip proclitics off the start of a word: skip
// bytes dropped, prefix put back (ال for the لل of للرئيس).
type reading struct {
	skip   int
	prefix string
}

// readings lists the proclitic readings of the start of s, unstripped first:
// conjunction (و ف), then preposition (ب ل ك), and لل = ل + ال (or ل + ال
// + a stem starting with ل: للجنة = ل + اللجنة). A stem must keep at least
// three letters.
func readings(s string) []reading {
	out := []reading{{}}
	letters := func(from int) int { return utf8.RuneCountInString(firstWord(s[from:])) }
	pos := 0
	if r, n := utf8.DecodeRuneInString(s); (r == 'و' || r == 'ف') && letters(n) >= 3 {
		pos = n
		out = append(out, reading{skip: pos})
	}
	r, n := utf8.DecodeRuneInString(s[pos:])
	switch {
	case r == 'ل' && strings.HasPrefix(s[pos+n:], "ل") && letters(pos+n) >= 3:
		out = append(out, reading{skip: pos + 2*n, prefix: "ال"})
		if letters(pos+2*n) >= 3 {
			// ل + ال + a stem that starts with ل drops the alif and one
			// lam in writing: للجنة is ل + اللجنة as well as ل + الجنة.
			out = append(out, reading{skip: pos + n, prefix: "ال"})
		}
		fallthrough
	case (r == 'ب' || r == 'ل' || r == 'ك') && letters(pos+n) >= 3:
		out = append(out, reading{skip: pos + n})
	}
	return out
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// isNisba reports whether a one-word mention is a nisba adjective used as
// one: a bare nisba that is not also a country name (الروسي), or a word that
// is both (السعودية) right after a definite word it qualifies (الحكومة
// السعودية).
func (l *Linker) isNisba(d *doc, sp marsad.Span, key string) bool {
	if strings.Contains(key, " ") {
		return false
	}
	if _, ok := l.kb.NisbaCountry(key); !ok {
		return false
	}
	for _, e := range l.kb.LookupKey(key) {
		if e.Country != "" { // also a country's name: السعودية
			// After a preposition written on it (للسعودية، بالسعودية) it
			// is the country: an agreeing adjective takes no preposition.
			w := strings.TrimLeft(d.a.Text[sp.Start:sp.End], "وف")
			if r, _ := utf8.DecodeLastRuneInString(d.a.Text[:sp.Start]); r == 'ل' || r == 'ب' || r == 'ك' ||
				strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "كال") {
				return false
			}
			return definiteBefore(d, sp.Start)
		}
	}
	return true
}

// definiteBefore reports whether the word before byte offset at is a
// definite noun or adjective (starts with ال after clitics), which a
// following nisba would qualify.
func definiteBefore(d *doc, at int) bool {
	i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > at }) - 1
	if i < 0 || d.toks[i].Kind != tokenize.Word {
		return false
	}
	k := kb.Key(d.toks[i].Text)
	for _, p := range []string{"ال", "وال", "بال", "فال", "لل", "كال"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// recover finds trusted knowledge-base names the NER did not mark.
func (l *Linker) recover(d *doc) {
	// The NER's mentions, sorted, are searched by offset: a long article
	// stays linear.
	ner := append([]*mention(nil), d.mentions...)
	sort.Slice(ner, func(i, j int) bool { return ner[i].span.Start < ner[j].span.Start })
	overlapping := func(sp marsad.Span) []*mention {
		i := sort.Search(len(ner), func(i int) bool { return ner[i].span.Start >= sp.End })
		j := i
		for j > 0 && ner[j-1].span.End > sp.Start {
			j--
		}
		// NER spans do not overlap each other, except duplicates kept
		// apart by the dedup in collect; a short walk back is enough.
		var out []*mention
		for _, m := range ner[j:i] {
			if m.span.Overlaps(sp) {
				out = append(out, m)
			}
		}
		return out
	}
	drop := map[*mention]bool{}
	var added []*mention
	for wi := 0; wi < len(d.words); {
		sp, key, e, n := l.matchName(d, wi)
		if e == nil || l.isNisba(d, sp, key) || l.titleAt(d, wi) || l.notName(d, wi, key) {
			wi++
			continue
		}
		if ov := overlapping(sp); len(ov) > 0 {
			// A trusted full name that strictly contains every NER mention
			// it overlaps (NER مصر العربية inside جمهورية مصر العربية) means
			// the NER cut the name short: the full name replaces the pieces.
			covers := strings.Contains(key, " ")
			for _, m := range ov {
				if !sp.Contains(m.span) || m.span == sp || drop[m] {
					covers = false
				}
			}
			if !covers {
				wi++
				continue
			}
			for _, m := range ov {
				drop[m] = true
			}
		}
		m := &mention{span: sp, key: key, kind: KindName}
		if f := strings.Fields(key); e.Mined() && e.Type == marsad.LOC && len(f) > 1 && kb.PlaceClassifier(f[0]) {
			// A place mined with its head (مدينة الحسكة): the mention is
			// the name after the head, a place.
			if r, ok := d.wordAfter(sp.Start); ok {
				m.span.Start, m.key, m.typ = r, strings.Join(f[1:], " "), marsad.LOC
			}
		}
		added = append(added, m)
		wi += n
	}
	d.replaceMentions(drop, added)
}

// wordAfter returns the start of the word after the word that holds off.
func (d *doc) wordAfter(off int) (int, bool) {
	i := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End > off })
	if i+1 < len(d.words) {
		return d.toks[d.words[i+1]].Start, true
	}
	return 0, false
}

// notName reports whether the name key found at word wi is an ordinary
// word or starts an idiom (data/not_names.txt).
func (l *Linker) notName(d *doc, wi int, key string) bool {
	if notNames[key] {
		return true
	}
	if wi+1 < len(d.words) && notNames[key+" "+d.wkey(wi+1)] {
		return true
	}
	return false
}

// titleAt reports whether a title phrase starts at word wi (so that its
// words, such as الأمين العام للأمم المتحدة's الأمم المتحدة, are not taken
// as names on their own).
func (l *Linker) titleAt(d *doc, wi int) bool {
	_, _, n := l.matchTitle(d, wi)
	return n > 0
}

// matchName finds the longest trusted name starting at word wi.
func (l *Linker) matchName(d *doc, wi int) (marsad.Span, string, *kb.Entity, int) {
	first := d.toks[d.words[wi]]
	for _, r := range d.readings(wi) {
		key0 := r.key
		if !l.namePrefix[key0] {
			continue
		}
		var best *kb.Entity
		bestEnd, bestN, bestKey := 0, 0, ""
		key := key0
		for n := 1; n <= l.maxWords && wi+n-1 < len(d.words); n++ {
			if n > 1 {
				ti := d.words[wi+n-1]
				if !adjacent(d, d.words[wi+n-2], ti) {
					break
				}
				key += " " + d.wkey(wi+n-1)
			}
			if !l.namePrefix[key] {
				break
			}
			if e := trustedName(key, l.kb.LookupKey(key)); e != nil {
				best, bestEnd, bestN, bestKey = e, d.toks[d.words[wi+n-1]].End, n, key
			}
		}
		if best != nil {
			start := first.Start + r.skip
			if r.prefix != "" {
				start = first.Start
			}
			return marsad.Span{Start: start, End: bestEnd}, bestKey, best, bestN
		}
	}
	return marsad.Span{}, "", nil, 0
}

// adjacent reports whether token j follows token i with only spaces (no
// punctuation) between them.
func adjacent(d *doc, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if d.toks[k].Kind != tokenize.Word {
			return false
		}
	}
	return strings.TrimSpace(d.a.Text[d.toks[i].End:d.toks[j].Start]) == ""
}

// resolveNames links name mentions to knowledge-base entities and merges
// the rest by name within the article. Longer names go first, so that a
// one-word name joins the full name the article gave (الجبير after عادل
// الجبير) before the knowledge base is asked about it.
func (l *Linker) resolveNames(d *doc) {
	ms := append([]*mention(nil), d.mentions...)
	sort.SliceStable(ms, func(i, j int) bool {
		return strings.Count(ms[i].key, " ") > strings.Count(ms[j].key, " ")
	})
	for _, m := range ms {
		single := !strings.Contains(m.key, " ")
		if single {
			if c := l.partialOf(d, m); c != nil {
				l.join(c, m)
				continue
			}
		}
		if e := l.governedRegion(d, m); e != nil {
			l.attach(d, m, e)
			continue
		}
		if e := l.citedOutlet(d, m); e != nil {
			l.attach(d, m, e)
			continue
		}
		e := l.lookup(m)
		outOfContext := e != nil && !l.fits(d, m.key, e)
		if outOfContext {
			// A description (قوات التحالف) outside its entity's context
			// is an entity of the article, not the knowledge base's.
			if m.typ == "" {
				m.typ = e.Type
			}
			e = nil
		}
		if e != nil {
			l.attach(d, m, e)
			continue
		}
		if !single {
			if c := l.partialOf(d, m); c != nil {
				l.join(c, m)
				continue
			}
		}
		// A name only seen in NER data: its id, type and Latin name.
		for _, x := range l.kb.LookupKey(m.key) {
			if !outOfContext && (x.Type == m.typ || m.typ == "") {
				e = x
				break
			}
		}
		if e != nil {
			l.attach(d, m, e)
			continue
		}
		c := &cluster{key: m.key, typ: m.typ, order: len(d.clusters)}
		l.join(c, m)
		d.clusters = append(d.clusters, c)
	}
}

// lookup finds the trusted entity a name mention names: exactly, without
// leading honorifics, as a longer form of a person's name, or by spelling
// skeleton.
func (l *Linker) lookup(m *mention) *kb.Entity {
	keys := []string{m.key}
	if k := stripHonorifics(m.key); k != m.key {
		keys = append(keys, k)
	}
	for _, k := range keys {
		if e := l.pick(k, m.typ, l.kb.LookupKey(k), true); e != nil {
			return e
		}
	}
	// A governorate or city named with its classifier (محافظة الأحساء،
	// مدينة جدة) is the place the knowledge base knows by the name after
	// it: a governorate and its seat are one entity (testdata/README.md).
	// Not a country, nor a region (منطقة تبوك is not تبوك).
	if e := l.classifiedPlace(m); e != nil {
		return e
	}
	// A partial name (a common word such as القاعدة، or a surname) that the
	// NER typed as the entity's type: trusted for organisations and places,
	// and for people only when it is a family name (الأسد، المعلم).
	if m.typ != "" {
		var found *kb.Entity
		for _, e := range l.kb.LookupPartial(m.key) {
			if !e.Trusted() || e.Type != m.typ || (m.typ == marsad.PERS && !strings.HasPrefix(m.key, "ال")) {
				continue
			}
			if found != nil && found != e {
				found = nil
				break
			}
			found = e
		}
		if found != nil {
			return found
		}
	}
	for _, k := range keys {
		if m.typ == marsad.PERS || m.typ == "" {
			if e := l.extendedName(k); e != nil {
				return e
			}
		}
		if utf8.RuneCountInString(k) >= 5 {
			if e := l.pick(k, m.typ, l.kb.LookupSkeleton(k), false); e != nil {
				return e
			}
		}
	}
	return nil
}

// citedOutlet returns the newspaper a name cited as the source of a
// statement names (في تصريح لـ(الجزيرة)، قال لـ"الوطن"): after لـ and a
// bracket or quote, a word that is a newspaper's name without its head
// (صحيفة الجزيرة) is the paper, not the channel, the city or the word.
// The article's own paper quoted as a verb's subject counts too
// (ownOutletSubject).
func (l *Linker) citedOutlet(d *doc, m *mention) *kb.Entity {
	if m.kind != KindName || strings.Contains(m.key, " ") {
		return nil
	}
	before := strings.TrimRight(d.a.Text[:m.span.Start], " ")
	quoted := strings.TrimRight(before, "(\"«“'")
	if len(quoted) == len(before) {
		return nil
	}
	quoted = strings.TrimRight(quoted, " ")
	quoted = strings.TrimSuffix(quoted, "ـ")
	if !strings.HasSuffix(quoted, "ل") {
		return l.ownOutletSubject(d, m, quoted)
	}
	if p := strings.TrimSuffix(quoted, "ل"); p != "" && !strings.HasSuffix(p, " ") && !strings.HasSuffix(p, "\n") {
		return nil
	}
	for _, head := range []string{"صحيفه ", "جريده "} {
		for _, e := range l.kb.LookupKey(head + m.key) {
			if e.Type == marsad.ORG && e.Trusted() {
				return e
			}
		}
	}
	return nil
}

// ownOutletSubject returns the article's own paper when m, quoted, is its
// name without the head and the word before is a perfect verb of a
// feminine subject (وعلمت "الوطن"، اطلعت «المدينة»: the paper reports).
// Any quoted own name was tried first and dropped: a quoted city or poem
// title (الديرة "الرياض"، قصيدة "الوطن") is as frequent.
func (l *Linker) ownOutletSubject(d *doc, m *mention, before string) *kb.Entity {
	e, ok := l.kb.ByID(outletIDs[d.a.Source])
	if !ok || (kb.Key(e.Name) != "صحيفه "+m.key && kb.Key(e.Name) != "جريده "+m.key) {
		return nil
	}
	i := strings.LastIndexAny(before, " \n")
	v := kb.Key(before[i+1:])
	v = strings.TrimPrefix(strings.TrimPrefix(v, "و"), "ف")
	if n := utf8.RuneCountInString(v); n < 4 || n > 6 || !strings.HasSuffix(v, "ت") || strings.HasPrefix(v, "ال") {
		return nil
	}
	return e
}

// governedRegion returns the region a city's name after أمير names
// (أمير تبوك is the governor of منطقة تبوك, the region named after its
// seat), or nil.
func (l *Linker) governedRegion(d *doc, m *mention) *kb.Entity {
	if m.kind != KindName || strings.Contains(m.key, " ") {
		return nil
	}
	ws := wordsIn(d, m.span)
	if len(ws) != 1 || ws[0] == 0 || !adjacent(d, d.words[ws[0]-1], d.words[ws[0]]) ||
		d.toks[d.words[ws[0]]].Start != m.span.Start {
		return nil
	}
	governor := false
	for _, r := range d.readings(ws[0] - 1) {
		if r.key == "امير" {
			governor = true
		}
	}
	if !governor {
		return nil
	}
	for _, e := range l.kb.LookupKey("منطقه " + m.key) {
		if e.Type == marsad.LOC && e.Trusted() {
			return e
		}
	}
	return nil
}

// classifiedPlace returns the trusted city a "محافظة X" or "مدينة X"
// mention names, or nil.
func (l *Linker) classifiedPlace(m *mention) *kb.Entity {
	if m.typ != marsad.LOC && m.typ != "" {
		return nil
	}
	head, rest, ok := strings.Cut(m.key, " ")
	if !ok || !placeClassifiers[head] {
		return nil
	}
	e := l.pick(rest, marsad.LOC, l.kb.LookupKey(rest), true)
	if e == nil || e.Type != marsad.LOC || e.Country != "" || strings.HasPrefix(kb.Key(e.Name), "منطقه ") {
		return nil
	}
	return e
}

// placeClassifiers are the classifier nouns of a city or governorate.
var placeClassifiers = map[string]bool{"محافظه": true, "مدينه": true}

func (l *Linker) join(c *cluster, m *mention) {
	c.mentions = append(c.mentions, m)
	m.cl = c
	if c.keyset != nil && m.kind == KindName {
		c.addKey(m.key)
	}
}

// pick chooses among candidate entities for a name: only trusted ones
// (exact) or a unique trusted one (skeleton); the NER's type first.
func (l *Linker) pick(key, typ string, cands []*kb.Entity, exact bool) *kb.Entity {
	var trusted []*kb.Entity
	for _, e := range cands {
		if e.Findable() && !e.Mined() && !(e.Class == "ambiguous-name" && kb.Key(e.Name) == key) {
			trusted = append(trusted, e)
		}
	}
	if len(trusted) == 0 || utf8.RuneCountInString(key) < 3 {
		return nil
	}
	if !exact {
		if len(trusted) > 1 {
			return nil
		}
		if typ != "" && trusted[0].Type != typ {
			return nil
		}
		return trusted[0]
	}
	for _, e := range trusted {
		if typ == "" || e.Type == typ {
			return e
		}
	}
	// The NER confuses places and organisations (واشنطن as the government);
	// a curated name is trusted over that, but not over PERS vs the rest.
	e := trusted[0]
	if typ == marsad.PERS || e.Type == marsad.PERS {
		return nil
	}
	return e
}

// partialOf finds the entity in the article that m names partially.
func (l *Linker) partialOf(d *doc, m *mention) *cluster {
	if m.typ != marsad.PERS && !strings.Contains(m.key, " ") {
		// A place the knowledge base knows by this very name (تبوك, the
		// city) is not the short form of a longer place of the article
		// (منطقة تبوك, the region).
		for _, e := range l.kb.LookupKey(m.key) {
			if e.Type == marsad.LOC && e.Trusted() && kb.Key(e.Name) == m.key {
				return nil
			}
		}
	}
	// A knowledge-base partial name of an entity already mentioned.
	for _, e := range l.kb.LookupPartial(m.key) {
		if c := d.byEntity[e]; c != nil && (m.typ == "" || c.typ == m.typ) {
			return c
		}
	}
	if m.typ != marsad.PERS && m.typ != "" {
		if c := l.surnameTypedOther(d, m); c != nil {
			m.typ = marsad.PERS
			return c
		}
		return l.shortOrgOrPlace(d, m)
	}
	words := strings.Fields(m.key)
	var found *cluster
	// When several people share the surname (ويل سميث، جادين سميث), the
	// surname alone refers to the one the article named first, as news
	// style has it (the later ones are introduced in full each time); the
	// first-named must come before the surname.
	var foundAt int
	for _, c := range d.clusters {
		if c.typ != marsad.PERS {
			continue
		}
		for _, full := range c.keys() {
			fw := strings.Fields(full)
			if len(fw) <= len(words) {
				continue
			}
			// Surname(s) or first name(s) of the longer name.
			if hasSuffixWords(fw, words) || (len(words) == 1 && fw[0] == words[0] && !commonFirstName(words[0])) {
				at := c.firstName()
				if at < 0 || at > m.span.Start {
					continue
				}
				if found == nil || at < foundAt {
					found, foundAt = c, at
				}
			}
		}
	}
	if found != nil {
		return found
	}
	// A surname before any full name (a photo caption, a headline: العقيبي
	// above "… محمد العقيبي") is the one person of the article the surname
	// ends, if only one.
	if len(words) == 1 && strings.HasPrefix(words[0], "ال") {
		for _, c := range d.clusters {
			if c.typ != marsad.PERS || c.firstName() < m.span.Start {
				continue
			}
			for _, full := range c.keys() {
				// The full name must start as a name does, not with a verb
				// or a conjunction the mention source ran in (ويبيع الروقي).
				if fw := strings.Fields(full); len(fw) > 1 && hasSuffixWords(fw, words) && !verbStart(fw[0]) {
					if found != nil && found != c {
						return sameName(d, m)
					}
					found = c
				}
			}
		}
		if found != nil {
			return found
		}
	}
	return sameName(d, m)
}

// surnameTypedOther returns the one person of the article whose full name
// ends with m, a single word the mention source typed as a place or an
// organisation (باركر after مارك باركر) and the knowledge base does not
// know as one.
func (l *Linker) surnameTypedOther(d *doc, m *mention) *cluster {
	if strings.Contains(m.key, " ") || trustedName(m.key, l.kb.LookupKey(m.key)) != nil || len(l.kb.LookupPartial(m.key)) > 0 {
		return nil
	}
	var found *cluster
	for _, c := range d.clusters {
		if c.typ != marsad.PERS {
			continue
		}
		for _, full := range c.keys() {
			if fw := strings.Fields(full); len(fw) > 1 && fw[len(fw)-1] == m.key {
				if found != nil && found != c {
					return nil
				}
				found = c
			}
		}
	}
	return found
}

// shortOrgOrPlace finds the organisation or place a shorter name stands
// for in the article: the head of the full name (المرصد for المرصد السوري
// لحقوق الإنسان) or its tail (الشيشان for جمهورية الشيشان، الخارجية
// الروسية for وزارة الخارجية الروسية). The full name must be unique.
func (l *Linker) shortOrgOrPlace(d *doc, m *mention) *cluster {
	if c := sameName(d, m); c != nil {
		return c
	}
	words := strings.Fields(m.key)
	if utf8.RuneCountInString(m.key) < 4 {
		return nil
	}
	// The head (a prefix) is the usual short form; the tail is tried only
	// when no full name starts with the short one.
	for _, match := range []func(full, part []string) bool{hasPrefixWords, hasSuffixWords} {
		var found *cluster
		ambiguous := false
		for _, c := range d.clusters {
			if c.typ != m.typ {
				continue
			}
			for _, full := range c.keys() {
				fw := strings.Fields(full)
				if len(fw) <= len(words) || !match(fw, words) {
					continue
				}
				if found != nil && found != c {
					ambiguous = true
				}
				found = c
			}
		}
		if ambiguous {
			return nil
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// sameName finds a cluster of the same type with the same name or skeleton.
func sameName(d *doc, m *mention) *cluster {
	sk := kb.Skeleton(m.key)
	long := utf8.RuneCountInString(m.key) >= 5
	for _, c := range d.clusters {
		if c.keys(); c.keyset[m.key] {
			// The same name typed differently by the NER in one article
			// (واشنطن as LOC and ORG) is one entity.
			return c
		}
		if c.typ != m.typ || !long {
			continue // a spelling variant must also agree on the type
		}
		for _, k := range c.skeletons() {
			if k == sk {
				return c
			}
		}
		// A foreign name written with and without a space (ريفر بليت /
		// ريفربليت).
		if joined := strings.ReplaceAll(m.key, " ", ""); utf8.RuneCountInString(joined) >= 6 {
			for _, k := range c.keys() {
				if k != m.key && strings.ReplaceAll(k, " ", "") == joined {
					return c
				}
			}
		}
	}
	// A person's name transliterated with two letters swapped (دي
	// ميتسورا / دي ميستورا) in an article that names the person: one
	// transposition in one word of a multi-word name of at least ten
	// letters, the other words equal.
	if m.typ == marsad.PERS && strings.Contains(m.key, " ") && utf8.RuneCountInString(m.key) >= 10 {
		for _, c := range d.clusters {
			if c.typ != marsad.PERS {
				continue
			}
			for _, k := range c.keys() {
				if oneTransposition(k, m.key) {
					return c
				}
			}
		}
	}
	return nil
}

// oneTransposition reports whether a and b differ by one swap of two
// adjacent letters inside one word.
func oneTransposition(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] || ra[i] == ' ' || ra[i+1] == ' ' {
		return false
	}
	return string(ra[i+2:]) == string(rb[i+2:])
}

// verbStart reports whether a name's first word is a verb the mention
// source ran into it, with or without و (ويبيع الروقي، ومعبّر النهاري);
// والتر is a name.
func verbStart(w string) bool {
	rest := strings.TrimPrefix(w, "و")
	return verbLike(w) || (rest != w && (verbLike(rest) || perfectLike(rest)))
}

// commonFirstName lists first names too common to stand for one person.
func commonFirstName(w string) bool {
	switch w {
	case "محمد", "احمد", "علي", "عبد", "الامير", "الملك", "الشيخ", "ابو", "بن", "عبدالله":
		return true
	}
	return false
}

func hasSuffixWords(full, part []string) bool {
	off := len(full) - len(part)
	for i, w := range part {
		if full[off+i] != w {
			return false
		}
	}
	return true
}

// keys returns the distinct name keys of a cluster: its knowledge-base
// names and the names it was mentioned by. They are kept as mentions join
// (see join), so that a long article stays linear, not quadratic.
func (c *cluster) keys() []string {
	if c.keyset == nil {
		c.keyset = map[string]bool{}
		if c.e != nil {
			c.addKey(kb.Key(c.e.Name))
			for _, a := range c.e.Aliases {
				c.addKey(kb.Key(a))
			}
		}
		for _, m := range c.mentions {
			if m.kind == KindName {
				c.addKey(m.key)
			}
		}
	}
	return c.keylist
}

func (c *cluster) addKey(k string) {
	if !c.keyset[k] {
		c.keyset[k] = true
		c.keylist = append(c.keylist, k)
		c.skels = append(c.skels, kb.Skeleton(k))
	}
}

// skeletons returns the skeletons of keys(), index by index.
func (c *cluster) skeletons() []string {
	c.keys()
	return c.skels
}

// firstName is the offset of the cluster's first name mention, -1 if none.
func (c *cluster) firstName() int {
	at := -1
	for _, m := range c.mentions {
		if m.kind == KindName && (at < 0 || m.span.Start < at) {
			at = m.span.Start
		}
	}
	return at
}

// majorityType is the type most name mentions of a cluster got from the
// NER (the knowledge base's type for a KB entity).
func (c *cluster) majorityType() string {
	if c.e != nil {
		return c.e.Type
	}
	n := map[string]int{}
	best := c.typ
	for _, m := range c.mentions {
		if m.typ != "" {
			n[m.typ]++
			if n[m.typ] > n[best] {
				best = m.typ
			}
		}
	}
	return best
}

// attach adds m to the cluster of entity e, creating it.
func (l *Linker) attach(d *doc, m *mention, e *kb.Entity) {
	c := d.byEntity[e]
	if c == nil {
		c = &cluster{e: e, typ: e.Type, order: len(d.clusters)}
		d.byEntity[e] = c
		d.clusters = append(d.clusters, c)
	}
	l.join(c, m)
}

// display is the display form of a mention's text.
func (l *Linker) display(d *doc, m *mention) string {
	s := strings.TrimSpace(normalize.Display(d.a.Text[m.span.Start:m.span.End]))
	// A kept لل (للرئيس) shows as ال.
	if strings.HasPrefix(s, "لل") && strings.HasPrefix(m.key, "ال") {
		s = "ا" + s[len("ل"):]
	}
	return s
}

// output turns clusters into the article's entities.
func (l *Linker) output(d *doc) []marsad.Entity {
	out := make([]marsad.Entity, 0, len(d.clusters))
	for _, c := range d.clusters {
		if len(c.mentions) == 0 {
			continue
		}
		sort.Slice(c.mentions, func(i, j int) bool { return c.mentions[i].span.Start < c.mentions[j].span.Start })
		ent := marsad.Entity{Type: c.majorityType()}
		if c.e != nil && c.e.Mined() {
			// A mined name keeps its knowledge-base id (the same for its
			// shorter and longer forms) but is shown as the article names
			// it (بدر السمحان, not the fuller mined بدر بن عبدالرحمن
			// السمحان), as any name of the article.
			best := c.mentions[0]
			for _, m := range c.mentions {
				if m.kind == KindName && (best.kind != KindName || len(m.key) > len(best.key)) {
					best = m
				}
			}
			ent.ID, ent.Name, ent.NameEn = c.e.ID, l.display(d, best), c.e.NameEn
			if l.tr != nil {
				ent.NameEn = l.tr.Name(best.key)
			}
		} else if c.e != nil {
			ent.ID, ent.Name, ent.NameEn, ent.Wikidata = c.e.ID, c.e.Name, c.e.NameEn, c.e.Wikidata
			if c.scope != "" {
				ent.ID, ent.Name, ent.NameEn = ScopedID(c.e.ID, c.scope), l.scopedName(c.e, c.scope), l.scopedNameEn(c.e, c.scope)
			}
		} else {
			// The longest name in the article is the entity's name.
			best := c.mentions[0]
			for _, m := range c.mentions {
				if m.kind == KindName && (best.kind != KindName || len(m.key) > len(best.key)) {
					best = m
				}
			}
			ent.Name = l.display(d, best)
			ent.ID = kb.NameID(c.typ, best.key)
			if l.tr != nil {
				ent.NameEn = l.tr.Name(best.key)
			}
		}
		last := -1
		for _, m := range c.mentions {
			if m.span.Start < last {
				continue // overlapping duplicates
			}
			last = m.span.End
			ent.Mentions = append(ent.Mentions, marsad.Mention{Start: m.span.Start, End: m.span.End,
				Text: d.a.Text[m.span.Start:m.span.End], Kind: m.kind})
		}
		out = append(out, ent)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return out
}

// sentences returns the article's sentence spans (computed when the
// pipeline has not).
func sentences(a *marsad.Article) []marsad.Span {
	if len(a.Sentences) > 0 {
		return a.Sentences
	}
	return sentence.Split(a.Text)
}
