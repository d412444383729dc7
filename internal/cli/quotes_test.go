package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestEvalQuotes(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if err := cmdEvalQuotes(context.Background(), e, []string{"--set", "dev"}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	// Gold-entity and full-pipeline rows side by side.
	for _, row := range []string{"dev    gold      0.", "dev    pipeline  0."} {
		if !strings.Contains(out.String(), row) {
			t.Errorf("no row %q in:\n%s", row, out.String())
		}
	}
	out.Reset()
	if err := cmdEvalQuotes(context.Background(), e, []string{"--set", "dev2", "--entities", "gold", "--errors"}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "missed by class:") || strings.Contains(out.String(), "pipeline") {
		t.Errorf("unexpected --entities gold --errors output:\n%s", out.String())
	}
	for _, bad := range [][]string{{"--set", "nope"}, {"--entities", "oracle"}} {
		if err := cmdEvalQuotes(context.Background(), e, bad); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
