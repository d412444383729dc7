package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnalyzeJSONSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("sample/*.txt")
	if len(seeds) != 2 {
		t.Fatalf("sample has %d articles", len(seeds))
	}
	code, out, errs := run(t, "", append([]string{"analyze", "--json", "--published", "2025-08-16"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want 2", len(lines))
	}
	for _, l := range lines {
		var a marsad.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		// Arrays are present, never null.
		for _, field := range []string{`"entities":`, `"quotes":`, `"times":`, `"events":`} {
			if strings.Contains(l, field+"null") {
				t.Errorf("%s is null", field)
			}
		}
		if a.Published != "2025-08-16" || len(a.Sentences) < 10 {
			t.Errorf("article %s: published %q, %d sentences", a.ID, a.Published, len(a.Sentences))
		}
		if err := a.CheckSpans(); err != nil {
			t.Error(err)
		}
	}
}

func TestAnalyzeBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("اجتمع الرئيسان في ألاسكا يوم الجمعة. واستمر اللقاء ثلاث ساعات."), 0o644)
	bad := map[string][]byte{
		"empty.txt":  nil,
		"binary.txt": {0x00, 0x01, 0x02, 0xff},
		"broken.txt": []byte("قال \xd8"),
	}
	args := []string{"analyze", "--json"}
	for name, b := range bad {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		args = append(args, p)
	}
	args = append(args, good, filepath.Join(dir, "missing.txt"))
	code, out, errs := run(t, "", args...)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("the good input was not analysed: %q", out)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "broken.txt", "missing.txt"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
		t.Errorf("stack trace in output:\n%s", errs)
	}
}

func TestAnalyzeStdinAndUsage(t *testing.T) {
	code, out, _ := run(t, "قمة ألاسكا\n\nاجتمع الرئيسان في ألاسكا.", "analyze", "-")
	if code != 0 || !strings.Contains(out, "قمة ألاسكا") {
		t.Errorf("stdin: exit %d, out %q", code, out)
	}
	if code, _, _ := run(t, "", "analyze"); code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "analyze", "--published", "yesterday", "-"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestDemo(t *testing.T) {
	code, out, errs := run(t, "", "demo")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "مرصد") {
		t.Errorf("demo output:\n%s", out)
	}
}
