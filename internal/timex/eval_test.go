package timex

import (
	"strings"
	"testing"

	"marsad/internal/dataset"
)

// evalTexts reads the SaudiNewsNet articles the evaluation sets cite. The
// data is not committed (CC BY-NC-SA); the test fails when it is missing.
func evalTexts(t testing.TB, sets ...[]Passage) map[string]string {
	t.Helper()
	want := map[string]bool{}
	for _, ps := range sets {
		for _, p := range ps {
			want[p.ID] = true
		}
	}
	arts, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatalf("SaudiNewsNet: %v", err)
	}
	out := map[string]string{}
	for _, a := range arts {
		if want[a.ID] {
			out[a.ID] = a.Content
		}
	}
	return out
}

func readSet(t testing.TB, name string) []Passage {
	t.Helper()
	ps, err := EvalSet(strings.TrimSuffix(strings.TrimPrefix(name, "eval_"), ".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// heldOut is the held-out set of the current round (testdata/README.md).
const heldOut = "eval_" + HeldOutSet + ".jsonl"

// Floors sit a little under the measured scores (testdata/README.md). test10
// is the held-out set of round 10, scored once at the end of the round; test …
// test9 were the held-out sets of rounds 1–9 and are tuning data now (round
// 7 added the season and school-year expressions of its guideline change to
// their gold, except test6's, on which internal/agreement measures annotator
// agreement).
var floors = map[string]struct{ f1, value float64 }{
	"eval_dev.jsonl":    {0.97, 0.96},
	"eval_dev2.jsonl":   {0.97, 0.96},
	"eval_test.jsonl":   {0.97, 0.96},
	"eval_test2.jsonl":  {0.97, 0.96}, // held out in round 2 (F1 0.932, value 0.868 at c833821); tuning since
	"eval_test3.jsonl":  {0.95, 0.93}, // held out in round 3 (F1 0.926, value 0.886 at 3dfb05d); tuning since (round 4: 0.980, 0.969)
	"eval_test4.jsonl":  {0.95, 0.91}, // measured once at 887e2c0 (code of dd6c696): F1 0.978, value 0.944
	"eval_test5.jsonl":  {0.95, 0.92}, // held out in round 5 (F1 0.940, value 0.860 at b1030df); tuning since (round 7: 0.980, 0.944)
	"eval_test6.jsonl":  {0.92, 0.94}, // held out in round 6 (F1 0.934, value 0.860 at 2abd072); tuning since (round 9: 0.946, 0.963 — its gold keeps the round-6 guidelines, see README)
	"eval_test7.jsonl":  {0.97, 0.95}, // held out in round 7 (F1 0.965, value 0.905 at 4a84bde); tuning since (round 9: 0.989, 0.974)
	"eval_test8.jsonl":  {0.96, 0.93}, // held out in round 8, measured once at df5dbe5: F1 0.964, value 0.898; tuning since (round 9: 0.977, 0.951)
	"eval_test9.jsonl":  {0.96, 0.93}, // held out in round 9, measured once at bc1f86d: F1 0.964, value 0.902; tuning since (round 10: 0.981, 0.953)
	"eval_test10.jsonl": {0.90, 0.86}, // held out in round 10, measured once at d5bc30f: F1 0.918, value 0.883
}

func TestEvaluation(t *testing.T) {
	sets := map[string][]Passage{}
	for name := range floors {
		sets[name] = readSet(t, name)
	}
	texts := evalTexts(t, sets["eval_dev.jsonl"], sets["eval_dev2.jsonl"], sets["eval_test.jsonl"], sets["eval_test2.jsonl"], sets["eval_test3.jsonl"], sets["eval_test4.jsonl"], sets["eval_test5.jsonl"], sets["eval_test6.jsonl"], sets["eval_test7.jsonl"], sets["eval_test8.jsonl"], sets["eval_test9.jsonl"], sets["eval_test10.jsonl"])
	text := func(id string, end int) (string, bool) {
		s, ok := texts[id]
		if !ok || end > len(s) {
			return "", false
		}
		return s[:end], true
	}
	for _, name := range []string{"eval_dev.jsonl", "eval_dev2.jsonl", "eval_test.jsonl", "eval_test2.jsonl", "eval_test3.jsonl", "eval_test4.jsonl", "eval_test5.jsonl", "eval_test6.jsonl", "eval_test7.jsonl", "eval_test8.jsonl", "eval_test9.jsonl", "eval_test10.jsonl"} {
		s, err := Evaluate(sets[name], text, Extract)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s", name, s)
		// The held-out set's errors are never printed: reading them would
		// turn it into a tuning set.
		if testing.Verbose() && name != heldOut {
			for _, e := range s.Errors {
				t.Logf("  %s", e)
			}
		}
		fl := floors[name]
		if s.F1() < fl.f1 || s.ValueAccuracy() < fl.value {
			t.Errorf("%s: span F1 %.3f (floor %.2f), exact value %.3f (floor %.2f)", name, s.F1(), fl.f1, s.ValueAccuracy(), fl.value)
		}
	}
}
