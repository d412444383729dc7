package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"marsad/internal/text/normalize"
)

// Word clusters replace Brown clusters (Brown et al. 1992; used for NER by
// Ratinov & Roth 2009 and for Arabic by Zirikly & Diab 2015) with something
// that runs in minutes on one core: each frequent word is described by the
// words seen right before and after it, the counts are weighted by positive
// PMI, reduced to a few dozen dimensions with a randomized SVD, and the
// word vectors are grouped by spherical k-means at three granularities.
// Words that share a cluster appear in the same contexts — person names
// after قال/الرئيس, places after في/مدينة, clubs after فريق/نادي — which
// carries over to names the annotated data never saw.

// ClusterConfig sets the clustering's size.
type ClusterConfig struct {
	Vocab    int   // most frequent words clustered
	MinCount int   // and seen at least this often
	Context  int   // most frequent words used as left/right contexts
	Dims     int   // SVD dimensions
	K        []int // clusters per granularity, of the adjacent-word vectors
	// Wide is the context window (words either side) of a second set of
	// vectors, clustered at WideK granularities (none when WideK is
	// empty). Adjacent words say what a word is syntactically (a name
	// after قال); a wider window says what it is about (a club among
	// مباراة, هدف, الدوري; a company among أسهم, السوق).
	Wide  int
	WideK []int
	Iter  int // k-means iterations
	Seed  uint64
	Log   io.Writer
}

// DefaultClusterConfig is the configuration of the shipped clusters.
func DefaultClusterConfig() ClusterConfig {
	// Measured (EXPERIMENTS.md): adding k=2048, or clusters of ±5-word
	// vectors at k=128 and 512, did not raise cross-validated F1.
	return ClusterConfig{Vocab: 100000, MinCount: 5, Context: 600, Dims: 100, K: []int{64, 256, 1024}, Iter: 10, Seed: 1}
}

// CorpusTokens splits running text the way ANERcorp is tokenized —
// whitespace words, punctuation split off, clitics attached — and returns
// the search forms.
func CorpusTokens(dst []string, text string) []string {
	for _, w := range strings.Fields(text) {
		start := -1
		for i, r := range w {
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				if start >= 0 {
					dst = appendNorm(dst, w[start:i])
					start = -1
				}
				dst = appendNorm(dst, string(r))
				continue
			}
			if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			dst = appendNorm(dst, w[start:])
		}
	}
	return dst
}

func appendNorm(dst []string, s string) []string {
	if n := normalize.Search(s); n != "" {
		return append(dst, n)
	}
	return dst
}

// ReadNewsJSONL calls fn with the title and content of every article of a
// gzip-compressed JSON Lines file such as SaudiNewsNet's, until fn returns
// false.
func ReadNewsJSONL(r io.Reader, fn func(text string) bool) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	defer zr.Close()
	dec := json.NewDecoder(bufio.NewReaderSize(zr, 1<<20))
	for {
		var a struct{ Title, Content string }
		if err := dec.Decode(&a); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if !fn(a.Title) || !fn(a.Content) {
			return nil
		}
	}
}

