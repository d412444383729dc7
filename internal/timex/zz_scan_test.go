package timex

import (
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"marsad/internal/dataset"
)

func TestZZScan(t *testing.T) {
	if os.Getenv("TIMEX_SCAN") == "" {
		t.Skip()
	}
	arts, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	ex := map[string]string{}
	for k, a := range arts {
		if k%60 != 41 {
			continue
		}
		ref, _ := time.Parse("2006-01-02", a.DateExtracted[:10])
		for _, e := range Extract(a.Content, ref, true) {
			key := e.Kind + "\t" + e.Text
			counts[key]++
			s, en := max(0, e.Start-40), min(len(a.Content), e.End+40)
			for s > 0 && (a.Content[s]&0xC0) == 0x80 {
				s--
			}
			for en < len(a.Content) && (a.Content[en]&0xC0) == 0x80 {
				en++
			}
			ex[key] = e.Value + "  …" + a.Content[s:en] + "…"
		}
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	f, _ := os.Create("/tmp/tx/scan.txt")
	defer f.Close()
	for _, k := range keys {
		fmt.Fprintf(f, "%d\t%s\t%s\n", counts[k], k, ex[k])
	}
}
