package cli

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestBuildUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if err := cmdBuild(context.Background(), e, nil); !errors.Is(err, ErrUsage) {
		t.Errorf("build without a target: %v, want a usage error", err)
	}
	if err := cmdBuild(context.Background(), e, []string{"kb", "--no-such-flag"}); !errors.Is(err, ErrUsage) {
		t.Errorf("bad flag: %v, want a usage error", err)
	}
	if err := cmdEvalLink(context.Background(), e, []string{"--no-such-flag"}); !errors.Is(err, ErrUsage) {
		t.Errorf("bad flag: %v, want a usage error", err)
	}
}
