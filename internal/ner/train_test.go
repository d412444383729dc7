package ner

import (
	"bytes"
	"reflect"
	"testing"
)

// TestTrainSmall trains on a slice of ANERcorp (a quarter of the training
// part, 4 epochs, the embedded clusters, 20k tokens of unlabeled news, both
// stages) and gates its dev score. It needs ../shared/data and fails
// without it.
func TestTrainSmall(t *testing.T) {
	train, dev, err := ANERcorp()
	if err != nil {
		t.Fatal(err)
	}
	cl, sum, err := DefaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Epochs = 4
	cfg.Clusters = cl
	if cfg.Unlabeled, err = UnlabeledNews(20000, 50); err != nil {
		t.Fatal(err)
	}
	m, err := Train(cfg, train[len(train)*3/4:])
	if err != nil {
		t.Fatal(err)
	}
	sc, err := m.Score(dev)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("small model: dev F1 %.2f (P %.2f R %.2f), %d features", sc.All.F1(), sc.All.P(), sc.All.R(), len(m.index))
	// Measured 2026-11-23: 65.3.
	if f := sc.All.F1(); f < 62 {
		t.Errorf("small model dev F1 %.2f < 62", f)
	}

	// Save and Load give the same tags.
	var buf bytes.Buffer
	if err := m.Save(&buf, sum); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf, cl, sum)
	if err != nil {
		t.Fatal(err)
	}
	diff := 0
	for _, s := range dev {
		if !reflect.DeepEqual(m.Tag(s.Tokens), m2.Tag(s.Tokens)) {
			diff++
		}
	}
	if diff > len(dev)/100 {
		t.Errorf("%d of %d sentences tagged differently after Save/Load", diff, len(dev))
	}
	if _, err := Load(bytes.NewReader(buf.Bytes()), cl, "other"); err == nil {
		t.Error("Load accepted mismatched clusters")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(DefaultConfig(), nil); err == nil {
		t.Error("no error for empty training data")
	}
	cfg := DefaultConfig()
	cfg.Scheme = "IO"
	if _, err := Train(cfg, []Sentence{{Tokens: []string{"x"}, Tags: []string{"O"}}}); err == nil {
		t.Error("no error for unknown scheme")
	}
}
