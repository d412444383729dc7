package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

// snnTrainFiles are Marsad's own NER annotations of SaudiNewsNet articles
// (CC BY-NC-SA 4.0), in-domain training data for the news Marsad tags;
// see data/README.md for the selection and the guidelines: snn-train.tsv
// (80 articles, session 5) and snn-train2.tsv (125 articles drawn in five
// strata — stock-market reports, local government, sports, economy, the
// rest — session 7). They are stand-off (article ids and token indices,
// ReadStandOff): the corpus text is not ours to commit, and is read from
// ../shared/data/saudinewsnet.
//
//go:embed data/snn-train.tsv
var snnTrainFile []byte

//go:embed data/snn-train2.tsv
var snnTrain2File []byte

var snnTrainFiles = []struct {
	name string
	b    []byte
}{{"data/snn-train.tsv", snnTrainFile}, {"data/snn-train2.tsv", snnTrain2File}}

// SaudiNewsTrain returns the annotated SaudiNewsNet training sentences of
// the first n annotation files (snnTrainFiles, in order; n <= 0 or more
// than there are: all), news-domain (Domain 0), with their tokens rebuilt
// from SaudiNewsNet; it fails if the dataset is missing.
func SaudiNewsTrain(n int) ([]Sentence, error) {
	if n <= 0 || n > len(snnTrainFiles) {
		n = len(snnTrainFiles)
	}
	var out []Sentence
	for _, f := range snnTrainFiles[:n] {
		s, err := ReadStandOff(bytes.NewReader(f.b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		out = append(out, s...)
	}
	return out, nil
}

// snnFileNames lists the annotation files SaudiNewsTrain(n) reads, for a
// model's provenance.
func snnFileNames(n int) string {
	if n <= 0 || n > len(snnTrainFiles) {
		n = len(snnTrainFiles)
	}
	var names []string
	for _, f := range snnTrainFiles[:n] {
		names = append(names, f.name)
	}
	return strings.Join(names, " + ")
}
