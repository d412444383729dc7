// Package agreement measures inter-annotator agreement on Marsad's held-out
// evaluation sets: a second annotator (B) re-annotated samples of the timex,
// quote and event sets, then of the NER and entity-linking sets and of
// ANERcorp's training file, blind, from the raw text, by the sets' written
// guidelines, and this package compares B with the original gold (A).
//
// The figures bound what a measured system score means: where two careful
// annotators disagree on x % of the items, a system score within x % of
// perfect is not distinguishable from annotation noise (RESULTS.md).
package agreement
