package timex

import (
	"testing"
	"time"

	"marsad/internal/dataset"
)

// BenchmarkExtract runs the extractor over the first 2,000 SaudiNewsNet
// articles; -benchmem and the MB/s column give throughput per megabyte.
func BenchmarkExtract(b *testing.B) {
	arts, err := dataset.SaudiNewsNet(2000)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.Content))
	}
	ref := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Extract(a.Content, ref, true)
		}
	}
}
