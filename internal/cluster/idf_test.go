package cluster

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"marsad/internal/dataset"
)

var updateIDF = flag.Bool("update-idf", false, "rebuild data/idf.txt.gz from ../shared/data/saudinewsnet")

// evalDays are the SaudiNewsNet days the evaluation streams come from; the
// background model is computed without them.
var evalDays = []string{"2015-08-02", "2015-08-03", "2015-08-09", "2015-08-10"}

// TestBuildIDF rebuilds the embedded background model when run with
// -update-idf; otherwise it checks that the embedded model loads.
func TestBuildIDF(t *testing.T) {
	if !*updateIDF {
		m, err := DefaultIDF()
		if err != nil {
			t.Fatal(err)
		}
		if m.Docs() < 20000 {
			t.Fatalf("embedded model counts %d documents", m.Docs())
		}
		if common, rare := m.Weight("في"), m.Weight("ريونيون"); common >= rare || common > 1 {
			t.Errorf("idf(في) = %.2f, idf(ريونيون) = %.2f", common, rare)
		}
		return
	}
	arts, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	m := NewIDF()
	skipped := 0
	for _, a := range arts {
		if isEvalDay(a.DateExtracted) || strings.TrimSpace(a.Content) == "" {
			skipped++
			continue
		}
		m.Add(Terms(a.Title, 0), Terms(a.Content, maxBodyTerms))
	}
	const minDF = 3
	header := fmt.Sprintf(`Background document frequencies for cluster.IDF (term<TAB>df).
Source: SaudiNewsNet (github.com/ParallelMazen/SaudiNewsNet, CC BY-NC-SA 4.0), %d articles,
excluding empty articles and the evaluation days %s (%d skipped).
Terms: cluster.Terms of the title and of the first %d terms of the content.
Only terms in at least %d documents are kept; rarer ones get the highest weight anyway.
Rebuild: go test ./internal/cluster -run TestBuildIDF -update-idf`, len(arts)-skipped, strings.Join(evalDays, ", "), skipped, maxBodyTerms, minDF)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := m.WriteIDF(zw, header, minDF); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if err := os.WriteFile("data/idf.txt.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote data/idf.txt.gz: %d documents, %d bytes", m.Docs(), buf.Len())
}

func isEvalDay(date string) bool {
	for _, d := range evalDays {
		if strings.HasPrefix(date, d) {
			return true
		}
	}
	return false
}
