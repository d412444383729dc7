package event

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"

	"marsad"
)

// goldCands are the proposals of the hybrid for one gold sentence, with
// their labels (the proposal matches a gold event of its type).
type goldCands struct {
	g      GoldSentence
	a      *marsad.Article
	cands  []candidate
	labels []bool
}

// collectCandidates runs the hybrid's proposal step with the gold
// participants as the only entities on every gold sentence.
//
// With pipeline set, arts are articles the pipeline analyzed (their
// entities are kept, nothing is injected): what a user gets.
func collectCandidates(t testing.TB, gold []GoldSentence, arts map[string]*marsad.Article, pipeline bool) []goldCands {
	t.Helper()
	lx, err := NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	byArt := map[string][]GoldSentence{}
	var ids []string
	for _, g := range gold {
		if _, ok := byArt[g.Article]; !ok {
			ids = append(ids, g.Article)
		}
		byArt[g.Article] = append(byArt[g.Article], g)
	}
	var out []goldCands
	for _, id := range ids {
		var a *marsad.Article
		if pipeline {
			b := *arts[id]
			a = &b
		} else {
			a = copyArticle(arts[id])
			for _, g := range byArt[id] {
				if err := InjectGold(a, g); err != nil {
					t.Fatal(err)
				}
			}
		}
		var all []candidate
		c := &Coder{lx: lx.lx, propose: func(cs []candidate) []marsad.Event {
			all = append(all, cs...)
			return nil
		}}
		if err := c.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, g := range byArt[id] {
			s, err := goldSpan(a, g)
			if err != nil {
				t.Fatal(err)
			}
			gc := goldCands{g: g, a: a}
			for _, cd := range all {
				if (marsad.Span{Start: cd.ev.Start, End: cd.ev.End}).Overlaps(s) {
					b := *a
					b.Events = []marsad.Event{cd.ev}
					sc, _, err := ScoreSentence(&b, g)
					if err != nil {
						t.Fatal(err)
					}
					gc.cands = append(gc.cands, cd)
					gc.labels = append(gc.labels, sc.TypeRight > 0)
				}
			}
			out = append(out, gc)
		}
	}
	return out
}

// scoreKept scores the proposals keep selects in every sentence given.
func scoreKept(t testing.TB, gcs []goldCands, keep func(candidate) bool) Score {
	var total Score
	for _, gc := range gcs {
		b := *gc.a
		b.Events = nil
		for _, cd := range gc.cands {
			if !keep(cd) {
				continue
			}
			dup := false
			for _, e := range b.Events {
				if e.Type == cd.ev.Type && same(e.Actors, cd.ev.Actors) && same(e.Targets, cd.ev.Targets) && e.Mode == cd.ev.Mode {
					dup = true
				}
			}
			if !dup {
				b.Events = append(b.Events, cd.ev)
			}
		}
		sc, _, err := ScoreSentence(&b, gc.g)
		if err != nil {
			t.Fatal(err)
		}
		total = total.Add(sc)
	}
	return total
}

// trainOn fits the filter on the proposals of the sentences given (kinds:
// which proposals it sees), shuffled with a fixed seed.
func trainOn(gcs []goldCands, kinds string, epochs int, seed int64) *filter {
	var cs []candidate
	var ls []bool
	for _, gc := range gcs {
		for i, cd := range gc.cands {
			if strings.Contains(kinds, cd.kind) {
				cs = append(cs, cd)
				ls = append(ls, gc.labels[i])
			}
		}
	}
	r := rand.New(rand.NewSource(seed))
	r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i]; ls[i], ls[j] = ls[j], ls[i] })
	return trainFilter(cs, ls, epochs)
}

