package kb

import (
	"bufio"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SourceCorpus marks an institution name mined from the news corpus
// (SaudiNewsNet). Such an entity is not curated: it has no Wikidata id, its
// Latin name is a transliteration and its id is NameID's, the id the linker
// gives any unknown name. It is not Trusted (a gold entity is not expected
// to be it), but the linker may find it in text without the NER (Findable):
// it is a multi-word institution name written the same way in many
// articles.
const SourceCorpus = "saudinewsnet"

// Findable reports whether the entity's names may be looked for in text
// without the NER: trusted entities, and institution names mined from the
// corpus.
func (e *Entity) Findable() bool { return e.Trusted() || e.Source == SourceCorpus }

//go:embed data/institutions.txt
var institutionsTXT string

// institutionWords are the sections of data/institutions.txt as key sets.
type institutionWords struct {
	head, defhead, stop, generic map[string]bool
}

func parseInstitutionWords(txt string) institutionWords {
	w := institutionWords{head: map[string]bool{}, defhead: map[string]bool{}, stop: map[string]bool{}, generic: map[string]bool{}}
	var cur map[string]bool
	for _, line := range strings.Split(txt, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[head]":
			cur = w.head
		case line == "[defhead]":
			cur = w.defhead
		case line == "[stop]":
			cur = w.stop
		case line == "[generic]":
			cur = w.generic
		case cur != nil:
			for _, f := range strings.Fields(line) {
				cur[Key(f)] = true
			}
		}
	}
	return w
}

// Mining thresholds (measured on the link tuning sets, issue 5): a name
// must occur in at least minInstitutionDocs articles; a phrase whose one
// continuation covers truncatedShare of its articles is a cut-off name
// (الهيئة العامة للسياحة → … والتراث الوطني); a continuation under
// qualifierShare of its prefix is a qualifier, not a name (مجلس الوزراء
// اليوم); a shorter form that aliasShare of its articles continue one way
// is an alias of the longer name (مجلس التعاون → مجلس التعاون الخليجي).
const (
	minInstitutionDocs = 10
	truncatedShare     = 0.7
	qualifierShare     = 0.25
	aliasShare         = 0.4
	maxInstitutionLen  = 7
)

// stripClitic returns the reading of a word without a conjunction and a
// preposition (و، ف، ب، ل، ك; لل = ل + ال) that is in set, or "", with the
// number of letters the proclitics take and whether ال is put back.
func stripClitic(key string, set map[string]bool) (string, int, bool) {
	if set[key] {
		return key, 0, false
	}
	rest, skip := key, 0
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(rest, c) && utf8.RuneCountInString(rest) > 3 {
			rest, skip = rest[len(c):], 1
			if set[rest] {
				return rest, skip, false
			}
			break
		}
	}
	if strings.HasPrefix(rest, "لل") && set["ال"+rest[len("لل"):]] {
		return "ال" + rest[len("لل"):], skip + 2, true
	}
	// ل + ال + a stem that starts with ل drops the alif and one lam in
	// writing: للجنة is ل + اللجنة (definite), before ل + لجنة.
	if strings.HasPrefix(rest, "لل") && set["ال"+rest[len("ل"):]] {
		return "ال" + rest[len("ل"):], skip + 1, true
	}
	for _, c := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(rest, c) && set[rest[len(c):]] {
			return rest[len(c):], skip + 1, false
		}
	}
	return "", 0, false
}

// definiteWord reports whether a word continues a definite construct: it
// starts with ال after an optional و/ف and ب/ك, or with لل.
func definiteWord(key string) bool {
	k := strings.TrimPrefix(strings.TrimPrefix(key, "و"), "ف")
	if strings.HasPrefix(k, "لل") {
		return true
	}
	k = strings.TrimPrefix(strings.TrimPrefix(k, "ب"), "ك")
	return strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) > 3
}

// corpusWords splits text into runs of words separated only by spaces:
// punctuation, digits and Latin letters end a run.
func corpusWords(text string) [][]string {
	var runs [][]string
	var cur []string
	var w strings.Builder
	flush := func(endRun bool) {
		if w.Len() > 0 {
			cur = append(cur, w.String())
			w.Reset()
		}
		if endRun && len(cur) > 0 {
			runs = append(runs, cur)
			cur = nil
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
			w.WriteRune(r)
		case unicode.IsSpace(r):
			flush(false)
		default:
			flush(true)
		}
	}
	flush(true)
	return runs
}

