package event

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// TestClassifierComparison compares, by cross-validation over the three
// tuning splits (train on two, test on the third; test3 is never used),
// the rule coder with a trained sentence classifier (an averaged
// perceptron over clitic-stripped words, word pairs and the rules'
// trigger types) that decides each sentence's event type or no event
// (MARSAD_EVENT_CLASSIFIER=1). The result is recorded in
// testdata/README.md; the classifier was not adopted.
func TestClassifierComparison(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_CLASSIFIER") == "" {
		t.Skip("set MARSAD_EVENT_CLASSIFIER=1")
	}
	gold, arts := loadGold(t)
	type example struct {
		g     GoldSentence
		feats []string
		label string   // the first gold event's type or NONE
		types []string // all gold types
		rules []string // the rules' predicted types
	}
	var exs []example
	c := New()
	for _, g := range gold {
		if g.Split == "test3" {
			continue
		}
		a := copyArticle(arts[g.Article])
		if err := InjectGold(a, g); err != nil {
			t.Fatal(err)
		}
		if err := c.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		s, err := goldSpan(a, g)
		if err != nil {
			t.Fatal(err)
		}
		ex := example{g: g, label: "NONE"}
		for i, e := range g.Events {
			if i == 0 {
				ex.label = e.Type
			}
			ex.types = append(ex.types, e.Type)
		}
		for _, e := range a.Events {
			if (marsad.Span{Start: e.Start, End: e.End}).Overlaps(s) {
				ex.rules = append(ex.rules, e.Type)
			}
		}
		prev := ""
		for _, tk := range tokenize.Tokens(a.Text[s.Start:s.End]) {
			if tk.Kind != tokenize.Word {
				continue
			}
			k := wordKey(normalize.Search(tk.Text))
			ex.feats = append(ex.feats, "w:"+k, "b:"+prev+"_"+k)
			prev = k
		}
		for _, r := range ex.rules {
			ex.feats = append(ex.feats, "rule:"+r)
		}
		ex.feats = append(ex.feats, "bias")
		exs = append(exs, ex)
	}
	var classes []string
	seen := map[string]bool{}
	for _, ex := range exs {
		if !seen[ex.label] {
			seen[ex.label] = true
			classes = append(classes, ex.label)
		}
	}
	sort.Strings(classes)
	type counts struct{ gold, ruleRight, clfRight, ruleFalse, clfFalse, rulePred, clfPred int }
	var tot counts
	for _, held := range []string{"dev", "dev2", "test"} {
		w := map[string]map[string]float64{}
		sum := map[string]map[string]float64{}
		for _, cl := range classes {
			w[cl], sum[cl] = map[string]float64{}, map[string]float64{}
		}
		score := func(ws map[string]map[string]float64, f []string) string {
			best, bs := "", -1e18
			for _, cl := range classes {
				v := 0.0
				for _, x := range f {
					v += ws[cl][x]
				}
				if v > bs {
					best, bs = cl, v
				}
			}
			return best
		}
		step := 0.0
		for epoch := 0; epoch < 10; epoch++ {
			for _, ex := range exs {
				if ex.g.Split == held {
					continue
				}
				step++
				if p := score(w, ex.feats); p != ex.label {
					for _, x := range ex.feats {
						w[ex.label][x]++
						w[p][x]--
						sum[ex.label][x] += step
						sum[p][x] -= step
					}
				}
			}
		}
		avg := map[string]map[string]float64{}
		for _, cl := range classes {
			avg[cl] = map[string]float64{}
			for x, v := range w[cl] {
				avg[cl][x] = v - sum[cl][x]/(step+1)
			}
		}
		var n counts
		for _, ex := range exs {
			if ex.g.Split != held {
				continue
			}
			n.gold += len(ex.types)
			p := score(avg, ex.feats)
			if p != "NONE" {
				n.clfPred++
				if contains(ex.types, p) {
					n.clfRight++
				} else {
					n.clfFalse++
				}
			}
			used := map[string]int{}
			for _, r := range ex.rules {
				n.rulePred++
				if used[r] < count(ex.types, r) {
					used[r]++
					n.ruleRight++
				} else {
					n.ruleFalse++
				}
			}
		}
		t.Logf("held %-4s: gold events %d | rules: type %d (%.3f), false %d/%d | classifier: type %d (%.3f), false %d/%d",
			held, n.gold, n.ruleRight, float64(n.ruleRight)/float64(n.gold), n.ruleFalse, n.rulePred, n.clfRight, float64(n.clfRight)/float64(n.gold), n.clfFalse, n.clfPred)
		tot.gold += n.gold
		tot.ruleRight += n.ruleRight
		tot.clfRight += n.clfRight
		tot.ruleFalse += n.ruleFalse
		tot.clfFalse += n.clfFalse
		tot.rulePred += n.rulePred
		tot.clfPred += n.clfPred
	}
	t.Logf("%s", fmt.Sprintf("all folds: gold events %d | rules: type %.3f, false %d/%d | classifier: type %.3f, false %d/%d",
		tot.gold, float64(tot.ruleRight)/float64(tot.gold), tot.ruleFalse, tot.rulePred, float64(tot.clfRight)/float64(tot.gold), tot.clfFalse, tot.clfPred))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func count(xs []string, x string) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}
