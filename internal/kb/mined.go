package kb

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/mined.txt
var minedTXT string

// Mining thresholds for people, places and clubs (measured on the link
// tuning sets and read on SaudiNewsNet samples, data/README.md):
//
//   - minMinedDocs: a name must follow its head, title or cue in at least
//     this many articles.
//   - minBareShare: a place name is found alone (القنفذة) only when at
//     least this share of the articles that hold the word name it after a
//     place head; a word mostly used otherwise (الخبر "the news", حقل
//     "field") is found only with its head (محافظة الخبر).
//   - longPlaceShare: a place name is two words (حفر الباطن، خميس مشيط)
//     when this share of its headed articles continue it with one word.
const (
	minMinedDocs   = 10
	minBareShare   = 0.3
	longPlaceShare = 0.6
	maxPersonParts = 8
)

// Mined entity classes (Entity.Class).
const (
	ClassPlace  = "place"
	ClassPerson = "person"
	ClassClub   = "club"
)

// Mined reports whether the entity is a person, place or club mined from
// the corpus (not an institution): the linker finds its names without the
// NER but links them as the names of the article they are (they join a
// longer name of the article, and their id is the name's id anyway).
func (e *Entity) Mined() bool {
	return e.Source == SourceCorpus && (e.Class == ClassPlace || e.Class == ClassPerson || e.Class == ClassClub)
}

// minedWords are the sections of data/mined.txt as key sets.
type minedWords struct {
	placeHead, namedHead, title, skip, clubCue, notName map[string]bool
	compound, fallbackHead, instHead                    map[string]bool
}

func parseMinedWords(txt string) minedWords {
	w := minedWords{placeHead: map[string]bool{}, namedHead: map[string]bool{}, title: map[string]bool{},
		skip: map[string]bool{}, clubCue: map[string]bool{}, notName: map[string]bool{}, compound: map[string]bool{},
		fallbackHead: map[string]bool{}, instHead: map[string]bool{}}
	sections := map[string]map[string]bool{"[place-head]": w.placeHead, "[named-head]": w.namedHead,
		"[person-title]": w.title, "[person-skip]": w.skip, "[club-cue]": w.clubCue, "[not-name]": w.notName,
		"[compound]": w.compound, "[fallback-head]": w.fallbackHead, "[institution-head]": w.instHead}
	var cur map[string]bool
	for _, line := range strings.Split(txt, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case sections[line] != nil:
			cur = sections[line]
		case cur != nil:
			for _, f := range strings.Fields(line) {
				cur[Key(f)] = true
			}
		}
	}
	return w
}

// wordReadings are the keys a word may stand for: itself, without و/ف,
// without ب/ل/ك, and لل read as ل + ال.
func wordReadings(key string) []string {
	out := []string{key}
	rest := key
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(rest, c) && utf8.RuneCountInString(rest) > 3 {
			rest = rest[len(c):]
			out = append(out, rest)
			break
		}
	}
	if strings.HasPrefix(rest, "لل") && utf8.RuneCountInString(rest) > 4 {
		out = append(out, "ال"+rest[len("لل"):])
	}
	for _, c := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(rest, c) && utf8.RuneCountInString(rest) > 3 {
			out = append(out, rest[len(c):])
			break
		}
	}
	return out
}

// minedCounts are the per-article counts of one pass over the corpus.
type minedCounts struct {
	words    map[string]int            // articles holding the word (any reading)
	headed   map[string]int            // place-head + name: articles, by name key
	headed2  map[string]int            // place-head + two words, by "x y"
	named    map[string]int            // named-head + word: by "head x"
	named2   map[string]int            // named-head + two words
	persons  map[string]int            // title + name chain: by chain key
	clubs    map[string]int            // club cue + name: by name key
	headOf   map[string]map[string]int // place name key → head key → articles
	surfaces map[string]map[string]int // candidate key → surface → occurrences
}

