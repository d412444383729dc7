package search

import (
	"context"
	"testing"

	"marsad"
)

// BenchmarkAnalyze measures the analyzer (tokenize, clitic readings,
// normalization, variants) over the 320 evaluation articles; bytes/s is
// the indexing text rate.
func BenchmarkAnalyze(b *testing.B) {
	arts := evalArticles(b)
	an, err := NewAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			an.Analyze(a.Text)
		}
	}
}

// BenchmarkIndexAdd measures indexing one article (analysis and SQLite).
func BenchmarkIndexAdd(b *testing.B) {
	arts := evalArticles(b)
	ix, _ := buildEvalIndex(b, nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := *arts[i%len(arts)]
		a.ID = a.ID + "-" + string(rune('a'+i/len(arts)%26)) + string(rune('a'+i/len(arts)/26%26))
		if err := ix.Add(context.Background(), &marsad.Record{Article: &a}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch measures one query with a page of 10 snippets over the
// 320 evaluation articles, cycling through the judged queries.
func BenchmarkSearch(b *testing.B) {
	arts := evalArticles(b)
	js := readJudgments(b)
	ix, _ := buildEvalIndex(b, arts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(context.Background(), Query{Text: js[i%len(js)].query}); err != nil {
			b.Fatal(err)
		}
	}
}
