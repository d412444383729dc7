package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"marsad/internal/text/normalize"
)

// Config holds the training hyper-parameters and resources. Everything that
// changes the model is recorded in its provenance.
type Config struct {
	Epochs int    // passes over the training data
	Seed   uint64 // shuffling seed
	// Seeds is the number of perceptrons, trained with seeds Seed,
	// Seed+1, …, whose weights are averaged (1 if 0).
	Seeds int
	// Dropout is the probability that a feature occurrence is ignored in
	// a training step (0: none).
	Dropout float64
	// Learner is "perceptron" (or "") for the mean of averaged perceptrons,
	// "crf" for a linear-chain CRF (crf.go) with L2 weight L2 (0: 1/N for
	// N sentences), initial rate Eta (0: 0.1) and, with CRFAverage, the
	// mean of the second half's end-of-epoch weights.
	Learner    string
	L2, Eta    float64
	CRFAverage bool
	Scheme     string // "BIO" or "BILOU" (internal tagging scheme)
	MinCount   int    // features seen fewer times in training are dropped
	// Folds is the number of jackknife folds for the names-from-training
	// gazetteer: a sentence sees only names from the other folds, as a test
	// sentence sees only names from the training data. 0 disables it.
	Folds int
	// Prune drops feature rows whose averaged weights are all below it in
	// magnitude: under half a perceptron update, they change almost no
	// decision (EXPERIMENTS.md #23) and cost lookups and space.
	Prune float64

	// DocStage adds the second, document-level stage (doc.go), trained on
	// first-stage tags predicted with DocFolds-fold jackknifing over
	// contiguous blocks; Window is its context in sentences either side.
	DocStage bool
	DocFolds int
	Window   int

	// Unlabeled is running text (sentences of tokens) that a first model,
	// trained without it, tags; how often each word came out as which type
	// becomes a feature — evidence pooled over many contexts. Training
	// sentences see the counts of a model that did not see their block of
	// DocFolds (jackknifing).
	Unlabeled [][]string

	// WithAQMAR makes TrainShipped add the AQMAR Wikipedia training file,
	// as a second domain (Sentence.Domain). Measured on 2026-11-23
	// (EXPERIMENTS.md #7, #10): +1.1 F1 in cross-validation over the
	// ANERcorp training part, −1.6 on its dev split, +13 on AQMAR dev; not
	// in the shipped model.
	WithAQMAR bool

	// SaudiNews is how many copies of Marsad's own annotated SaudiNewsNet
	// articles (SaudiNewsTrain) TrainShipped adds to the training data,
	// as news (Domain 0); 0 leaves them out. SaudiNewsDomain makes them a
	// domain of their own instead (feature copies, like AQMAR): they then
	// move only the shared weights. SaudiNewsFiles limits them to the
	// first n annotation files (1: the 80 articles of session 5 only, the
	// model shipped then); 0 takes every file.
	SaudiNews       int
	SaudiNewsDomain bool
	SaudiNewsFiles  int

	// Extra holds more training sentences for TrainShipped, out-of-domain
	// or machine-tagged, each with its Domain set.
	Extra []Sentence

	// Topics, when not nil, adds the topic of the sentences at most
	// TopicWindow away, conjoined with the token's gazetteer types and
	// word cluster (topic.go); TopicFeats picks the conjunctions.
	// TrainShipped builds Topics from SaudiNewsNet with TopicK topics
	// when TopicK > 0 and Topics is nil, and mines Lexicon when
	// MineNames is set and Lexicon is nil.
	Topics      *Topics
	TopicK      int
	TopicWindow int
	TopicFeats  string
	MineNames   bool

	// Lexicon holds names mined from unlabeled news (lexicon.go), by
	// bare search form.
	Lexicon map[string]lexEntry

	Clusters *Clusters  // nil: no cluster features
	External *Gazetteer // nil: no external gazetteer

	Dev []Sentence // scored after each epoch when Log is set
	Log io.Writer
}

// DefaultConfig is the configuration of the shipped model.
func DefaultConfig() Config {
	return Config{Epochs: 10, Seed: 1, Seeds: 3, Dropout: 0.2, Prune: 0.5, Scheme: "BIO", MinCount: 1, Folds: 10, DocStage: true, DocFolds: 5, Window: 30, SaudiNews: 1}
}

