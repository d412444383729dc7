package ner

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// crf trains a linear-chain conditional random field (Lafferty et al.
// 2001) over the same features and label constraints as the perceptron:
// it minimises the L2-regularised negative log-likelihood of the gold
// label sequences with stochastic gradient descent, one sentence at a
// time (Bottou's crfsgd schedule: rate η₀ / (1 + λ η₀ t), the L2 term
// applied to all weights at once through a shared scale factor, so a step
// costs only the sentence's features). Forward-backward runs in log space
// under the same BIO-constrained transitions that Viterbi uses in tagging,
// so the model normalises over exactly the sequences it can output.
//
// It returns, like perceptron, the weights as a news sentence sees them
// (shared rows plus the news copy) and the transitions. With
// cfg.CRFAverage, the weights are the mean of the end-of-epoch weights of
// the second half of training, a cheap form of iterate averaging.
func (m *Model) crf(cfg Config, data []trainSent, rows, R int, mask []float32) (avgW, avgTrans []float64) {
	L := len(m.labels)
	lambda := cfg.L2
	if lambda <= 0 {
		lambda = 1 / float64(len(data))
	}
	eta0 := cfg.Eta
	if eta0 <= 0 {
		eta0 = 0.1
	}
	// The shrinkage factor 1 − η·λ must stay positive (a tiny training set
	// makes the default λ = 1/N large).
	lambda = min(lambda, 0.5/eta0)
	v := make([]float64, rows*L) // true weight = scale · v
	scale := 1.0
	tr := make([]float64, (L+1)*L)
	for i := range tr {
		if mask[i] == negInf {
			tr[i] = math.Inf(-1)
		}
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6d61727361640a))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	dropout := newFeatureDropout(cfg.Dropout)
	var (
		emit, alpha, beta []float64
		tmp               = make([]float64, L)
	)
	var sumW, sumT []float64
	snaps := 0
	firstAvg := cfg.Epochs/2 + 1
	t := 0.0
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		loss := 0.0
		for _, si := range order {
			s := &data[si]
			n := len(s.gold)
			feats := dropout.apply(rng, s.feats)
			emit = growF(emit, n*L)
			alpha = growF(alpha, n*L)
			beta = growF(beta, n*L)
			for i := 0; i < n; i++ {
				e := emit[i*L : (i+1)*L]
				clear(e)
				for _, r := range feats[i] {
					row := v[int(r)*L : int(r+1)*L]
					for y := range e {
						e[y] += row[y]
					}
				}
				for y := range e {
					e[y] *= scale
				}
			}
			logZ := forwardBackward(emit, tr, n, L, alpha, beta, tmp)
			start := tr[L*L:]
			gold := start[s.gold[0]] + emit[int(s.gold[0])]
			for i := 1; i < n; i++ {
				gold += tr[int(s.gold[i-1])*L+int(s.gold[i])] + emit[i*L+int(s.gold[i])]
			}
			loss += logZ - gold

			eta := eta0 / (1 + lambda*eta0*t)
			t++
			// L2 shrinkage of every weight at once.
			scale *= 1 - eta*lambda
			step := eta / scale
			// Emission gradient: marginal minus gold indicator.
			for i := 0; i < n; i++ {
				g := tmp
				for y := 0; y < L; y++ {
					g[y] = math.Exp(alpha[i*L+y] + beta[i*L+y] - logZ)
				}
				g[s.gold[i]] -= 1
				for _, r := range feats[i] {
					row := v[int(r)*L : int(r+1)*L]
					for y := range row {
						row[y] -= step * g[y]
					}
				}
			}
			// Transition gradient (not regularised: 90 weights).
			for y := 0; y < L; y++ {
				if !math.IsInf(start[y], -1) {
					start[y] -= eta * math.Exp(alpha[y]+beta[y]-logZ)
				}
			}
			start[s.gold[0]] += eta
			for i := 1; i < n; i++ {
				for p := 0; p < L; p++ {
					a := alpha[(i-1)*L+p]
					if math.IsInf(a, -1) {
						continue
					}
					for y := 0; y < L; y++ {
						k := p*L + y
						if math.IsInf(tr[k], -1) {
							continue
						}
						tr[k] -= eta * math.Exp(a+tr[k]+emit[i*L+y]+beta[i*L+y]-logZ)
					}
				}
				tr[int(s.gold[i-1])*L+int(s.gold[i])] += eta
			}
			if scale < 1e-6 {
				for i := range v {
					v[i] *= scale
				}
				scale = 1
			}
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "crf epoch %d: loss %.1f\n", epoch, loss)
		}
		if cfg.CRFAverage && epoch >= firstAvg {
			if sumW == nil {
				sumW, sumT = make([]float64, len(v)), make([]float64, len(tr))
			}
			for i, x := range v {
				sumW[i] += scale * x
			}
			for i, x := range tr {
				sumT[i] += x
			}
			snaps++
		}
	}
	if snaps == 0 {
		sumW, sumT, snaps = v, tr, 1
		for i := range sumW {
			sumW[i] *= scale
		}
	}
	n := R * L
	avgW = make([]float64, n)
	for i := range avgW {
		avgW[i] = sumW[i] / float64(snaps)
		if len(sumW) > n {
			avgW[i] += sumW[n+i] / float64(snaps)
		}
	}
	avgTrans = make([]float64, len(sumT))
	for i, x := range sumT {
		if math.IsInf(x, -1) {
			avgTrans[i] = 0 // masked again by setWeights
			continue
		}
		avgTrans[i] = x / float64(snaps)
	}
	return avgW, avgTrans
}

// forwardBackward fills alpha and beta (n × L, log space) for emission
// scores emit (n × L) and transitions tr ((L+1) × L, the last row from the
// sentence start; -Inf where forbidden), and returns log Z, the log of the
// sum of the scores of all allowed label sequences. Every sequence may end
// with any label (BIO). The marginal of label y at i is
// exp(alpha[i,y] + beta[i,y] − log Z). tmp holds L values of scratch.
func forwardBackward(emit, tr []float64, n, L int, alpha, beta, tmp []float64) float64 {
	start := tr[L*L:]
	for y := 0; y < L; y++ {
		alpha[y] = start[y] + emit[y]
	}
	for i := 1; i < n; i++ {
		prev := alpha[(i-1)*L : i*L]
		for y := 0; y < L; y++ {
			for p := 0; p < L; p++ {
				tmp[p] = prev[p] + tr[p*L+y]
			}
			alpha[i*L+y] = logSumExp(tmp) + emit[i*L+y]
		}
	}
	for y := 0; y < L; y++ {
		beta[(n-1)*L+y] = 0
	}
	for i := n - 2; i >= 0; i-- {
		for y := 0; y < L; y++ {
			for z := 0; z < L; z++ {
				tmp[z] = tr[y*L+z] + emit[(i+1)*L+z] + beta[(i+1)*L+z]
			}
			beta[i*L+y] = logSumExp(tmp)
		}
	}
	return logSumExp(alpha[(n-1)*L : n*L])
}

func logSumExp(xs []float64) float64 {
	mx := math.Inf(-1)
	for _, x := range xs {
		if x > mx {
			mx = x
		}
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	s := 0.0
	for _, x := range xs {
		s += math.Exp(x - mx)
	}
	return mx + math.Log(s)
}

func growF(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
