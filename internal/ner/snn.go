package ner

import (
	"bytes"
	_ "embed"
	"fmt"
)

// snnTrainFile is Marsad's own NER annotation of SaudiNewsNet articles
// (CC BY-NC-SA 4.0), in-domain training data for the news Marsad tags;
// see data/README.md for the selection and the guidelines.
//
//go:embed data/snn-train.conll
var snnTrainFile []byte

// SaudiNewsTrain returns the annotated SaudiNewsNet training sentences
// (data/snn-train.conll), news-domain (Domain 0).
func SaudiNewsTrain() ([]Sentence, error) {
	s, err := ReadCoNLL(bytes.NewReader(snnTrainFile))
	if err != nil {
		return nil, fmt.Errorf("data/snn-train.conll: %w", err)
	}
	return s, nil
}
