package event_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/event"
	"marsad/internal/pipeline"
	"marsad/internal/text/clean"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// TestMineTriggers counts, over SaudiNewsNet articles that no gold split
// uses, the words outside entity names in sentences where the pipeline
// finds two or more PERS/ORG/LOC entities, grouped by a clitic-stripped
// key (MARSAD_EVENT_MINE=number of articles; the list is written to
// MARSAD_EVENT_MINE_OUT). It is how data/corpus-words.tsv was drawn: the
// most frequent keys, classified by hand.
func TestMineTriggers(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("MARSAD_EVENT_MINE"))
	if n <= 0 {
		t.Skip("set MARSAD_EVENT_MINE to a number of articles")
	}
	p, used := pipelineAndGoldIDs(t)
	news, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	forms := map[string]map[string]int{}
	example := map[string]string{}
	sents, done := 0, 0
	for i := 0; i < len(news) && done < n; i += 7 { // every 7th article: all outlets and dates
		a := analyzeUnused(t, p, news[i], used)
		if a == nil {
			continue
		}
		done++
		for _, s := range a.Sentences {
			if os.Getenv("MARSAD_EVENT_MINE_MISSES") != "" {
				// Only sentences the coder gave no event.
				coded := false
				for _, e := range a.Events {
					if e.Start < s.End && e.End > s.Start {
						coded = true
					}
				}
				if coded {
					continue
				}
			}
			type span struct{ s, e int }
			var ms []span
			ents := map[string]bool{}
			for _, e := range a.Entities {
				if e.Type != marsad.PERS && e.Type != marsad.ORG && e.Type != marsad.LOC {
					continue
				}
				for _, m := range e.Mentions {
					if m.Start >= s.Start && m.End <= s.End {
						ms = append(ms, span{m.Start, m.End})
						ents[e.ID] = true
					}
				}
			}
			if len(ents) < 2 {
				continue
			}
			sents++
			seen := map[string]bool{}
			for _, tk := range tokenize.Tokens(a.Text[s.Start:s.End]) {
				if tk.Kind != tokenize.Word {
					continue
				}
				st, en := s.Start+tk.Start, s.Start+tk.End
				in := false
				for _, m := range ms {
					if st < m.e && en > m.s {
						in = true
					}
				}
				if in {
					continue
				}
				w := normalize.Search(tk.Text)
				k := mineKey(w)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				count[k]++
				if forms[k] == nil {
					forms[k] = map[string]int{}
				}
				forms[k][w]++
				if example[k] == "" || os.Getenv("MARSAD_EVENT_MINE_MISSES") != "" && len(example[k]) < 600 {
					if example[k] != "" {
						example[k] += " || "
					}
					r := []rune(strings.Join(strings.Fields(a.Text[s.Start:s.End]), " "))
					example[k] += string(r[:min(len(r), 160)])
				}
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "# %d articles, %d sentences with two or more entities\n", done, sents)
	for i, k := range keys {
		if i >= 1500 {
			break
		}
		var fs []string
		for f := range forms[k] {
			fs = append(fs, f)
		}
		sort.Slice(fs, func(i, j int) bool { return forms[k][fs[i]] > forms[k][fs[j]] })
		if len(fs) > 4 {
			fs = fs[:4]
		}
		if os.Getenv("MARSAD_EVENT_MINE_MISSES") != "" {
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", k, count[k], strings.Join(fs, " "), example[k])
			continue
		}
		fmt.Fprintf(&b, "%s\t%d\t%s\n", k, count[k], strings.Join(fs, " "))
	}
	out := os.Getenv("MARSAD_EVENT_MINE_OUT")
	if out == "" {
		out = "/dev/stdout"
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mineKey strips the proclitics (و/ف, ب/ل/ك or the future س, ال) and one
// inflection or pronoun suffix, so that the forms of one verb or noun
// count together; "" for words of fewer than three letters and numbers.
func mineKey(w string) string {
	if len([]rune(w)) < 3 || strings.ContainsAny(w, "0123456789٠١٢٣٤٥٦٧٨٩") {
		return ""
	}
	strip := func(s, p string) string {
		if t, ok := strings.CutPrefix(s, p); ok && len([]rune(t)) >= 3 {
			return t
		}
		return s
	}
	for _, c := range []string{"و", "ف"} {
		w = strip(w, c)
	}
	if t := strip(w, "لل"); t != w {
		w = t
	} else {
		for _, c := range []string{"ب", "ل", "ك"} {
			if strings.HasPrefix(w, c+"ال") {
				w = strip(w, c)
			}
		}
	}
	w = strip(w, "ال")
	for _, s := range []string{"هما", "تها", "ته", "هم", "ها", "وا", "ون", "ين", "ات", "ه"} {
		if t, ok := strings.CutSuffix(w, s); ok && len([]rune(t)) >= 3 {
			w = t
			break
		}
	}
	return w
}

// pipelineAndGoldIDs returns the default pipeline and the articles every
// annotated split uses, which corpus runs leave out.
func pipelineAndGoldIDs(t *testing.T) (*pipeline.Pipeline, map[string]bool) {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := event.ReadGold("")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, g := range gold {
		used[g.Article] = true
	}
	return p, used
}

// analyzeUnused analyses a SaudiNewsNet article for a corpus run, or
// returns nil for one the runs leave out: empty, used by an annotated
// split, or from the two sports outlets.
func analyzeUnused(t *testing.T, p *pipeline.Pipeline, nw dataset.NewsArticle, used map[string]bool) *marsad.Article {
	t.Helper()
	if nw.Content == "" || used[nw.ID] || nw.Source == "arreyadi" || nw.Source == "arriyadiyah" {
		return nil
	}
	a := marsad.NewArticle()
	c := clean.Text(nw.Content)
	a.ID, a.Text, a.Paragraphs = nw.ID, c.Text, c.Paragraphs
	if err := p.Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}
