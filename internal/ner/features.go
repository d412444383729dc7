package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// Feature templates. Each feature is a template id hashed with its values;
// the ids are part of the model file format (changing one needs a retrain
// and a new model version).
const (
	tBias byte = iota + 1
	tWord
	tNorm
	tNormAt // norm at offset -2..+2 (not 0)
	tBigramL
	tBigramR
	tPrefix
	tSuffix
	tStem
	tBare
	tBareAt
	tShape
	tShape3
	tLen
	tCluster
	tClusterBare
	tClusterAt
	tGaz
	tGazAt
	tFirst
	tFreq
	tSuffixAt
)

// tokInfo is what the features need to know about one token, computed once
// per sentence.
type tokInfo struct {
	word  string
	norm  string
	bare  string
	stems []string
	s0    int // stems are stemBuf[s0:s1] until extract slices them
	s1    int
	shape string
	cl    clusterInfo
	clOK  bool
	clB   clusterInfo
	clBOK bool
}

// featurizer turns sentences into feature hashes. It holds buffers reused
// from one sentence to the next, so it is not safe for concurrent use.
type featurizer struct {
	clusters *Clusters
	gaz      [2]*Gazetteer // external lists, names from training data

	toks    []tokInfo
	stemBuf []string
	matches []gazMatch
	gazHits [][]fhash
	feats   []fhash
	offs    []int
}

func newFeaturizer(c *Clusters, external, corpus *Gazetteer) *featurizer {
	return &featurizer{clusters: c, gaz: [2]*Gazetteer{external, corpus}}
}

