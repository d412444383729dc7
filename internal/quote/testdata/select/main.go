// Command select lists the SaudiNewsNet articles of a new quote evaluation
// set, with the selection procedure of testdata/README.md: articles of
// 1,200–4,500 characters with at least four speech verbs and a quotation
// mark, from 12 outlets, shuffled per outlet with a seed, skipping every
// article id that appears anywhere in the repository (other sets).
//
//	go run ./internal/quote/testdata/select -seed 7 -n 2
//
// It lives under testdata so that it is no part of the build.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"marsad/internal/dataset"
)

var outlets = []string{"3alyoum", "aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh",
	"alwatan", "alweeam", "alyaum", "okaz", "sabq", "was"}

// speech verbs counted for the selection (a fixed list, independent of the
// attributor's cue data), with an optional و/ف proclitic.
var verbs = regexp.MustCompile(`(^|[\s،,.:«"“”])[وف]?(قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|شدد|شددت|اعتبر|اعتبرت|أعلن|أعلنت|نفى|نفت|حذر|حذرت|دعا|دعت|يقول|تقول|مؤكدا|مؤكداً|مشيرا|مشيراً|مضيفا|مضيفاً)([\s،,.:]|$)`)

var idRE = regexp.MustCompile(`snn-\d{4}-\d{2}-\d{2}-\d+`)

func main() {
	seed := flag.Uint64("seed", 7, "shuffle seed")
	n := flag.Int("n", 1, "articles per outlet")
	flag.Parse()
	used := map[string]bool{}
	filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() < 50<<20 {
			b, _ := os.ReadFile(p)
			for _, id := range idRE.FindAllString(string(b), -1) {
				used[id] = true
			}
		}
		return nil
	})
	path, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	by := map[string][]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct{ ID, Source, Content string }
		if json.Unmarshal(sc.Bytes(), &a) != nil {
			continue
		}
		c := utf8.RuneCountInString(a.Content)
		if c < 1200 || c > 4500 || !strings.ContainsAny(a.Content, "\"“”«»") {
			continue
		}
		if len(verbs.FindAllString(a.Content, -1)) < 4 {
			continue
		}
		by[a.Source] = append(by[a.Source], a.ID)
	}
	fmt.Fprintf(os.Stderr, "%d ids used elsewhere in the repository\n", len(used))
	for _, o := range outlets {
		ids := by[o]
		sort.Strings(ids)
		r := rand.New(rand.NewPCG(*seed, *seed))
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		k := 0
		for _, id := range ids {
			if k == *n {
				break
			}
			if used[id] {
				continue
			}
			fmt.Println(o, id)
			k++
		}
	}
}
