package ner

import (
	"math"
	"math/rand/v2"
	"sort"

	"marsad/internal/text/normalize"
)

// A word's type depends on what the article is about: برشلونه and مصر are
// places in a political story and their teams (ORG) in a sports one. Topics
// are clusters of whole news articles (spherical k-means over tf-idf
// vectors of SaudiNewsNet, Salton's vector space with Dhillon & Modha's
// spherical k-means), so no list of topics or of their words is written by
// hand; the topic of the sentences around a token, conjoined with what the
// gazetteers and the word clusters say of the token, is a feature.

// Topics maps a word (bare search form, see bare) to its idf-weighted
// weight in each topic's centroid.
type Topics struct {
	K int
	w map[string][]float32
}

// TopicConfig holds the topic-model hyper-parameters.
type TopicConfig struct {
	K     int     // topics
	Vocab int     // most frequent words (by document frequency) kept
	MinDF int     // words in fewer documents are dropped
	MaxDF float64 // words in more than this share of documents are dropped
	Iter  int
	Seed  uint64
}

// DefaultTopicConfig is the shipped topic model's configuration.
func DefaultTopicConfig() TopicConfig {
	return TopicConfig{K: 6, Vocab: 20000, MinDF: 5, MaxDF: 0.2, Iter: 15, Seed: 1}
}

// BuildTopics clusters docs (each a list of search-form tokens).
func BuildTopics(cfg TopicConfig, docs [][]string) *Topics {
	df := map[string]int{}
	keyed := make([][]string, len(docs))
	for i, d := range docs {
		seen := map[string]bool{}
		ks := make([]string, 0, len(d))
		for _, t := range d {
			k := bare(t)
			ks = append(ks, k)
			if !seen[k] {
				seen[k] = true
				df[k]++
			}
		}
		keyed[i] = ks
	}
	type wc struct {
		w string
		c int
	}
	var cand []wc
	maxDF := int(cfg.MaxDF * float64(len(docs)))
	for w, c := range df {
		if c >= cfg.MinDF && c <= maxDF && isWordKey(w) {
			cand = append(cand, wc{w, c})
		}
	}
	sort.Slice(cand, func(i, j int) bool {
		if cand[i].c != cand[j].c {
			return cand[i].c > cand[j].c
		}
		return cand[i].w < cand[j].w
	})
	if len(cand) > cfg.Vocab {
		cand = cand[:cfg.Vocab]
	}
	V := len(cand)
	idx := make(map[string]int32, V)
	idf := make([]float32, V)
	for i, c := range cand {
		idx[c.w] = int32(i)
		idf[i] = float32(math.Log(float64(len(docs)) / float64(c.c)))
	}
	// Sparse, unit-length tf-idf vectors.
	type sv struct {
		i []int32
		v []float32
	}
	var vecs []sv
	for _, ks := range keyed {
		tf := map[int32]float32{}
		for _, k := range ks {
			if j, ok := idx[k]; ok {
				tf[j]++
			}
		}
		if len(tf) < 5 {
			continue
		}
		var v sv
		var norm float64
		for j, c := range tf {
			x := (1 + float32(math.Log(float64(c)))) * idf[j]
			v.i = append(v.i, j)
			v.v = append(v.v, x)
			norm += float64(x * x)
		}
		s := float32(1 / math.Sqrt(norm))
		for k := range v.v {
			v.v[k] *= s
		}
		vecs = append(vecs, v)
	}
	K := cfg.K
	cent := make([]float32, K*V)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x746f70696373))
	for k := 0; k < K; k++ {
		v := vecs[rng.IntN(len(vecs))]
		for n, j := range v.i {
			cent[k*V+int(j)] = v.v[n]
		}
	}
	assign := make([]int, len(vecs))
	for it := 0; it < cfg.Iter; it++ {
		for d, v := range vecs {
			best, arg := float32(-1), 0
			for k := 0; k < K; k++ {
				c := cent[k*V : (k+1)*V]
				var s float32
				for n, j := range v.i {
					s += c[j] * v.v[n]
				}
				if s > best {
					best, arg = s, k
				}
			}
			assign[d] = arg
		}
		clear(cent)
		for d, v := range vecs {
			c := cent[assign[d]*V : (assign[d]+1)*V]
			for n, j := range v.i {
				c[j] += v.v[n]
			}
		}
		for k := 0; k < K; k++ {
			c := cent[k*V : (k+1)*V]
			var norm float64
			for _, x := range c {
				norm += float64(x * x)
			}
			if norm == 0 {
				continue
			}
			s := float32(1 / math.Sqrt(norm))
			for j := range c {
				c[j] *= s
			}
		}
	}
	tp := &Topics{K: K, w: make(map[string][]float32, V)}
	for _, c := range cand {
		j := idx[c.w]
		row := make([]float32, K)
		for k := 0; k < K; k++ {
			row[k] = cent[k*V+int(j)] * idf[j]
		}
		tp.w[c.w] = row
	}
	return tp
}

// isWordKey reports whether k is a word of letters (no digits or
// punctuation), at least two of them.
func isWordKey(k string) bool {
	n := 0
	for _, r := range k {
		if r < 0x0621 || r > 0x064a {
			return false
		}
		n++
	}
	return n >= 2
}

// sentenceTopics returns each sentence's topic: the best-scoring topic over
// the sentences at most window away (the sentence alone when window is 0);
// -1 when no word of the window is known.
func (tp *Topics) sentenceTopics(sents [][]string, window int) []int8 {
	return tp.topicsOf(sents, window, func(w string) string {
		n := normalize.Search(w)
		if n == "" {
			n = w
		}
		return bare(n)
	})
}

// topicsOf is sentenceTopics with the words' keys given by key.
func (tp *Topics) topicsOf(sents [][]string, window int, key func(string) string) []int8 {
	per := make([]float32, len(sents)*tp.K)
	for i, s := range sents {
		v := per[i*tp.K : (i+1)*tp.K]
		for _, w := range s {
			if row, ok := tp.w[key(w)]; ok {
				for j, x := range row {
					v[j] += x
				}
			}
		}
	}
	out := make([]int8, len(sents))
	sum := make([]float32, tp.K)
	for i := range sents {
		clear(sum)
		for j := max(i-window, 0); j <= min(i+window, len(sents)-1); j++ {
			for k, x := range per[j*tp.K : (j+1)*tp.K] {
				sum[k] += x
			}
		}
		best, arg := float32(0), -1
		for k, x := range sum {
			if x > best {
				best, arg = x, k
			}
		}
		out[i] = int8(arg)
	}
	return out
}