// extract computes the features of every token of words: token i's are
// f.feats[f.offs[i]:f.offs[i+1]].
func (f *featurizer) extract(words []string) {
	n := len(words)
	f.toks = f.toks[:0]
	f.stemBuf = f.stemBuf[:0]
	for _, w := range words {
		norm := normalize.Search(w)
		if norm == "" {
			norm = w
		}
		start := len(f.stemBuf)
		f.stemBuf = stems(f.stemBuf, norm)
		t := tokInfo{word: w, norm: norm, shape: shape(w), s0: start, s1: len(f.stemBuf)}
		t.bare = norm
		for _, s := range f.stemBuf[start:] {
			if len(s) < len(t.bare) {
				t.bare = s
			}
		}
		if f.clusters != nil {
			t.cl, t.clOK = f.clusters.words[norm]
			if t.bare != norm {
				t.clB, t.clBOK = f.clusters.words[t.bare]
			}
		}
		f.toks = append(f.toks, t)
	}
	// Slices into stemBuf only after it stops growing.
	for i := range f.toks {
		t := &f.toks[i]
		t.stems = f.stemBuf[t.s0:t.s1:t.s1]
	}

	// Gazetteer hits, as B/I features per source and type.
	if cap(f.gazHits) < n {
		f.gazHits = make([][]fhash, n)
	}
	f.gazHits = f.gazHits[:n]
	for i := range f.gazHits {
		f.gazHits[i] = f.gazHits[i][:0]
	}
	for src, g := range f.gaz {
		if g == nil {
			continue
		}
		f.matches = g.match(f.matches[:0], f.toks)
		for _, m := range f.matches {
			for i := m.start; i < m.end; i++ {
				bi := 'I'
				if i == m.start {
					bi = 'B'
				}
				for b := uint8(0); b < 4; b++ {
					if m.mask&(1<<b) == 0 {
						continue
					}
					h := newHash(tGaz).num(src).num(int(bi)).num(int(b))
					if m.stripped {
						h = h.num(1)
					}
					f.gazHits[i] = append(f.gazHits[i], h, newHash(tGaz).num(src).num(int(b)).num(m.end-m.start))
				}
			}
		}
	}

	f.feats = f.feats[:0]
	f.offs = append(f.offs[:0], 0)
	get := func(i int) *tokInfo {
		if i < 0 || i >= n {
			return nil
		}
		return &f.toks[i]
	}
	const bos, eos = "<s>", "</s>"
	normAt := func(i int) string {
		if i < 0 {
			return bos
		}
		if i >= n {
			return eos
		}
		return f.toks[i].norm
	}
	for i := range f.toks {
		t := &f.toks[i]
		add := func(h fhash) { f.feats = append(f.feats, h) }
		add(newHash(tBias))
		add(newHash(tWord).str(t.word))
		add(newHash(tNorm).str(t.norm))
		for d := -2; d <= 2; d++ {
			if d != 0 {
				add(newHash(tNormAt).num(d + 2).str(normAt(i + d)))
			}
		}
		add(newHash(tBigramL).str(normAt(i - 1)).sep().str(t.norm))
		add(newHash(tBigramR).str(t.norm).sep().str(normAt(i + 1)))
		addAffixes(add, t.norm)
		for _, s := range t.stems {
			add(newHash(tStem).str(s))
		}
		add(newHash(tBare).str(t.bare))
		for _, d := range []int{-1, 1} {
			if u := get(i + d); u != nil {
				add(newHash(tBareAt).num(d + 2).str(u.bare))
				add(newHash(tSuffixAt).num(d + 2).str(lastRunes(u.norm, 2)))
			}
		}
		add(newHash(tShape).str(t.shape))
		sh := func(i int) string {
			if u := get(i); u != nil {
				return u.shape
			}
			return "_"
		}
		add(newHash(tShape3).str(sh(i - 1)).sep().str(t.shape).sep().str(sh(i + 1)))
		add(newHash(tLen).num(min(utf8.RuneCountInString(t.norm), 12)))
		if i == 0 {
			add(newHash(tFirst))
		}
		if t.clOK {
			for g := range t.cl.c {
				add(newHash(tCluster).num(g).num(int(t.cl.c[g])))
			}
			add(newHash(tFreq).num(int(t.cl.freq)))
		} else {
			add(newHash(tCluster).num(9))
		}
		if t.clBOK {
			for g := range t.clB.c {
				add(newHash(tClusterBare).num(g).num(int(t.clB.c[g])))
			}
		}
		for d := -2; d <= 2; d++ {
			u := get(i + d)
			if d == 0 || u == nil || !u.clOK {
				continue
			}
			for g := range u.cl.c {
				if (d == -2 || d == 2) && g > 1 {
					break
				}
				add(newHash(tClusterAt).num(d + 2).num(g).num(int(u.cl.c[g])))
			}
		}
		f.feats = append(f.feats, f.gazHits[i]...)
		for _, d := range []int{-1, 1} {
			if i+d >= 0 && i+d < n {
				for _, h := range f.gazHits[i+d] {
					add(newHash(tGazAt).num(d+2) ^ h)
				}
			}
		}
		f.offs = append(f.offs, len(f.feats))
	}
}

func addAffixes(add func(fhash), s string) {
	// Prefixes and suffixes of 1–3 letters: proclitics, the article, the
	// nisba ending ي/يه, plural and dual endings, attached pronouns.
	r := 0
	for i := range s {
		if r > 0 && r <= 3 {
			add(newHash(tPrefix).str(s[:i]))
		}
		r++
	}
	if r <= 3 {
		add(newHash(tPrefix).str(s))
	}
	for k := 1; k <= 3 && k <= r; k++ {
		add(newHash(tSuffix).str(lastRunes(s, k)))
	}
}

func lastRunes(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// shape maps a token to its character classes, runs collapsed: Arabic
// letters a, Latin X/x, digits d, other runes as themselves.
func shape(w string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		c := r
		switch {
		case r >= 0x0600 && r <= 0x06FF && unicode.IsLetter(r):
			c = 'a'
		case r >= 0x0610 && r <= 0x065F:
			continue // diacritics
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
		if b.Len() > 8 {
			break
		}
	}
	return b.String()
}
