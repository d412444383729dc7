// Package search is Marsad's Arabic-aware full-text search over articles,
// quotes and entities. Text is indexed by Marsad's own analyzer — search
// normalization (internal/text/normalize) and clitic segmentation
// (internal/text/tokenize) — and the analyzed terms, space separated, are
// stored in SQLite FTS5 tables (unicode61 tokenizer, which then only splits on
// the spaces) and ranked with bm25. SQLite's own tokenizers know nothing of
// Arabic clitics: for them لبوتين and بوتين are unrelated words.
package search

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

//go:embed data/*.txt
var dataFS embed.FS

// Term is one analyzed word: the search form of its stem, and the byte
// span of the whole word in the text it came from (so a match can be
// highlighted as written: لبوتين, not بوتين).
type Term struct {
	Text  string
	Start int
	End   int
	// Alt are other plausible stems of the same word (a second clitic
	// reading: لبنان is a name, but ل+بنان is also a reading). They are
	// indexed in a separate column, at a lower weight, for recall.
	Alt []string
}

// Analyzer turns text into terms. It is read-only after New and safe for
// concurrent use.
type Analyzer struct {
	stop     map[string]bool
	exact    map[string]string
	prefixes []prefixRule
}

type prefixRule struct{ from, to string }

// NewAnalyzer loads the embedded stop words and spelling variants.
func NewAnalyzer() (*Analyzer, error) {
	a := &Analyzer{stop: map[string]bool{}, exact: map[string]string{}}
	err := readLines("data/stopwords.txt", func(line string) error {
		a.stop[normalize.Search(line)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/variants.txt", func(line string) error {
		f := strings.Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("want FROM TO, got %q", line)
		}
		from, to := normalize.Search(f[0]), normalize.Search(f[1])
		if strings.HasSuffix(from, "*") != strings.HasSuffix(to, "*") {
			return fmt.Errorf("prefix rule needs * on both sides: %q", line)
		}
		if strings.HasSuffix(from, "*") {
			a.prefixes = append(a.prefixes, prefixRule{strings.TrimSuffix(from, "*"), strings.TrimSuffix(to, "*")})
		} else {
			a.exact[from] = to
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

func readLines(name string, fn func(string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("search %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// Analyze returns the index terms of text, stop words left out.
func (an *Analyzer) Analyze(text string) []Term { return an.analyze(text, true) }

// analyze is Analyze, with or without the alternative readings (the
// costly part: every clitic reading of every word).
func (an *Analyzer) analyze(text string, alts bool) []Term {
	toks := tokenize.Tokens(text)
	out := make([]Term, 0, len(toks))
	for _, t := range toks {
		if tm, ok := an.term(t, alts); ok {
			out = append(out, tm)
		}
	}
	return out
}

// QueryTerms returns the search forms of the words of a query, in order,
// without stop words and without alternative readings: the query side
// uses the one conservative reading, the index side holds all of them.
func (an *Analyzer) QueryTerms(q string) []string {
	var out []string
	for _, t := range tokenize.Tokens(q) {
		if tm, ok := an.term(t, false); ok {
			out = append(out, tm.Text)
		}
	}
	return out
}

// suffixes are the enclitic pronouns whose stripping is worth a second
// reading. The first-person ي and second-person ك are left out: ي also
// ends every nisba adjective (سعودي is not سعود+ي), and ك ends many
// nouns; news prose rarely uses either as a pronoun.
var suffixes = map[string]bool{"ه": true, "ها": true, "هم": true, "هما": true, "هن": true, "كم": true, "نا": true}

func (an *Analyzer) term(t tokenize.Token, alts bool) (Term, bool) {
	switch t.Kind {
	case tokenize.Number:
		s := digitsOnly(normalize.Search(t.Text))
		if s == "" {
			return Term{}, false
		}
		return Term{Text: s, Start: t.Start, End: t.End}, true
	case tokenize.Word:
	default:
		return Term{}, false
	}
	whole := normalize.Search(t.Text)
	if whole == "" || an.stop[whole] {
		return Term{}, false
	}
	seg := tokenize.Segment(t)
	stem := an.fold(normalize.Search(seg.Stem.Text))
	if stem == "" || an.stop[stem] {
		return Term{}, false
	}
	tm := Term{Text: stem, Start: t.Start, End: t.End}
	if !alts || !normalize.HasArabic(t.Text) {
		return tm, true
	}
	seen := map[string]bool{stem: true}
	add := func(s string) {
		if s != "" && !seen[s] && !an.stop[s] {
			seen[s] = true
			tm.Alt = append(tm.Alt, s)
		}
	}
	// The unsegmented word, so that a query typed with its clitic
	// (لبنان, والدة) still finds the word as written.
	add(an.fold(whole))
	for _, r := range tokenize.Segments(t) {
		if r.Suffix != "" && !suffixes[r.Suffix] {
			continue
		}
		add(an.fold(normalize.Search(r.Stem.Text)))
	}
	// Light stemming of number and gender endings, as in Larkey's light10
	// (which Lucene's Arabic analyzer follows): مسؤولين، مسؤولون، مسؤولة
	// also index as مسؤول. Only as alternatives, and only with three
	// letters left, since the endings are also parts of stems (بوتين).
	for _, suf := range lightSuffixes {
		if rest, ok := strings.CutSuffix(stem, suf); ok && utf8.RuneCountInString(rest) >= 3 {
			add(rest)
		}
	}
	return tm, true
}

// lightSuffixes are plural, dual and feminine endings in search form (ة is
// already ه).
var lightSuffixes = []string{"ات", "ين", "ون", "ان", "يه", "ه"}

// spellings returns term and the search forms that fold to it (for
// امريكي also اميركي), for substring prefilters.
func (an *Analyzer) spellings(term string) []string {
	out := []string{term}
	for from, to := range an.exact {
		if to == term {
			out = append(out, from)
		}
	}
	for _, p := range an.prefixes {
		if rest, ok := strings.CutPrefix(term, p.to); ok {
			out = append(out, p.from+rest)
		}
	}
	return out
}

// fold maps a spelling variant to its canonical spelling.
func (an *Analyzer) fold(s string) string {
	if to, ok := an.exact[s]; ok {
		return to
	}
	for _, p := range an.prefixes {
		if strings.HasPrefix(s, p.from) {
			return p.to + s[len(p.from):]
		}
	}
	return s
}

// digitsOnly keeps the ASCII digits of a number and joins its parts with
// nothing but a dot, so that 15.5, ١٥٫٥ and 15,5 index alike and FTS5's
// tokenizer keeps them as one phrase.
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
