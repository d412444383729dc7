package ner

import (
	"math"
	"sync"
)

// Model is a trained tagger: a linear model over hashed features with
// first-order label transitions, decoded with Viterbi under BIO (or BILOU)
// constraints.
type Model struct {
	Meta   Provenance
	scheme string
	labels []string

	index map[fhash]int32 // feature → row of w
	w     []float32       // rows × len(labels)
	trans []float32       // (len(labels)+1) × len(labels); last row: sentence start
	final []float32       // per label; -Inf where a sentence may not end

	clusters *Clusters
	external *Gazetteer
	corpus   *Gazetteer

	pool sync.Pool // *decoder
}

// decoder holds one goroutine's buffers.
type decoder struct {
	f     *featurizer
	emit  []float32
	score []float32
	back  []int16
}

func (m *Model) decoder() *decoder {
	if d, ok := m.pool.Get().(*decoder); ok {
		return d
	}
	return &decoder{f: newFeaturizer(m.clusters, m.external, m.corpus)}
}

// Tag returns one BIO tag per token (B-PERS, I-LOC, …, O). Tokens are
// ANERcorp-like: whitespace words with punctuation split off and clitics
// attached. It is safe for concurrent use.
func (m *Model) Tag(tokens []string) []string {
	if len(tokens) == 0 {
		return []string{}
	}
	d := m.decoder()
	defer m.pool.Put(d)
	d.f.extract(tokens)
	L := len(m.labels)
	d.emit = grow(d.emit, len(tokens)*L)
	for i := range tokens {
		e := d.emit[i*L : (i+1)*L]
		clear(e)
		for _, h := range d.f.feats[d.f.offs[i]:d.f.offs[i+1]] {
			if r, ok := m.index[h]; ok {
				row := m.w[int(r)*L : int(r+1)*L]
				for y, v := range row {
					e[y] += v
				}
			}
		}
	}
	path := m.viterbi(d, len(tokens))
	out := make([]string, len(tokens))
	for i, y := range path {
		out[i] = m.labels[y]
	}
	return toBIO(out)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

var negInf = float32(math.Inf(-1))

// viterbi finds the best label sequence given d.emit (n × L scores).
func (m *Model) viterbi(d *decoder, n int) []int16 {
	L := len(m.labels)
	d.score = grow(d.score, n*L)
	d.back = grow(d.back, n*L)
	start := m.trans[L*L:]
	for y := 0; y < L; y++ {
		d.score[y] = start[y] + d.emit[y]
	}
	for i := 1; i < n; i++ {
		prev := d.score[(i-1)*L : i*L]
		cur := d.score[i*L : (i+1)*L]
		for y := 0; y < L; y++ {
			best, arg := negInf, 0
			for p := 0; p < L; p++ {
				if s := prev[p] + m.trans[p*L+y]; s > best {
					best, arg = s, p
				}
			}
			cur[y] = best + d.emit[i*L+y]
			d.back[i*L+y] = int16(arg)
		}
	}
	last := d.score[(n-1)*L : n*L]
	best, arg := negInf, 0
	for y := 0; y < L; y++ {
		if s := last[y] + m.final[y]; s > best {
			best, arg = s, y
		}
	}
	path := make([]int16, n)
	path[n-1] = int16(arg)
	for i := n - 1; i > 0; i-- {
		path[i-1] = d.back[i*L+int(path[i])]
	}
	return path
}

// constrain sets the transition scores that the scheme forbids to -Inf.
func constrain(labels []string, scheme string, trans, final []float32) {
	L := len(labels)
	for p := 0; p <= L; p++ {
		prev := ""
		if p < L {
			prev = labels[p]
		}
		for y := 0; y < L; y++ {
			if !allowed(prev, labels[y], scheme) {
				trans[p*L+y] = negInf
			}
		}
	}
	for y, l := range labels {
		if !allowedEnd(l, scheme) {
			final[y] = negInf
		}
	}
}
