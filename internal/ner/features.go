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
	tDoc
	tDocFrac
	tDocType
	tDocMaj
	tDocEnt
	tCorp // 5 templates: corpus statistics (featuresAs)
	_
	_
	_
	_
	tQuote
	tTopic
	tLex
)

// tokInfo is what the features need to know about one token, computed once
// per sentence.
type tokInfo struct {
	word  string
	norm  string
	bare  string
	stems []string
	shape string
	cl    clusterInfo
	clOK  bool
	clB   clusterInfo
	clBOK bool
	title bool // a title word (isTitle), no name starts with it
}

// featurizer turns sentences into feature hashes. It holds buffers reused
// from one sentence to the next, so it is not safe for concurrent use.
type featurizer struct {
	clusters *Clusters
	gaz      [2]*Gazetteer // external lists, names from training data
	// stats counts how a first model tagged each word in unlabeled news
	// (see Config.Unlabeled); nil if unused.
	stats *docCounts
	// topic is the topic of the text around the sentence (topic.go), -1
	// if none; topicFeats selects the conjunctions (an experiment knob).
	topic      int8
	topicFeats string
	gazMask    []uint8 // per token: external mask | corpus mask << 4
	lex        map[string]lexEntry

	toks    []tokInfo
	matches []gazMatch
	gazHits [][]fhash
	feats   []fhash
	offs    []int
	quoted  []uint8

	// cache holds what depends on the word alone: most words of a text
	// are frequent ones, and normalizing, segmenting and hashing them
	// again is most of the work.
	cache      map[string]*wordInfo
	infos      []*wordInfo // the sentence's words
	cacheStats *docCounts
}

func newFeaturizer(c *Clusters, external, corpus *Gazetteer) *featurizer {
	return &featurizer{clusters: c, gaz: [2]*Gazetteer{external, corpus}, topic: -1}
}

// topicFeatures adds token i's topic conjunctions.
func (f *featurizer) topicFeatures(add func(fhash), i int) {
	tp := int(f.topic)
	t := &f.toks[i]
	fs := f.topicFeats
	if fs == "" {
		fs = "bgc"
	}
	for _, c := range fs {
		switch c {
		case 'b': // the topic alone: a label prior per topic
			add(newHash(tTopic).num(0).num(tp))
		case 'g': // × the gazetteer types of the token
			if m := f.gazMask[i]; m != 0 {
				add(newHash(tTopic).num(1).num(tp).num(int(m)))
			}
		case 'c': // × the token's coarsest word cluster
			if t.clOK {
				add(newHash(tTopic).num(2).num(tp).num(int(t.cl.c[0])))
			}
		case 'd': // × the second clustering
			if t.clOK && f.clusters.groups > 1 {
				add(newHash(tTopic).num(3).num(tp).num(int(t.cl.c[1])))
			}
		case 'w': // × the bare word
			add(newHash(tTopic).num(4).num(tp).str(t.bare))
		case 'p': // × the previous word's coarse cluster and the token's gazetteer types
			if i > 0 && f.toks[i-1].clOK {
				add(newHash(tTopic).num(5).num(tp).num(int(f.toks[i-1].cl.c[0])).num(int(f.gazMask[i])))
			}
		}
	}
}

