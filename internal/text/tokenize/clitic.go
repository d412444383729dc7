package tokenize

import (
	"strings"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// Segmentation is one reading of an Arabic word as proclitics + stem + enclitic.
// Offsets are byte offsets into the text the word came from.
type Segmentation struct {
	Prefixes []string // proclitics in order, e.g. ["و", "ب", "ال"]
	Stem     Token
	Suffix   string // attached pronoun, "" if none
}

// Proclitics, outermost first. Arabic allows at most: conjunction (و، ف),
// then a preposition (ب، ل، ك) or the future particle (س, only before an
// imperfect verb), then the article (ال). ل + ال is written لل (للرئيس).
var (
	conjunctions = []string{"و", "ف"}
	prepositions = []string{"ب", "ل", "ك"}
	// Enclitic pronouns, longest first so هما wins over ها.
	enclitics = []string{"هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي"}
)

// minStem is the shortest stem (in letters) left after stripping clitics:
// Arabic roots are mostly triliteral, and a two-letter remainder is more
// often a wrong split (بوتين ≠ ب + وتين) than a real one.
const minStem = 3

// Segments returns the plausible clitic readings of a word token, from the
// most segmented to the unsegmented word itself (always last). Arabic clitic
// segmentation is ambiguous without a lexicon — ولاية is a word, not و+لاية;
// لبنان is a name, not ل+بنان — so callers that know a lexicon (gazetteers,
// the knowledge base) try the readings in order and keep the first whose stem
// they know; callers without one use Segment's conservative single reading.
func Segments(t Token) []Segmentation {
	if t.Kind != Word {
		return []Segmentation{{Stem: t}}
	}
	var out []Segmentation
	var walk func(pos int, prefixes []string, stage int)
	walk = func(pos int, prefixes []string, stage int) {
		rest := t.Text[pos:]
		// Try each enclitic reading of this stem — except after the article:
		// a definite noun takes no possessive pronoun (وبالتالي is not
		// و+ب+ال+تال+ي).
		for _, s := range enclitics {
			if len(prefixes) > 0 && prefixes[len(prefixes)-1] == "ال" {
				break
			}
			if strings.HasSuffix(rest, s) && letters(rest[:len(rest)-len(s)]) >= minStem {
				stem := rest[:len(rest)-len(s)]
				out = append(out, Segmentation{Prefixes: clone(prefixes), Suffix: s,
					Stem: Token{Text: stem, Start: t.Start + pos, End: t.Start + pos + len(stem), Kind: Word}})
			}
		}
		if len(prefixes) > 0 {
			out = append(out, Segmentation{Prefixes: clone(prefixes),
				Stem: Token{Text: rest, Start: t.Start + pos, End: t.End, Kind: Word}})
		}
		if stage <= 0 {
			for _, c := range conjunctions {
				if strings.HasPrefix(rest, c) && letters(rest)-1 >= minStem {
					walk(pos+len(c), append(prefixes, c), 1)
				}
			}
		}
		if stage <= 1 {
			// لل = ل + ال (للرئيس → ل + ال + رئيس).
			if strings.HasPrefix(rest, "لل") && letters(rest)-2 >= minStem-1 {
				walk(pos+len("لل"), append(prefixes, "ل", "ال"), 3)
			}
			for _, p := range prepositions {
				if strings.HasPrefix(rest, p) && letters(rest)-1 >= minStem {
					walk(pos+len(p), append(prefixes, p), 2)
				}
			}
			if strings.HasPrefix(rest, "س") && letters(rest)-1 >= minStem && imperfectPrefix(rest[len("س"):]) {
				walk(pos+len("س"), append(prefixes, "س"), 3)
			}
		}
		if stage <= 2 {
			for _, al := range []string{"ال", "ٱل"} {
				// After ال two letters can be a whole noun (الأب), so the
				// minimum stem is one letter shorter.
				if strings.HasPrefix(rest, al) && letters(rest)-2 >= minStem-1 {
					walk(pos+len(al), append(prefixes, "ال"), 3)
				}
			}
		}
	}
	walk(0, nil, 0)
	// Most segmented first: more prefixes, then a suffix.
	sortSegments(out)
	return append(out, Segmentation{Stem: t})
}

// Segment returns one conservative reading of a word: proclitics are split
// when the reading ends in the article (a noun follows: وبالأمس →
// و+ب+ال+أمس, stem of at least two letters) or leaves a stem of at least five
// letters; enclitics are never split (يجريه and اجتماعه look alike to a
// stripper without a lexicon). Of the readings that qualify, the one with
// the most proclitics wins. Without a lexicon this is the best single guess;
// use Segments with a lexicon when one is available.
//
// It is the hot path of indexing, so it enumerates the proclitic chains
// directly instead of building every reading.
func Segment(t Token) Segmentation {
	if t.Kind != Word {
		return Segmentation{Stem: t}
	}
	w := t.Text
	best, bestN, bestPos := [4]string{}, 0, 0
	var cur [4]string
	for _, c := range [...]string{"", "و", "ف"} {
		if !strings.HasPrefix(w, c) {
			continue
		}
		p1, n1 := len(c), 0
		if c != "" {
			cur[0], n1 = c, 1
		}
		for _, mid := range [...]string{"", "ب", "ل", "ك", "لل", "س"} {
			if !strings.HasPrefix(w[p1:], mid) {
				continue
			}
			p2, n2 := p1+len(mid), n1
			switch mid {
			case "":
			case "لل":
				cur[n2], cur[n2+1], n2 = "ل", "ال", n2+2
			case "س":
				if !imperfectPrefix(w[p2:]) {
					continue
				}
				cur[n2], n2 = mid, n2+1
			default:
				cur[n2], n2 = mid, n2+1
			}
			for _, al := range [...]string{"", "ال"} {
				if mid == "لل" && al != "" || !strings.HasPrefix(w[p2:], al) {
					continue
				}
				p3, n3 := p2+len(al), n2
				if al != "" {
					cur[n3], n3 = al, n3+1
				}
				if n3 == 0 || n3 <= bestN {
					continue
				}
				stem := letters(w[p3:])
				lastAl := cur[n3-1] == "ال"
				if (lastAl && stem >= minStem-1) || (!lastAl && stem >= 5) {
					best, bestN, bestPos = cur, n3, p3
				}
			}
		}
	}
	if bestN == 0 {
		return Segmentation{Stem: t}
	}
	return Segmentation{
		Prefixes: append([]string(nil), best[:bestN]...),
		Stem:     Token{Text: w[bestPos:], Start: t.Start + bestPos, End: t.End, Kind: Word},
	}
}

// Stem returns the search-normalized stem of the conservative reading.
func Stem(t Token) string { return normalize.Search(Segment(t).Stem.Text) }

// imperfectPrefix reports whether s starts like an imperfect verb (يـ تـ نـ أـ),
// which the future particle س requires (سيجري، ستواصل).
func imperfectPrefix(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 'ي' || r == 'ت' || r == 'ن' || r == 'أ'
}

// letters counts the letters of a word token's text: its runes less the
// diacritics, tatweel and joiners that words may contain.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 || !(normalize.IsDiacritic(r) || r == 'ـ' || r == '\u200c' || r == '\u200d') {
			n++
		}
	}
	return n
}

func clone(s []string) []string { return append([]string(nil), s...) }

func sortSegments(s []Segmentation) {
	score := func(x Segmentation) int {
		n := 2 * len(x.Prefixes)
		if x.Suffix != "" {
			n++
		}
		return n
	}
	// Insertion sort: the list is short, and stability keeps generation order.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && score(s[j]) > score(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