// BuildClusters clusters the words of texts (each one document's list of
// search-form tokens is passed to the callback by iterate).
func BuildClusters(cfg ClusterConfig, iterate func(fn func(toks []string)) error) (*Clusters, error) {
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	if len(cfg.K)+len(cfg.WideK) > maxGroups || len(cfg.K) == 0 {
		return nil, fmt.Errorf("clusters: %d clusterings, want 1 to %d", len(cfg.K)+len(cfg.WideK), maxGroups)
	}
	counts := map[string]int{}
	if err := iterate(func(toks []string) {
		for _, t := range toks {
			counts[t]++
		}
	}); err != nil {
		return nil, err
	}
	type wc struct {
		w string
		c int
	}
	var all []wc
	total := 0
	for w, c := range counts {
		total += c
		if c >= cfg.MinCount {
			all = append(all, wc{w, c})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].c > all[j].c || all[i].c == all[j].c && all[i].w < all[j].w })
	if len(all) > cfg.Vocab {
		all = all[:cfg.Vocab]
	}
	V, C := len(all), min(cfg.Context, len(all))
	logf("clusters: %d tokens, %d types, %d clustered", total, len(counts), V)
	id := make(map[string]int32, V)
	for i, x := range all {
		id[x.w] = int32(i)
	}
	var assign [][]uint16
	for pass, ks := range [][]int{cfg.K, cfg.WideK} {
		if len(ks) == 0 {
			continue
		}
		window := 1
		if pass == 1 {
			window = max(cfg.Wide, 1)
		}
		E, err := contextVectors(cfg, iterate, id, V, C, window)
		if err != nil {
			return nil, err
		}
		for _, k := range ks {
			if V < k {
				return nil, errors.New("clusters: vocabulary smaller than the number of clusters")
			}
			assign = append(assign, sphericalKMeans(E, V, cfg.Dims, k, cfg.Iter, cfg.Seed+uint64(len(assign))))
			logf("clusters: window %d, k-means k=%d done", window, k)
		}
	}
	out := &Clusters{words: make(map[string]clusterInfo, V), groups: len(assign)}
	for i, x := range all {
		ci := clusterInfo{freq: uint8(bits.Len(uint(x.c)))}
		for g := range assign {
			ci.c[g] = assign[g][i]
		}
		out.words[x.w] = ci
	}
	out.order = make([]string, V)
	for i, x := range all {
		out.order[i] = x.w
	}
	return out, nil
}

// contextVectors returns unit-length word vectors (V×cfg.Dims): counts of
// the C most frequent words seen within window words to the left and to
// the right (one column each side), weighted by positive PMI and reduced
// by a randomized SVD.
func contextVectors(cfg ClusterConfig, iterate func(fn func(toks []string)) error, id map[string]int32, V, C, window int) ([]float32, error) {
	M := make([]float32, V*2*C)
	var ids []int32
	if err := iterate(func(toks []string) {
		ids = ids[:0]
		for _, t := range toks {
			cur, ok := id[t]
			if !ok {
				cur = -1
			}
			ids = append(ids, cur)
		}
		for i, cur := range ids {
			if cur < 0 {
				continue
			}
			for j := max(i-window, 0); j < i; j++ {
				if prev := ids[j]; prev >= 0 && int(prev) < C {
					M[int(cur)*2*C+int(prev)]++
				}
			}
			for j := i + 1; j <= i+window && j < len(ids); j++ {
				if next := ids[j]; next >= 0 && int(next) < C {
					M[int(cur)*2*C+C+int(next)]++
				}
			}
		}
	}); err != nil {
		return nil, err
	}
	// Positive PMI with context-distribution smoothing (Levy et al. 2015).
	colSum := make([]float64, 2*C)
	rowSum := make([]float64, V)
	for w := 0; w < V; w++ {
		for c := 0; c < 2*C; c++ {
			v := float64(M[w*2*C+c])
			rowSum[w] += v
			colSum[c] += v
		}
	}
	var csum float64
	for c := range colSum {
		colSum[c] = math.Pow(colSum[c], 0.75)
		csum += colSum[c]
	}
	for w := 0; w < V; w++ {
		for c := 0; c < 2*C; c++ {
			v := float64(M[w*2*C+c])
			if v == 0 || rowSum[w] == 0 || colSum[c] == 0 {
				M[w*2*C+c] = 0
				continue
			}
			pmi := math.Log(v * csum / (rowSum[w] * colSum[c]))
			M[w*2*C+c] = float32(max(pmi, 0))
		}
	}
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "clusters: window %d, PPMI matrix %d×%d\n", window, V, 2*C)
	}
	E := randomizedSVD(M, V, 2*C, cfg.Dims, cfg.Seed)
	D := cfg.Dims
	for w := 0; w < V; w++ {
		normalizeRow(E[w*D : (w+1)*D])
	}
	return E, nil
}

