package tokenize

import (
	"strings"
	"testing"

	"marsad/internal/dataset"
)

// newsText is real news text for benchmarks: 500 SaudiNewsNet articles.
func newsText(b *testing.B) string {
	arts, err := dataset.SaudiNewsNet(500)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range arts {
		sb.WriteString(a.Content)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkTokens(b *testing.B) {
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	var buf []Token
	b.ResetTimer()
	for b.Loop() {
		buf = AppendTokens(buf[:0], text)
	}
}

func BenchmarkTokensAndSegment(b *testing.B) {
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	var buf []Token
	b.ResetTimer()
	for b.Loop() {
		buf = AppendTokens(buf[:0], text)
		for _, t := range buf {
			_ = Segment(t)
		}
	}
}
