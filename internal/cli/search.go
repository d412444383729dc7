package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"marsad/internal/search"
	"marsad/store"
)

// cmdSearch searches the store's articles (or quotes) with Marsad's
// Arabic analyzer and prints the best hits with their snippets, the
// matched words in [brackets]; --json prints the results as JSON.
func cmdSearch(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	db := dbFlag(fs)
	kind := fs.String("kind", "article", "search `article`s or quotes (quote)")
	source := fs.String("source", "", "only these outlets (comma separated)")
	from := fs.String("from", "", "published on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "published on or before `YYYY-MM-DD`")
	entity := fs.String("entity", "", "only articles mentioning this entity `id`")
	speaker := fs.String("speaker", "", "only quotes by this entity `id`")
	limit := fs.Int("limit", 10, "hits to print (at most 100)")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	entities := fs.Bool("entities", false, "find linked entities by name instead of articles")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" && *entity == "" && *speaker == "" {
		return usageError("search QUERY [flags]: a query is required")
	}
	path := *db
	if path == "" {
		p, err := store.DefaultPath(e.Getenv)
		if err != nil {
			return err
		}
		path = p
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	ix, err := search.Open(ctx, path)
	if err != nil {
		return err
	}
	defer ix.Close()
	if _, err := ix.Sync(ctx, st); err != nil {
		return err
	}
	if *entities {
		hits, err := ix.Entities(ctx, q, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(e.Stdout).Encode(hits)
		}
		for _, h := range hits {
			fmt.Fprintf(e.Stdout, "%s\t%s\t%s\t%s\t%d articles, %d mentions\n", h.ID, h.Name, h.NameEn, h.Type, h.Articles, h.Mentions)
		}
		return nil
	}
	query := search.Query{Text: q, Kind: *kind, From: *from, To: *to, Entity: *entity, Speaker: *speaker, Limit: *limit}
	if *source != "" {
		query.Sources = strings.Split(*source, ",")
	}
	res, err := ix.Search(ctx, query)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	fmt.Fprintf(e.Stdout, "%d hits\n", res.Total)
	for _, h := range res.Hits {
		title := h.Title
		if title == "" {
			title = h.Article
		}
		fmt.Fprintf(e.Stdout, "\n%s  %s  %s  (%s)\n", h.Article, h.Source, h.Published, title)
		if h.SpeakerName != "" {
			fmt.Fprintf(e.Stdout, "  %s:\n", h.SpeakerName)
		}
		fmt.Fprintf(e.Stdout, "  %s\n", bracket(h.Snippet))
	}
	return nil
}

// bracket writes a snippet with its highlights in [brackets].
func bracket(s search.Snippet) string {
	var b strings.Builder
	at := 0
	for _, h := range s.Highlights {
		i, j := h.Start-s.Start, h.End-s.Start
		if i < at || j > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[at:i] + "[" + s.Text[i:j] + "]")
		at = j
	}
	b.WriteString(s.Text[at:])
	return strings.ReplaceAll(b.String(), "\n", " ")
}
