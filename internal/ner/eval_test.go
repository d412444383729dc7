package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tags := []string{"B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC"}
	want := []Span{{0, 2, "PERS"}, {3, 5, "LOC"}, {5, 6, "LOC"}, {6, 7, "ORG"}, {7, 8, "MISC"}}
	if got := Chunks(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("Chunks = %v, want %v", got, want)
	}
}

func TestEvaluate(t *testing.T) {
	gold := [][]string{{"B-PERS", "I-PERS", "O", "B-LOC"}, {"B-ORG", "I-ORG"}}
	pred := [][]string{{"B-PERS", "O", "O", "B-LOC"}, {"B-ORG", "I-ORG"}}
	s, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	if s.All != (Count{Gold: 3, Pred: 3, Correct: 2}) || s.ByType["PERS"] != (Count{1, 1, 0}) {
		t.Errorf("scores %+v", s)
	}
	var b strings.Builder
	if err := s.Report(&b); err != nil || !strings.Contains(b.String(), "all      66.67   66.67   66.67") {
		t.Errorf("report:\n%s", b.String())
	}
	if _, err := Evaluate(gold, pred[:1]); err == nil {
		t.Error("shape mismatch not reported")
	}
}

func TestScheme(t *testing.T) {
	bio := []string{"B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "I-ORG"}
	bilou := toScheme(bio, "BILOU")
	want := []string{"B-PERS", "I-PERS", "L-PERS", "O", "U-LOC", "U-ORG"}
	if !reflect.DeepEqual(bilou, want) {
		t.Errorf("toScheme = %v", bilou)
	}
	if back := toBIO(bilou); !reflect.DeepEqual(back, []string{"B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "B-ORG"}) {
		t.Errorf("toBIO = %v", back)
	}
	if allowed("O", "I-LOC", "BIO") || allowed("", "I-LOC", "BIO") || !allowed("B-LOC", "I-LOC", "BIO") || allowed("B-LOC", "I-ORG", "BIO") {
		t.Error("BIO constraints")
	}
	if allowed("B-LOC", "O", "BILOU") || !allowed("L-LOC", "O", "BILOU") || allowedEnd("I-LOC", "BILOU") {
		t.Error("BILOU constraints")
	}
}
