package quote

import (
	"context"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/text/sentence"
)

// BenchmarkAnnotateRunOn checks that cost stays linear on long texts with
// no sentence end and a cue every few words (a page of boilerplate, a
// broken extraction): each op is one 140 KB article.
func BenchmarkAnnotateRunOn(b *testing.B) {
	text := strings.Repeat("من جانبه أكد أن بوتين قال: \"نعم\" ", 4000)
	a := marsad.NewArticle()
	a.Text = text
	a.Sentences = sentence.Split(text)
	OracleEntities(a, people)
	q := New()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := q.Annotate(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}
