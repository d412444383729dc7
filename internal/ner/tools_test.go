package ner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDumpNews (an annotation aid, session 7) writes the newsSentences of the ids in $MARSAD_NER_DUMP (one a
// line) as JSON to $OUT: the token lists annotators read.
func TestDumpNews(t *testing.T) {
	in := os.Getenv("MARSAD_NER_DUMP")
	if in == "" {
		t.Skip("set MARSAD_NER_DUMP")
	}
	b, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, l := range strings.Fields(string(b)) {
		want[l] = true
	}
	arts, err := newsArticleSentences(want)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(arts)
	if err := os.WriteFile(os.Getenv("OUT"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiffModels tags the articles listed in $IDS with the models in
// $MODEL_A and $MODEL_B (files; "shipped" for the embedded one) and prints
// the names each finds that the other does not, with context.
func TestDiffModels(t *testing.T) {
	if os.Getenv("IDS") == "" {
		t.Skip("set IDS, MODEL_A, MODEL_B")
	}
	c, sum, err := DefaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	load := func(p string) *Model {
		b := embeddedModel
		if p != "shipped" {
			if b, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		m, err := Load(bytes.NewReader(b), c, sum)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := load(os.Getenv("MODEL_A")), load(os.Getenv("MODEL_B"))
	ib, _ := os.ReadFile(os.Getenv("IDS"))
	var ids []string
	want := map[string]bool{}
	for _, l := range strings.Fields(string(ib)) {
		ids = append(ids, l)
		want[l] = true
	}
	arts, err := newsArticleSentences(want)
	if err != nil {
		t.Fatal(err)
	}
	na, nb, ch := 0, 0, 0
	for _, id := range ids {
		s := arts[id]
		ta, tb := a.TagDocument(s), b.TagDocument(s)
		for i := range s {
			key := func(c Span) string { return fmt.Sprint(c.Start, c.End, c.Type) }
			ca, cb := Chunks(ta[i]), Chunks(tb[i])
			na += len(ca)
			nb += len(cb)
			in := map[string]bool{}
			for _, x := range cb {
				in[key(x)] = true
			}
			inA := map[string]bool{}
			for _, x := range ca {
				inA[key(x)] = true
			}
			show := func(sign string, x Span) {
				ch++
				lo, hi := max(0, x.Start-3), min(len(s[i]), x.End+3)
				fmt.Printf("%s %s %s [%s] %s | %s %s\n", sign, id, x.Type, strings.Join(s[i][x.Start:x.End], " "), "", strings.Join(s[i][lo:x.Start], " "), strings.Join(s[i][x.End:hi], " "))
			}
			for _, x := range ca {
				if !in[key(x)] {
					show("-", x)
				}
			}
			for _, x := range cb {
				if !inA[key(x)] {
					show("+", x)
				}
			}
		}
	}
	fmt.Printf("articles %d names A %d B %d changed spans %d\n", len(ids), na, nb, ch)
}
