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
	Epochs   int    // passes over the training data
	Seed     uint64 // shuffling seed
	Scheme   string // "BIO" or "BILOU" (internal tagging scheme)
	MinCount int    // features seen fewer times in training are dropped
	// Folds is the number of jackknife folds for the names-from-training
	// gazetteer: a sentence sees only names from the other folds, as a test
	// sentence sees only names from the training data. 0 disables it.
	Folds int
	// Prune drops averaged weights whose magnitude is below it.
	Prune float64

	Clusters *Clusters  // nil: no cluster features
	External *Gazetteer // nil: no external gazetteer

	Dev []Sentence // scored after each epoch when Log is set
	Log io.Writer
}

// DefaultConfig is the configuration of the shipped model.
func DefaultConfig() Config {
	return Config{Epochs: 12, Seed: 1, Scheme: "BIO", MinCount: 1, Folds: 10, Prune: 0}
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

// Train fits an averaged structured perceptron (Collins 2002) on sentences.
func Train(cfg Config, sents []Sentence) (*Model, error) {
	if cfg.Epochs <= 0 {
		return nil, errors.New("train: epochs must be positive")
	}
	if cfg.Scheme != "BIO" && cfg.Scheme != "BILOU" {
		return nil, fmt.Errorf("train: unknown scheme %q", cfg.Scheme)
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
				if i%folds != k {
					others = append(others, s)
				}
			}
			corpus = CorpusGazetteer(others)
		}
		fz[k] = newFeaturizer(cfg.Clusters, cfg.External, corpus)
	}
	hashes := make([][][]fhash, len(train))
	counts := map[fhash]int32{}
	tokens := 0
	for i, s := range train {
		f := fz[i%folds]
		f.extract(s.Tokens)
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
	index := map[fhash]int32{}
	for h, c := range counts {
		if int(c) >= cfg.MinCount {
			index[h] = int32(len(index))
		}
	}
	counts = nil
	data := make([]trainSent, len(train))
	for i, s := range train {
		ts := trainSent{feats: make([][]int32, len(s.Tokens)), gold: make([]int16, len(s.Tokens))}
		for t, hs := range hashes[i] {
			for _, h := range hs {
				if r, ok := index[h]; ok {
					ts.feats[t] = append(ts.feats[t], r)
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
	}
	constrain(labels, cfg.Scheme, m.trans, m.final)
	mask := append([]float32(nil), m.trans...)

	// Perceptron state: current weights w and the running sum used for
	// averaging (Daumé's trick: avg = w - u/c).
	rows := len(index)
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
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &data[si]
			n := len(s.gold)
			setCurrent()
			d.emit = grow(d.emit, n*L)
			for t := 0; t < n; t++ {
				e := d.emit[t*L : (t+1)*L]
				clear(e)
				for _, r := range s.feats[t] {
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
					for _, r := range s.feats[t] {
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
				m.setAveraged(w, u, tw, tu, c, mask, 0)
				sc, err := m.Score(cfg.Dev)
				if err == nil {
					fmt.Fprintf(cfg.Log, "; dev F1 %.2f (PERS %.2f LOC %.2f ORG %.2f MISC %.2f)", sc.All.F1(),
						sc.ByType["PERS"].F1(), sc.ByType["LOC"].F1(), sc.ByType["ORG"].F1(), sc.ByType["MISC"].F1())
				}
			}
			fmt.Fprintln(cfg.Log)
		}
	}
	m.setAveraged(w, u, tw, tu, c, mask, cfg.Prune)
	m.Meta = Provenance{
		Version:     modelVersion,
		Created:     time.Now().UTC().Format("2006-01-02"),
		Seed:        cfg.Seed,
		Params:      fmt.Sprintf("averaged perceptron; scheme=%s epochs=%d mincount=%d folds=%d prune=%g clusters=%v external-gazetteer=%v", cfg.Scheme, cfg.Epochs, cfg.MinCount, cfg.Folds, cfg.Prune, cfg.Clusters != nil, cfg.External != nil),
		Features:    len(m.index),
		TrainTokens: tokens,
	}
	return m, nil
}

// setAveraged installs the averaged weights, dropping (when prune > 0)
// feature rows whose weights are all below prune in magnitude.
func (m *Model) setAveraged(w, u, tw, tu []float64, c float64, mask []float32, prune float64) {
	L := len(m.labels)
	avg := func(i int) float32 { return float32(w[i] - u[i]/c) }
	for i := range m.trans {
		if mask[i] == negInf {
			m.trans[i] = negInf
		} else {
			m.trans[i] = float32(tw[i] - tu[i]/c)
		}
	}
	if prune <= 0 {
		m.w = grow(m.w, len(w))
		for i := range w {
			m.w[i] = avg(i)
		}
		return
	}
	index := make(map[fhash]int32, len(m.index))
	var nw []float32
	for h, r := range m.index {
		keep := false
		for y := 0; y < L; y++ {
			if v := avg(int(r)*L + y); v > float32(prune) || v < -float32(prune) {
				keep = true
			}
		}
		if !keep {
			continue
		}
		index[h] = int32(len(index))
		for y := 0; y < L; y++ {
			nw = append(nw, avg(int(r)*L+y))
		}
	}
	m.index, m.w = index, nw
}

// Score tags the sentences and scores them against their gold tags.
func (m *Model) Score(sents []Sentence) (Scores, error) {
	var gold, pred [][]string
	for _, s := range sents {
		if len(s.Tags) != len(s.Tokens) {
			continue
		}
		gold = append(gold, s.Tags)
		pred = append(pred, m.Tag(s.Tokens))
	}
	return Evaluate(gold, pred)
}
