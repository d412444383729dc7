package kb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Translit renders Arabic names in Latin letters for name_en when the
// knowledge base has no English name. It is learned from ANETAC's
// English–Arabic transliteration pairs (../shared/data/anetac, train split):
//
//   - a word table: a name seen in training is written as it was most often;
//   - a letter model for unseen names: each training pair is aligned letter
//     by letter (hard EM, each Arabic letter → 0–3 Latin letters, seeded
//     with the usual romanization), and an unseen word is written letter by
//     letter with the chunk most often aligned to that letter in the same
//     context (previous and next letter), backing off to the letter alone.
//
// Arabic script omits short vowels, so exact spelling is often beyond any
// letter model (محمد → Mohammed/Muhammad); the dev-set score is in the test.
type Translit struct {
	words map[string]string // Key(word) → Latin
	ctx   map[string]string // "prev cur next" → chunk
	uni   map[string]string // "cur" → chunk
}

// seed is the usual romanization of each letter, the start of the EM.
var seed = map[rune][]string{
	'ا': {"a", ""}, 'ب': {"b"}, 'ت': {"t"}, 'ث': {"th"}, 'ج': {"j", "g"}, 'ح': {"h"}, 'خ': {"kh"},
	'د': {"d"}, 'ذ': {"dh"}, 'ر': {"r"}, 'ز': {"z"}, 'س': {"s"}, 'ش': {"sh"}, 'ص': {"s"},
	'ض': {"d"}, 'ط': {"t"}, 'ظ': {"z"}, 'ع': {"a", ""}, 'غ': {"g", "gh"}, 'ف': {"f", "v"},
	'ق': {"q", "k"}, 'ك': {"k", "c"}, 'ل': {"l"}, 'م': {"m"}, 'ن': {"n"}, 'ه': {"h", "a"},
	'و': {"o", "u", "w"}, 'ي': {"i", "y", "e"}, 'ء': {""}, 'ئ': {"i"}, 'ؤ': {"u"},
}

const maxChunk = 3

// TrainTranslit learns a transliterator from "english<TAB>arabic" lines
// (a header line is skipped).
func TrainTranslit(r io.Reader) (*Translit, error) {
	type pair struct{ ar, en []rune }
	var pairs []pair
	words := map[string]map[string]int{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 2 || f[0] == "english" {
			continue
		}
		en, ar := strings.TrimSpace(f[0]), Key(f[1])
		if en == "" || ar == "" || strings.Contains(ar, " ") {
			continue
		}
		if words[ar] == nil {
			words[ar] = map[string]int{}
		}
		words[ar][en]++
		pairs = append(pairs, pair{[]rune(ar), []rune(strings.ToLower(en))})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("translit: no training pairs")
	}
	// Hard EM: P(chunk | letter), seeded.
	prob := map[rune]map[string]float64{}
	logp := func(c rune, s string) float64 {
		if m := prob[c]; m != nil {
			if p, ok := m[s]; ok {
				return math.Log(p)
			}
			return math.Log(1e-6)
		}
		for _, x := range seed[c] {
			if x == s {
				return math.Log(0.5)
			}
		}
		return math.Log(1e-3) - float64(len(s))
	}
	type link struct {
		i   int
		sub string
	}
	align := func(p pair) []link {
		n, m := len(p.ar), len(p.en)
		dp := make([][]float64, n+1)
		bk := make([][]int, n+1)
		for i := range dp {
			dp[i] = make([]float64, m+1)
			bk[i] = make([]int, m+1)
			for j := range dp[i] {
				dp[i][j] = math.Inf(-1)
			}
		}
		dp[0][0] = 0
		for i := 0; i < n; i++ {
			for j := 0; j <= m; j++ {
				if math.IsInf(dp[i][j], -1) {
					continue
				}
				for k := 0; k <= maxChunk && j+k <= m; k++ {
					v := dp[i][j] + logp(p.ar[i], string(p.en[j:j+k]))
					if v > dp[i+1][j+k] {
						dp[i+1][j+k], bk[i+1][j+k] = v, k
					}
				}
			}
		}
		if math.IsInf(dp[n][m], -1) {
			return nil
		}
		out := make([]link, n)
		for i, j := n, m; i > 0; i-- {
			k := bk[i][j]
			out[i-1] = link{i: i - 1, sub: string(p.en[j-k : j])}
			j -= k
		}
		return out
	}
	var counts map[rune]map[string]int
	for iter := 0; iter < 3; iter++ {
		counts = map[rune]map[string]int{}
		for _, p := range pairs {
			for _, l := range align(p) {
				c := p.ar[l.i]
				if counts[c] == nil {
					counts[c] = map[string]int{}
				}
				counts[c][l.sub]++
			}
		}
		prob = map[rune]map[string]float64{}
		for c, m := range counts {
			total := 0
			for _, n := range m {
				total += n
			}
			prob[c] = map[string]float64{}
			for s, n := range m {
				prob[c][s] = float64(n) / float64(total)
			}
		}
	}
	// Context counts from the final alignment.
	ctxCounts := map[string]map[string]int{}
	for _, p := range pairs {
		for _, l := range align(p) {
			k := contextKey(p.ar, l.i)
			if ctxCounts[k] == nil {
				ctxCounts[k] = map[string]int{}
			}
			ctxCounts[k][l.sub]++
		}
	}
	t := &Translit{words: map[string]string{}, ctx: map[string]string{}, uni: map[string]string{}}
	for ar, m := range words {
		t.words[ar] = argmax(m)
	}
	for k, m := range ctxCounts {
		total := 0
		for _, n := range m {
			total += n
		}
		if total >= 3 {
			t.ctx[k] = argmax(m)
		}
	}
	for c, m := range counts {
		t.uni[string(c)] = argmax(m)
	}
	return t, nil
}

