// Package dedup finds near-duplicate articles: the same agency copy re-run
// by several outlets with small edits (a changed dateline, a dropped
// paragraph, a different title). It uses MinHash sketches of word shingles
// (Broder 1997) with locality-sensitive hashing in bands, so finding the
// copies of an article costs a few map lookups however many are stored.
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"sync"

	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

const (
	// Size is the number of MinHash values in a sketch.
	Size = 64
	// bands × rows = Size. With 16 bands of 4 rows, two texts with Jaccard
	// similarity 0.5 share a band with probability 1-(1-0.5⁴)¹⁶ ≈ 0.64,
	// at 0.7 with probability 0.98, at 0.8 with probability 0.9998.
	bands = 16
	rows  = Size / bands
	// shingle is the number of words per shingle: three words tell an
	// edited copy from a different text on the same topic.
	shingle = 3
	// minShingles: below this a text is too short to call a copy.
	minShingles = 8
)

// Sketch is the MinHash sketch of one text. The zero Sketch is empty: it
// is similar to nothing.
type Sketch [Size]uint32

// Of returns the sketch of text, over shingles of its words in search form
// (so diacritics, alef forms and digit scripts do not hide a copy).
func Of(text string) Sketch {
	var words []string
	for _, t := range tokenize.Tokens(text) {
		if t.Kind == tokenize.Punct {
			continue
		}
		words = append(words, normalize.Search(t.Text))
	}
	var s Sketch
	if len(words)-shingle+1 < minShingles {
		return s
	}
	for i := range s {
		s[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+shingle <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		// Size hash functions from one 64-bit hash (Kirsch & Mitzenmacher
		// 2006): h_k = h1 + k·h2.
		h1, h2 := uint32(x), uint32(x>>32)|1
		for k := range s {
			v := h1 + uint32(k)*h2
			v ^= v >> 15 // mix, so that neighbouring k are not correlated
			v *= 0x2c1b3c6d
			v ^= v >> 12
			if v < s[k] {
				s[k] = v
			}
		}
	}
	return s
}

// Empty reports whether s is the sketch of a text too short to compare.
func (s Sketch) Empty() bool { return s == Sketch{} }

// Similarity estimates the Jaccard similarity of the two texts' shingle
// sets: the share of equal MinHash values.
func Similarity(a, b Sketch) float64 {
	if a.Empty() || b.Empty() {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / Size
}

// Bytes encodes s for storage (4·Size bytes, little endian).
func (s Sketch) Bytes() []byte {
	b := make([]byte, 4*Size)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ErrBadSketch: stored bytes are not a sketch.
var ErrBadSketch = errors.New("dedup: not a sketch")

// FromBytes decodes a sketch written by Bytes.
func FromBytes(b []byte) (Sketch, error) {
	var s Sketch
	if len(b) != 4*Size {
		return s, ErrBadSketch
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}

// Index finds, among the sketches added, one similar to a query. It is safe
// for concurrent use.
type Index struct {
	threshold float64
	mu        sync.RWMutex
	bands     [bands]map[uint64][]int32
	ids       []string
	sketches  []Sketch
}

// DefaultThreshold is the estimated Jaccard similarity from which two texts
// are one copy. Edited re-runs of one wire story measure 0.6–0.95; two
// outlets' own reports of one event stay far below 0.3.
const DefaultThreshold = 0.6

// NewIndex returns an empty index that reports matches of at least
// threshold estimated similarity.
func NewIndex(threshold float64) *Index {
	ix := &Index{threshold: threshold}
	for i := range ix.bands {
		ix.bands[i] = map[uint64][]int32{}
	}
	return ix
}

func bandKey(s *Sketch, b int) uint64 {
	h := uint64(1469598103934665603)
	for _, v := range s[b*rows : (b+1)*rows] {
		h ^= uint64(v)
		h *= 1099511628211
	}
	return h
}

// Add indexes the sketch of the article id. Empty sketches are ignored.
func (ix *Index) Add(id string, s Sketch) {
	if s.Empty() {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n := int32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.sketches = append(ix.sketches, s)
	for b := range ix.bands {
		k := bandKey(&s, b)
		ix.bands[b][k] = append(ix.bands[b][k], n)
	}
}

// Find returns the most similar indexed article at or above the threshold.
func (ix *Index) Find(s Sketch) (id string, sim float64, ok bool) {
	if s.Empty() {
		return "", 0, false
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	best := int32(-1)
	seen := map[int32]bool{}
	for b := range ix.bands {
		for _, n := range ix.bands[b][bandKey(&s, b)] {
			if seen[n] {
				continue
			}
			seen[n] = true
			if x := Similarity(s, ix.sketches[n]); x > sim || (x == sim && best >= 0 && n < best) {
				best, sim = n, x
			}
		}
	}
	if best < 0 || sim < ix.threshold {
		return "", 0, false
	}
	return ix.ids[best], sim, true
}

// Len is the number of sketches indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}
