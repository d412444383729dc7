package cluster

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
)

// IDF is a background model of how common each term is in news, so that a
// shared rare name (مرجوج, ريونيون) weighs more than a shared common word
// (المملكه, اليوم). It is maintained incrementally: the stream's own
// document frequencies are added to the background ones as articles arrive,
// so new names (an outlet's new story) get their weight without retraining.
type IDF struct {
	mu   sync.RWMutex
	n    float64            // documents counted (background + stream)
	df   map[string]float64 // document frequency
	base int                // background documents
}

//go:embed data/idf.txt.gz
var idfData []byte

// DefaultIDF returns a fresh copy of the embedded background model (see
// data/README.md for its provenance).
func DefaultIDF() (*IDF, error) {
	zr, err := gzip.NewReader(bytes.NewReader(idfData))
	if err != nil {
		return nil, fmt.Errorf("cluster: embedded idf: %w", err)
	}
	m, err := ReadIDF(zr)
	if err != nil {
		return nil, fmt.Errorf("cluster: embedded idf: %w", err)
	}
	return m, nil
}

// NewIDF returns an empty model that learns only from the stream.
func NewIDF() *IDF { return &IDF{df: map[string]float64{}} }

// ReadIDF reads a model written by WriteIDF: comment lines starting with #,
// a line "N <documents>", then "<term>\t<df>" lines.
func ReadIDF(r io.Reader) (*IDF, error) {
	m := NewIDF()
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if n, ok := strings.CutPrefix(s, "N "); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v < 0 {
				return nil, fmt.Errorf("line %d: bad document count %q", line, n)
			}
			m.n, m.base = float64(v), v
			continue
		}
		term, df, ok := strings.Cut(s, "\t")
		v, err := strconv.Atoi(df)
		if !ok || err != nil || v < 0 {
			return nil, fmt.Errorf("line %d: want term<TAB>df", line)
		}
		m.df[term] = float64(v)
	}
	return m, sc.Err()
}

// WriteIDF writes the model's background counts with at least minDF
// documents, most frequent first, after the comment lines in header.
func (m *IDF) WriteIDF(w io.Writer, header string, minDF int) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	type tdf struct {
		t  string
		df float64
	}
	var all []tdf
	for t, df := range m.df {
		if df >= float64(minDF) {
			all = append(all, tdf{t, df})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].df != all[j].df {
			return all[i].df > all[j].df
		}
		return all[i].t < all[j].t
	})
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	fmt.Fprintf(bw, "N %d\n", int(m.n))
	for _, x := range all {
		fmt.Fprintf(bw, "%s\t%d\n", x.t, int(x.df))
	}
	return bw.Flush()
}

// Add counts one document's distinct terms.
func (m *IDF) Add(terms ...[]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.n++
	seen := map[string]bool{}
	for _, ts := range terms {
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				m.df[t]++
			}
		}
	}
}

// Weight is the inverse document frequency of term, smoothed so that an
// unseen term weighs the most and a term in every document nearly nothing.
func (m *IDF) Weight(term string) float64 {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.weight(term)
}

// weight is Weight for a caller holding m.mu.
func (m *IDF) weight(term string) float64 {
	return math.Log((m.n + 1) / (m.df[term] + 0.5))
}

// Docs is the number of documents the model has counted.
func (m *IDF) Docs() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return int(m.n)
}
