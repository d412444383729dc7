package cli

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"marsad"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
)

// sample holds the demo's articles: two outlets' reports of one summit,
// given to the project by its first user.
//
//go:embed sample/*.txt
var sample embed.FS

// sampleArticles reads the bundled sample as articles, source named by file.
func sampleArticles() ([]*marsad.Article, error) {
	names, err := fs.Glob(sample, "sample/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*marsad.Article
	for _, n := range names {
		b, err := sample.ReadFile(n)
		if err != nil {
			return nil, err
		}
		a, err := ingest.FromText(b, ingest.Options{})
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", n, err)
		}
		a.Source = strings.TrimSuffix(path.Base(n), ".txt")
		out = append(out, a)
	}
	return out, nil
}

func cmdDemo(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	asJSON := fs.Bool("json", false, "write the analysed sample articles, then their story, as JSON lines")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	arts, err := sampleArticles()
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	if !*asJSON {
		fmt.Fprintf(e.Stdout, "مرصد — عرض توضيحي: %s عن حدث واحد، عدد المصادر %d\n\n", nounArticle.Count(len(arts)), distinctSources(arts))
	}
	for _, a := range arts {
		if err := p.Analyze(ctx, a); err != nil {
			return fmt.Errorf("sample %s: %w", a.Source, err)
		}
		if *asJSON {
			if err := writeJSONLine(e.Stdout, a); err != nil {
				return err
			}
			continue
		}
		printArticle(e.Stdout, a)
	}
	// The story the articles form once ingested into a (temporary) store.
	st, err := sampleStory(ctx, p, arts)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSONLine(e.Stdout, st)
	}
	fmt.Fprintln(e.Stdout, strings.Repeat("═", 40))
	return printStoryReport(e.Stdout, st, arts)
}

// distinctSources counts the outlets among articles.
func distinctSources(arts []*marsad.Article) int {
	seen := map[string]bool{}
	for _, a := range arts {
		seen[a.Source] = true
	}
	return len(seen)
}
