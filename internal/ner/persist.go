package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"sort"
)

// The model file is a gzip-compressed gob of modelFile. Weights are
// quantized to 16 bits (the averaged perceptron's weights span a few
// orders of magnitude, and a relative step of 1/32767 of the largest one
// changes no decision that matters) and stored sparsely: rows whose
// weights all round to zero are dropped.
type modelFile struct {
	Format   string
	Meta     Provenance
	Scheme   string
	Labels   []string
	Clusters string // SHA-256 of the clusters file the model was trained with; "" if none

	Keys  []uint64 // sorted feature hashes
	Masks []uint32 // per key: which labels have a stored weight
	Vals  []int16  // the stored weights, key by key, label by label
	Scale float32  // weight = Vals[i] * Scale

	Trans, Final []float32 // -Inf kept as is
	External     []string  // gazetteer entries (see Gazetteer.entries)
	Corpus       []string

	// Stats: first-model tag counts over unlabeled news, per word: for
	// each key, a label mask (bit y: label y counted) then the counts.
	StatsKeys []string
	Stats     []uint32

	// Topic model (topic.go): words, K weights each, and how the model
	// uses it; names mined from unlabeled news (lexicon.go).
	TopicWords  []string
	TopicW      []float32
	TopicK      int
	TopicWindow int
	TopicFeats  string
	Lexicon     []string

	// DevScores holds Meta.Dev sorted by type: gob writes a map in
	// random order, which made two trainings' files differ.
	DevScores []devScore

	Window int        // document window of Stage2
	Stage2 *modelFile // the document-level stage, if any
}

type devScore struct {
	Type string
	PRF  [3]float64
}

const fileFormat = "marsad-ner"

// Save writes the model. clustersSum identifies the clusters file it was
// trained with (ClustersSum); Load checks it.
func (m *Model) Save(w io.Writer, clustersSum string) error {
	mf := m.file(clustersSum)
	if m.stats != nil {
		keys := make([]string, 0, len(m.stats.m))
		for k := range m.stats.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c := m.stats.m[k]
			var mask uint32
			var vals []uint32
			for y, v := range c {
				if v > 0 {
					mask |= 1 << y
					vals = append(vals, uint32(v))
				}
			}
			if mask == 0 {
				continue
			}
			mf.StatsKeys = append(mf.StatsKeys, k)
			mf.Stats = append(append(mf.Stats, mask), vals...)
		}
	}
	if m.topics != nil {
		mf.TopicK, mf.TopicWindow, mf.TopicFeats = m.topics.K, m.topicWindow, m.topicFeats
		for w := range m.topics.w {
			mf.TopicWords = append(mf.TopicWords, w)
		}
		sort.Strings(mf.TopicWords)
		for _, w := range mf.TopicWords {
			mf.TopicW = append(mf.TopicW, m.topics.w[w]...)
		}
	}
	mf.Lexicon = lexLines(m.lex)
	if m.stage2 != nil {
		mf.Window = m.window
		mf.Stage2 = m.stage2.file(clustersSum)
		mf.Stage2.External, mf.Stage2.Corpus = nil, nil // shared with stage 1
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(zw).Encode(mf); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return zw.Close()
}

func (m *Model) file(clustersSum string) *modelFile {
	L := len(m.labels)
	var maxAbs float64
	for _, v := range m.w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, 0, len(m.index))
	for h := range m.index {
		keys = append(keys, uint64(h))
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	mf := &modelFile{Format: fileFormat, Meta: m.Meta, Scheme: m.scheme, Labels: m.labels, Clusters: clustersSum,
		Scale: scale, Trans: m.trans, Final: m.final}
	mf.Meta.Dev = nil
	for t, prf := range m.Meta.Dev {
		mf.DevScores = append(mf.DevScores, devScore{t, prf})
	}
	sort.Slice(mf.DevScores, func(i, j int) bool { return mf.DevScores[i].Type < mf.DevScores[j].Type })
	for _, k := range keys {
		r := int(m.index[fhash(k)])
		var mask uint32
		var vals []int16
		for y := 0; y < L; y++ {
			q := int16(math.Round(float64(m.w[r*L+y] / scale)))
			if q != 0 {
				mask |= 1 << y
				vals = append(vals, q)
			}
		}
		if mask == 0 {
			continue
		}
		mf.Keys = append(mf.Keys, k)
		mf.Masks = append(mf.Masks, mask)
		mf.Vals = append(mf.Vals, vals...)
	}
	// Delta-encode the sorted keys so gzip finds their shared high bits.
	for i := len(mf.Keys) - 1; i > 0; i-- {
		mf.Keys[i] -= mf.Keys[i-1]
	}
	if m.external != nil {
		mf.External = m.external.entries()
	}
	if m.corpus != nil {
		mf.Corpus = m.corpus.entries()
	}
	return mf
}

