package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, fn func(context.Context, *Env, []string) error, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := fn(context.Background(), e, args)
	return out.String(), errb.String(), err
}

func TestCmdNERCoNLL(t *testing.T) {
	in := "وقال O\nالرئيس O\nالروسي O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n\n\nالأمم\nالمتحدة\n"
	out, _, err := runCmd(t, cmdNER, in, "--conll", "-")
	if err != nil {
		t.Fatal(err)
	}
	inLines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
	outLines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(inLines) != len(outLines) {
		t.Fatalf("%d lines in, %d out:\n%s", len(inLines), len(outLines), out)
	}
	for i, l := range inLines {
		if l == "" {
			if outLines[i] != "" {
				t.Errorf("line %d: blank line became %q", i+1, outLines[i])
			}
			continue
		}
		prefix, tag, ok := strings.Cut(outLines[i], l+"\t")
		if !ok || prefix != "" || (tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-")) {
			t.Errorf("line %d: %q", i+1, outLines[i])
		}
	}
	if !strings.Contains(out, "موسكو B-LOC\tB-LOC") {
		t.Errorf("موسكو not tagged B-LOC:\n%s", out)
	}
}

func TestCmdNERErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"-"}, {"--conll"}, {"--conll", "a", "b"}} {
		if _, _, err := runCmd(t, cmdNER, "", args...); !errors.Is(err, ErrUsage) {
			t.Errorf("ner %q: err %v, want usage", args, err)
		}
	}
	if _, _, err := runCmd(t, cmdNER, "", "--conll", filepath.Join(t.TempDir(), "missing")); err == nil || errors.Is(err, ErrUsage) {
		t.Errorf("missing file: %v", err)
	}
	for _, args := range [][]string{nil, {"pos"}} {
		if _, _, err := runCmd(t, cmdTrain, "", args...); !errors.Is(err, ErrUsage) {
			t.Errorf("train %q: %v", args, err)
		}
		if _, _, err := runCmd(t, cmdEval, "", args...); !errors.Is(err, ErrUsage) {
			t.Errorf("eval %q: %v", args, err)
		}
	}
}

func TestCmdEvalNER(t *testing.T) {
	f := filepath.Join(t.TempDir(), "gold.conll")
	if err := os.WriteFile(f, []byte("وقال O\nفلاديمير B-PER\nبوتين I-PER\nفي O\nموسكو B-LOC\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, cmdEval, "", "ner", f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "LOC ") || !strings.Contains(out, "all ") {
		t.Errorf("eval output:\n%s", out)
	}
	if _, _, err := runCmd(t, cmdEval, "bad line here X-Y\n", "ner", "-"); err == nil {
		t.Error("bad gold tag accepted")
	}
}
