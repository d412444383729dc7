package compare

import (
	"fmt"
	"testing"

	"marsad"
	"marsad/internal/text/tokenize"
)

// sentRef is one sentence of one article of a story.
type sentRef struct{ art, sent int }

type pair struct{ a, b sentRef }

func mkPair(x, y sentRef) pair {
	if y.art < x.art || (y.art == x.art && y.sent < x.sent) {
		x, y = y, x
	}
	return pair{x, y}
}

// crossPairs are the pairs of sentences of different articles in refs.
func crossPairs(refs []sentRef, into map[pair]bool) {
	for i, x := range refs {
		for _, y := range refs[i+1:] {
			if x.art != y.art {
				into[mkPair(x, y)] = true
			}
		}
	}
}

// score counts matches between predicted and gold sets.
type score struct{ tp, pred, gold int }

func (s *score) add(pred, gold map[pair]bool) {
	for p := range pred {
		if gold[p] {
			s.tp++
		}
	}
	s.pred += len(pred)
	s.gold += len(gold)
}

func (s score) p() float64 { return ratio(s.tp, s.pred) }
func (s score) r() float64 { return ratio(s.tp, s.gold) }
func (s score) f() float64 {
	if s.p()+s.r() == 0 {
		return 0
	}
	return 2 * s.p() * s.r() / (s.p() + s.r())
}
func (s score) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d, predicted %d, gold %d)", s.p(), s.r(), s.f(), s.tp, s.pred, s.gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// evalResult is the score of Compare on one split of the gold set.
type evalResult struct {
	agree, conflict                  score
	uniqueTP, uniquePred, uniqueGold int
}

// evaluate runs Compare on every story of the split and scores its
// agreements and conflicts as aligned sentence pairs: every predicted
// claim's evidence is mapped to the sentence it lies in, and each pair of
// sentences of different articles is one predicted pair.
func evaluate(t *testing.T, stories []*goldStory, split string) evalResult {
	t.Helper()
	var res evalResult
	for _, g := range stories {
		if g.split != split {
			continue
		}
		arts := newsArticles(t, g.ids)
		idx := map[string]int{}
		for i, a := range arts {
			idx[a.ID] = i
		}
		ref := func(r goldRef) sentRef {
			s, err := resolve(arts[r.art], r.key)
			if err != nil {
				t.Fatalf("story %s: %v", g.name, err)
			}
			return sentRef{r.art, s}
		}
		goldAgree, goldConf := map[pair]bool{}, map[pair]bool{}
		for _, line := range g.agree {
			var rs []sentRef
			for _, r := range line {
				rs = append(rs, ref(r))
			}
			crossPairs(rs, goldAgree)
		}
		for _, line := range g.conflict {
			var rs []sentRef
			for _, r := range line {
				rs = append(rs, ref(r))
			}
			crossPairs(rs, goldConf)
		}
		goldUnique := map[sentRef]bool{}
		for _, r := range g.unique {
			goldUnique[ref(r)] = true
		}

		c := Compare(arts)
		checkEvidence(t, arts, c)
		evRef := func(e marsad.Evidence) sentRef {
			i := idx[e.Article]
			return sentRef{i, sentenceOf(arts[i], e.Start)}
		}
		predAgree, predConf := map[pair]bool{}, map[pair]bool{}
		for _, cl := range c.Agreements {
			var rs []sentRef
			for _, e := range cl.Sources {
				rs = append(rs, evRef(e))
			}
			crossPairs(rs, predAgree)
		}
		for _, cf := range c.Conflicts {
			// A conflict lists every variant, agreeing ones included
			// ("9 آخرين" and "تسعة آخرين" against "سبعة آخرين"): only
			// variants that differ are predicted contradictions.
			for i, x := range cf.Variants {
				for _, y := range cf.Variants[i+1:] {
					if x.Article != y.Article && variantsDiffer(x.Text, y.Text) {
						predConf[mkPair(evRef(x), evRef(y))] = true
					}
				}
			}
		}
		var st score
		st.add(predAgree, goldAgree)
		res.agree.tp, res.agree.pred, res.agree.gold = res.agree.tp+st.tp, res.agree.pred+st.pred, res.agree.gold+st.gold
		res.conflict.add(predConf, goldConf)
		// Unique: whole-sentence exclusives only (details inside shared
		// sentences are not annotated).
		for _, cl := range c.Unique {
			if len(cl.Sources) != 1 {
				continue
			}
			r := evRef(cl.Sources[0])
			s := arts[r.art].Sentences[r.sent]
			if cl.Sources[0].Start != s.Start || cl.Sources[0].End != s.End {
				continue
			}
			res.uniquePred++
			if goldUnique[r] {
				res.uniqueTP++
			} else if testing.Verbose() {
				t.Logf("%s: false unique %c%d", g.name, 'A'+r.art, r.sent)
			}
		}
		res.uniqueGold += len(goldUnique)
		if testing.Verbose() {
			for p := range predAgree {
				if !goldAgree[p] {
					t.Logf("%s: false agreement %c%d–%c%d", g.name, 'A'+p.a.art, p.a.sent, 'A'+p.b.art, p.b.sent)
				}
			}
			for p := range goldAgree {
				if !predAgree[p] {
					t.Logf("%s: missed agreement %c%d–%c%d", g.name, 'A'+p.a.art, p.a.sent, 'A'+p.b.art, p.b.sent)
				}
			}
			for p := range predConf {
				if !goldConf[p] {
					t.Logf("%s: false conflict %c%d–%c%d", g.name, 'A'+p.a.art, p.a.sent, 'A'+p.b.art, p.b.sent)
				}
			}
			for p := range goldConf {
				if !predConf[p] {
					t.Logf("%s: missed conflict %c%d–%c%d", g.name, 'A'+p.a.art, p.a.sent, 'A'+p.b.art, p.b.sent)
				}
			}
		}
	}
	return res
}