func normalizeRow(r []float32) {
	var s float64
	for _, v := range r {
		s += float64(v) * float64(v)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range r {
		r[i] *= inv
	}
}

// randomizedSVD returns the V×k matrix U·S^½ of a rank-k approximation of
// the V×n matrix M (Halko, Martinsson & Tropp 2011, with one power
// iteration), computing the small eigenproblem with Jacobi rotations.
func randomizedSVD(M []float32, V, n, k int, seed uint64) []float32 {
	p := k + 10 // oversampling
	rng := rand.New(rand.NewPCG(seed, 0x737664))
	omega := make([]float32, n*p)
	for i := range omega {
		omega[i] = float32(rng.NormFloat64())
	}
	Y := mulAB(M, omega, V, n, p) // V×p
	orthonormalize(Y, V, p)
	Z := mulAtB(M, Y, V, n, p) // n×p = Mᵀ Y
	Y = mulAB(M, Z, V, n, p)   // power iteration
	orthonormalize(Y, V, p)
	B := mulAtB(Y, M, V, p, n) // p×n = Yᵀ M
	// B Bᵀ = W S² Wᵀ; M ≈ Y W S Vᵀ, so U S^½ = Y W S^½.
	G := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			var s float64
			for c := 0; c < n; c++ {
				s += float64(B[i*n+c]) * float64(B[j*n+c])
			}
			G[i*p+j], G[j*p+i] = s, s
		}
	}
	vals, vecs := jacobiEigen(G, p)
	idx := make([]int, p)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return vals[idx[a]] > vals[idx[b]] })
	E := make([]float32, V*k)
	for j := 0; j < k; j++ {
		e := idx[j]
		scale := math.Pow(math.Max(vals[e], 0), 0.25) // (s²)^¼ = s^½
		for w := 0; w < V; w++ {
			var s float64
			for i := 0; i < p; i++ {
				s += float64(Y[w*p+i]) * vecs[i*p+e]
			}
			E[w*k+j] = float32(s * scale)
		}
	}
	return E
}

// mulAB returns A(r×m)·B(m×c).
func mulAB(A, B []float32, r, m, c int) []float32 {
	out := make([]float32, r*c)
	for i := 0; i < r; i++ {
		o := out[i*c : (i+1)*c]
		for k := 0; k < m; k++ {
			a := A[i*m+k]
			if a == 0 {
				continue
			}
			b := B[k*c : (k+1)*c]
			for j := range o {
				o[j] += a * b[j]
			}
		}
	}
	return out
}

// mulAtB returns Aᵀ·B for A r×m and B r×c (an m×c matrix).
func mulAtB(A, B []float32, r, m, c int) []float32 {
	out := make([]float32, m*c)
	for i := 0; i < r; i++ {
		b := B[i*c : (i+1)*c]
		for k := 0; k < m; k++ {
			a := A[i*m+k]
			if a == 0 {
				continue
			}
			o := out[k*c : (k+1)*c]
			for j := range o {
				o[j] += a * b[j]
			}
		}
	}
	return out
}

// orthonormalize makes the c columns of the r×c matrix Y orthonormal: with
// YᵀY = W Λ Wᵀ, Y W Λ^-½ has orthonormal columns. Done twice, as rounding
// in the first pass leaves the columns slightly off.
func orthonormalize(Y []float32, r, c int) {
	for pass := 0; pass < 2; pass++ {
		G := make([]float64, c*c)
		for i := 0; i < r; i++ {
			y := Y[i*c : (i+1)*c]
			for a := 0; a < c; a++ {
				ya := float64(y[a])
				if ya == 0 {
					continue
				}
				g := G[a*c : (a+1)*c]
				for b := a; b < c; b++ {
					g[b] += ya * float64(y[b])
				}
			}
		}
		for a := 0; a < c; a++ {
			for b := 0; b < a; b++ {
				G[a*c+b] = G[b*c+a]
			}
		}
		vals, W := jacobiEigen(G, c)
		T := make([]float32, c*c)
		for a := 0; a < c; a++ {
			for b := 0; b < c; b++ {
				T[a*c+b] = float32(W[a*c+b] / math.Sqrt(math.Max(vals[b], 1e-12)))
			}
		}
		copy(Y, mulAB(Y, T, r, c, c))
	}
}

