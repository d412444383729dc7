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
		// Try each enclitic reading of this stem.
		for _, s := range enclitics {
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

// Segment returns one conservative reading of a word: the article and
// conjunction/preposition proclitics are split only when the remaining stem
// starts with the article (وبالأمس → و+ب+ال+أمس) or is long enough, and
// enclitics only on words with a conjunction or preposition split or long
// stems. Without a lexicon this is the best single guess; use Segments with
// a lexicon when one is available.
func Segment(t Token) Segmentation {
	for _, s := range Segments(t) {
		if len(s.Prefixes) == 0 && s.Suffix == "" {
			return s
		}
		n := letters(s.Stem.Text)
		last := ""
		if len(s.Prefixes) > 0 {
			last = s.Prefixes[len(s.Prefixes)-1]
		}
		// Trust a split ending in the article (a noun follows), or one that
		// leaves a long stem.
		if (last == "ال" && n >= 2) || (n >= 5 && s.Suffix == "") {
			return s
		}
	}
	return Segmentation{Stem: t}
}

// Stem returns the search-normalized stem of the conservative reading.
func Stem(t Token) string { return normalize.Search(Segment(t).Stem.Text) }

// imperfectPrefix reports whether s starts like an imperfect verb (يـ تـ نـ أـ),
// which the future particle س requires (سيجري، ستواصل).
func imperfectPrefix(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == 'ي' || r == 'ت' || r == 'ن' || r == 'أ'
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if normalize.IsArabicLetter(r) || isLatinLetter(r) {
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