// Provenance records how a model was made.
type Provenance struct {
	Version     int
	Created     string // RFC 3339 date
	Data        []string
	Licences    []string
	Seed        uint64
	Params      string
	Dev         map[string][3]float64 // type (and "all") → P, R, F1 on the dev split
	DevName     string
	Notes       string
	Features    int
	TrainTokens int
}

// CorpusGazetteer collects the names annotated in sentences.
func CorpusGazetteer(sents []Sentence) *Gazetteer {
	g := NewGazetteer()
	for _, s := range sents {
		for _, c := range Chunks(s.Tags) {
			name := make([]string, 0, c.End-c.Start)
			for _, t := range s.Tokens[c.Start:c.End] {
				name = append(name, normalize.Search(t))
			}
			g.Add(name, c.Type)
		}
	}
	return g
}

type trainSent struct {
	feats [][]int32 // per token, feature rows
	gold  []int16
}

// Train fits an averaged structured perceptron (Collins 2002) on sentences,
// in order: with DocStage, consecutive sentences are taken as running text.
func Train(cfg Config, sents []Sentence) (*Model, error) {
	var tagged []Sentence
	for _, s := range sents {
		if len(s.Tokens) > 0 && len(s.Tags) == len(s.Tokens) {
			tagged = append(tagged, s)
		}
	}
	sents = tagged
	if len(sents) == 0 {
		return nil, errors.New("train: no tagged sentences")
	}
	var perSent []*docCounts
	var final *docCounts
	if len(cfg.Unlabeled) > 0 {
		var err error
		if perSent, final, err = unlabeledStats(cfg, sents); err != nil {
			return nil, err
		}
	}
	withStats := func(m *Model) *Model {
		if m != nil && final != nil {
			m.stats = final
			m.Meta.Params += fmt.Sprintf("; unlabeled sentences=%d", len(cfg.Unlabeled))
		}
		return m
	}
	if !cfg.DocStage {
		m, err := trainStage(cfg, sents, perSent, nil)
		return withStats(m), err
	}
	first := cfg
	first.Dev = nil
	if cfg.Log != nil {
		fmt.Fprintln(cfg.Log, "stage 1")
	}
	m, err := trainStage(first, sents, perSent, nil)
	if err != nil {
		return nil, err
	}
	folds := max(cfg.DocFolds, 2)
	pred := make([][]string, len(sents))
	// The jackknife models tag each sentence with the topic of its text,
	// as the final model does in TagDocument.
	topicOf := make([]int8, len(sents))
	for i := range topicOf {
		topicOf[i] = -1
	}
	if cfg.Topics != nil {
		toks := make([][]string, len(sents))
		for i, s := range sents {
			toks[i] = s.Tokens
		}
		topicOf = cfg.Topics.sentenceTopics(toks, cfg.TopicWindow)
	}
	for k := 0; k < folds; k++ {
		lo, hi := len(sents)*k/folds, len(sents)*(k+1)/folds
		rest := append(append([]Sentence(nil), sents[:lo]...), sents[hi:]...)
		var restStats []*docCounts
		if perSent != nil {
			restStats = append(append([]*docCounts(nil), perSent[:lo]...), perSent[hi:]...)
		}
		quiet := first
		quiet.Log = nil
		quiet.Seeds, quiet.Prune = 1, 0 // see unlabeledStats
		mk, err := trainStage(quiet, rest, restStats, nil)
		if err != nil {
			return nil, err
		}
		mk.stats = perSent0(perSent, lo)
		mk.trainTags = true
		for i := lo; i < hi; i++ {
			pred[i] = mk.tagTopic(sents[i].Tokens, nil, topicOf[i])
		}
	}
	ds := make([]docSent, len(sents))
	for i, s := range sents {
		ds[i] = newDocSent(s.Tokens, pred[i])
	}
	if cfg.Log != nil {
		fmt.Fprintln(cfg.Log, "stage 2")
	}
	m.window = cfg.Window
	second := cfg
	second.Dev = nil
	m.stage2, err = trainStage(second, sents, perSent, func(fn func(i int, c *docCounts)) { eachWindow(ds, cfg.Window, fn) })
	if err != nil {
		return nil, err
	}
	m.Meta.Params += fmt.Sprintf("; document stage: folds=%d window=%d", folds, cfg.Window)
	withStats(m)
	m.stage2.stats = final
	m.buildJoint()
	if cfg.Log != nil && len(cfg.Dev) > 0 {
		if sc, err := m.Score(cfg.Dev); err == nil {
			fmt.Fprintf(cfg.Log, "two-stage dev F1 %.2f (PERS %.2f LOC %.2f ORG %.2f MISC %.2f)\n", sc.All.F1(),
				sc.ByType["PERS"].F1(), sc.ByType["LOC"].F1(), sc.ByType["ORG"].F1(), sc.ByType["MISC"].F1())
		}
	}
	return m, nil
}