// checkEvidence asserts the contract: every evidence's text is its span of
// its article.
func checkEvidence(t *testing.T, arts []*marsad.Article, c marsad.Comparison) {
	t.Helper()
	byID := map[string]*marsad.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	check := func(e marsad.Evidence) {
		a := byID[e.Article]
		if a == nil {
			t.Errorf("evidence from unknown article %q", e.Article)
			return
		}
		if !(marsad.Span{Start: e.Start, End: e.End}).Valid(len(a.Text)) || a.Text[e.Start:e.End] != e.Text {
			t.Errorf("%s: evidence %d–%d %q is not the text of its span", e.Article, e.Start, e.End, e.Text)
		}
	}
	// No claim is listed twice.
	seen := map[string]bool{}
	for _, x := range c.Agreements {
		if seen[x.Claim] {
			t.Errorf("agreement listed twice: %q", x.Claim)
		}
		seen[x.Claim] = true
	}
	seenUnique := map[string]bool{}
	for _, x := range c.Unique {
		k := fmt.Sprint(x)
		if seenUnique[k] {
			t.Errorf("exclusive listed twice: %q", x.Claim)
		}
		seenUnique[k] = true
	}
	for _, x := range c.Agreements {
		if len(x.Sources) < 2 {
			t.Errorf("agreement with %d sources: %q", len(x.Sources), x.Claim)
		}
		for _, e := range x.Sources {
			check(e)
		}
	}
	for _, x := range c.Unique {
		for _, e := range x.Sources {
			check(e)
		}
	}
	for _, x := range c.Conflicts {
		for _, e := range x.Variants {
			check(e)
		}
	}
}

// Floors, a little under the scores measured when they were set (dev:
// agreements P 1.000 R 0.852 (0.980 once one claim's two groups became one
// claim; test 0.941), conflicts P 1.00 R 0.545, unique sentences
// P 0.750 R 1.000; test: agreements P 0.955 R 0.928, conflicts P 1.00
// R 0.50, unique P 0.545 R 1.00 — see testdata/README.md). The held-out
// floors say what Compare does on stories it was not tuned on; with 4
// held-out conflict pairs one error moves the conflict score a lot, so its
// floor is loose.
var floors = map[string]struct{ agreeP, agreeR, confP, confR, uniqP, uniqR float64 }{
	"dev":  {0.95, 0.80, 0.80, 0.45, 0.60, 0.80},
	"test": {0.90, 0.87, 0.60, 0.40, 0.40, 0.80},
}

func TestClaimAlignment(t *testing.T) {
	stories, err := readGold("testdata/claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test"} {
		res := evaluate(t, stories, split)
		fmt.Printf("compare %s: agreements %v\n", split, res.agree)
		fmt.Printf("compare %s: conflicts  %v\n", split, res.conflict)
		fmt.Printf("compare %s: unique sentences P %.3f R %.3f (tp %d, predicted %d, gold %d)\n", split,
			ratio(res.uniqueTP, res.uniquePred), ratio(res.uniqueTP, res.uniqueGold), res.uniqueTP, res.uniquePred, res.uniqueGold)
		f := floors[split]
		if res.agree.p() < f.agreeP || res.agree.r() < f.agreeR {
			t.Errorf("%s agreements below floor (P %.2f R %.2f): %v", split, f.agreeP, f.agreeR, res.agree)
		}
		if res.conflict.p() < f.confP || res.conflict.r() < f.confR {
			t.Errorf("%s conflicts below floor (P %.2f R %.2f): %v", split, f.confP, f.confR, res.conflict)
		}
		if up, ur := ratio(res.uniqueTP, res.uniquePred), ratio(res.uniqueTP, res.uniqueGold); up < f.uniqP || ur < f.uniqR {
			t.Errorf("%s unique sentences below floor (P %.2f R %.2f): P %.3f R %.3f", split, f.uniqP, f.uniqR, up, ur)
		}
	}
}

// variantsDiffer compares two conflict variants by their first number when
// both have one, else by their words.
func variantsDiffer(a, b string) bool {
	x, okx := firstValue(a)
	y, oky := firstValue(b)
	if okx && oky {
		return x != y
	}
	return keyForm(a) != keyForm(b)
}

func firstValue(s string) (float64, bool) {
	lx := mustLexicon()
	toks := tokenize.Tokens(s)
	for i, t := range toks {
		switch t.Kind {
		case tokenize.Number:
			return ParseNumber(t.Text)
		case tokenize.Word:
			if v, _, ok := lx.numberWords(toks, i); ok {
				return v, true
			}
		}
	}
	return 0, false
}
