package compare

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// term is one content word of a sentence: its matching key (search form,
// clitics stripped, light suffixes cut) and where it was written.
type term struct {
	key        string
	start, end int // the whole token, clitics included
}

//go:embed data/stopwords.txt
var stopData string

//go:embed data/df.txt.gz
var dfData []byte

// lexicon is the package's embedded word data, loaded once.
type lexicon struct {
	stop      map[string]bool
	df        map[string]int
	docs      int
	numWords  map[string]numWord
	approx    map[string]string // marker → "~", ">" or "<"
	tolls     map[string]string // toll word → "dead" or "injured"
	tollMarks map[string]string // marker → "total", "range" or "tentative"
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() {
		l := &lexicon{stop: map[string]bool{}, df: map[string]int{}}
		for _, line := range strings.Split(stopData, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			l.stop[normalize.Search(line)] = true
			l.stop[lightStem(normalize.Search(line))] = true
		}
		if err := l.readDF(); err != nil {
			lexErr = fmt.Errorf("compare: embedded df: %w", err)
			return
		}
		if err := l.readNumbers(); err != nil {
			lexErr = fmt.Errorf("compare: embedded numbers: %w", err)
			return
		}
		lex = l
	})
	return lex, lexErr
}

func mustLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		// The data is part of the binary and checked by the tests: a
		// failure here is a build defect, not an input error.
		panic(err)
	}
	return l
}

// readDF reads the background document frequencies: "N <docs>" then
// "<term>\t<df>" lines (see data/README.md).
func (l *lexicon) readDF() error {
	zr, err := gzip.NewReader(bytes.NewReader(dfData))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if n, ok := strings.CutPrefix(s, "N "); ok {
			l.docs, err = strconv.Atoi(n)
			if err != nil {
				return err
			}
			continue
		}
		k, v, ok := strings.Cut(s, "\t")
		if !ok {
			return fmt.Errorf("bad line %q", s)
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		l.df[k] = n
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if l.docs == 0 {
		return fmt.Errorf("no document count")
	}
	return nil
}

// idf is the background inverse document frequency of a term key. Terms
// unseen in the background (new names) get the highest weight.
func (l *lexicon) idf(key string) float64 {
	return math.Log(float64(l.docs+1) / float64(l.df[key]+1))
}

// maxIDF is the weight of a term never seen in the background.
func (l *lexicon) maxIDF() float64 { return math.Log(float64(l.docs + 1)) }

// lightStem cuts the suffixes that vary between outlets writing the same
// word (ة/ه, plural and dual endings, accusative tanween alef), so that
// مثمرة and مثمر, قاضيا and قاضي meet. It works on the search form and
// leaves at least three letters.
func lightStem(s string) string {
	n := utf8.RuneCountInString(s)
	for _, suf := range [...]string{"ات", "ون", "ين", "ان"} {
		if n >= 6 && strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	if n >= 4 && (strings.HasSuffix(s, "ه") || strings.HasSuffix(s, "ا")) {
		return s[:len(s)-len("ه")]
	}
	return s
}

// termKey returns the matching key of a word token ("" for non-words).
func termKey(t tokenize.Token) string {
	switch t.Kind {
	case tokenize.Number:
		return normalize.Search(t.Text)
	case tokenize.Word:
		return lightStem(tokenize.Stem(t))
	}
	return ""
}

// contentTerms returns the content terms of text[start:end]: words that are
// not function words, with their keys and spans in text.
func (l *lexicon) contentTerms(text string, start, end int, buf []tokenize.Token) ([]term, []tokenize.Token) {
	buf = tokenize.AppendTokens(buf[:0], text[start:end])
	var out []term
	for _, t := range buf {
		if t.Kind != tokenize.Word {
			continue
		}
		k := termKey(t)
		if utf8.RuneCountInString(k) < 2 || l.stop[k] || l.stop[normalize.Search(t.Text)] {
			continue
		}
		out = append(out, term{key: k, start: start + t.Start, end: start + t.End})
	}
	return out, buf
}