// trainStage trains one stage. docs, when not nil, calls its argument with
// each sentence's index and document counts, in order.
func trainStage(cfg Config, sents []Sentence, perSent []*docCounts, docs func(func(int, *docCounts))) (*Model, error) {
	if cfg.Epochs <= 0 {
		return nil, errors.New("train: epochs must be positive")
	}
	if cfg.Scheme != "BIO" && cfg.Scheme != "BILOU" {
		return nil, fmt.Errorf("train: unknown scheme %q", cfg.Scheme)
	}
	switch cfg.Learner {
	case "", "perceptron":
	case "crf":
		// The L2 step multiplies every weight by 1 − η·λ: it must stay
		// positive.
		if cfg.L2 < 0 || cfg.Eta < 0 || cfg.L2*cfg.Eta >= 1 {
			return nil, fmt.Errorf("train: CRF rate %g and L2 %g out of range", cfg.Eta, cfg.L2)
		}
	default:
		return nil, fmt.Errorf("train: unknown learner %q", cfg.Learner)
	}
	var train []Sentence
	for _, s := range sents {
		if len(s.Tokens) > 0 && len(s.Tags) == len(s.Tokens) {
			train = append(train, s)
		}
	}
	if len(train) == 0 {
		return nil, errors.New("train: no tagged sentences")
	}
	labels := labelsFor(cfg.Scheme)
	L := len(labels)
	labelIdx := map[string]int16{}
	for i, l := range labels {
		labelIdx[l] = int16(i)
	}

	// Features of every training sentence, with the names gazetteer of the
	// other folds.
	folds := max(cfg.Folds, 1)
	fz := make([]*featurizer, folds)
	for k := range fz {
		var corpus *Gazetteer
		if cfg.Folds > 0 {
			var others []Sentence
			for i, s := range train {
				if foldOf(i, len(train), folds) != k {
					others = append(others, s)
				}
			}
			corpus = CorpusGazetteer(others)
		}
		fz[k] = newFeaturizer(cfg.Clusters, cfg.External, corpus)
		fz[k].lex = cfg.Lexicon
	}
	var topicOf []int8
	if cfg.Topics != nil {
		toks := make([][]string, len(train))
		for i, s := range train {
			toks[i] = s.Tokens
		}
		topicOf = cfg.Topics.sentenceTopics(toks, cfg.TopicWindow)
	}
	hashes := make([][][]fhash, len(train))
	counts := map[fhash]int32{}
	tokens := 0
	one := func(i int, doc *docCounts) {
		s := train[i]
		f := fz[foldOf(i, len(train), folds)]
		f.topic, f.topicFeats = -1, cfg.TopicFeats
		if topicOf != nil {
			f.topic = topicOf[i]
		}
		f.stats = nil
		if perSent != nil {
			f.stats = perSent[i]
		}
		f.extract(s.Tokens, doc)
		hs := make([][]fhash, len(s.Tokens))
		for t := range s.Tokens {
			hs[t] = append([]fhash(nil), f.feats[f.offs[t]:f.offs[t+1]]...)
			for _, h := range hs[t] {
				counts[h]++
			}
		}
		hashes[i] = hs
		tokens += len(s.Tokens)
	}
	if docs != nil {
		docs(one)
	} else {
		for i := range train {
			one(i, nil)
		}
	}
	index := map[fhash]int32{}
	for h, c := range counts {
		if int(c) >= cfg.MinCount {
			index[h] = int32(len(index))
		}
	}
	counts = nil
	// Domain copies (Sentence.Domain): rows [R·(1+d), R·(2+d)) hold domain
	// d's copy of the R shared rows.
	R, domains := len(index), 0
	for _, s := range train {
		domains = max(domains, s.Domain+1)
	}
	if domains == 1 {
		domains = 0
	}
	data := make([]trainSent, len(train))
	for i, s := range train {
		ts := trainSent{feats: make([][]int32, len(s.Tokens)), gold: make([]int16, len(s.Tokens))}
		for t, hs := range hashes[i] {
			for _, h := range hs {
				if r, ok := index[h]; ok {
					ts.feats[t] = append(ts.feats[t], r)
					if domains > 0 {
						ts.feats[t] = append(ts.feats[t], r+int32(R*(1+s.Domain)))
					}
				}
			}
		}
		for t, tag := range toScheme(s.Tags, cfg.Scheme) {
			ts.gold[t] = labelIdx[tag]
		}
		data[i] = ts
	}
	hashes = nil

	m := &Model{
		scheme:   cfg.Scheme,
		labels:   labels,
		index:    index,
		clusters: cfg.Clusters,
		external: cfg.External,
		corpus:   CorpusGazetteer(train),
		trans:    make([]float32, (L+1)*L),
		final:    make([]float32, L),

		topics:      cfg.Topics,
		topicWindow: cfg.TopicWindow,
		topicFeats:  cfg.TopicFeats,
		lex:         cfg.Lexicon,
	}
	constrain(labels, cfg.Scheme, m.trans, m.final)
	mask := append([]float32(nil), m.trans...)

	// An ensemble of perceptrons trained in different orders: their
	// scores are summed, and a sum of linear scores is one linear model, so
	// the ensemble tags as fast as one member. Its mean weights are kept.
	seeds := max(cfg.Seeds, 1)
	var aw, at []float64
	for k := 0; k < seeds; k++ {
		one := cfg
		one.Seed = cfg.Seed + uint64(k)
		if k > 0 {
			one.Log = nil
		}
		var w, tw []float64
		if cfg.Learner == "crf" {
			w, tw = m.crf(one, data, R*(1+domains), R, mask)
		} else {
			w, tw = m.perceptron(one, data, R*(1+domains), R, mask)
		}
		if aw == nil {
			aw, at = w, tw
			continue
		}
		for i, v := range w {
			aw[i] += v
		}
		for i, v := range tw {
			at[i] += v
		}
	}
	for i := range aw {
		aw[i] /= float64(seeds)
	}
	for i := range at {
		at[i] /= float64(seeds)
	}
	m.setWeights(aw, at, mask, cfg.Prune)
	m.Meta = Provenance{
		Version:     modelVersion,
		Created:     time.Now().UTC().Format("2006-01-02"),
		Seed:        cfg.Seed,
		Params:      fmt.Sprintf("%s, mean of %d (seeds %d…), feature dropout %g; scheme=%s epochs=%d mincount=%d folds=%d prune=%g clusters=%v external-gazetteer=%v", learnerName(cfg), max(cfg.Seeds, 1), cfg.Seed, cfg.Dropout, cfg.Scheme, cfg.Epochs, cfg.MinCount, cfg.Folds, cfg.Prune, cfg.Clusters != nil, cfg.External != nil),
		Features:    len(m.index),
		TrainTokens: tokens,
	}
	return m, nil
}

