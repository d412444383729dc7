// Command goldcount prints the gold mentions of one split of the link gold
// set as the evaluation reads them (surfaces found in the article text),
// without running any linker: for checking an annotation before its blind
// run. Run from the repository root:
//
//	go run ./internal/link/testdata/goldcount -split test4
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"marsad/internal/dataset"
	"marsad/internal/link"
)

func main() {
	split := flag.String("split", "test4", "gold split")
	list := flag.Bool("list", false, "print every mention")
	flag.Parse()
	f, err := os.Open("internal/link/testdata/gold.tsv")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	gold, err := link.LoadGold(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dir, err := dataset.Dir("saudinewsnet")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ids := map[string]bool{}
	for _, g := range gold {
		if g.Split == *split {
			ids[g.ID] = true
		}
	}
	arts, err := link.ReadSaudiNewsNet(filepath.Join(dir, "saudinewsnet.jsonl.gz"), ids)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kinds := map[string]int{}
	ents, articles := 0, 0
	for _, g := range gold {
		if g.Split != *split {
			continue
		}
		articles++
		ents += len(g.Entities)
		text := arts[g.ID].Text
		seen := make([]int, len(g.Entities))
		for _, m := range g.Mentions(text) {
			kinds[m.Kind]++
			seen[m.Entity]++
			if *list {
				fmt.Printf("%s\t%s\t%s\t%s\n", g.ID, m.Kind, g.Entities[m.Entity].NameEn, text[m.Span.Start:m.Span.End])
			}
		}
		for i, n := range seen {
			if n == 0 {
				fmt.Printf("%s: entity %s has no mention in the text\n", g.ID, g.Entities[i].NameEn)
			}
		}
	}
	fmt.Printf("%s: %d articles, %d entities, mentions %v\n", *split, articles, ents, kinds)
}