// phrases calls fn with the key and surface of every candidate
// institution phrase of a run of words: a head (with its proclitics
// stripped) and one to six definite words after it. A head written لل +
// a stem starting with ل (للجنة) is read both ways, ل + لجنة and ل +
// اللجنة, each phrase with amb set: the caller picks the reading the
// corpus spells unambiguously more often (lamReading).
func (iw institutionWords) phrases(run []string, fn func(key, surface string, amb bool)) {
	keys := make([]string, len(run))
	for i, w := range run {
		keys[i] = Key(w)
	}
	for i := range run {
		type headReading struct {
			h       string
			skip    int
			al, amb bool
		}
		var hs []headReading
		if k := strings.TrimPrefix(strings.TrimPrefix(keys[i], "و"), "ف"); strings.HasPrefix(k, "لل") {
			if h, skip, al := stripClitic(keys[i], iw.defhead); h != "" {
				hs = append(hs, headReading{h, skip, al, false})
			}
		}
		if h, skip, al := stripClitic(keys[i], iw.head); h != "" {
			if len(hs) == 1 && hs[0].skip == skip {
				// ل + اللجنة and ل + لجنة take the same letters.
				hs[0].amb = true
				hs = append(hs, headReading{h, skip, al, true})
			} else {
				hs = append(hs[:0], headReading{h, skip, al, false})
			}
		}
		if len(hs) == 0 {
			if h, skip, al := stripClitic(keys[i], iw.defhead); h != "" {
				hs = append(hs, headReading{h, skip, al, false})
			}
		}
		for _, r := range hs {
			// The surface keeps the head without its proclitics (لل → ال).
			head := run[i]
			if rs := []rune(head); r.skip > 0 && r.skip < len(rs) {
				head = string(rs[r.skip:])
				if r.al {
					head = "ال" + head
				}
			}
			key, surface := r.h, head
			for j := i + 1; j < len(run) && j-i < maxInstitutionLen; j++ {
				if !definiteWord(keys[j]) || iw.stop[keys[j]] || iw.stop[strings.TrimPrefix(strings.TrimPrefix(keys[j], "و"), "ف")] {
					break
				}
				if h2, _, _ := stripClitic(keys[j], iw.defhead); h2 != "" {
					break // a second institution (الاتحاد الأوروبي والبنك المركزي)
				}
				if k := strings.TrimPrefix(strings.TrimPrefix(keys[j], "و"), "ف"); strings.HasPrefix(k, "بال") {
					break // a place or a field after the name (الغرفة التجارية بالمنطقة الشرقية)
				}
				key += " " + keys[j]
				surface += " " + run[j]
				fn(key, surface, r.amb)
			}
		}
	}
}

// lamReading reports whether an ambiguous phrase key (one reading of a
// لل head, phrases) is the reading to keep: the definite head (اللجنة
// الأولمبية) when the corpus writes its first two words with ال, unambiguously,
// in more articles than with the indefinite head (لجنة التنمية), else
// the indefinite one.
func (iw institutionWords) lamReading(key string, docs map[string]int) bool {
	ws := strings.Fields(key)
	if len(ws) < 2 {
		return false
	}
	def := strings.HasPrefix(ws[0], "ال") && iw.defhead[ws[0]]
	ind := strings.TrimPrefix(ws[0], "ال")
	useDef := docs["ال"+ind+" "+ws[1]] > docs[ind+" "+ws[1]]
	return def == useDef
}