func contextKey(ar []rune, i int) string {
	prev, next := '^', '$'
	if i > 0 {
		prev = ar[i-1]
	}
	if i+1 < len(ar) {
		next = ar[i+1]
	}
	return string([]rune{prev, ar[i], next})
}

// Word transliterates one Arabic word (no spaces).
func (t *Translit) Word(w string) string {
	k := Key(w)
	if k == "" {
		return ""
	}
	if !hasArabic(k) {
		return w
	}
	if s, ok := translitWords()[k]; ok {
		return s
	}
	if s, ok := t.words[k]; ok {
		return s
	}
	// The article ال of Arab names is written al- (الجبير → al-Jubeir),
	// with a proclitic before it lil-, wal-, bil- (للسياحة → lil-Siyaha).
	if rest, ok := strings.CutPrefix(k, "ال"); ok && utf8.RuneCountInString(rest) >= 3 {
		return "al-" + capitalize(t.Word(rest))
	}
	for _, p := range [][2]string{{"لل", "lil-"}, {"وال", "wal-"}, {"بال", "bil-"}} {
		if rest, ok := strings.CutPrefix(k, p[0]); ok && utf8.RuneCountInString(rest) >= 3 {
			return p[1] + capitalize(t.Word(rest))
		}
	}
	return capitalize(t.letters(k))
}

// letters writes an Arabic key letter by letter with the learned chunks.
func (t *Translit) letters(k string) string {
	ar := []rune(k)
	var b strings.Builder
	for i, c := range ar {
		if s, ok := t.ctx[contextKey(ar, i)]; ok {
			b.WriteString(s)
		} else if s, ok := t.uni[string(c)]; ok {
			b.WriteString(s)
		} else if c < 0x600 || c > 0x6ff {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Name transliterates a multi-word name word by word; a compound the
// word list spells as one (عبد الله → Abdullah) is one word, and آل before
// a family name is Al.
func (t *Translit) Name(name string) string {
	f := strings.Fields(Key(name))
	out := make([]string, 0, len(f))
	for i := 0; i < len(f); i++ {
		if i+1 < len(f) {
			if s, ok := translitWords()[f[i]+" "+f[i+1]]; ok {
				out = append(out, s)
				i++
				continue
			}
			if f[i] == "ال" {
				out = append(out, "Al")
				continue
			}
		}
		if s := t.Word(f[i]); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

//go:embed data/translit-words.tsv
var translitWordsTSV string

// translitWords is data/translit-words.tsv by key: curated Latin spellings
// that come before the learned model's.
var translitWords = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(translitWordsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if ar, en, ok := strings.Cut(line, "\t"); ok {
			m[Key(ar)] = strings.TrimSpace(en)
		}
	}
	return m
})

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x600 && r <= 0x6ff {
			return true
		}
	}
	return false
}

// WriteTo writes the model as gzipped TSV sections (W word, C context, U
// letter), sorted, so the same training gives the same bytes.
func (t *Translit) Encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# Marsad transliterator, learned by `marsad build kb` from ANETAC translit_train.tsv (Hadj Ameur et al. 2019); kind\tarabic\tlatin\n")
	write := func(kind string, m map[string]string) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			buf.WriteString(kind + "\t" + strconv.Quote(k) + "\t" + strconv.Quote(m[k]) + "\n")
		}
	}
	write("U", t.uni)
	write("C", t.ctx)
	write("W", t.words)
	return gzipBytes(buf.Bytes())
}

// DecodeTranslit reads a model written by Encode.
func DecodeTranslit(gz []byte) (*Translit, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("translit: %w", err)
	}
	defer zr.Close()
	t := &Translit{words: map[string]string{}, ctx: map[string]string{}, uni: map[string]string{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("translit: bad line %q", line)
		}
		k, err1 := strconv.Unquote(f[1])
		v, err2 := strconv.Unquote(f[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("translit: bad quoting in %q", line)
		}
		switch f[0] {
		case "U":
			t.uni[k] = v
		case "C":
			t.ctx[k] = v
		case "W":
			t.words[k] = v
		}
	}
	return t, sc.Err()
}

//go:embed data/translit.tsv.gz
var translitGZ []byte

var (
	translitOnce sync.Once
	translitDef  *Translit
	translitErr  error
)

// DefaultTranslit returns the embedded transliterator.
func DefaultTranslit() (*Translit, error) {
	translitOnce.Do(func() { translitDef, translitErr = DecodeTranslit(translitGZ) })
	return translitDef, translitErr
}