// scan counts the candidates of one article.
func (mw minedWords) scan(text string, c *minedCounts, nisba map[string]bool) {
	seen := map[string]bool{}
	mark := func(key, surface string) {
		if c.surfaces[key] == nil {
			c.surfaces[key] = map[string]int{}
		}
		c.surfaces[key][surface]++
	}
	seenIn := map[*map[string]int]map[string]bool{}
	count := func(m *map[string]int, key string) {
		s := seenIn[m]
		if s == nil {
			s = map[string]bool{}
			seenIn[m] = s
		}
		if !s[key] {
			s[key] = true
			(*m)[key]++
		}
	}
	for _, run := range corpusWords(text) {
		keys := make([]string, len(run))
		for i, w := range run {
			keys[i] = Key(w)
			for _, r := range wordReadings(keys[i]) {
				if !seen[r] {
					seen[r] = true
					c.words[r]++
				}
			}
		}
		for i := range run {
			head := ""
			for _, r := range wordReadings(keys[i]) {
				if mw.placeHead[r] || mw.namedHead[r] || mw.clubCue[r] || mw.title[r] {
					head = r
					break
				}
			}
			if head == "" || i+1 >= len(run) {
				continue
			}
			x := keys[i+1]
			switch {
			case mw.placeHead[head] || mw.namedHead[head]:
				if !mw.placeName(x) {
					continue
				}
				xs := run[i+1]
				next := i + 2
				if mw.compound[x] && next < len(run) && !strings.Contains(keys[next], " ") {
					// أبو عريش، رأس تنورة: one name of two words.
					x, xs = x+" "+keys[next], xs+" "+run[next]
					next++
				}
				two := next < len(run) && mw.secondWord(keys[next], nisba)
				if mw.namedHead[head] {
					if i > 0 && anyReading(map[string]bool{"شبه": true}, keys[i-1]) {
						continue // شبه جزيرة سيناء: a peninsula, named by its name alone
					}
					count(&c.named, head+" "+x)
					mark(head+" "+x, stripSurface(run[i], head)+" "+xs)
					if two {
						count(&c.named2, head+" "+x+" "+keys[next])
						mark(head+" "+x+" "+keys[next], stripSurface(run[i], head)+" "+xs+" "+run[next])
					}
					continue
				}
				count(&c.headed, x)
				if c.headOf[x] == nil {
					c.headOf[x] = map[string]int{}
				}
				if !seenIn[&c.headed][head+"\x00"+x] {
					seenIn[&c.headed][head+"\x00"+x] = true
					c.headOf[x][head]++
				}
				mark(x, xs)
				mark(head+" "+x, stripSurface(run[i], head)+" "+xs)
				if two {
					count(&c.headed2, x+" "+keys[next])
					mark(x+" "+keys[next], xs+" "+run[next])
				}
			case mw.clubCue[head]:
				if (strings.HasPrefix(x, "ال") && utf8.RuneCountInString(x) >= 5 || x == "احد") && !mw.notName[x] &&
					!(i+2 < len(run) && definiteWord(keys[i+2])) {
					count(&c.clubs, x)
					mark("club "+x, run[i+1])
				}
			case mw.title[head]:
				if i > 0 && anyReading(mw.instHead, keys[i-1]) {
					continue // an institution's namesake (جامعة الإمام محمد بن سعود)
				}
				if k, s := mw.personChain(run, keys, i+1, nisba); k != "" {
					count(&c.persons, k)
					mark(k, s)
				}
			}
		}
	}
}

var minedWordsOnce = sync.OnceValue(func() minedWords { return parseMinedWords(minedTXT) })

// PlaceClassifier reports whether a word key is a classifier noun before a
// place's name (محافظة، مدينة، حي: data/mined.txt's place-head): a mined
// place found with its head (مدينة الحسكة) is a mention of the name after
// it.
func PlaceClassifier(key string) bool { return minedWordsOnce().placeHead[key] }

// anyReading reports whether a reading of the word key is in set.
func anyReading(set map[string]bool, key string) bool {
	for _, r := range wordReadings(key) {
		if set[r] {
			return true
		}
	}
	return false
}

// stripSurface drops a head's proclitics from its surface (وبمحافظة →
// محافظة), keeping the text as written otherwise.
func stripSurface(w, headKey string) string {
	r := []rune(w)
	n := utf8.RuneCountInString(headKey)
	if len(r) > n {
		return string(r[len(r)-n:])
	}
	return w
}

