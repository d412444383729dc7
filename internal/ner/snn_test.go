package ner

import "testing"

// TestSaudiNewsTrain checks that the annotated Saudi news parse and hold
// the names data/README.md reports.
func TestSaudiNewsTrain(t *testing.T) {
	s, err := SaudiNewsTrain(1)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]int{}
	for _, x := range s {
		for _, c := range Chunks(x.Tags) {
			names[c.Type]++
		}
	}
	if len(s) != 662 || names["PERS"] != 306 || names["LOC"] != 420 || names["ORG"] != 343 || names["MISC"] != 135 {
		t.Errorf("snn-train: %d sentences, names %v; data/README.md says 662 and PERS 306, LOC 420, ORG 343, MISC 135", len(s), names)
	}
}

// TestSaudiNewsTrain2 checks that SaudiNewsTrain(0) reads both annotation
// files, in order (their sizes are checked by TestStandOffCounts).
func TestSaudiNewsTrain2(t *testing.T) {
	all, err := SaudiNewsTrain(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 662+1069 {
		t.Errorf("SaudiNewsTrain(0): %d sentences, want 662 + 1069", len(all))
	}
	if got := snnFileNames(0); got != "data/snn-train.tsv + data/snn-train2.tsv" {
		t.Errorf("snnFileNames(0) = %q", got)
	}
}
