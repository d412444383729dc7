// Command select picks the test3 held-out articles of the link gold set
// (../README.md): SaudiNewsNet articles of 500–1,800 characters that name an
// office holder (a title word), not used by any existing testdata set (ids
// and titles), in a seeded shuffle. Run from the repository root:
//
//	grep -rhoE "snn-2015-[0-9]{2}-[0-9]{2}-[0-9]+" internal | sort -u > /tmp/used.txt
//	go run ./internal/link/testdata/select -data ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz -used /tmp/used.txt -seed 20261123
//
// (test3 was drawn at commit 9198097, before its own ids were in the tree;
// test4 with -seed 20261124 at commit 68d3210, 3,684 used ids, the grep
// run over everything under internal, uncommitted files of other stages
// included.)
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

func main() {
	data := flag.String("data", "", "saudinewsnet.jsonl.gz")
	used := flag.String("used", "", "file of used ids, one a line")
	seed := flag.Int64("seed", 0, "shuffle seed")
	n := flag.Int("n", 15, "articles")
	flag.Parse()
	usedIDs := map[string]bool{}
	b, err := os.ReadFile(*used)
	if err != nil {
		panic(err)
	}
	for _, l := range strings.Fields(string(b)) {
		usedIDs[l] = true
	}
	title := regexp.MustCompile(`(^|[\s،.])(ال|و|ل|وال|لل)?(رئيس|وزير|أمير|ملك|الرئيس|الوزير|الأمير|الملك|ولي العهد|الأمين العام|المبعوث|السفير)[\s،]`)
	f, err := os.Open(*data)
	if err != nil {
		panic(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		panic(err)
	}
	type art struct{ ID, Source, Title, Content string }
	var all []art
	usedTitles := map[string]bool{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a art
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			panic(err)
		}
		if usedIDs[a.ID] {
			usedTitles[strings.TrimSpace(a.Title)] = true
			continue
		}
		all = append(all, a)
	}
	var cands []art
	seenTitle := map[string]bool{}
	for _, a := range all {
		n := utf8.RuneCountInString(a.Content)
		t := strings.TrimSpace(a.Title)
		if n < 500 || n > 1800 || usedTitles[t] || seenTitle[t] || !title.MatchString(a.Content) {
			continue
		}
		seenTitle[t] = true
		cands = append(cands, a)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
	r := rand.New(rand.NewSource(*seed))
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	fmt.Fprintf(os.Stderr, "%d candidates\n", len(cands))
	for _, a := range cands[:*n] {
		fmt.Printf("%s\t%s\t%s\n", a.ID, a.Source, a.Title)
	}
}
