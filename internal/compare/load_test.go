package compare

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
)

var (
	newsOnce sync.Once
	newsByID map[string]dataset.NewsArticle
	newsErr  error
)

// newsArticles reads the SaudiNewsNet articles with the given ids and runs
// the current pipeline over them, so the evaluation improves as stages
// land. It fails (not skips) when the data is missing: CI has it.
func newsArticles(t testing.TB, ids []string) []*marsad.Article {
	t.Helper()
	newsOnce.Do(func() {
		all, err := dataset.SaudiNewsNet(0)
		if err != nil {
			newsErr = err
			return
		}
		newsByID = make(map[string]dataset.NewsArticle, len(all))
		for _, a := range all {
			newsByID[a.ID] = a
		}
	})
	if newsErr != nil {
		t.Fatalf("saudinewsnet: %v", newsErr)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []*marsad.Article
	for _, id := range ids {
		n, ok := newsByID[id]
		if !ok {
			t.Fatalf("saudinewsnet: no article %s", id)
		}
		pub := ""
		if len(n.DateExtracted) >= 10 {
			pub = n.DateExtracted[:10]
		}
		a, err := ingest.FromText([]byte(n.Content), ingest.Options{Published: pub, Source: n.Source})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		a.ID, a.Title, a.URL = id, n.Title, n.URL
		if err := p.Analyze(context.Background(), a); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		out = append(out, a)
	}
	return out
}

// TestDump prints the sentences of the articles in MARSAD_DUMP (comma
// separated ids) with what Compare finds: the annotation aid.
func TestDump(t *testing.T) {
	ids := os.Getenv("MARSAD_DUMP")
	if ids == "" {
		t.Skip("set MARSAD_DUMP=id,id,… to print articles for annotation")
	}
	arts := newsArticles(t, strings.Split(ids, ","))
	var b strings.Builder
	for i, a := range arts {
		fmt.Fprintf(&b, "== %c %s %s | %s\n", 'A'+i, a.ID, a.Source, a.Title)
		for j, s := range a.Sentences {
			fmt.Fprintf(&b, "  %c%d %s\n", 'A'+i, j, a.Text[s.Start:s.End])
		}
	}
	if os.Getenv("MARSAD_DUMP_TEXT") != "" {
		fmt.Print(b.String())
		return
	}
	c := Compare(arts)
	idx := map[string]int{}
	for i, a := range arts {
		idx[a.ID] = i
	}
	loc := func(e marsad.Evidence) string {
		a := arts[idx[e.Article]]
		return fmt.Sprintf("%c%d", 'A'+idx[e.Article], sentenceOf(a, e.Start))
	}
	for _, x := range c.Agreements {
		fmt.Fprintf(&b, "AGREE")
		for _, e := range x.Sources {
			fmt.Fprintf(&b, " %s", loc(e))
		}
		fmt.Fprintf(&b, " | %.80s\n", x.Claim)
	}
	for _, x := range c.Unique {
		fmt.Fprintf(&b, "UNIQUE")
		for _, e := range x.Sources {
			fmt.Fprintf(&b, " %s", loc(e))
		}
		fmt.Fprintf(&b, " | %.80s\n", x.Claim)
	}
	for _, x := range c.Conflicts {
		fmt.Fprintf(&b, "CONFLICT")
		for _, e := range x.Variants {
			fmt.Fprintf(&b, " %s[%s]", loc(e), e.Text)
		}
		fmt.Fprintf(&b, " | %s\n", x.About)
	}
	fmt.Print(b.String())
}

// sentenceOf is the index of the sentence of a that contains offset off.
func sentenceOf(a *marsad.Article, off int) int {
	for i, s := range a.Sentences {
		if s.Start <= off && off < s.End {
			return i
		}
	}
	return -1
}

// TestDebugSims prints the similarity of every cross-article sentence pair
// above 0.15 for the articles in MARSAD_SIMS: the tuning aid.
func TestDebugSims(t *testing.T) {
	ids := os.Getenv("MARSAD_SIMS")
	if ids == "" {
		t.Skip()
	}
	s := newStory(newsArticles(t, strings.Split(ids, ",")))
	for i, u := range s.units {
		for j, v := range s.units {
			if u.art < v.art {
				if x := sim(u, v); x > 0.15 {
					t.Logf("%c%d %c%d %.2f", 'A'+u.art, sentenceOf(s.arts[u.art], u.span.Start), 'A'+v.art, sentenceOf(s.arts[v.art], v.span.Start), x)
				}
			}
			_ = i
			_ = j
		}
	}
}
