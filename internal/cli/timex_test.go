package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

func runTimex(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := cmdTimex(context.Background(), e, args)
	return out.String(), err
}

func TestTimexCommand(t *testing.T) {
	out, err := runTimex(t, "وصل الوفد أمس إلى أنكوريج واستمرت القمة نحو ثلاث ساعات", "--published", "2025-08-15", "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"date\t2025-08-14\t-\tأمس", "duration\tPT3H\tAPPROX\tنحو ثلاث ساعات"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, err = runTimex(t, "وصل أمس", "--json", "-")
	if err != nil || !strings.Contains(out, `"value":"XXXX-XX-XX"`) {
		t.Errorf("without --published: %q %v", out, err)
	}
	if _, err := runTimex(t, "", "--published", "yesterday", "-"); !errors.Is(err, ErrUsage) {
		t.Errorf("bad date: %v", err)
	}
	if _, err := runTimex(t, "\xff\xfe", "-"); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("binary input: %v", err)
	}
	if _, err := runTimex(t, ""); !errors.Is(err, ErrUsage) {
		t.Errorf("no input: %v", err)
	}
}
