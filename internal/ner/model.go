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

	topics      *Topics // nil: no topic features
	topicWindow int
	topicFeats  string
	lex         map[string]lexEntry

	// stage2, when not nil, re-tags documents with the first stage's tags
	// of the surrounding sentences as features (doc.go); window is how many
	// sentences either side it looks at (0: the whole document).
	stage2 *Model
	window int
	stats  *docCounts // tags of a first model over unlabeled news, per word
	// trainTags marks the models training uses internally to tag its own
	// data (jackknife folds, unlabeled-news statistics): they decode
	// without the title rule (title.go), a tag-time constraint, so that
	// adding the rule left the training of the shipped model unchanged.
	trainTags bool
	// oPenalty is subtracted from the O label's score of every token. The
	// perceptron trades recall for precision (unseen names look like
	// ordinary words); a penalty tuned on held-out data rebalances them.
	oPenalty float32

	// joint holds both stages' weights per feature (buildJoint).
	joint map[fhash]int32
	wj    []float32

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
		d.f.stats = m.stats // set after training, when the pool may hold decoders
		d.f.topic = -1
		return d
	}
	f := newFeaturizer(m.clusters, m.external, m.corpus)
	f.stats = m.stats
	f.topicFeats = m.topicFeats
	f.lex = m.lex
	return &decoder{f: f}
}

// Tag returns one BIO tag per token (B-PERS, I-LOC, …, O). Tokens are
// ANERcorp-like: whitespace words with punctuation split off and clitics
// attached. It is safe for concurrent use.
//
// Tag sees one sentence alone; TagDocument, given all the sentences of an
// article, is more accurate.
func (m *Model) Tag(tokens []string) []string {
	if m.topics == nil {
		return m.tagTopic(tokens, nil, -1)
	}
	return m.tagTopic(tokens, nil, m.topicsOf([][]string{tokens}, 0)[0])
}

// topicsOf returns the topic of each sentence of a document (-1 without
// a topic model).
func (m *Model) topicsOf(sents [][]string, window int) []int8 {
	if m.topics == nil {
		out := make([]int8, len(sents))
		for i := range out {
			out[i] = -1
		}
		return out
	}
	d := m.decoder()
	defer m.pool.Put(d)
	return m.topics.topicsOf(sents, window, func(w string) string { return d.f.word(w).tok.bare })
}

// TagDocument tags the sentences of one document (an article, or a stream
// of them such as a CoNLL file), using what the first stage found in the
// sentences around each one. It is safe for concurrent use.
func (m *Model) TagDocument(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	topics := m.topicsOf(sents, m.topicWindow)
	if m.stage2 == nil || m.joint == nil {
		for i, s := range sents {
			out[i] = m.tagTopic(s, nil, topics[i])
		}
		return out
	}
	d := m.decoder()
	defer m.pool.Put(d)
	L := len(m.labels)
	// First stage; the second stage's scores of the same features are
	// summed on the way, from the joint table.
	base2 := make([][]float32, len(sents))
	ds := make([]docSent, len(sents))
	for i, s := range sents {
		n := len(s)
		d.f.topic = topics[i]
		d.f.extract(s, nil)
		d.emit = grow(d.emit, n*L)
		clear(d.emit)
		e2 := make([]float32, n*L)
		keys := make([]string, n)
		for t := 0; t < n; t++ {
			keys[t] = d.f.toks[t].bare
			e1 := d.emit[t*L : (t+1)*L]
			e2t := e2[t*L : (t+1)*L]
			for _, h := range d.f.feats[d.f.offs[t]:d.f.offs[t+1]] {
				if r, ok := m.joint[h]; ok {
					row := m.wj[int(r)*2*L : int(r+1)*2*L]
					for y := range e1 {
						e1[y] += row[y]
						e2t[y] += row[L+y]
					}
				}
			}
		}
		m.forbidTitleStarts(d, s, d.emit[:n*L])
		out[i] = m.decode(d, n)
		base2[i] = e2
		ds[i] = docSent{keys: keys, tags: out[i]}
	}
	second := make([][]string, len(sents))
	var buf []fhash
	s2 := m.stage2
	eachWindow(ds, m.window, func(i int, c *docCounts) {
		n := len(sents[i])
		d.emit = grow(d.emit, n*L)
		copy(d.emit, base2[i])
		for t := 0; t < n; t++ {
			e := d.emit[t*L : (t+1)*L]
			buf = c.features(buf[:0], ds[i].keys[t])
			for _, h := range buf {
				if r, ok := s2.index[h]; ok {
					for y, v := range s2.w[int(r)*L : int(r+1)*L] {
						e[y] += v
					}
				}
			}
		}
		m.forbidTitleStarts(d, sents[i], d.emit[:n*L])
		second[i] = s2.decode(d, n)
	})
	return second
}

// buildJoint merges the two stages' weights into one table, so that a
// document's features are looked up once for both.
func (m *Model) buildJoint() {
	if m.stage2 == nil {
		m.joint, m.wj = nil, nil
		return
	}
	L := len(m.labels)
	m.joint = make(map[fhash]int32, len(m.index)+len(m.stage2.index)/4)
	m.wj = make([]float32, 0, (len(m.index)+len(m.stage2.index)/2)*2*L)
	row := func(h fhash) int {
		r, ok := m.joint[h]
		if !ok {
			r = int32(len(m.joint))
			m.joint[h] = r
			m.wj = append(m.wj, make([]float32, 2*L)...)
		}
		return int(r)
	}
	for h, r := range m.index {
		copy(m.wj[row(h)*2*L:], m.w[int(r)*L:int(r+1)*L])
	}
	for h, r := range m.stage2.index {
		copy(m.wj[row(h)*2*L+L:], m.stage2.w[int(r)*L:int(r+1)*L])
	}
}

// decode runs Viterbi on d.emit (n × L) and returns BIO tags.
func (m *Model) decode(d *decoder, n int) []string {
	if n == 0 {
		return []string{}
	}
	L := len(m.labels)
	if m.oPenalty != 0 {
		for i := 0; i < n; i++ {
			d.emit[i*L] -= m.oPenalty
		}
	}
	path := m.viterbi(d, n)
	out := make([]string, n)
	for i, y := range path {
		out[i] = m.labels[y]
	}
	return toBIO(out)
}

func (m *Model) tagTopic(tokens []string, doc *docCounts, topic int8) []string {
	if len(tokens) == 0 {
		return []string{}
	}
	d := m.decoder()
	defer m.pool.Put(d)
	d.f.topic = topic
	d.f.extract(tokens, doc)
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
	m.forbidTitleStarts(d, tokens, d.emit[:len(tokens)*L])
	return m.decode(d, len(tokens))
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
