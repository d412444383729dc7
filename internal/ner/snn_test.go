package ner

import "testing"

// TestSaudiNewsTrain checks that the annotated Saudi news parse and hold
// the names data/README.md reports.
func TestSaudiNewsTrain(t *testing.T) {
	s, err := SaudiNewsTrain()
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
