package timex

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"marsad/internal/text/normalize"
)

// The linguistic data lives in data/*.txt, each file with its source in its
// header. Every word is folded with normalize.Search when loaded, so the
// grammar compares search forms only.
//
//go:embed data/*.txt
var dataFS embed.FS

type monthName struct {
	words  []string // search forms of the words of the name
	month  int
	hijri  bool
	strict bool // also a common word or name: needs date context
}

type phrase struct {
	words []string
	kind  string
	rule  string
}

type unit struct {
	code  string // Y M W D H MIN S DE CE
	count int    // 1 singular, 2 dual, 0 plural
}

type lexicon struct {
	months    map[string][]monthName // by first word
	weekdays  map[string]int
	weekdayA  map[string]bool // ambiguous weekday words
	cardinals map[string]int
	tens      map[string]int
	ordinals  map[string]int
	units     map[string]unit
	phrases   map[string][]phrase // by first word, longest first
	modifiers map[string]int
	parts     map[string]string // part of day word → "am"/"pm"
	modPhrase map[string][]modPhrase
	future    map[string]bool // words that set a clause in the future (future.txt)
	// futureBefore: imperfect event verbs that do so only before the weekday
	futureBefore map[string]bool
	uq           []uint16 // Umm al-Qura month-length bits, from year uqFirst
}

type modPhrase struct {
	words []string
	mod   string
}

var lex = mustLoad()

// mustLoad reads the embedded tables. They are part of the binary, so a
// malformed table is a programming error caught by every test, not input.
func mustLoad() *lexicon {
	l, err := load()
	if err != nil {
		panic("timex: " + err.Error())
	}
	return l
}

func lines(name string) ([][]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var out [][]string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var f []string
		if strings.Contains(line, "\t") {
			f = strings.Split(line, "\t")
		} else {
			f = strings.Fields(line)
		}
		out = append(out, f)
	}
	return out, sc.Err()
}

func words(s string) []string { return strings.Fields(normalize.Search(s)) }

func load() (*lexicon, error) {
	l := &lexicon{
		months: map[string][]monthName{}, weekdays: map[string]int{}, weekdayA: map[string]bool{},
		cardinals: map[string]int{}, tens: map[string]int{}, ordinals: map[string]int{},
		units: map[string]unit{}, phrases: map[string][]phrase{}, modifiers: map[string]int{},
		parts: map[string]string{}, modPhrase: map[string][]modPhrase{}, future: map[string]bool{},
		futureBefore: map[string]bool{},
	}
	ls, err := lines("months.txt")
	if err != nil {
		return nil, err
	}
	for _, f := range ls {
		if len(f) < 4 {
			return nil, fmt.Errorf("months.txt: bad line %q", f)
		}
		m, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("months.txt: %w", err)
		}
		w := words(strings.Join(f[3:], " "))
		l.months[w[0]] = append(l.months[w[0]], monthName{words: w, month: m, hijri: f[0] == "h", strict: f[2] == "a"})
	}
	if ls, err = lines("weekdays.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		n, err := strconv.Atoi(f[1])
		if err != nil || len(f) != 3 {
			return nil, fmt.Errorf("weekdays.txt: bad line %q", f)
		}
		w := normalize.Search(f[0])
		l.weekdays[w] = n
		l.weekdayA[w] = f[2] == "a"
	}
	if ls, err = lines("numbers.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		n, err := strconv.Atoi(f[1])
		if err != nil || len(f) != 3 {
			return nil, fmt.Errorf("numbers.txt: bad line %q", f)
		}
		w := normalize.Search(f[2])
		switch f[0] {
		case "c":
			l.cardinals[w] = n
		case "t":
			l.tens[w] = n
		case "o":
			l.ordinals[w] = n
		default:
			return nil, fmt.Errorf("numbers.txt: bad kind %q", f[0])
		}
	}
	if ls, err = lines("units.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		n, err := strconv.Atoi(f[1])
		if err != nil || len(f) != 3 {
			return nil, fmt.Errorf("units.txt: bad line %q", f)
		}
		l.units[normalize.Search(f[2])] = unit{code: f[0], count: n}
	}
	if ls, err = lines("phrases.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		if len(f) != 3 {
			return nil, fmt.Errorf("phrases.txt: bad line %q", f)
		}
		w := words(f[0])
		l.phrases[w[0]] = append(l.phrases[w[0]], phrase{words: w, kind: f[1], rule: f[2]})
	}
	for k, ps := range l.phrases {
		sortLongest(ps)
		l.phrases[k] = ps
	}
	if ls, err = lines("modifiers.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		n, err := strconv.Atoi(f[0])
		if err != nil || len(f) != 2 {
			return nil, fmt.Errorf("modifiers.txt: bad line %q", f)
		}
		l.modifiers[normalize.Search(f[1])] = n
	}
	if ls, err = lines("parts.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		if len(f) < 2 {
			return nil, fmt.Errorf("parts.txt: bad line %q", f)
		}
		l.parts[strings.Join(words(strings.Join(f[1:], " ")), " ")] = f[0]
	}
	if ls, err = lines("mods.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		if len(f) < 2 {
			return nil, fmt.Errorf("mods.txt: bad line %q", f)
		}
		w := words(strings.Join(f[1:], " "))
		l.modPhrase[w[0]] = append(l.modPhrase[w[0]], modPhrase{words: w, mod: f[0]})
	}
	for k, ps := range l.modPhrase {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		l.modPhrase[k] = ps
	}
	if ls, err = lines("future.txt"); err != nil {
		return nil, err
	}
	for _, f := range ls {
		switch {
		case len(f) == 1:
			l.future[normalize.Search(f[0])] = true
		case len(f) == 2 && f[1] == "before":
			l.futureBefore[normalize.Search(f[0])] = true
		default:
			return nil, fmt.Errorf("future.txt: bad line %q", f)
		}
	}
	if ls, err = lines("ummalqura.txt"); err != nil {
		return nil, err
	}
	for i, f := range ls {
		y, err := strconv.Atoi(f[0])
		if err != nil || len(f) != 2 || y != uqFirst+i || len(f[1]) != 12 {
			return nil, fmt.Errorf("ummalqura.txt: bad line %q", f)
		}
		bits, err := strconv.ParseUint(f[1], 2, 16)
		if err != nil {
			return nil, fmt.Errorf("ummalqura.txt: %w", err)
		}
		l.uq = append(l.uq, uint16(bits))
	}
	return l, nil
}

func sortLongest(ps []phrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
