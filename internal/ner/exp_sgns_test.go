package ner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
	"time"
)

// TestExpSGNS trains skip-gram with negative sampling (Mikolov et al. 2013)
// on SaudiNewsNet, clusters the vectors with spherical k-means and writes
// the embedded clusters plus the new clusterings to OUT
// (MARSAD_NER_EXP=sgns), for TestExpCV's CLUSTERS knob.
func TestExpSGNS(t *testing.T) {
	if os.Getenv("MARSAD_NER_EXP") != "sgns" {
		t.Skip("experiment harness")
	}
	const (
		vocabN = 30000
		dim    = 100
		win    = 5
		neg    = 5
		sub    = 1e-4
		lr0    = 0.025
	)
	docs, err := newsDocs()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	total := 0
	for _, d := range docs {
		for _, w := range d {
			count[w]++
			total++
		}
	}
	words := make([]string, 0, len(count))
	for w := range count {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if count[words[i]] != count[words[j]] {
			return count[words[i]] > count[words[j]]
		}
		return words[i] < words[j]
	})
	words = words[:vocabN]
	id := map[string]int32{}
	for i, w := range words {
		id[w] = int32(i)
	}
	// Negative-sampling table, unigram^0.75.
	table := make([]int32, 0, 1e7)
	var z float64
	for _, w := range words {
		z += math.Pow(float64(count[w]), 0.75)
	}
	for i, w := range words {
		n := int(math.Pow(float64(count[w]), 0.75) / z * 1e7)
		for k := 0; k < n; k++ {
			table = append(table, int32(i))
		}
	}
	rng := rand.New(rand.NewPCG(1, 0x73676e73))
	in := make([]float32, vocabN*dim)
	out := make([]float32, vocabN*dim)
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / dim
	}
	start := time.Now()
	seen, grad := 0, make([]float32, dim)
	var sent []int32
	for _, d := range docs {
		sent = sent[:0]
		for _, w := range d {
			j, ok := id[w]
			if !ok {
				continue
			}
			f := float64(count[w]) / float64(total)
			if keep := (math.Sqrt(f/sub) + 1) * sub / f; keep < 1 && rng.Float64() > keep {
				continue
			}
			sent = append(sent, j)
		}
		lr := float32(lr0 * math.Max(1-float64(seen)/float64(total), 1e-4))
		seen += len(d)
		for p, c := range sent {
			b := rng.IntN(win)
			for q := p - win + b; q <= p+win-b; q++ {
				if q == p || q < 0 || q >= len(sent) {
					continue
				}
				v := in[int(sent[q])*dim : int(sent[q]+1)*dim]
				clear(grad)
				for k := 0; k <= neg; k++ {
					target, label := c, float32(1)
					if k > 0 {
						target = table[rng.IntN(len(table))]
						if target == c {
							continue
						}
						label = 0
					}
					o := out[int(target)*dim : int(target+1)*dim]
					var s float32
					for x := range v {
						s += v[x] * o[x]
					}
					g := (label - float32(1/(1+math.Exp(-float64(s))))) * lr
					for x := range v {
						grad[x] += g * o[x]
						o[x] += g * v[x]
					}
				}
				for x := range v {
					v[x] += grad[x]
				}
			}
		}
	}
	fmt.Fprintf(os.Stderr, "sgns: %d words, %v\n", vocabN, time.Since(start))
	for w := 0; w < vocabN; w++ {
		normalizeRow(in[w*dim : (w+1)*dim])
	}
	base, _, err := DefaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	ks := []int{32, 500}
	var assign [][]uint16
	for _, k := range ks {
		assign = append(assign, sphericalKMeans(in, vocabN, dim, k, 10, 1))
		fmt.Fprintf(os.Stderr, "k=%d done %v\n", k, time.Since(start))
	}
	c := &Clusters{words: map[string]clusterInfo{}, order: base.order, groups: base.groups + len(ks)}
	for _, w := range base.order {
		ci := base.words[w]
		for g, k := range ks {
			v := uint16(k) // not in the skip-gram vocabulary
			if j, ok := id[w]; ok {
				v = assign[g][j]
			}
			ci.c[base.groups+g] = v
		}
		c.words[w] = ci
	}
	f, err := os.Create(os.Getenv("OUT"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := c.Write(f, []string{"experiment: embedded clusters + skip-gram k-means at k=32, 500"}); err != nil {
		t.Fatal(err)
	}
}
