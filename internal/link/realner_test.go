package link_test

import (
	"context"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/kb"
	"marsad/internal/link"
	"marsad/internal/ner"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

// TestRealNER measures linking end to end behind the project's trained NER
// (internal/ner, grouped as internal/pipeline groups it): what an analyst
// gets. The score depends on the NER model, so only what this package
// controls is gated: recovering knowledge-base names the NER missed must
// help.
func TestRealNER(t *testing.T) {
	tagger, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	src := func(ctx context.Context, a *marsad.Article, _ []link.GoldMention, _ *link.GoldArticle) error {
		byName := map[string]int{}
		a.Entities = a.Entities[:0]
		a.Sentences = sentence.Split(a.Text)
		var toks []tokenize.Token
		var words []string
		for _, sent := range a.Sentences {
			toks = tokenize.AppendTokens(toks[:0], a.Text[sent.Start:sent.End])
			words = words[:0]
			for _, t := range toks {
				words = append(words, t.Text)
			}
			tags := tagger.Tag(words)
			for _, c := range ner.Chunks(tags) {
				m := marsad.Mention{Start: sent.Start + toks[c.Start].Start, End: sent.Start + toks[c.End-1].End, Kind: "name"}
				m.Text = a.Text[m.Start:m.End]
				key := c.Type + "\x00" + normalize.Search(m.Text)
				k, seen := byName[key]
				if !seen {
					k = len(a.Entities)
					byName[key] = k
					a.Entities = append(a.Entities, marsad.Entity{Name: m.Text, Type: c.Type})
				}
				a.Entities[k].Mentions = append(a.Entities[k].Mentions, m)
			}
		}
		return nil
	}
	gold, err := link.Gold()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, g := range gold {
		if !strings.HasPrefix(g.ID, "seed:") {
			ids[g.ID] = true
		}
	}
	path, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := link.ReadSaudiNewsNet(path, ids)
	if err != nil {
		t.Fatal(err)
	}
	k := kb.MustDefault()
	for _, sp := range []string{"dev", "test", "test2"} {
		var g []link.GoldArticle
		for _, a := range gold {
			if a.Split == sp {
				g = append(g, a)
			}
		}
		l := link.New(k)
		on, err := link.Evaluate(context.Background(), l, src, g, arts)
		if err != nil {
			t.Fatal(err)
		}
		l2 := link.New(k)
		l2.Recover = false
		off, err := link.Evaluate(context.Background(), l2, src, g, arts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s, trained NER + recovery: %v", sp, on)
		t.Logf("%s, trained NER, no recovery: %v", sp, off)
		if on.Accuracy()-off.Accuracy() < 0.05 {
			t.Errorf("%s: recovery gains only %.3f behind the trained NER", sp, on.Accuracy()-off.Accuracy())
		}
	}
}
