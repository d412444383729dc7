package agreement

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"

	"marsad/internal/ner"
	"marsad/internal/quote"
)

// snn3IDs are the eight articles of the NER package's third blind set, as
// its testdata README lists them (every article is included whole).
var snn3IDs = []string{
	"snn-2015-08-04-1124", "snn-2015-08-07-0345", "snn-2015-08-08-0642", "snn-2015-08-09-1086",
	"snn-2015-08-06-2706", "snn-2015-08-06-0095", "snn-2015-08-09-0320", "snn-2015-08-07-1419",
}

// snn2IDs are the ten articles of the NER package's second blind set, as
// its testdata README lists them.
var snn2IDs = []string{
	"snn-2015-08-06-1761", "snn-2015-08-11-0057", "snn-2015-08-04-1069", "snn-2015-08-06-0159",
	"snn-2015-08-11-0016", "snn-2015-08-11-1524", "snn-2015-08-11-0334", "snn-2015-08-06-1364",
	"snn-2015-08-10-0372", "snn-2015-08-08-0623",
}

// anerSeed draws B's sample of ANERcorp's training file (train and dev
// parts, never the test split): the first anerSample sentences of
// rand.New(rand.NewPCG(anerSeed, 0)).Perm over its sentences.
const (
	anerSeed   = 20261130
	anerSample = 40
)

// newsSentenceTokens splits an article as ner.ReadStandOff does: CorpusTokens
// of the title, then of the content, each cut after . ! ؟ and every 60
// tokens. TestNERAgreement checks that it gives ReadStandOff's sentences.
func newsSentenceTokens(title, content string) [][]string {
	var out [][]string
	for _, text := range []string{title, content} {
		toks := ner.CorpusTokens(nil, text)
		start := 0
		for i, t := range toks {
			if t == "." || t == "!" || t == "؟" || i-start >= 59 || i == len(toks)-1 {
				out = append(out, toks[start:i+1:i+1])
				start = i + 1
			}
		}
	}
	return out
}

func printTokens(toks []string) {
	var b strings.Builder
	for i, t := range toks {
		fmt.Fprintf(&b, "%d:%s ", i, t)
	}
	fmt.Println(b.String())
}

// anerSampleIndices returns B's ANERcorp sample, sorted: the first batch
// (anerSample sentences of the seeded permutation) and the second (the
// next anerSample), annotated after the first had been compared.
func anerSampleIndices(n int) (first, second []int) {
	perm := rand.New(rand.NewPCG(anerSeed, 0)).Perm(n)
	first = append([]int(nil), perm[:anerSample]...)
	second = append([]int(nil), perm[anerSample:2*anerSample]...)
	sort.Ints(first)
	sort.Ints(second)
	return first, second
}

// TestPrintNERSample prints the raw text of B's NER samples for blind
// annotation (README, Protocol): AGREEMENT_NER_RAW=snn3 (snn2) prints the
// third (second) blind set's articles from SaudiNewsNet (text and numbered tokens; the
// gold file is not read), =anercorp and =anercorp2 the two batches of
// sampled ANERcorp sentences without their tags; skipped otherwise.
func TestPrintNERSample(t *testing.T) {
	switch os.Getenv("AGREEMENT_NER_RAW") {
	case "snn3", "snn2":
		list := snn3IDs
		if os.Getenv("AGREEMENT_NER_RAW") == "snn2" {
			list = snn2IDs
		}
		ids := map[string]bool{}
		for _, id := range list {
			ids[id] = true
		}
		raws, err := quote.ReadSaudiNewsNet(ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range list {
			a := raws[id]
			fmt.Printf("=== %s %s %s\n%s\n%s\n\n", id, a.Source, a.Date, a.Title, a.Content)
			for i, s := range newsSentenceTokens(a.Title, a.Content) {
				fmt.Printf("%s\t%d\n", id, i)
				printTokens(s)
			}
			fmt.Println()
		}
	case "anercorp", "anercorp2":
		train, dev, err := ner.ANERcorp()
		if err != nil {
			t.Fatal(err)
		}
		all := append(train, dev...)
		pick, second := anerSampleIndices(len(all))
		if os.Getenv("AGREEMENT_NER_RAW") == "anercorp2" {
			pick = second
		}
		for _, i := range pick {
			fmt.Printf("S\t%d\n", i)
			printTokens(all[i].Tokens)
		}
	default:
		t.Skip("AGREEMENT_NER_RAW=snn3|snn2|anercorp|anercorp2 prints the sample")
	}
}
