package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"marsad/internal/dataset"
)

// standOffFiles are the annotation files of this package: the old CoNLL
// file, the stand-off file that replaces it, and the header saying what
// the file is.
var standOffFiles = []struct{ conll, standoff, about string }{
	{"data/snn-train.conll", "data/snn-train.tsv", "Marsad's own NER annotation of 80 SaudiNewsNet articles (training data; data/README.md)."},
	{"testdata/blind-snn.conll", "testdata/blind-snn.tsv", "Marsad's own NER annotation of 3 SaudiNewsNet articles (first blind set; testdata/README.md)."},
	{"testdata/blind-snn2.conll", "testdata/blind-snn2.tsv", "Marsad's own NER annotation of 10 SaudiNewsNet articles (second blind set; testdata/README.md)."},
	{"testdata/blind-snn3.conll", "testdata/blind-snn3.tsv", "Marsad's own NER annotation of 8 SaudiNewsNet articles (third blind set; testdata/README.md)."},
}

// TestConvertStandOff converted the CoNLL annotation files (which held
// SaudiNewsNet's text, so they are no longer in the tree: see the git
// history before the stand-off commit) to stand-off files, once, with
// MARSAD_CONVERT_STANDOFF=1; the rebuilt sentences were checked equal to
// the CoNLL ones (tokens and tags) for all four files.
// Each sentence is found in SaudiNewsNet by its tokens; an ambiguous
// sentence (a dateline, say) goes to the article of its neighbours.
func TestConvertStandOff(t *testing.T) {
	if os.Getenv("MARSAD_CONVERT_STANDOFF") == "" {
		t.Skip("set MARSAD_CONVERT_STANDOFF=1 to convert the CoNLL files (done once)")
	}
	p, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	arts, fileIndex := map[string][][]string{}, map[string]int{}
	if err := eachNewsArticle(p, nil, func(i int, id, title, content string) {
		arts[id] = newsSentences(title, content)
		fileIndex[id] = i
	}); err != nil {
		t.Fatal(err)
	}
	// The READMEs name the articles of the blind sets; SaudiNewsNet holds
	// some articles twice under two ids, so a named id wins a tie, then
	// the selection's constraint (file index ≥ 20,000), then the lower index.
	named := map[string]bool{}
	for _, r := range []string{"testdata/README.md", "data/README.md"} {
		b, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`snn-\d{4}-\d\d-\d\d-\d{4}`).FindAllString(string(b), -1) {
			named[m] = true
		}
	}
	better := func(a, b string) bool { // a is preferred to b
		if named[a] != named[b] {
			return named[a]
		}
		if (fileIndex[a] >= 20000) != (fileIndex[b] >= 20000) {
			return fileIndex[a] >= 20000
		}
		return fileIndex[a] < fileIndex[b]
	}
	type loc struct {
		id  string
		idx int
	}
	where := map[string][]loc{}
	for id, ss := range arts {
		for i, s := range ss {
			k := strings.Join(s, " ")
			where[k] = append(where[k], loc{id, i})
		}
	}
	for _, f := range standOffFiles {
		sents, err := ReadCoNLLFile(f.conll)
		if err != nil {
			t.Fatal(err)
		}
		// Greedy: at each position take the article whose run of
		// consecutive sentences matches the file furthest.
		var refs []loc
		for p := 0; p < len(sents); {
			cands := where[strings.Join(sents[p].Tokens, " ")]
			if len(cands) == 0 {
				t.Fatalf("%s: sentence %d not found in SaudiNewsNet", f.conll, p)
			}
			best, bestN := loc{}, 0
			for _, c := range cands {
				n := 0
				for p+n < len(sents) && c.idx+n < len(arts[c.id]) && strings.Join(arts[c.id][c.idx+n], " ") == strings.Join(sents[p+n].Tokens, " ") {
					n++
				}
				if n > bestN || (n == bestN && better(c.id, best.id)) {
					best, bestN = c, n
				}
			}
			if best.idx != 0 || bestN != len(arts[best.id]) {
				t.Logf("%s: sentence %d: sentences %d–%d of %s (of %d)", f.conll, p, best.idx, best.idx+bestN-1, best.id, len(arts[best.id]))
			}
			ties := 0
			for _, c := range cands {
				if c.id != best.id && c.idx == best.idx && fileIndex[c.id] >= 20000 {
					ties++
				}
			}
			if ties > 0 && best.idx == 0 {
				t.Logf("%s: %s (index %d, named %v) chosen over %d other article(s) with the same text", f.conll, best.id, fileIndex[best.id], named[best.id], ties)
			}
			for k := 0; k < bestN; k++ {
				refs = append(refs, loc{best.id, best.idx + k})
			}
			p += bestN
		}
		var b strings.Builder
		b.WriteString(StandOffMagic + "\n")
		fmt.Fprintf(&b, "# %s\n", f.about)
		b.WriteString("# The text is not in this file: tokens are rebuilt from ../shared/data/saudinewsnet\n")
		b.WriteString("# (SaudiNewsNet, Alhagri 2015, github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0;\n")
		b.WriteString("# this annotation is derived from it and carries the same terms) by ner.ReadStandOff.\n")
		b.WriteString("# Sentences: ner.CorpusTokens of the title, then of the content, each split after . ! ؟\n")
		b.WriteString("# and every 60 tokens; numbered from 0 per article.\n")
		b.WriteString("# A sentence line: article-id TAB sentence-index (the sentences, in order).\n")
		b.WriteString("# A name line, after its sentence: article-id TAB sentence-index TAB first-token TAB last-token TAB TYPE\n")
		b.WriteString("# (token indices from 0, inclusive; BIO: B- on the first token, I- on the rest).\n")
		for i, r := range refs {
			fmt.Fprintf(&b, "%s\t%d\n", r.id, r.idx)
			for _, c := range Chunks(sents[i].Tags) {
				fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%s\n", r.id, r.idx, c.Start, c.End-1, c.Type)
			}
		}
		if err := os.WriteFile(f.standoff, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadGoldFile(f.standoff)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameSentences(sents, got); err != nil {
			t.Errorf("%s → %s: %v", f.conll, filepath.Base(f.standoff), err)
		}
	}
}

// sameSentences reports the first difference between two sentence lists.
func sameSentences(want, got []Sentence) error {
	if len(want) != len(got) {
		return fmt.Errorf("%d sentences, want %d", len(got), len(want))
	}
	for i := range want {
		if strings.Join(want[i].Tokens, " ") != strings.Join(got[i].Tokens, " ") {
			return fmt.Errorf("sentence %d: tokens differ", i)
		}
		if strings.Join(want[i].Tags, " ") != strings.Join(got[i].Tags, " ") {
			return fmt.Errorf("sentence %d: tags %v, want %v", i, got[i].Tags, want[i].Tags)
		}
		if want[i].Domain != got[i].Domain {
			return fmt.Errorf("sentence %d: domain differs", i)
		}
	}
	return nil
}
