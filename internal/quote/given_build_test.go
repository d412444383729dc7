package quote

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"marsad/internal/dataset"
	"marsad/internal/text/normalize"
)

// TestBuildGivenNames rewrites data/given-names.txt when
// MARSAD_BUILD_GIVEN=1: the first words of the multi-word person names in
// the training parts of ANERcorp (CAMeL split) and NewsFANE, the given
// names of news Arabic. Normal runs skip it.
func TestBuildGivenNames(t *testing.T) {
	if os.Getenv("MARSAD_BUILD_GIVEN") != "1" {
		t.Skip("set MARSAD_BUILD_GIVEN=1 to rebuild data/given-names.txt")
	}
	count := map[string]int{}
	read := func(set, file string, person func(tag string) (begin, inside bool)) {
		path, err := dataset.File(set, file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		first := ""
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			tag := "O"
			if len(fields) >= 2 {
				tag = fields[len(fields)-1]
			}
			b, in := person(tag)
			switch {
			case in && first != "":
				count[first]++ // a name of two words or more: its first is a given name
				first = ""
			case b:
				first = normalize.Search(fields[0])
			default:
				first = ""
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	read("anercorp-camel", "ANERCorp_CamelLab_train.txt", func(tag string) (bool, bool) {
		return tag == "B-PERS", tag == "I-PERS"
	})
	persons := map[string]bool{"Politician": true, "Athlete": true, "Artist": true, "Other_PER": true, "Religious_PER": true,
		"Scientist": true, "Businessperson": true, "Lawyer": true, "Engineer": true}
	read("newsfane", "newsfane_gold_train.tsv", func(tag string) (bool, bool) {
		return strings.HasPrefix(tag, "B-") && persons[tag[2:]], strings.HasPrefix(tag, "I-") && persons[tag[2:]]
	})
	var names []string
	for w, n := range count {
		// و is the conjunction (ومحمد) unless the word without it is no
		// given name: then it is the name's own letter (وليد، وحيد، وائل).
		// A one-letter or function word is no name.
		conj := strings.HasPrefix(w, "و") && count[strings.TrimPrefix(w, "و")] > 0
		if n >= 2 && len([]rune(w)) >= 2 && !conj {
			names = append(names, w)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# Given names (search form): first words of the person names of two or more words in\n")
	b.WriteString("# the training parts of ANERcorp (CAMeL Lab split; research use) and NewsFANE Gold\n")
	b.WriteString("# (CC BY-SA 3.0), seen at least twice. Made by MARSAD_BUILD_GIVEN=1 go test ./internal/quote\n")
	b.WriteString("# -run TestBuildGivenNames. A word with و is left out when the word without it is a given\n")
	b.WriteString("# name too (ومحمد: the conjunction); وليد، وحيد stay.\n")
	for _, w := range names {
		fmt.Fprintln(&b, w)
	}
	if err := os.WriteFile("data/given-names.txt", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d given names", len(names))
}
