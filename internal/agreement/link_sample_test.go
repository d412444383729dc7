package agreement

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"marsad/internal/dataset"
	"marsad/internal/link"
)

// linkSeed draws B's sample of the link gold's test6 split: its articles in
// the order of rand.New(rand.NewPCG(linkSeed, 0)).Perm, taken until their
// gold mentions reach linkSample.
const (
	linkSeed   = 20261131
	linkSample = 60
)

const linkA = "../link/testdata/gold.tsv"

func readLinkGold() ([]link.GoldArticle, error) {
	f, err := os.Open(linkA)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return link.LoadGold(f)
}

// linkSplit returns the gold articles of one split.
func linkSplit(gold []link.GoldArticle, split string) []link.GoldArticle {
	var out []link.GoldArticle
	for _, g := range gold {
		if g.Split == split {
			out = append(out, g)
		}
	}
	return out
}

// linkTexts reads the SaudiNewsNet articles of the given gold articles.
func linkTexts(gold []link.GoldArticle) (map[string]string, error) {
	dir, err := dataset.Dir("saudinewsnet")
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, g := range gold {
		ids[g.ID] = true
	}
	arts, err := link.ReadSaudiNewsNet(filepath.Join(dir, "saudinewsnet.jsonl.gz"), ids)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for id, a := range arts {
		out[id] = a.Text
	}
	return out, nil
}

// linkSampleArticles returns B's samples: test6 articles in seeded order,
// the first batch until their gold mentions reach linkSample, the second
// (B annotated the mentions too) the next ones until theirs reach
// linkSample again.
func linkSampleArticles(gold []link.GoldArticle, texts map[string]string) (first, second []link.GoldArticle) {
	test6 := linkSplit(gold, "test6")
	n := 0
	for _, i := range rand.New(rand.NewPCG(linkSeed, 0)).Perm(len(test6)) {
		switch {
		case n < linkSample:
			first = append(first, test6[i])
		case n < 2*linkSample:
			second = append(second, test6[i])
		default:
			return first, second
		}
		n += len(test6[i].Mentions(texts[test6[i].ID]))
	}
	return first, second
}

// TestPrintLinkSample prints B's linking samples for blind annotation: each
// article's text and its gold mentions' offsets and surfaces, never their
// entity, type or kind. AGREEMENT_LINK_RAW=1; skipped otherwise.
func TestPrintLinkSample(t *testing.T) {
	which := os.Getenv("AGREEMENT_LINK_RAW")
	if which == "" {
		t.Skip("AGREEMENT_LINK_RAW=1 prints the first sample, =2 the second")
	}
	gold, err := readLinkGold()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := linkTexts(linkSplit(gold, "test6"))
	if err != nil {
		t.Fatal(err)
	}
	first, second := linkSampleArticles(gold, texts)
	if which == "2" {
		// The second batch: the articles' text only (B finds the mentions).
		for _, g := range second {
			fmt.Printf("=== %s\n%s\n\n", g.ID, texts[g.ID])
		}
		return
	}
	for _, g := range first {
		text := texts[g.ID]
		fmt.Printf("=== %s\n%s\n\n", g.ID, text)
		for _, m := range g.Mentions(text) {
			lo, hi := max(0, m.Span.Start-60), min(len(text), m.Span.End+40)
			for lo > 0 && text[lo]&0xC0 == 0x80 {
				lo--
			}
			for hi < len(text) && text[hi]&0xC0 == 0x80 {
				hi++
			}
			fmt.Printf("%d\t%d\t%s\t… %s[[%s]]%s …\n", m.Span.Start, m.Span.End, text[m.Span.Start:m.Span.End], text[lo:m.Span.Start], text[m.Span.Start:m.Span.End], text[m.Span.End:hi])
		}
		fmt.Println()
	}
}