// secondWord reports whether a word key may continue a place's name (حفر
// الباطن، لوس أنجلوس): not a nisba adjective (ميلانو الإيطالية), a listed
// word, a conjunct (و…) or a preposition before a place or a head
// (بمنطقة، بالكويت).
func (mw minedWords) secondWord(k string, nisba map[string]bool) bool {
	if utf8.RuneCountInString(k) < 3 || strings.Contains(k, " ") || nisba[k] || mw.notName[k] || mw.placeHead[k] || mw.namedHead[k] {
		return false
	}
	if strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		return false
	}
	for _, r := range wordReadings(k)[1:] {
		if strings.HasPrefix(r, "ال") || mw.placeHead[r] || mw.namedHead[r] {
			return false
		}
	}
	return true
}

// placeName reports whether a word key may be (the start of) a place's
// name after a head: not a listed common word, a title or a head, and at
// least three letters.
func (mw minedWords) placeName(k string) bool {
	if utf8.RuneCountInString(k) < 3 || strings.Contains(k, " ") || mw.notName[k] || mw.title[k] ||
		mw.placeHead[k] || mw.namedHead[k] || mw.clubCue[k] || strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف") {
		return false
	}
	for _, r := range wordReadings(k)[1:] {
		if strings.HasPrefix(r, "ال") && !strings.HasPrefix(k, "ال") {
			return false // بالمملكة، للمنطقة
		}
	}
	return true
}

// givenName reports whether a word key can be a given name in a chain: not
// definite, not a listed word, a title or a nasab word.
func (mw minedWords) givenName(k string) bool {
	if utf8.RuneCountInString(k) < 2 || strings.HasPrefix(k, "ال") || mw.notName[k] || mw.title[k] ||
		mw.skip[k] || k == "بن" || k == "ابن" || k == "بنت" {
		return false
	}
	for _, r := range wordReadings(k)[1:] {
		if strings.HasPrefix(r, "ال") {
			return false // للموسم، بالديوان
		}
	}
	return true
}

// personChain reads a person's name after a title at word i: titles and
// rank words are skipped (الشيخ الدكتور، الفريق أول ركن), then a given name
// (عبد/أبو compounds joined), its nasab (بن X بن Y) and up to two family
// words (ال-words or آل X). The chain must hold a nasab or a family word;
// it returns the chain's key and surface, or "".
func (mw minedWords) personChain(run, keys []string, i int, nisba map[string]bool) (string, string) {
	for i < len(run) && (mw.skip[keys[i]] || mw.title[keys[i]]) {
		i++
	}
	var parts []int
	take := func(j int) int {
		// A compound given name: عبد الله، أبو بكر written apart.
		if (keys[j] == "عبد" || keys[j] == "ابو") && j+1 < len(run) {
			parts = append(parts, j, j+1)
			return j + 2
		}
		parts = append(parts, j)
		return j + 1
	}
	if i >= len(run) || !mw.givenName(keys[i]) {
		return "", ""
	}
	j := take(i)
	// غرم الله، محيي الدين: the second word belongs to the given name.
	if j < len(run) && (keys[j] == "الله" || keys[j] == "الدين" || keys[j] == "الرحمن") {
		parts = append(parts, j)
		j++
	}
	nasab, family := false, 0
	for j+1 < len(run) && (keys[j] == "بن" || keys[j] == "ابن" || keys[j] == "بنت") && mw.givenName(keys[j+1]) && len(parts) < maxPersonParts {
		parts = append(parts, j)
		j = take(j + 1)
		nasab = true
	}
	for j < len(run) && family < 2 && len(parts) < maxPersonParts {
		k := keys[j]
		if k == "ال" && j+1 < len(run) && mw.givenName(keys[j+1]) {
			parts = append(parts, j, j+1) // آل سعود
			j += 2
			family++
			continue
		}
		if strings.HasPrefix(k, "ال") && utf8.RuneCountInString(k) >= 4 && !mw.notName[k] && !mw.title[k] && !mw.skip[k] && !nisba[k] && !strings.Contains(k, " ") {
			parts = append(parts, j)
			j++
			family++
			continue
		}
		break
	}
	if !nasab && family == 0 {
		return "", ""
	}
	var ks, ss []string
	for _, p := range parts {
		ks = append(ks, keys[p])
		ss = append(ss, run[p])
	}
	return strings.Join(ks, " "), strings.Join(ss, " ")
}

