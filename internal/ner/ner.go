// Package ner finds named entities — persons (PERS), places (LOC),
// organisations (ORG) and other names (MISC) — in tokenized Arabic text.
//
// The tagger is an averaged structured perceptron (Collins 2002) — the mean
// of three trained in different orders, with feature dropout — with
// first-order Viterbi decoding under BIO constraints, over hashed features:
// the token and its search form (normalize.Search), its proclitic-stripped
// readings (clitic.go), affixes and shape, a ±2 context window, word
// clusters learned from unlabeled news (clusters_build.go), gazetteer
// matches (ANETAC names, country names, and names from the training data,
// jackknifed), short quoted stretches, and how a first model tagged the same word in unlabeled news
// (Config.Unlabeled). A second stage re-tags each sentence knowing how the
// first tagged the same words in the sentences around it (doc.go).
//
// Default returns the model embedded in the binary (data/model.gob.gz, with
// its provenance in Model.Meta); Train, Evaluate and ReadCoNLL make and
// score others. See data/README.md for the data and licences, and
// EXPERIMENTS.md for what was measured and kept.
package ner