// perceptron trains one averaged perceptron over data (rows feature rows,
// the first R of them shared, the rest domain copies) and returns its
// averaged weights as a news sentence sees them, and its transitions.
func (m *Model) perceptron(cfg Config, data []trainSent, rows, R int, mask []float32) (avgW, avgTrans []float64) {
	L := len(m.labels)
	// Perceptron state: current weights w and the running sum used for
	// averaging (Daumé's trick: avg = w - u/c).
	w := make([]float64, rows*L)
	u := make([]float64, rows*L)
	tw := make([]float64, (L+1)*L)
	tu := make([]float64, (L+1)*L)
	c := 1.0
	d := &decoder{}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6d61727361640a))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	setCurrent := func() {
		for i := range m.trans {
			if mask[i] == negInf {
				m.trans[i] = negInf
			} else {
				m.trans[i] = float32(tw[i])
			}
		}
	}
	// Feature dropout (featureDropout) spreads the weights over the
	// features unseen names share.
	dropout := newFeatureDropout(cfg.Dropout)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &data[si]
			n := len(s.gold)
			setCurrent()
			d.emit = grow(d.emit, n*L)
			feats := dropout.apply(rng, s.feats)
			for t := 0; t < n; t++ {
				e := d.emit[t*L : (t+1)*L]
				clear(e)
				for _, r := range feats[t] {
					row := w[int(r)*L : int(r+1)*L]
					for y := range e {
						e[y] += float32(row[y])
					}
				}
			}
			pred := m.viterbi(d, n)
			for t := 0; t < n; t++ {
				g, p := int(s.gold[t]), int(pred[t])
				if g != p {
					errs++
					for _, r := range feats[t] {
						w[int(r)*L+g]++
						u[int(r)*L+g] += c
						w[int(r)*L+p]--
						u[int(r)*L+p] -= c
					}
				}
				gp, pp := L, L
				if t > 0 {
					gp, pp = int(s.gold[t-1]), int(pred[t-1])
				}
				if g != p || gp != pp {
					tw[gp*L+g]++
					tu[gp*L+g] += c
					tw[pp*L+p]--
					tu[pp*L+p] -= c
				}
			}
			c++
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "epoch %d: %d token errors", epoch, errs)
			if len(cfg.Dev) > 0 && (epoch%2 == 0 || epoch == cfg.Epochs) {
				aw, at := averaged(w, u, tw, tu, c, R*L)
				m.setWeights(aw, at, mask, 0)
				sc, err := m.Score(cfg.Dev)
				if err == nil {
					fmt.Fprintf(cfg.Log, "; dev F1 %.2f (PERS %.2f LOC %.2f ORG %.2f MISC %.2f)", sc.All.F1(),
						sc.ByType["PERS"].F1(), sc.ByType["LOC"].F1(), sc.ByType["ORG"].F1(), sc.ByType["MISC"].F1())
				}
			}
			fmt.Fprintln(cfg.Log)
		}
	}
	return averaged(w, u, tw, tu, c, R*L)
}

