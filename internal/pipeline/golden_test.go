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
		if err := a.CheckSpans(); err != nil {
			t.Error(err)
		}
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
