package kb

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"marsad/internal/dataset"
)

var rebuild = flag.Bool("rebuild", false, "rebuild data/kb.jsonl and data/translit.tsv.gz from the sources (same as `marsad build kb`)")

// TestBuild rebuilds the knowledge base from the sources and checks that the
// embedded file is what the build makes today: the data file is generated,
// never edited by hand. With -rebuild it rewrites the files instead.
func TestBuild(t *testing.T) {
	if testing.Short() && !*rebuild {
		t.Skip("full rebuild (EM over 76k ANETAC pairs) skipped in -short; TestEmbedded still checks the file")
	}
	root, err := dataset.Root()
	if err != nil {
		t.Fatal(err)
	}
	src := DefaultSources(root)
	for _, p := range []string{src.IsoJSON, src.IsoMO} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("iso-codes missing (apt-get install iso-codes): %v", err)
		}
	}
	built, err := Build(src)
	if err != nil {
		t.Fatal(err)
	}
	if *rebuild {
		if err := built.WriteFiles("data"); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d entities %v", built.Header.Entities, built.Header.Counts)
		return
	}
	var buf bytes.Buffer
	if err := built.WriteKB(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Errorf("data/kb.jsonl is stale: run `go test ./internal/kb -run TestBuild -rebuild` (or `marsad build kb`) and commit")
	}
}
