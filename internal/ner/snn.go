package ner

import (
	"bytes"
	_ "embed"
	"fmt"
)

// snnTrainFile is Marsad's own NER annotation of SaudiNewsNet articles
// (CC BY-NC-SA 4.0), in-domain training data for the news Marsad tags;
// see data/README.md for the selection and the guidelines. It is stand-off
// (article ids and token indices, ReadStandOff): the corpus text is not
// ours to commit, and is read from ../shared/data/saudinewsnet.
//
//go:embed data/snn-train.tsv
var snnTrainFile []byte

// SaudiNewsTrain returns the annotated SaudiNewsNet training sentences
// (data/snn-train.tsv), news-domain (Domain 0), with their tokens rebuilt
// from SaudiNewsNet; it fails if the dataset is missing.
func SaudiNewsTrain() ([]Sentence, error) {
	s, err := ReadStandOff(bytes.NewReader(snnTrainFile))
	if err != nil {
		return nil, fmt.Errorf("data/snn-train.tsv: %w", err)
	}
	return s, nil
}
