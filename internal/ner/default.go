package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The shipped model and the word clusters it was trained with; see
// data/README.md for how they were made and from which data.
var (
	//go:embed data/clusters.tsv.gz
	clustersFile []byte
	//go:embed data/model.gob.gz
	embeddedModel []byte
)

// Tagger tags tokenized sentences with the embedded model.
type Tagger struct {
	*Model
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the embedded model, loaded once.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		c, sum, err := DefaultClusters()
		if err != nil {
			defaultErr = err
			return
		}
		m, err := Load(bytes.NewReader(embeddedModel), c, sum)
		if err != nil {
			defaultErr = fmt.Errorf("embedded NER model: %w", err)
			return
		}
		defaultTagger = &Tagger{m}
	})
	return defaultTagger, defaultErr
}

var (
	clustersOnce sync.Once
	clusters     *Clusters
	clustersSum  string
	clustersErr  error
)

// DefaultClusters returns the embedded word clusters and their sum.
func DefaultClusters() (*Clusters, string, error) {
	clustersOnce.Do(func() {
		clusters, clustersSum, clustersErr = LoadClusters(clustersFile)
		if clustersErr != nil {
			clustersErr = fmt.Errorf("embedded clusters: %w", clustersErr)
		}
	})
	return clusters, clustersSum, clustersErr
}
