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

// TestSaudiNewsTrain2 checks the second annotation file (session 7) against
// the counts data/README.md reports, and that SaudiNewsTrain(0) reads both.
func TestSaudiNewsTrain2(t *testing.T) {
	all, err := SaudiNewsTrain(0)
	if err != nil {
		t.Fatal(err)
	}
	first, err := SaudiNewsTrain(1)
	if err != nil {
		t.Fatal(err)
	}
	s := all[len(first):]
	names := map[string]int{}
	for _, x := range s {
		for _, c := range Chunks(x.Tags) {
			names[c.Type]++
		}
	}
	if len(s) != 1069 || names["PERS"] != 440 || names["LOC"] != 513 || names["ORG"] != 653 || names["MISC"] != 233 {
		t.Errorf("snn-train2: %d sentences, names %v; data/README.md says 1069 and PERS 440, LOC 513, ORG 653, MISC 233", len(s), names)
	}
}