// extract computes the features of every token of words: token i's are
// f.feats[f.offs[i]:f.offs[i+1]].
//
// doc, when not nil, holds the first-stage tags of the surrounding
// sentences (see doc.go).
func (f *featurizer) extract(words []string, doc *docCounts) {
	n := len(words)
	f.toks, f.infos = f.toks[:0], f.infos[:0]
	for _, w := range words {
		wi := f.word(w)
		f.toks = append(f.toks, wi.tok)
		f.infos = append(f.infos, wi)
	}

	// Gazetteer hits, as B/I features per source and type.
	if cap(f.gazHits) < n {
		f.gazHits = make([][]fhash, n)
	}
	f.gazHits = f.gazHits[:n]
	for i := range f.gazHits {
		f.gazHits[i] = f.gazHits[i][:0]
	}
	f.gazMask = grow(f.gazMask, n)
	clear(f.gazMask)
	for src, g := range f.gaz {
		if g == nil {
			continue
		}
		f.matches = g.match(f.matches[:0], f.toks)
		for _, m := range f.matches {
			for i := m.start; i < m.end; i++ {
				f.gazMask[i] |= m.mask << (4 * src)
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
	f.quoted = quotedSpans(f.quoted[:0], f.toks)
	for i := range f.toks {
		t := &f.toks[i]
		add := func(h fhash) { f.feats = append(f.feats, h) }
		if q := f.quoted[i]; q != 0 {
			add(newHash(tQuote).num(int(q)))
		}
		for d := -2; d <= 2; d++ {
			if d != 0 {
				add(newHash(tNormAt).num(d + 2).str(normAt(i + d)))
			}
		}
		for _, d := range []int{-1, 1} {
			if u := get(i + d); u != nil {
				add(newHash(tBareAt).num(d + 2).str(u.bare))
				add(newHash(tSuffixAt).num(d + 2).str(lastRunes(u.norm, 2)))
			}
		}
		sh := func(i int) string {
			if u := get(i); u != nil {
				return u.shape
			}
			return "_"
		}
		add(newHash(tShape3).str(sh(i - 1)).sep().str(t.shape).sep().str(sh(i + 1)))
		if i == 0 {
			add(newHash(tFirst))
		}
		for d := -2; d <= 2; d++ {
			u := get(i + d)
			if d == 0 || u == nil || !u.clOK {
				continue
			}
			for g := range u.cl.c[:f.clusters.groups] {
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
		if doc != nil {
			f.feats = doc.features(f.feats, t.bare)
		}
		if f.topic >= 0 {
			f.topicFeatures(add, i)
		}
		add(newHash(tBigramL).str(normAt(i - 1)).sep().str(t.norm))
		add(newHash(tBigramR).str(t.norm).sep().str(normAt(i + 1)))
		f.feats = append(f.feats, f.infos[i].local...)
		f.offs = append(f.offs, len(f.feats))
	}
}

// quotedSpans marks the tokens of short quoted stretches: newspapers put
// the names of papers, channels, companies and products in quotes
// (صحيفة « الشرق الأوسط », شركة « جيلي »). The mark is the stretch's
// length (1–4, 4 for 4–6) times 4 plus the token's place in it (0 alone,
// 1 first, 2 inside, 3 last); 0 for unquoted tokens.
func quotedSpans(dst []uint8, toks []tokInfo) []uint8 {
	for range toks {
		dst = append(dst, 0)
	}
	closing := map[string]string{"«": "»", "\"": "\"", "'": "'", "''": "''", "“": "”"}
	for i := 0; i < len(toks); i++ {
		want, ok := closing[toks[i].word]
		if !ok {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+7; j++ {
			if toks[j].word != want {
				continue
			}
			n := j - i - 1
			if n == 0 {
				break
			}
			for k := i + 1; k < j; k++ {
				pos := uint8(2)
				switch {
				case n == 1:
					pos = 0
				case k == i+1:
					pos = 1
				case k == j-1:
					pos = 3
				}
				f := uint8(min(n, 4))*4 + pos
				dst[k] = f
			}
			i = j
			break
		}
	}
	return dst
}

// word returns what the featurizer knows of w, from the cache.
func (f *featurizer) word(w string) *wordInfo {
	if f.cache == nil || len(f.cache) > maxCache || f.cacheStats != f.stats {
		f.cache = make(map[string]*wordInfo, 1024)
		f.cacheStats = f.stats
	}
	wi := f.cache[w]
	if wi == nil {
		wi = f.info(w)
		f.cache[w] = wi
	}
	return wi
}

// maxCache bounds the word cache; it is emptied when full.
const maxCache = 50000

// wordInfo is what the featurizer knows of a word out of context.
type wordInfo struct {
	tok   tokInfo
	local []fhash // the features that depend on the word alone
}

func (f *featurizer) info(w string) *wordInfo {
	norm := normalize.Search(w)
	if norm == "" {
		norm = w
	}
	t := tokInfo{word: w, norm: norm, shape: shape(w), stems: stems(nil, norm), title: isTitle(norm)}
	t.bare = norm
	for _, s := range t.stems {
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
	var loc []fhash
	add := func(h fhash) { loc = append(loc, h) }
	add(newHash(tBias))
	addAffixes(add, t.norm)
	add(newHash(tShape).str(t.shape))
	add(newHash(tLen).num(min(utf8.RuneCountInString(t.norm), 12)))
	if t.clOK {
		for g := range t.cl.c[:f.clusters.groups] {
			add(newHash(tCluster).num(g).num(int(t.cl.c[g])))
		}
		add(newHash(tFreq).num(int(t.cl.freq)))
	} else {
		add(newHash(tCluster).num(9))
	}
	if t.clBOK {
		for g := range t.clB.c[:f.clusters.groups] {
			add(newHash(tClusterBare).num(g).num(int(t.clB.c[g])))
		}
	}
	if f.stats != nil {
		loc = f.stats.featuresAs(loc, t.bare, tCorp)
	}
	if e, ok := f.lex[t.bare]; ok {
		add(newHash(tLex).num(int(e.typ)))
		add(newHash(tLex).num(int(e.typ)).num(int(e.level)))
	}
	add(newHash(tWord).str(t.word))
	add(newHash(tNorm).str(t.norm))
	for _, s := range t.stems {
		add(newHash(tStem).str(s))
	}
	add(newHash(tBare).str(t.bare))
	return &wordInfo{tok: t, local: loc}
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