// institutions mines institution names from SaudiNewsNet and adds those
// not already in the knowledge base as organisations (SourceCorpus).
func (b *builder) institutions(path string) error {
	iw := parseInstitutionWords(institutionsTXT)
	docs, ambDocs := map[string]int{}, map[string]int{}
	err := eachArticle(path, func(text string) {
		seen, ambSeen := map[string]bool{}, map[string]bool{}
		for _, run := range corpusWords(text) {
			iw.phrases(run, func(key, _ string, amb bool) {
				if amb {
					ambSeen[key] = true
				} else {
					seen[key] = true
				}
			})
		}
		for k := range seen {
			docs[k]++
		}
		for k := range ambSeen {
			if !seen[k] {
				ambDocs[k]++
			}
		}
	})
	if err != nil {
		return err
	}
	// The ambiguous لل readings count for the reading the corpus spells
	// unambiguously more often (decided on the unambiguous counts alone).
	unamb := maps.Clone(docs)
	for k, n := range ambDocs {
		if iw.lamReading(k, unamb) {
			docs[k] += n
		}
	}
	prefix := func(k string) string {
		if i := strings.LastIndexByte(k, ' '); i > 0 {
			return k[:i]
		}
		return ""
	}
	// The largest one-word continuation of each phrase.
	bestExt := map[string]string{}
	for k, n := range docs {
		p := prefix(k)
		if p == "" || !strings.Contains(p, " ") {
			continue
		}
		if e, ok := bestExt[p]; !ok || n > docs[e] || (n == docs[e] && k < e) {
			bestExt[p] = k
		}
	}
	keep := map[string]bool{}
	for k, n := range docs {
		if n < minInstitutionDocs {
			continue
		}
		ws := strings.Fields(k)
		if e, ok := bestExt[k]; ok && float64(docs[e]) >= truncatedShare*float64(n) {
			continue
		}
		if len(ws) == 2 && (iw.generic[ws[1]] || iw.defhead[ws[0]]) {
			continue // a description (مجلس الإدارة، الشركة الراعية)
		}
		if p := prefix(k); strings.Contains(p, " ") && float64(n) < qualifierShare*float64(docs[p]) {
			continue
		}
		if b.byKey[k] != nil || b.curatedPrefix(k) {
			continue // a curated name, or one with a qualifier (وكالة الأنباء اليمنية الرسمية)
		}
		keep[k] = true
	}
	// A shorter form continued mostly one way is an alias of the kept
	// longer name; it is not a name of its own.
	alias := map[string]string{}
	for p, e := range bestExt {
		if !keep[e] || b.byKey[p] != nil || docs[p] < minInstitutionDocs {
			continue
		}
		ws := strings.Fields(p)
		if len(ws) == 2 && iw.generic[ws[1]] {
			continue
		}
		if len(ws) == 2 && iw.defhead[ws[0]] && float64(docs[e]) < truncatedShare*float64(docs[p]) {
			continue // a description more often than the name (البرنامج النووي)
		}
		if float64(docs[e]) >= aliasShare*float64(docs[p]) {
			alias[p] = e
		}
	}
	// Decided on the kept set as mined (map order must not matter): an
	// alias of a name that is itself an alias goes to the longest form.
	for p := range alias {
		delete(keep, p)
	}
	for p, e := range alias {
		for i := 0; alias[e] != "" && i < maxInstitutionLen; i++ {
			e = alias[e]
		}
		alias[p] = e
	}
	// The surfaces of the kept names, for their display forms.
	surf := map[string]map[string]int{}
	for k := range keep {
		surf[k] = map[string]int{}
	}
	for p := range alias {
		surf[p] = map[string]int{}
	}
	err = eachArticle(path, func(text string) {
		for _, run := range corpusWords(text) {
			iw.phrases(run, func(key, surface string, amb bool) {
				if amb && !iw.lamReading(key, unamb) {
					return
				}
				if m := surf[key]; m != nil {
					m[surface]++
				}
			})
		}
	})
	if err != nil {
		return err
	}
	aliasesOf := map[string][]string{}
	for p, e := range alias {
		aliasesOf[e] = append(aliasesOf[e], argmax(surf[p]))
	}
	keys := make([]string, 0, len(keep))
	for k := range keep {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := &Entity{Type: "ORG", Name: argmax(surf[k]), Class: "institution", Source: SourceCorpus}
		e.Aliases = dedupNames(aliasesOf[k])
		sort.Strings(e.Aliases)
		b.addFound(e)
	}
	return nil
}

// curatedPrefix reports whether a shorter form of key (two words or more)
// is a curated name.
func (b *builder) curatedPrefix(key string) bool {
	for i := len(key) - 1; i > 0; i-- {
		if key[i] == ' ' && strings.Contains(key[:i], " ") && b.byKey[key[:i]] != nil {
			return true
		}
	}
	return false
}

// eachArticle calls fn with the text of every article of a SaudiNewsNet
// file (gzipped JSON lines).
func eachArticle(path string, fn func(text string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(bufio.NewReader(zr))
	for {
		var a struct{ Content string }
		if err := dec.Decode(&a); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fn(a.Content)
	}
}

var instHeads = sync.OnceValue(func() map[string]bool {
	iw := parseInstitutionWords(institutionsTXT)
	m := map[string]bool{}
	for k := range iw.head {
		m[k] = true
	}
	for k := range iw.defhead {
		m[strings.TrimPrefix(k, "ال")] = true
	}
	return m
})

// InstitutionHead reports whether a word key, without the article, is a
// noun that heads institution names (ديوان، مجلس، هيئة، ائتلاف:
// data/institutions.txt).
func InstitutionHead(key string) bool { return instHeads()[key] }

var instGrammar = sync.OnceValue(func() institutionWords { return parseInstitutionWords(institutionsTXT) })

// InstitutionWord classifies a word key (no proclitics) by the miner's
// institution grammar (data/institutions.txt), for finding institution
// names in one article whatever their corpus frequency: "head" (ديوان،
// مجلس), "defhead" (الهيئة، المجلس), "stop" (a word that never continues a
// name), "generic" (a word that makes head + word a description) or "".
func InstitutionWord(key string) string {
	g := instGrammar()
	switch {
	case g.head[key]:
		return "head"
	case g.defhead[key]:
		return "defhead"
	case g.stop[key]:
		return "stop"
	case g.generic[key]:
		return "generic"
	}
	return ""
}

// DefiniteWord reports whether a word key continues a definite construct
// (the miner's rule): ال after an optional و/ف and ب/ك, or لل.
func DefiniteWord(key string) bool { return definiteWord(key) }