// TestHybridCV compares the rules with the rule+classifier hybrid by
// cross-validation over the annotated splits (MARSAD_EVENT_HYBRID=1): each
// split in turn is held out, the filter is trained on the others, and both
// are scored on it with the gold participants as entities. The held-out
// split (HeldOut) is left out and never used here.
func TestHybridCV(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_HYBRID") == "" {
		t.Skip("set MARSAD_EVENT_HYBRID=1 to cross-validate the hybrid")
	}
	gold, arts := loadGold(t)
	gold = slices.DeleteFunc(gold, func(g GoldSentence) bool { return g.Split == HeldOut })
	cached := os.Getenv("MARSAD_EVENT_CACHE") != ""
	if cached {
		arts = readCache(t)
	}
	gcs := collectCandidates(t, gold, arts, cached)
	folds := []string{"dev", "dev2", "test", "train", "test3"}
	epochs := 10
	fmt.Sscan(os.Getenv("MARSAD_EVENT_EPOCHS"), &epochs)
	variants := []struct {
		name, kinds string
	}{{"rules", ""}, {"rules+alt+fallback, no filter", "*"}, {"filter on rule proposals", "rule"}, {"hybrid: filter on rule+alt+fallback", "rule alt fallback"}, {"filter on rule+alt", "rule alt"}, {"filter on rule+fallback", "rule fallback"}}
	totals := make([]Score, len(variants))
	for _, fold := range folds {
		var tr, te []goldCands
		for _, gc := range gcs {
			if gc.g.Split == fold {
				te = append(te, gc)
			} else {
				tr = append(tr, gc)
			}
		}
		for vi, v := range variants {
			var keep func(candidate) bool
			switch v.kinds {
			case "":
				keep = func(c candidate) bool { return c.kind == "rule" }
			case "*":
				keep = func(c candidate) bool { return true }
			default:
				f := trainOn(tr, v.kinds, epochs, 1)
				kinds := v.kinds
				keep = func(c candidate) bool { return strings.Contains(kinds, c.kind) && f.score(c.feats) > 0 }
			}
			sc := scoreKept(t, te, keep)
			totals[vi] = totals[vi].Add(sc)
			t.Logf("%-6s %-38s %s", fold, v.name, sc)
		}
	}
	for vi, v := range variants {
		t.Logf("ALL    %-38s %s", v.name, totals[vi])
	}
}

// TestTrainFilter writes data/filter.tsv, the filter trained on every
// annotated split of events-gold.txt (MARSAD_EVENT_TRAIN_FILTER=1).
func TestTrainFilter(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_TRAIN_FILTER") == "" {
		t.Skip("set MARSAD_EVENT_TRAIN_FILTER=1 to retrain data/filter.tsv")
	}
	gold, arts := loadGold(t)
	gold = slices.DeleteFunc(gold, func(g GoldSentence) bool { return g.Split == HeldOut })
	cached := os.Getenv("MARSAD_EVENT_CACHE") != ""
	if cached {
		arts = readCache(t)
	}
	gcs := collectCandidates(t, gold, arts, cached)
	f := trainOn(gcs, os.Getenv("MARSAD_EVENT_TRAIN_FILTER"), 10, 1)
	out, err := os.Create("data/filter.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	n := 0
	for _, gc := range gcs {
		n += len(gc.cands)
	}
	hdr := fmt.Sprintf(`Event proposal filter of the rule+classifier hybrid (hybrid.go): averaged
perceptron weights, one feature and its weight a line. Trained by
TestTrainFilter (MARSAD_EVENT_TRAIN_FILTER=1) on the %d proposals of the %d
annotated sentences of the tuning splits (gold participants as entities),
10 epochs, shuffle seed 1. Label: the proposal matches a gold event of its
type. The held-out set (testdata/README.md) is not used. Cross-validated comparison with the rules: testdata/README.md.`, n, len(gcs))
	if err := f.write(out, hdr); err != nil {
		t.Fatal(err)
	}
}

// readCache reads the pipeline's analyses written by TestCachePipeline.
func readCache(t testing.TB) map[string]*marsad.Article {
	t.Helper()
	b, err := os.ReadFile(os.Getenv("MARSAD_EVENT_CACHE"))
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]*marsad.Article{}
	if err := json.Unmarshal(b, &arts); err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestMissDiagnosis sorts the gold events the rules miss on the tuning
// splits (MARSAD_EVENT_MISSES=1): no trigger of the gold type in the
// sentence (a lexicon gap) or one whose arguments were not found.
func TestMissDiagnosis(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_MISSES") == "" {
		t.Skip("set MARSAD_EVENT_MISSES=1")
	}
	gold, arts := loadGold(t)
	c := New()
	counts := map[string]int{}
	for _, g := range gold {
		if g.Split == HeldOut {
			continue
		}
		a := copyArticle(arts[g.Article])
		if err := InjectGold(a, g); err != nil {
			t.Fatal(err)
		}
		s, _ := goldSpan(a, g)
		st := &state{c: c, a: a, ms: mentionsOf(a), seen: map[int]bool{}}
		st.sentence(s)
		for _, ge := range g.Events {
			found := false
			for _, e := range a.Events {
				if e.Type == ge.Type {
					found = true
				}
			}
			if found {
				continue
			}
			kind := "no trigger"
			var trs []string
			for _, tr := range st.trigs {
				trs = append(trs, tr.p.Type+":"+st.toks[tr.first].norm)
				if tr.p.Type == ge.Type {
					kind = "trigger, no event"
				} else if kind == "no trigger" {
					kind = "other type only"
				}
			}
			counts[g.Split+" "+kind]++
			if os.Getenv("MARSAD_EVENT_MISSES") == "2" {
				t.Logf("%d %s %s: %s %v | %s", g.Line, g.Split, ge.Type, kind, trs, a.Text[s.Start:s.End])
			}
		}
	}
	for k, v := range counts {
		t.Logf("%s: %d", k, v)
	}
}