// averaged returns the averaged weights (Daumé's trick: avg = w - u/c) of
// the n shared values plus, when there are domain copies, the news copy
// (the next n), and the averaged transitions.
func averaged(w, u, tw, tu []float64, c float64, n int) (aw, at []float64) {
	aw = make([]float64, n)
	for i := range aw {
		aw[i] = w[i] - u[i]/c
		if len(w) > n {
			aw[i] += w[n+i] - u[n+i]/c
		}
	}
	at = make([]float64, len(tw))
	for i := range at {
		at[i] = tw[i] - tu[i]/c
	}
	return aw, at
}

// setWeights installs weights and transitions, dropping (when prune > 0)
// feature rows whose weights are all below prune in magnitude.
func (m *Model) setWeights(w, trans []float64, mask []float32, prune float64) {
	L := len(m.labels)
	for i := range m.trans {
		if mask[i] == negInf {
			m.trans[i] = negInf
		} else {
			m.trans[i] = float32(trans[i])
		}
	}
	if prune <= 0 {
		m.w = grow(m.w, len(w))
		for i, v := range w {
			m.w[i] = float32(v)
		}
		return
	}
	index := make(map[fhash]int32, len(m.index))
	var nw []float32
	for h, r := range m.index {
		keep := false
		for y := 0; y < L; y++ {
			if v := w[int(r)*L+y]; v > prune || v < -prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		index[h] = int32(len(index))
		for y := 0; y < L; y++ {
			nw = append(nw, float32(w[int(r)*L+y]))
		}
	}
	m.index, m.w = index, nw
}

// Score tags the sentences, as one document, and scores them against their
// gold tags.
func (m *Model) Score(sents []Sentence) (Scores, error) {
	var gold, toks [][]string
	for _, s := range sents {
		if len(s.Tags) != len(s.Tokens) {
			return Scores{}, fmt.Errorf("score: a sentence has no gold tags (%q…)", s.Tokens[0])
		}
		gold = append(gold, s.Tags)
		toks = append(toks, s.Tokens)
	}
	return Evaluate(gold, m.TagDocument(toks))
}

// foldOf puts sentence i of n into one of k folds. Folds are contiguous
// blocks when blockFolds is set: names recur within an article, so a fold of
// interleaved sentences would let the rest of its article leak into the
// jackknifed features.
func foldOf(i, n, k int) int {
	if blockFolds {
		return i * k / n
	}
	return i % k
}

var blockFolds = true

// perSent0 returns the statistics sentence i sees, or nil.
func perSent0(perSent []*docCounts, i int) *docCounts {
	if perSent == nil {
		return nil
	}
	return perSent[i]
}

// unlabeledStats tags cfg.Unlabeled with first models: one per block of
// DocFolds trained without that block (their counts are what the block's
// sentences see in training), and one trained on everything (the counts
// the final model uses).
func unlabeledStats(cfg Config, sents []Sentence) (perSent []*docCounts, final *docCounts, err error) {
	base := cfg
	base.DocStage, base.Unlabeled, base.Log, base.Dev = false, nil, nil, nil
	// The jackknife models are single perceptrons, not the Seeds ensemble:
	// most of the training time is theirs, and what their tags feed (the
	// per-word statistics, the document stage's view of the first stage)
	// needs them only roughly as good as the final first stage (3-model
	// jackknife ensembles measured no better, EXPERIMENTS.md #36).
	base.Seeds = 1
	// Pruning is for the size and speed of the kept model only.
	base.Prune = 0
	folds := max(cfg.DocFolds, 2)
	// The unlabeled sentences are running text, article after article:
	// their topics come from the sentences around them.
	topicOf := make([]int8, len(cfg.Unlabeled))
	for i := range topicOf {
		topicOf[i] = -1
	}
	if cfg.Topics != nil {
		topicOf = cfg.Topics.sentenceTopics(cfg.Unlabeled, cfg.TopicWindow)
	}
	count := func(m *Model) *docCounts {
		m.trainTags = true
		c := newDocCounts()
		for i, s := range cfg.Unlabeled {
			c.add(newDocSent(s, m.tagTopic(s, nil, topicOf[i])), 1)
		}
		return c
	}
	byFold := make([]*docCounts, folds)
	for k := 0; k < folds; k++ {
		lo, hi := len(sents)*k/folds, len(sents)*(k+1)/folds
		rest := append(append([]Sentence(nil), sents[:lo]...), sents[hi:]...)
		mk, err := trainStage(base, rest, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		byFold[k] = count(mk)
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "unlabeled statistics: fold %d done\n", k)
		}
	}
	m, err := trainStage(base, sents, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	final = count(m)
	perSent = make([]*docCounts, len(sents))
	for i := range sents {
		perSent[i] = byFold[i*folds/len(sents)]
	}
	return perSent, final, nil
}

// learnerName describes cfg's learner for the provenance.
func learnerName(cfg Config) string {
	if cfg.Learner == "crf" {
		return fmt.Sprintf("linear-chain CRF (SGD, L2 %g, rate %g, epoch averaging %v)", cfg.L2, cfg.Eta, cfg.CRFAverage)
	}
	return "averaged perceptron"
}

// featureDropout leaves each feature occurrence out of a training step
// with probability p, so that no feature — a training name's own word
// above all — can carry a decision alone and the weights spread over the
// context, cluster and shape features that unseen names share. Its
// buffers are reused from one sentence to the next.
type featureDropout struct {
	drop uint32 // p scaled to the range of rand.Uint32
	kept []int32
	off  []int
	view [][]int32
}

func newFeatureDropout(p float64) *featureDropout {
	return &featureDropout{drop: uint32(p * (1 << 32))}
}

// apply returns the features of a sentence's tokens left after dropout;
// they are valid until the next call.
func (fd *featureDropout) apply(rng *rand.Rand, feats [][]int32) [][]int32 {
	if fd.drop == 0 {
		return feats
	}
	fd.kept, fd.off = fd.kept[:0], fd.off[:0]
	for _, tok := range feats {
		fd.off = append(fd.off, len(fd.kept))
		for _, r := range tok {
			if rng.Uint32() >= fd.drop {
				fd.kept = append(fd.kept, r)
			}
		}
	}
	fd.off = append(fd.off, len(fd.kept))
	fd.view = fd.view[:0]
	for t := range feats {
		fd.view = append(fd.view, fd.kept[fd.off[t]:fd.off[t+1]])
	}
	return fd.view
}
