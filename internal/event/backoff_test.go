package event

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"marsad"
)

// labelled is a gold sentence with its typer example and whether the
// rules alone code an event in it.
type labelled struct {
	g     GoldSentence
	ex    typerExample
	rules bool
}

// prepared returns the articles of the gold sentences as the coder sees
// them: with the gold participants injected, or (pipeline) as the
// pipeline's cached analyses left them.
func prepared(t testing.TB, gold []GoldSentence, arts map[string]*marsad.Article, pipeline bool) map[string]*marsad.Article {
	t.Helper()
	out := map[string]*marsad.Article{}
	for _, g := range gold {
		a := out[g.Article]
		if a == nil {
			if pipeline {
				b := *arts[g.Article]
				b.Events = nil
				a = &b
			} else {
				a = copyArticle(arts[g.Article])
			}
			out[g.Article] = a
		}
		if !pipeline {
			if err := InjectGold(a, g); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

// typerData computes the typer's example for every gold sentence.
func typerData(t testing.TB, gold []GoldSentence, arts map[string]*marsad.Article) []labelled {
	t.Helper()
	c := New()
	c.typer = nil // the rules alone
	var out []labelled
	for _, g := range gold {
		a := arts[g.Article]
		s, err := goldSpan(a, g)
		if err != nil {
			t.Fatal(err)
		}
		st := &state{c: c, a: a, ms: mentionsOf(a), seen: map[int]bool{}}
		b := *a
		b.Events = nil
		st.a = &b
		st.sentence(s)
		rules := len(b.Events) > 0
		st.prepare(s)
		l := labelled{g: g, rules: rules, ex: typerExample{feats: st.sentenceFeatures()}}
		for _, e := range g.Events {
			l.ex.types = append(l.ex.types, e.Type)
		}
		out = append(out, l)
	}
	return out
}

// scoreWith codes the articles of the gold sentences with coder c and
// scores the sentences.
func scoreWith(t testing.TB, c *Coder, gold []GoldSentence, arts map[string]*marsad.Article) Score {
	t.Helper()
	var total Score
	done := map[string]*marsad.Article{}
	for _, g := range gold {
		a := done[g.Article]
		if a == nil {
			b := *arts[g.Article]
			b.Events = nil
			a = &b
			if err := c.Annotate(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			done[g.Article] = a
		}
		sc, _, err := ScoreSentence(a, g)
		if err != nil {
			t.Fatal(err)
		}
		total = total.Add(sc)
	}
	return total
}

// backoffData reads the tuning splits (never HeldOut) with the gold
// participants as entities, or the pipeline's when MARSAD_EVENT_CACHE is
// set, and returns their typer examples and articles.
func backoffData(t *testing.T) ([]labelled, map[string]*marsad.Article) {
	t.Helper()
	gold, arts := loadGold(t)
	gold = slices.DeleteFunc(gold, func(g GoldSentence) bool { return g.Split == HeldOut })
	pipeline := os.Getenv("MARSAD_EVENT_CACHE") != ""
	if pipeline {
		arts = readCache(t)
	}
	arts = prepared(t, gold, arts, pipeline)
	data := typerData(t, gold, arts)
	return data, arts
}

// TestBackoffCV compares the rules alone with the rules plus the trained
// backoff by leave-one-split-out over the tuning splits
// (MARSAD_EVENT_BACKOFF=1; MARSAD_EVENT_CACHE for the pipeline's entities
// instead of the gold participants): each split in turn is held out, the
// typer is trained on the others, and both coders are scored on it. The
// held-out split (HeldOut) is never read. MARSAD_EVENT_MARGIN sets the
// margin, MARSAD_EVENT_EPOCHS the epochs, MARSAD_EVENT_EMPTY=1 trains on
// the sentences the rules leave empty only.
func TestBackoffCV(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_BACKOFF") == "" {
		t.Skip("set MARSAD_EVENT_BACKOFF=1 to cross-validate the backoff")
	}
	data, arts := backoffData(t)
	epochs, margin := typerEpochs, typerMargin
	fmt.Sscan(os.Getenv("MARSAD_EVENT_EPOCHS"), &epochs)
	if v := os.Getenv("MARSAD_EVENT_MARGIN"); v != "" {
		margin, _ = strconv.ParseFloat(v, 64)
	}
	rules := New()
	rules.typer = nil
	var totR, totB Score
	for _, fold := range TuningSplits {
		var train []typerExample
		var test []GoldSentence
		for _, l := range data {
			if l.g.Split == fold {
				test = append(test, l.g)
			} else if os.Getenv("MARSAD_EVENT_EMPTY") == "" || !l.rules {
				train = append(train, l.ex)
			}
		}
		ty := trainTyper(train, epochs, 1)
		ty.margin = margin
		back := &Coder{lx: rules.lx, typer: ty}
		r, b := scoreWith(t, rules, test, arts), scoreWith(t, back, test, arts)
		totR, totB = totR.Add(r), totB.Add(b)
		t.Logf("%-6s rules   %s", fold, r)
		t.Logf("%-6s backoff %s", fold, b)
	}
	t.Logf("ALL    rules   %s", totR)
	t.Logf("ALL    backoff %s", totB)
}

// TestBackoffDiag counts, over leave-one-split-out, what the backoff does
// with the gold events of the sentences the rules leave empty
// (MARSAD_EVENT_BACKOFF=diag).
func TestBackoffDiag(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_BACKOFF") != "diag" {
		t.Skip("set MARSAD_EVENT_BACKOFF=diag")
	}
	data, arts := backoffData(t)
	rules := New()
	rules.typer = nil
	counts := map[string]int{}
	for _, fold := range TuningSplits {
		var train []typerExample
		for _, l := range data {
			if l.g.Split != fold {
				train = append(train, l.ex)
			}
		}
		ty := trainTyper(train, 10, 1)
		c := &Coder{lx: rules.lx, typer: ty}
		for _, l := range data {
			if l.g.Split != fold || l.rules {
				continue
			}
			p := ty.predict(l.ex.feats)
			gl := len(l.ex.types) > 0
			switch {
			case !gl && p == noEvent:
				counts["none: none"]++
				continue
			case !gl:
				counts["none: typed "+p]++
			case p == noEvent:
				counts["event: typed none"]++
				continue
			case contains(l.ex.types, p):
				counts["event: right type"]++
			default:
				counts["event: wrong type"]++
			}
			a := arts[l.g.Article]
			s, _ := goldSpan(a, l.g)
			b := *a
			b.Events = nil
			st := &state{c: c, a: &b, ms: mentionsOf(a), seen: map[int]bool{}}
			st.prepare(s)
			ev, ok := st.backoff()
			if !ok {
				counts["  built nothing"]++
				if gl && os.Getenv("MARSAD_EVENT_SHOW") != "" {
					var trs []string
					for _, tr := range st.trigs {
						trs = append(trs, tr.p.Type+":"+st.toks[tr.first].norm)
					}
					t.Logf("%d %s %s %v subj=%d sms=%d trigs=%v | %.200s", l.g.Line, l.g.Split, p, l.ex.types, st.mainSubject(len(st.toks), true), len(st.sms), trs, a.Text[s.Start:s.End])
				}
				continue
			}
			b.Events = []marsad.Event{ev}
			sc, _, _ := ScoreSentence(&b, l.g)
			counts[fmt.Sprintf("  built: right type %d, actors %d", sc.TypeRight, sc.ActorRight)]++
		}
	}
	for k, v := range counts {
		t.Logf("%s: %d", k, v)
	}
}

// TestBackoff checks how the backoff builds its event from what the rules
// have, with a stub classifier that always says the type given.
func TestBackoff(t *testing.T) {
	P, O, L := marsad.PERS, marsad.ORG, marsad.LOC
	tests := []struct {
		name, typ     string
		a             *marsad.Article
		actor, target string
		wantEvent     bool
	}{{
		"a trigger of the type with the sentence's subject",
		"CONSULT",
		article("استمع وزير الخارجية عادل الجبير في الدوحة إلى العرض الروسي خلال مباحثات مع سيرغي لافروف.", [3]string{P, "عادل الجبير", "jubeir"}, [3]string{L, "الدوحة", "doha"}, [3]string{P, "سيرغي لافروف", "lavrov"}),
		"jubeir", "lavrov", true,
	}, {
		"no trigger: the first clause's subject and the next named party",
		"ASSAULT",
		article("أمطرت الميليشيات الحوثية حي المنصورة بالقذائف.", [3]string{O, "الميليشيات الحوثية", "houthis"}),
		"houthis", "", true,
	}, {
		"no subject near the start: nothing",
		"ASSAULT",
		article("في ظل الظروف الصعبة التي يعيشها السكان منذ أشهر في المدينة تحدث مراقبون عن الحوثيين.", [3]string{O, "الحوثيين", "houthis"}),
		"", "", false,
	}, {
		"the classifier says no event",
		noEvent,
		article("أمطرت الميليشيات الحوثية الحي بالقذائف.", [3]string{O, "الميليشيات الحوثية", "houthis"}),
		"", "", false,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stub := &typer{classes: []string{noEvent, tc.typ}, w: map[string][]float64{"bias": {0, 1}}}
			if tc.typ == noEvent {
				stub.classes = []string{noEvent}
				stub.w = map[string][]float64{}
			}
			c := New()
			c.typer = stub
			if err := c.Annotate(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			if !tc.wantEvent {
				if len(tc.a.Events) != 0 {
					t.Fatalf("got %+v, want no event", tc.a.Events)
				}
				return
			}
			if len(tc.a.Events) != 1 {
				t.Fatalf("got %+v, want one event", tc.a.Events)
			}
			e := tc.a.Events[0]
			if e.Type != tc.typ || strings.Join(e.Actors, ",") != tc.actor || strings.Join(e.Targets, ",") != tc.target || e.Code == "" {
				t.Errorf("got %s/%s %v → %v, want %s %s → %s", e.Type, e.Code, e.Actors, e.Targets, tc.typ, tc.actor, tc.target)
			}
		})
	}
}

// TestBackoffHeldOut is the one measurement of the backoff variant on the
// held-out split at the end of a round (MARSAD_EVENT_BACKOFF=heldout): the
// typer is trained on every tuning split and the held-out split is scored
// in aggregate only, with the gold participants and, when
// MARSAD_EVENT_CACHE names the held-out split's pipeline cache
// (TestCachePipeline with MARSAD_EVENT_CACHE_HELDOUT=1), with the
// pipeline's entities. Its errors are never printed.
func TestBackoffHeldOut(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_BACKOFF") != "heldout" {
		t.Skip("set MARSAD_EVENT_BACKOFF=heldout, once, at the end of a round")
	}
	gold, arts := loadGold(t)
	tune := slices.DeleteFunc(slices.Clone(gold), func(g GoldSentence) bool { return g.Split == HeldOut })
	held := slices.DeleteFunc(slices.Clone(gold), func(g GoldSentence) bool { return g.Split != HeldOut })
	var exs []typerExample
	for _, l := range typerData(t, tune, prepared(t, tune, arts, false)) {
		exs = append(exs, l.ex)
	}
	ty := trainTyper(exs, typerEpochs, typerSeed)
	ty.margin = typerMargin
	rules := New()
	back := &Coder{lx: rules.lx, typer: ty}
	ga := prepared(t, held, arts, false)
	t.Logf("gold     rules   %s", scoreWith(t, rules, held, ga))
	t.Logf("gold     backoff %s", scoreWith(t, back, held, ga))
	if os.Getenv("MARSAD_EVENT_CACHE") != "" {
		pa := prepared(t, held, readCache(t), true)
		t.Logf("pipeline rules   %s", scoreWith(t, rules, held, pa))
		t.Logf("pipeline backoff %s", scoreWith(t, back, held, pa))
	}
}
