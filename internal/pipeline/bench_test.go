package pipeline

import (
	"context"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/ingest"
)

// BenchmarkAnalyze measures the whole pipeline per article (b.N articles,
// cycling over 200 real ones) and per byte of text.
func BenchmarkAnalyze(b *testing.B) {
	news, err := dataset.SaudiNewsNet(200)
	if err != nil {
		b.Fatal(err)
	}
	var arts []*marsad.Article
	var total int
	for _, n := range news {
		a, err := ingest.FromText([]byte(n.Content), ingest.Options{})
		if err != nil {
			continue
		}
		arts = append(arts, a)
		total += len(a.Text)
	}
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(total / len(arts)))
	b.ResetTimer()
	i := 0
	for b.Loop() {
		a := *arts[i%len(arts)]
		a.Sentences, a.Entities, a.Quotes, a.Times, a.Events = nil, []marsad.Entity{}, []marsad.Quote{}, []marsad.TimeExpr{}, []marsad.Event{}
		if err := p.Analyze(ctx, &a); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
