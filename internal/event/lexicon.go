package event

import (
	"bufio"
	"embed"
	"fmt"
	"os"
	"strconv"
	"strings"

	"marsad/internal/text/normalize"
)

//go:embed data/triggers.tsv data/modes.tsv data/roots.tsv
var dataFS embed.FS

// word is one position of a trigger pattern: alternatives in search form,
// each either exact or open to inflection suffixes (a trailing +).
type word struct {
	alts []alt
	gap  int // how many clause words may come before this one
}

type alt struct {
	form    string
	inflect bool
}

// pattern is one line of triggers.tsv.
type pattern struct {
	Type string // PLOVER
	Code string // CAMEO
	Noun bool
	// Relative: a noun and the verb of its relative clause (اتفاق أبرمته
	// طهران); the actor is the subject after the verb.
	Relative bool
	// Objective: a noun whose genitive is its object (اعتقال المتمرد).
	Objective bool
	// Inverse: the verb's subject receives; the giver after من is the
	// actor (تلقت المملكة طلبا من مجموعة العمل المالي).
	Inverse bool
	// Circumstantial: a participle in the accusative (حال) after the main
	// clause (…، مثمنا دور رجال الأمن): its subject is the main clause's.
	Circumstantial bool
	// Passive: a passive participle ending the pattern with من (مساعدات …
	// مقدمة من): the agent is the mention right after it.
	Passive bool
	// Strict: a verb read as passive as often as active when unvocalized
	// (قتل is قَتَل and قُتِل): an event only with its subject named right
	// after it (وقتل تنظيم داعش 4 مدنيين).
	Strict bool
	Source string
	Line   int
	words  []word
}

// maxGap is how many words may separate two pattern words joined by "…"
// (وقع الجانبان في الرياض أمس اتفاقية).
const maxGap = 5

// suffixes are the inflection and pronoun endings a "+" word may take:
// verb person/number (ت، ا، وا، ان، ون، ين، تا، نا), feminine/plural nouns
// (ات), and attached pronouns (ه، ها، هم، هما) — longest first.
var suffixes = []string{"هما", "تما", "وا", "ان", "ون", "ين", "ات", "تا", "نا", "ها", "هم", "ت", "ا", "ه"}

type modeCue struct {
	mode  string
	where string // before, after, sentence
	n     int
	words []string
}