// jacobiEigen diagonalizes the symmetric n×n matrix A (destroyed) and
// returns its eigenvalues and the eigenvectors as columns.
func jacobiEigen(A []float64, n int) ([]float64, []float64) {
	Vm := make([]float64, n*n)
	for i := 0; i < n; i++ {
		Vm[i*n+i] = 1
	}
	for sweep := 0; sweep < 60; sweep++ {
		var off float64
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += A[i*n+j] * A[i*n+j]
			}
		}
		if off < 1e-20 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := A[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (A[q*n+q] - A[p*n+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := A[k*n+p], A[k*n+q]
					A[k*n+p] = c*akp - s*akq
					A[k*n+q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := A[p*n+k], A[q*n+k]
					A[p*n+k] = c*apk - s*aqk
					A[q*n+k] = s*apk + c*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := Vm[k*n+p], Vm[k*n+q]
					Vm[k*n+p] = c*vkp - s*vkq
					Vm[k*n+q] = s*vkp + c*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = A[i*n+i]
	}
	return vals, Vm
}

// sphericalKMeans clusters the V unit rows of E (V×D) into k groups by
// cosine similarity, initialised with k distinct random rows.
func sphericalKMeans(E []float32, V, D, k, iter int, seed uint64) []uint16 {
	rng := rand.New(rand.NewPCG(seed, 0x6b6d))
	cent := make([]float32, k*D)
	for j, w := range rng.Perm(V)[:k] {
		copy(cent[j*D:(j+1)*D], E[w*D:(w+1)*D])
	}
	assign := make([]uint16, V)
	for it := 0; it < iter; it++ {
		for w := 0; w < V; w++ {
			e := E[w*D : (w+1)*D]
			best, arg := float32(-2), 0
			for j := 0; j < k; j++ {
				c := cent[j*D : (j+1)*D]
				var s float32
				for d := range e {
					s += e[d] * c[d]
				}
				if s > best {
					best, arg = s, j
				}
			}
			assign[w] = uint16(arg)
		}
		clear(cent)
		size := make([]int, k)
		for w := 0; w < V; w++ {
			j := int(assign[w])
			size[j]++
			c := cent[j*D : (j+1)*D]
			for d, v := range E[w*D : (w+1)*D] {
				c[d] += v
			}
		}
		for j := 0; j < k; j++ {
			if size[j] == 0 { // re-seed an empty cluster
				w := rng.IntN(V)
				copy(cent[j*D:(j+1)*D], E[w*D:(w+1)*D])
				continue
			}
			normalizeRow(cent[j*D : (j+1)*D])
		}
	}
	return assign
}

// WriteClusters writes clusters as gzip-compressed TSV, most frequent word
// first: word, the three cluster ids, the log₂ frequency bucket. Header
// lines start with "#" and carry the provenance.
func (c *Clusters) Write(w io.Writer, header []string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	for _, word := range c.order {
		ci := c.words[word]
		bw.WriteString(word)
		for _, g := range ci.c[:c.groups] {
			fmt.Fprintf(bw, "\t%d", g)
		}
		fmt.Fprintf(bw, "\t%d\n", ci.freq)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadClusters reads what Write wrote.
func ReadClusters(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	c := &Clusters{words: map[string]clusterInfo{}}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if c.groups == 0 {
			c.groups = len(f) - 2
		}
		if len(f) != c.groups+2 || c.groups < 1 || c.groups > maxGroups {
			return nil, fmt.Errorf("clusters line %d: %d fields, want word, 1 to %d clusters, frequency, as in the first line", line, len(f), maxGroups)
		}
		var ci clusterInfo
		for i := 0; i <= c.groups; i++ {
			v, err := strconv.ParseUint(f[i+1], 10, 16)
			if err != nil {
				return nil, fmt.Errorf("clusters line %d: %w", line, err)
			}
			if i < c.groups {
				ci.c[i] = uint16(v)
			} else {
				ci.freq = uint8(v)
			}
		}
		c.words[f[0]] = ci
		c.order = append(c.order, f[0])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return c, nil
}
