package compare

import (
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"testing"

	"marsad/internal/dataset"
	"marsad/internal/text/tokenize"
)

// TestBuildDF rewrites data/df.txt.gz, the background document frequencies
// of term keys over SaudiNewsNet, when MARSAD_BUILD_DF=1. It is how the
// embedded file was made (see data/README.md); normal runs skip it.
func TestBuildDF(t *testing.T) {
	if os.Getenv("MARSAD_BUILD_DF") != "1" {
		t.Skip("set MARSAD_BUILD_DF=1 to rebuild data/df.txt.gz")
	}
	news, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	df := map[string]int{}
	docs := 0
	var buf []tokenize.Token
	for _, n := range news {
		if n.Content == "" {
			continue
		}
		docs++
		seen := map[string]bool{}
		buf = tokenize.AppendTokens(buf[:0], n.Content)
		for _, tk := range buf {
			k := termKey(tk)
			if k == "" || tk.Kind == tokenize.Number || seen[k] {
				continue
			}
			seen[k] = true
			df[k]++
		}
	}
	keys := make([]string, 0, len(df))
	for k, v := range df {
		if v >= minDF {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	f, err := os.Create("data/df.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	fmt.Fprintf(zw, "# term-key document frequencies over SaudiNewsNet (%d articles with content), df >= %d\n", docs, minDF)
	fmt.Fprintf(zw, "N %d\n", docs)
	for _, k := range keys {
		fmt.Fprintf(zw, "%s\t%d\n", k, df[k])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d docs, %d of %d keys kept", docs, len(keys), len(df))
}

// minDF drops the long tail of rare keys: they weigh as much as unseen ones
// anyway, and keeping them would make the embedded file ten times larger.
const minDF = 4
