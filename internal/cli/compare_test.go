package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "أعلنت الشرطة مقتل 12 شخصا في انفجار سيارة مفخخة وسط المدينة صباح اليوم.\nوقال شهود إن الانفجار هز المباني المجاورة وحطم نوافذ المتاجر القريبة من السوق.")
	b := write("b.txt", "أعلنت الشرطة مقتل 10 أشخاص في انفجار سيارة مفخخة وسط المدينة صباح اليوم.\nوأغلقت قوات الأمن الطرق المؤدية إلى موقع الانفجار ومنعت الصحفيين من الاقتراب.")
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if err := cmdCompare(context.Background(), e, []string{"--json", a, b}); err != nil {
		t.Fatal(err, errb.String())
	}
	var got struct {
		Comparison struct {
			Agreements []json.RawMessage `json:"agreements"`
			Conflicts  []json.RawMessage `json:"conflicts"`
		} `json:"comparison"`
		Summary []json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if len(got.Comparison.Agreements) == 0 || len(got.Comparison.Conflicts) == 0 || len(got.Summary) == 0 {
		t.Errorf("want agreements, a conflict and a summary: %s", out.String())
	}
	out.Reset()
	if err := cmdCompare(context.Background(), e, []string{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ما تتفق عليه المصادر", "ما تختلف فيه المصادر", "الملخص"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if err := cmdCompare(context.Background(), e, nil); !errors.Is(err, ErrUsage) {
		t.Errorf("no input: %v, want a usage error", err)
	}
	if err := cmdCompare(context.Background(), e, []string{filepath.Join(dir, "missing.txt")}); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v, want an error naming it", err)
	}
}
