package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenSamples analyses the two sample articles and compares the whole
// Article JSON with testdata/*.golden.json. A change to any stage shows up
// here as a diff a reviewer reads; `go test ./internal/pipeline -update`
// rewrites the files.
func TestGoldenSamples(t *testing.T) {
	samples, err := filepath.Glob("../cli/sample/*.txt")
	if err != nil || len(samples) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range samples {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		a, err := ingest.FromText(raw, ingest.Options{Source: name, Published: "2025-08-16"})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a)
		var got bytes.Buffer
		enc := json.NewEncoder(&got)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", name+".golden.json")
		if *update {
			if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/pipeline -update to create it)", err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: analysis differs from %s; run go test ./internal/pipeline -update and read the diff", name, golden)
		}
	}
}

// checkSpans verifies the contract: every span's bytes are its text.
func checkSpans(t *testing.T, a *marsad.Article) {
	t.Helper()
	n := len(a.Text)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if !m.Span().Valid(n) || a.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v does not match the text", a.ID, m)
			}
		}
	}
	for _, q := range a.Quotes {
		if !(marsad.Span{Start: q.Start, End: q.End}).Valid(n) || a.Text[q.Start:q.End] != q.Text {
			t.Errorf("%s: quote %+v does not match the text", a.ID, q)
		}
	}
	for _, tm := range a.Times {
		if !(marsad.Span{Start: tm.Start, End: tm.End}).Valid(n) || a.Text[tm.Start:tm.End] != tm.Text {
			t.Errorf("%s: time %+v does not match the text", a.ID, tm)
		}
	}
	for _, ev := range a.Events {
		if !(marsad.Span{Start: ev.Start, End: ev.End}).Valid(n) {
			t.Errorf("%s: event %+v has a bad span", a.ID, ev)
		}
	}
}