// Load reads a model written by Save. clusters must be the clusters the
// model was trained with (nil if it was trained without).
func Load(r io.Reader, clusters *Clusters, clustersSum string) (*Model, error) {
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer zr.Close()
	var mf modelFile
	if err := gob.NewDecoder(zr).Decode(&mf); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if mf.Format != fileFormat || mf.Meta.Version != modelVersion {
		return nil, fmt.Errorf("load model: format %q version %d, want %q version %d", mf.Format, mf.Meta.Version, fileFormat, modelVersion)
	}
	m, err := fromFile(&mf, clusters, clustersSum)
	if err != nil {
		return nil, err
	}
	if len(mf.StatsKeys) > 0 {
		m.stats = newDocCounts()
		j := 0
		for _, k := range mf.StatsKeys {
			if j >= len(mf.Stats) {
				return nil, fmt.Errorf("load model: statistics truncated")
			}
			mask := mf.Stats[j]
			j++
			c := new([9]int32)
			for y := range c {
				if mask&(1<<y) != 0 {
					if j >= len(mf.Stats) {
						return nil, fmt.Errorf("load model: statistics truncated")
					}
					c[y] = int32(mf.Stats[j])
					j++
				}
			}
			m.stats.m[k] = c
		}
	}
	if mf.TopicK > 0 {
		if mf.TopicK > 127 || len(mf.TopicW) != mf.TopicK*len(mf.TopicWords) {
			return nil, fmt.Errorf("load model: inconsistent topic model")
		}
		tp := &Topics{K: mf.TopicK, w: make(map[string][]float32, len(mf.TopicWords))}
		for i, w := range mf.TopicWords {
			tp.w[w] = mf.TopicW[i*mf.TopicK : (i+1)*mf.TopicK : (i+1)*mf.TopicK]
		}
		m.topics, m.topicWindow, m.topicFeats = tp, mf.TopicWindow, mf.TopicFeats
	}
	if m.lex, err = parseLexLines(mf.Lexicon); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if mf.Stage2 != nil {
		mf.Stage2.Format, mf.Stage2.Meta.Version = fileFormat, modelVersion
		if m.stage2, err = fromFile(mf.Stage2, clusters, clustersSum); err != nil {
			return nil, err
		}
		m.stage2.external, m.stage2.corpus, m.stage2.stats = m.external, m.corpus, m.stats
		m.stage2.topics, m.stage2.topicWindow, m.stage2.topicFeats, m.stage2.lex = m.topics, m.topicWindow, m.topicFeats, m.lex
		m.window = mf.Window
		m.buildJoint()
	}
	return m, nil
}

func fromFile(mf *modelFile, clusters *Clusters, clustersSum string) (*Model, error) {
	if mf.Clusters != "" && mf.Clusters != clustersSum {
		return nil, fmt.Errorf("load model: trained with clusters %.12s, given %.12s", mf.Clusters, clustersSum)
	}
	L := len(mf.Labels)
	if L == 0 || L > 32 || len(mf.Trans) != (L+1)*L || len(mf.Final) != L || len(mf.Masks) != len(mf.Keys) {
		return nil, fmt.Errorf("load model: inconsistent sizes")
	}
	m := &Model{Meta: mf.Meta, scheme: mf.Scheme, labels: mf.Labels, trans: mf.Trans, final: mf.Final,
		index: make(map[fhash]int32, len(mf.Keys)), w: make([]float32, len(mf.Keys)*L)}
	if len(mf.DevScores) > 0 { // files before session 5 store the map
		m.Meta.Dev = make(map[string][3]float64, len(mf.DevScores))
		for _, d := range mf.DevScores {
			m.Meta.Dev[d.Type] = d.PRF
		}
	}
	if mf.Clusters != "" {
		m.clusters = clusters
	}
	var key uint64
	v := 0
	for i, d := range mf.Keys {
		key += d
		m.index[fhash(key)] = int32(i)
		for y := 0; y < L; y++ {
			if mf.Masks[i]&(1<<y) != 0 {
				if v >= len(mf.Vals) {
					return nil, fmt.Errorf("load model: weights truncated")
				}
				m.w[i*L+y] = float32(mf.Vals[v]) * mf.Scale
				v++
			}
		}
	}
	if len(mf.External) > 0 {
		m.external = parseGazetteer(mf.External)
	}
	if len(mf.Corpus) > 0 {
		m.corpus = parseGazetteer(mf.Corpus)
	}
	return m, nil
}

// ClustersSum identifies a clusters file by the SHA-256 of its bytes.
func ClustersSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// LoadClusters reads a clusters file from memory and returns it with its sum.
func LoadClusters(b []byte) (*Clusters, string, error) {
	c, err := ReadClusters(bytes.NewReader(b))
	return c, ClustersSum(b), err
}
