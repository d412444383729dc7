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
	if !strings.Contains(out.String(), "dev   P ") || !strings.Contains(out.String(), "F1") {
		t.Errorf("unexpected output:\n%s", out.String())
	}
	if err := cmdEvalQuotes(context.Background(), e, []string{"--set", "nope"}); err == nil {
		t.Error("bad --set accepted")
	}
}
