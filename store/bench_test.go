package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/text/tokenize"
)

// benchArticles returns n real SaudiNewsNet articles; with annotated, each
// carries synthetic annotations of a typical count (12 entities with 30
// mentions, 4 quotes, 5 times, 2 events) on real token spans, so the cost
// of their rows is measured without running the NLP pipeline.
func benchArticles(b *testing.B, n int, annotated bool) []*marsad.Article {
	raw, err := dataset.SaudiNewsNet(n + 200)
	if err != nil {
		b.Fatal(err)
	}
	var out []*marsad.Article
	for _, r := range raw {
		if strings.TrimSpace(r.Content) == "" {
			continue
		}
		a := marsad.NewArticle()
		a.ID, a.Source, a.URL, a.Title, a.Text = r.ID, r.Source, r.URL, r.Title, r.Content
		a.Published = strings.Replace(r.DateExtracted, " ", "T", 1)
		if annotated {
			annotate(a)
		}
		out = append(out, a)
		if len(out) == n {
			break
		}
	}
	return out
}

func annotate(a *marsad.Article) {
	var words []tokenize.Token
	for _, t := range tokenize.Tokens(a.Text) {
		if t.Kind == tokenize.Word {
			words = append(words, t)
		}
	}
	for i := 0; i < 30 && i < len(words); i++ {
		e := i % 12
		if len(a.Entities) <= e {
			a.Entities = append(a.Entities, marsad.Entity{ID: fmt.Sprintf("Q%d", e), Name: words[i].Text, Type: marsad.PERS})
		}
		a.Entities[e].Mentions = append(a.Entities[e].Mentions, marsad.Mention{Start: words[i].Start, End: words[i].End, Text: words[i].Text})
	}
	for i := 0; i+6 < len(words) && len(a.Quotes) < 4; i += 25 {
		a.Quotes = append(a.Quotes, marsad.Quote{Speaker: "Q1", Kind: marsad.Indirect, Text: a.Text[words[i].Start:words[i+6].End], Start: words[i].Start, End: words[i+6].End})
	}
	for i := 3; i < len(words) && len(a.Times) < 5; i += 17 {
		a.Times = append(a.Times, marsad.TimeExpr{Text: words[i].Text, Value: "2015-08-02", Kind: marsad.TimeDate, Start: words[i].Start, End: words[i].End})
	}
	for i := 5; i+10 < len(words) && len(a.Events) < 2; i += 40 {
		a.Events = append(a.Events, marsad.Event{Type: "CONSULT", Code: "036", Mode: marsad.Asserted, Actors: []string{"Q1"}, Targets: []string{"Q2"}, Start: words[i].Start, End: words[i+10].End})
	}
}

// BenchmarkIngest measures Ingester.Add of real articles into a fresh SQLite
// store on disk: content hash, duplicate lookup, near-duplicate sketch and
// index, feature extraction (tokenizing, clitic segmentation), story
// assignment, and the article's transaction (JSON, indexed columns, story,
// annotation rows). Not included: network, HTML extraction and the NLP
// pipeline (NER, quotes, times, events). Run with -benchtime up to 5000x:
// each iteration adds a distinct real article.
func BenchmarkIngest(b *testing.B) {
	const n = 5000
	for _, v := range []struct {
		annotated bool
		batch     int
	}{{false, 1}, {true, 1}, {false, 64}, {true, 64}} {
		annotated := v.annotated
		name := "plain"
		if annotated {
			name = "annotated"
		}
		name += fmt.Sprintf("/batch=%d", v.batch)
		b.Run(name, func(b *testing.B) {
			arts := benchArticles(b, n, annotated)
			ctx := context.Background()
			s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			in, err := NewIngester(ctx, s, DefaultOptions())
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			cpu := cpuTime()
			for b.Loop() {
				if i == len(arts) {
					b.Fatalf("more than %d iterations: use -benchtime %dx or less", len(arts), len(arts))
				}
				if v.batch == 1 {
					if _, err := in.Add(ctx, arts[i]); err != nil {
						b.Fatal(err)
					}
					i++
					continue
				}
				// Batches: one loop iteration per article still, the
				// batch written on every v.batch-th.
				if (i+1)%v.batch == 0 || i+1 == len(arts) {
					lo := i + 1 - v.batch
					if lo < 0 {
						lo = 0
					}
					_, errs := in.AddBatch(ctx, arts[lo:i+1])
					for _, err := range errs {
						if err != nil {
							b.Fatal(err)
						}
					}
				}
				i++
			}
			b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "articles/s")
			reportCPU(b, cpu, i)
		})
	}
}
