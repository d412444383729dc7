package ner

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// TestClustersRoundTrip builds clusters of a toy corpus with adjacent-word
// and wide-window clusterings and reads back what Write wrote.
func TestClustersRoundTrip(t *testing.T) {
	var docs [][]string
	for i := 0; i < 200; i++ {
		docs = append(docs, []string{"قال", fmt.Sprintf("اسم%d", i%7), "في", fmt.Sprintf("مدينه%d", i%5), "امس", "."})
	}
	cfg := ClusterConfig{Vocab: 100, MinCount: 1, Context: 10, Dims: 4, K: []int{2, 4}, Wide: 3, WideK: []int{3}, Iter: 5, Seed: 1}
	c, err := BuildClusters(cfg, func(fn func([]string)) error {
		for _, d := range docs {
			fn(d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.groups != 3 {
		t.Fatalf("%d clusterings, want 3", c.groups)
	}
	var buf bytes.Buffer
	if err := c.Write(&buf, []string{"test"}); err != nil {
		t.Fatal(err)
	}
	r, err := ReadClusters(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.groups != c.groups || !reflect.DeepEqual(r.words, c.words) || !reflect.DeepEqual(r.order, c.order) {
		t.Errorf("read back %d clusterings, %d words; wrote %d, %d", r.groups, len(r.words), c.groups, len(c.words))
	}
	cfg.K = make([]int, maxGroups)
	if _, err := BuildClusters(cfg, func(fn func([]string)) error { return nil }); err == nil {
		t.Error("no error for too many clusterings")
	}
}

func TestQuotedSpans(t *testing.T) {
	toks := func(ws ...string) []tokInfo {
		var out []tokInfo
		for _, w := range ws {
			out = append(out, tokInfo{word: w})
		}
		return out
	}
	tests := []struct {
		in   []tokInfo
		want []uint8
	}{
		{toks("صحيفة", "«", "الشرق", "الأوسط", "»"), []uint8{0, 0, 9, 11, 0}},
		{toks("'", "'", "معاريف", "'", "'"), []uint8{0, 0, 4, 0, 0}},
		{toks("«", "a", "b", "c", "d", "e", "f", "g", "»"), make([]uint8, 9)}, // too long: speech
		{toks("«", "a", "b"), make([]uint8, 3)},                               // unclosed
	}
	for _, tt := range tests {
		if got := quotedSpans(nil, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("quotedSpans(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