type lexicon struct {
	byFirst map[string][]int // search form of a first-word alternative → pattern indexes
	pats    []pattern
	cues    []modeCue
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]int{}}
	if err := readTSV("data/triggers.tsv", 5, func(line int, f []string) error {
		p := pattern{Type: f[0], Code: f[1], Source: f[3], Line: line}
		if err := p.setPOS(f[2]); err != nil {
			return err
		}
		if _, err := strconv.Atoi(p.Code); err != nil || len(p.Code) < 3 {
			return fmt.Errorf("CAMEO code %q", p.Code)
		}
		if p.Source != "UP" && p.Source != "own" && p.Source != "SNN" && p.Source != "GSR" {
			return fmt.Errorf("source %q, want UP, own, SNN or GSR", p.Source)
		}
		if err := p.parse(f[4]); err != nil {
			return err
		}
		lx.add(p)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := lx.loadRoots(); err != nil {
		return nil, err
	}
	if err := readTSV("data/modes.tsv", 3, func(line int, f []string) error {
		c := modeCue{mode: f[0], words: strings.Fields(normalize.Search(f[2]))}
		switch c.mode {
		case negated, planned, hypothetical:
		default:
			return fmt.Errorf("mode %q", c.mode)
		}
		where, n, _ := strings.Cut(f[1], ":")
		c.where = where
		switch where {
		case "before", "after":
			k, err := strconv.Atoi(n)
			if err != nil || k <= 0 {
				return fmt.Errorf("window %q", f[1])
			}
			c.n = k
		case "sentence":
		default:
			return fmt.Errorf("where %q", f[1])
		}
		if len(c.words) == 0 {
			return fmt.Errorf("empty cue")
		}
		lx.cues = append(lx.cues, c)
		return nil
	}); err != nil {
		return nil, err
	}
	return lx, nil
}

// parse reads the pattern text of a triggers.tsv line into p.words.
func (p *pattern) parse(text string) error {
	gap := 0
	for _, w := range strings.Fields(text) {
		if n, ok := strings.CutPrefix(w, "…"); ok {
			gap = maxGap
			if n != "" {
				k, err := strconv.Atoi(n)
				if err != nil || k <= 0 {
					return fmt.Errorf("gap %q", w)
				}
				gap = k
			}
			continue
		}
		var wd word
		wd.gap = gap
		gap = 0
		for _, a := range strings.Split(w, "|") {
			inflect := strings.HasSuffix(a, "+")
			a = normalize.Search(strings.TrimSuffix(a, "+"))
			if a == "" {
				return fmt.Errorf("empty alternative in %q", w)
			}
			wd.alts = append(wd.alts, alt{a, inflect})
		}
		p.words = append(p.words, wd)
	}
	if len(p.words) == 0 || gap > 0 || p.words[0].gap > 0 {
		return fmt.Errorf("bad pattern %q", text)
	}
	return nil
}

// add appends a pattern and indexes it by its first word.
func (lx *lexicon) add(p pattern) {
	i := len(lx.pats)
	lx.pats = append(lx.pats, p)
	for _, a := range p.words[0].alts {
		lx.byFirst[a.form] = append(lx.byFirst[a.form], i)
	}
}

// setPOS sets the part of speech flags of p from its triggers.tsv letter.
func (p *pattern) setPOS(pos string) error {
	switch pos {
	case "v":
	case "n":
		p.Noun = true
	case "r":
		p.Relative = true
	case "o":
		p.Noun, p.Objective = true, true
	case "i":
		p.Inverse = true
	case "h":
		p.Circumstantial = true
	case "p":
		p.Noun, p.Passive = true, true
	case "s":
		p.Strict = true
	default:
		return fmt.Errorf("part of speech %q, want v, n, r, o, i, h, p or s", pos)
	}
	return nil
}

// morphLine numbers the generated patterns after every line of
// triggers.tsv, so a hand-written pattern of the same length wins a tie.
const morphLine = 100000

// loadRoots generates the patterns of data/roots.tsv (morph.go): each line
// names a verb of triggers.tsv by its line, which must exist and have the
// same event type, so every generated pattern traces back to a verb entry
// and its source.
func (lx *lexicon) loadRoots() error {
	byLine := map[int]*pattern{}
	for i := range lx.pats {
		byLine[lx.pats[i].Line] = &lx.pats[i]
	}
	var entries []pattern
	err := readTSV("data/roots.tsv", 10, func(line int, f []string) error {
		e := rootEntry{typ: f[0], code: f[1], root: f[3], derive: f[5], masdarPOS: f[6], frame: f[7], mframe: f[8], line: line}
		if _, err := fmt.Sscan(f[2], &e.verbLine); err != nil {
			return fmt.Errorf("triggers.tsv line %q", f[2])
		}
		src := byLine[e.verbLine]
		if src == nil || src.Type != e.typ {
			return fmt.Errorf("triggers.tsv line %d is no %s pattern", e.verbLine, e.typ)
		}
		e.source = src.Source
		form, ok := romanForms[f[4]]
		if !ok {
			return fmt.Errorf("verb form %q", f[4])
		}
		e.form = form
		if e.mframe == "=" {
			e.mframe = e.frame
		}
		if f[9] != "-" {
			e.masdar = f[9]
		}
		if e.masdarPOS != "n" && e.masdarPOS != "o" {
			return fmt.Errorf("verbal noun part of speech %q, want n or o", e.masdarPOS)
		}
		gen, err := e.generated()
		if err != nil {
			return err
		}
		for _, g := range gen {
			p := pattern{Type: e.typ, Code: e.code, Source: "morph:" + e.source, Line: morphLine + line}
			if err := p.setPOS(g[0]); err != nil {
				return err
			}
			if err := p.parse(g[1]); err != nil {
				return err
			}
			entries = append(entries, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if os.Getenv("MARSAD_EVENT_NOMORPH") != "" {
		return nil
	}
	for _, p := range entries {
		lx.add(p)
	}
	return nil
}

func readTSV(name string, cols int, fn func(line int, f []string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fields := strings.Split(t, "\t")
		if len(fields) != cols {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(fields), cols)
		}
		if err := fn(line, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

// Mode names as local shorthands.
const (
	asserted     = "asserted"
	negated      = "negated"
	planned      = "planned"
	hypothetical = "hypothetical"
)

// readings returns the search forms a word token may be read as once its
// proclitics are stripped: و/ف, then ب/ل/ك or the future س, then ال (لل is
// ل + ال). future reports the reading that dropped a future س. The word
// itself comes first.
func readings(w string, out []reading) []reading {
	out = append(out[:0], reading{form: w})
	add := func(s string, fut bool) {
		if runeCount(s) >= 2 {
			out = append(out, reading{form: s, future: fut})
		}
	}
	// nominal readings dropped a preposition or the article: only nouns
	// take them (الطالب is not the verb طالب).
	addN := func(s string) {
		if runeCount(s) >= 2 {
			out = append(out, reading{form: s, nominal: true})
		}
	}
	base := []string{w}
	for _, c := range []string{"و", "ف"} {
		if s, ok := strings.CutPrefix(w, c); ok && runeCount(s) >= 3 {
			base = append(base, s)
			add(s, false)
		}
	}
	for _, b := range base {
		if s, ok := strings.CutPrefix(b, "لل"); ok {
			addN("ال" + s)
			addN(s)
		}
		for _, p := range []string{"ب", "ل", "ك"} {
			if s, ok := strings.CutPrefix(b, p); ok && runeCount(s) >= 3 {
				addN(s)
				if t, ok := strings.CutPrefix(s, "ال"); ok {
					addN(t)
				}
			}
		}
		// The future prefix س only comes before an imperfect verb (سيجتمع،
		// ستوقع، سنعمل).
		if s, ok := strings.CutPrefix(b, "س"); ok && runeCount(s) >= 3 && strings.ContainsRune("يتنا", firstRune(s)) {
			add(s, true)
		}
		if s, ok := strings.CutPrefix(b, "ال"); ok {
			addN(s)
		}
		// The accusative of an indefinite noun is written with an alif
		// (جنوداً، كميناً، دعماً): the noun without it, as a noun only.
		if s, ok := strings.CutSuffix(b, "ا"); ok && runeCount(s) >= 3 && !strings.HasSuffix(s, "ا") && !strings.HasSuffix(s, "و") {
			addN(s)
		}
	}
	return out
}

type reading struct {
	form    string
	future  bool
	nominal bool
}

func runeCount(s string) int { return len([]rune(s)) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// matches reports whether the reading r is the alternative a: the same form,
// or, for an inflecting alternative, the form plus one suffix (with ة
// written ت before a pronoun: زيارته is زياره + ه).
func (a alt) matches(r string) bool {
	if r == a.form {
		return true
	}
	if !a.inflect {
		return false
	}
	for _, s := range suffixes {
		stem, ok := strings.CutSuffix(r, s)
		if !ok || stem == "" {
			continue
		}
		if stem == a.form {
			return true
		}
		if t, ok := strings.CutSuffix(stem, "ت"); ok && t+"ه" == a.form {
			return true
		}
		// A final hamza sits on ي before a pronoun: لقاء + ه → لقائه.
		if t, ok := strings.CutSuffix(stem, "ئ"); ok && t+"ء" == a.form {
			return true
		}
	}
	// A verb whose final weak letter drops before a suffix: التقى + ت →
	// التقت, دعا + ت → دعت.
	if strings.HasSuffix(a.form, "ي") || strings.HasSuffix(a.form, "ا") {
		stem := strings.TrimSuffix(strings.TrimSuffix(a.form, "ي"), "ا")
		for _, s := range []string{"ت", "تا", "وا", "ا"} {
			if r == stem+s {
				return true
			}
		}
	}
	return false
}

// candidates returns the patterns whose first word may match one of the
// readings, trying each reading with up to one suffix removed.
func (lx *lexicon) candidates(rs []reading, seen map[int]bool, out []int) []int {
	out = out[:0]
	clear(seen)
	try := func(key string) {
		for _, i := range lx.byFirst[key] {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	for _, r := range rs {
		try(r.form)
		for _, s := range suffixes {
			if stem, ok := strings.CutSuffix(r.form, s); ok && stem != "" {
				try(stem)
				if t, ok := strings.CutSuffix(stem, "ت"); ok {
					try(t + "ه")
				}
				if t, ok := strings.CutSuffix(stem, "ئ"); ok {
					try(t + "ء")
				}
			}
		}
		// Weak final letter: التقت ← التقي, دعت ← دعا.
		for _, s := range []string{"ت", "تا", "وا", "ا"} {
			if stem, ok := strings.CutSuffix(r.form, s); ok && stem != "" {
				try(stem + "ي")
				try(stem + "ا")
			}
		}
	}
	return out
}
