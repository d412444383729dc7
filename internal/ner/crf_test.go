package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestForwardBackward compares log Z and the marginals of forwardBackward
// with a sum over every allowed label sequence of a short sentence, under
// the BIO constraints.
func TestForwardBackward(t *testing.T) {
	labels := labelsFor("BIO")
	L, n := len(labels), 4
	trans32 := make([]float32, (L+1)*L)
	final := make([]float32, L)
	constrain(labels, "BIO", trans32, final)
	rng := rand.New(rand.NewPCG(1, 2))
	tr := make([]float64, len(trans32))
	for i, v := range trans32 {
		tr[i] = rng.NormFloat64()
		if v == negInf {
			tr[i] = math.Inf(-1)
		}
	}
	emit := make([]float64, n*L)
	for i := range emit {
		emit[i] = 2 * rng.NormFloat64()
	}
	alpha, beta, tmp := make([]float64, n*L), make([]float64, n*L), make([]float64, L)
	logZ := forwardBackward(emit, tr, n, L, alpha, beta, tmp)

	z := 0.0
	marg := make([]float64, n*L)
	seq := make([]int, n)
	var walk func(i int)
	walk = func(i int) {
		if i == n {
			s := tr[L*L+seq[0]] + emit[seq[0]]
			for k := 1; k < n; k++ {
				s += tr[seq[k-1]*L+seq[k]] + emit[k*L+seq[k]]
			}
			p := math.Exp(s)
			z += p
			for k, y := range seq {
				marg[k*L+y] += p
			}
			return
		}
		for y := 0; y < L; y++ {
			seq[i] = y
			walk(i + 1)
		}
	}
	walk(0)
	if math.Abs(math.Log(z)-logZ) > 1e-9 {
		t.Fatalf("log Z %.12f, brute force %.12f", logZ, math.Log(z))
	}
	for k := 0; k < n*L; k++ {
		got := math.Exp(alpha[k] + beta[k] - logZ)
		if math.Abs(got-marg[k]/z) > 1e-9 {
			t.Errorf("marginal %d: %.9f, brute force %.9f", k, got, marg[k]/z)
		}
	}
}

// TestTrainCRF trains the CRF learner on a toy task: a name after قال is a
// person, after وزارة the word and the next are an organisation.
func TestTrainCRF(t *testing.T) {
	var sents []Sentence
	names := []string{"زيد", "عمرو", "خالد", "سعد", "هند"}
	for i := 0; i < 60; i++ {
		n := names[i%len(names)]
		sents = append(sents,
			Sentence{Tokens: []string{"قال", n, "امس"}, Tags: []string{"O", "B-PERS", "O"}},
			Sentence{Tokens: []string{"اعلنت", "وزارة", n, "الجديدة"}, Tags: []string{"O", "B-ORG", "I-ORG", "I-ORG"}})
	}
	cfg := DefaultConfig()
	cfg.DocStage, cfg.Folds, cfg.Prune, cfg.Seeds = false, 0, 0, 1
	cfg.Learner, cfg.CRFAverage = "crf", true
	m, err := Train(cfg, sents)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want []string }{
		{[]string{"قال", "بكر", "امس"}, []string{"O", "B-PERS", "O"}},
		{[]string{"اعلنت", "وزارة", "بكر", "الجديدة"}, []string{"O", "B-ORG", "I-ORG", "I-ORG"}},
	} {
		got := m.Tag(c.in)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%v: %v, want %v", c.in, got, c.want)
				break
			}
		}
	}
}
