package timex

import (
	"bytes"
	"embed"
	"fmt"
)

// The evaluation sets (testdata/README.md) are embedded so that `marsad
// timex eval` can score the extractor from any directory; they hold ids,
// offsets and annotated expressions only, not article text.
//
//go:embed testdata/eval_*.jsonl
var evalFS embed.FS

// EvalSetNames lists the embedded evaluation sets: the tuning sets (test …
// test9 were the held-out sets of rounds 1–9) and the held-out set of round
// 10, test10 (testdata/README.md).
var EvalSetNames = []string{"dev", "dev2", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10"}

// HeldOutSet names the current held-out set; Evaluate never lists its errors.
const HeldOutSet = "test10"

// EvalSet returns an embedded evaluation set by name (dev, dev2, test, test2,
// test3, test4, test5, test6, test7, test8, test9, test10).
func EvalSet(name string) ([]Passage, error) {
	b, err := evalFS.ReadFile("testdata/eval_" + name + ".jsonl")
	if err != nil {
		return nil, fmt.Errorf("timex eval set %q: %w", name, err)
	}
	return ReadPassages(bytes.NewReader(b))
}