// minedNames mines people, places and clubs from SaudiNewsNet (see
// data/mined.txt and the thresholds above) and adds those the knowledge
// base does not know as findable, untrusted entities (SourceCorpus).
func (b *builder) minedNames(path string) error {
	mw := parseMinedWords(minedTXT)
	nisba := map[string]bool{}
	for _, ns := range b.nisbaOf {
		for _, n := range ns {
			nisba[Key(n)] = true
		}
	}
	for _, w := range strings.Fields("السابق الحالي العام المساعد المكلف الجديد الاسبق الراحل المتحدث الرئيس الوزير") {
		nisba[Key(w)] = true
	}
	c := &minedCounts{words: map[string]int{}, headed: map[string]int{}, headed2: map[string]int{}, named: map[string]int{},
		named2: map[string]int{}, persons: map[string]int{}, clubs: map[string]int{}, headOf: map[string]map[string]int{},
		surfaces: map[string]map[string]int{}}
	if err := eachArticle(path, func(text string) { mw.scan(text, c, nisba) }); err != nil {
		return err
	}
	var found []*Entity
	known := func(k string) bool { return b.byKey[k] != nil }
	// Places named after a classifier head.
	for x, n := range c.headed {
		if n < minMinedDocs || known(x) {
			continue
		}
		name, key := argmax(c.surfaces[x]), x
		best, bestN := "", 0
		for k2, n2 := range c.headed2 {
			if strings.HasPrefix(k2, x+" ") && (n2 > bestN || n2 == bestN && k2 < best) {
				best, bestN = k2, n2
			}
		}
		if best != "" && float64(bestN) >= longPlaceShare*float64(n) {
			name, key = argmax(c.surfaces[best]), best
			if known(key) {
				continue
			}
		} else if float64(n) < minBareShare*float64(c.words[x]) {
			// Found only with its head: the word is mostly something else.
			// Only after a head that rarely takes a common word, and not an
			// indefinite nisba adjective (مدينة سياحية، حي شعبي).
			h := ""
			hs := map[string]int{}
			for hh, nn := range c.headOf[x] {
				if mw.fallbackHead[hh] {
					hs[hh] = nn
				}
			}
			if h = argmax(hs); h == "" || hs[h] < minMinedDocs {
				continue
			}
			if !strings.HasPrefix(x, "ال") && (strings.HasSuffix(x, "ي") || strings.HasSuffix(x, "يه")) {
				continue
			}
			key = h + " " + x
			if known(key) {
				continue
			}
			name = argmax(c.surfaces[key])
		}
		found = append(found, &Entity{Type: "LOC", Name: name, Class: ClassPlace, Source: SourceCorpus})
	}
	// Places whose head is part of the name.
	for k, n := range c.named {
		if n < minMinedDocs || known(k) {
			continue
		}
		name := argmax(c.surfaces[k])
		best, bestN := "", 0
		for k2, n2 := range c.named2 {
			if strings.HasPrefix(k2, k+" ") && (n2 > bestN || n2 == bestN && k2 < best) {
				best, bestN = k2, n2
			}
		}
		if best != "" && float64(bestN) >= longPlaceShare*float64(n) {
			if known(best) {
				continue
			}
			name = argmax(c.surfaces[best])
		}
		found = append(found, &Entity{Type: "LOC", Name: name, Class: ClassPlace, Source: SourceCorpus})
	}
	// People: a chain that extends a curated person's name is that person
	// (the linker's extendedName), not a new entity.
	// A given name must start three chains or more (a noun after a title,
	// حادثة، بالديوان، starts one).
	starts := map[string]int{}
	for k := range c.persons {
		starts[strings.Fields(k)[0]]++
	}
	keptP := map[string]bool{}
	for k, n := range c.persons {
		if n >= minMinedDocs && !known(k) && !b.curatedPerson(k) && starts[strings.Fields(k)[0]] >= 3 {
			keptP[k] = true
		}
	}
	// A shorter chain whose longer forms among the kept ones are all one
	// line of nasab (سلطان بن سلمان → سلطان بن سلمان بن عبد العزيز) or the
	// name with a middle part (عزام الدخي → عزام بن محمد الدخي) is an alias
	// of the longest; with two lines (two princes) it stays a name of its
	// own.
	aliasOf := map[string]string{}
	for k := range keptP {
		kw := strings.Fields(k)
		longest := ""
		ok := true
		for l := range keptP {
			lw := strings.Fields(l)
			if len(lw) <= len(kw) || !(strings.HasPrefix(l, k+" ") || kw[0] == lw[0] && kw[len(kw)-1] == lw[len(lw)-1] && subseq(kw, lw)) {
				continue
			}
			switch {
			case longest == "" || strings.HasPrefix(l, longest+" "):
				longest = l
			case strings.HasPrefix(longest, l+" "):
			default:
				ok = false
			}
		}
		if ok && longest != "" {
			aliasOf[k] = longest
		}
	}
	aliases := map[string][]string{}
	for k, l := range aliasOf {
		aliases[l] = append(aliases[l], argmax(c.surfaces[k]))
	}
	for k := range keptP {
		if aliasOf[k] != "" {
			continue
		}
		e := &Entity{Type: "PERS", Name: argmax(c.surfaces[k]), Class: ClassPerson, Source: SourceCorpus}
		e.Aliases = dedupNames(aliases[k])
		sort.Strings(e.Aliases)
		found = append(found, e)
	}
	// Clubs: the club's one word is a partial name (الباطن), found in sports
	// articles only (package link).
	// A club the institution miner kept (نادي الوحدة) becomes a club.
	mined := map[string]*Entity{}
	for _, e := range b.entities {
		if e.Source == SourceCorpus {
			mined[e.ID] = e
		}
	}
	// A club's word spelled like a known name but for its long vowels
	// (الأنصار / النصر) would merge with it in an article (the linker joins
	// names by their skeleton).
	skel := map[string]bool{}
	for k := range b.byKey {
		skel[Skeleton(k)] = true
	}
	for k := range b.partial {
		skel[Skeleton(k)] = true
	}
	for x, n := range c.clubs {
		if n < minMinedDocs || known("نادي "+x) || b.partial[x] || known(x) || skel[Skeleton(x)] {
			continue // a club named after a known place (نادي الرياض) is not found by it
		}
		short := argmax(c.surfaces["club "+x])
		if e := mined[NameID("ORG", "نادي "+short)]; e != nil {
			e.Class, e.Partial = ClassClub, []string{short}
			continue
		}
		found = append(found, &Entity{Type: "ORG", Name: "نادي " + short, Partial: []string{short}, Class: ClassClub, Source: SourceCorpus})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Type+found[i].Name < found[j].Type+found[j].Name })
	for _, e := range found {
		b.addFound(e)
	}
	return nil
}

// curatedPerson reports whether a chain key is a longer form of a curated
// person's name of two words or more: the name with more of the nasab
// (محمد بن سلمان بن عبد العزيز) or with a middle name (عبداللطيف بن راشد
// الزياني for عبداللطيف الزياني). The linker finds that person by it.
func (b *builder) curatedPerson(key string) bool {
	kw := strings.Fields(key)
	for k, e := range b.byKey {
		if e.Type != "PERS" || !strings.Contains(k, " ") {
			continue
		}
		nw := strings.Fields(k)
		if len(nw) >= len(kw) {
			continue
		}
		if strings.HasPrefix(key, k+" ") || nw[0] == kw[0] && nw[len(nw)-1] == kw[len(kw)-1] && subseq(nw, kw) {
			return true
		}
	}
	return false
}

// subseq reports whether sub's words occur in seq in order.
func subseq(sub, seq []string) bool {
	i := 0
	for _, w := range seq {
		if i < len(sub) && sub[i] == w {
			i++
		}
	}
	return i == len(sub)
}

// NotPlaceName reports whether a word key is one that never names a place
// after a head (data/mined.txt's not-name: prepositions, demonstratives,
// ordinals).
func NotPlaceName(key string) bool { return minedWordsOnce().notName[key] }
