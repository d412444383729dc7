package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"marsad"
	"marsad/internal/cluster"
	"marsad/internal/compare"
	"marsad/internal/event"
	"marsad/internal/ingest"
	"marsad/internal/ingest/feed"
	"marsad/internal/pipeline"
	"marsad/internal/queue"
	"marsad/internal/story"
	"marsad/internal/summary"
	"marsad/store"
)

// dbFlag adds --db to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "store file (default $"+store.EnvDB+", else $XDG_DATA_HOME/marsad/marsad.db)")
}

// openStore opens the store named by --db, MARSAD_DB or the default path.
func openStore(ctx context.Context, e *Env, db string) (marsad.Store, error) {
	path := db
	if path == "" {
		var err error
		if path, err = store.DefaultPath(e.Getenv); err != nil {
			return nil, err
		}
	}
	return store.Open(ctx, path)
}

// progress reports a long run on stderr now and then, never per article.
type progress struct {
	w             io.Writer
	start, last   time.Time
	n             int
	added, dup    int
	near, stories int
	failed        int
}

func newProgress(w io.Writer) *progress {
	now := time.Now()
	return &progress{w: w, start: now, last: now}
}

func (p *progress) count(r store.Result) {
	p.n++
	switch r.Status {
	case store.Added:
		p.added++
	case store.Duplicate:
		p.dup++
	case store.NearDuplicate:
		p.near++
	}
	if r.NewStory {
		p.stories++
	}
	if now := time.Now(); now.Sub(p.last) >= 2*time.Second {
		p.last = now
		fmt.Fprintf(p.w, "marsad: %d articles (%.0f/s), %d added, %d near-duplicates, %d duplicates, %d new stories\n",
			p.n, float64(p.n)/now.Sub(p.start).Seconds(), p.added, p.near, p.dup, p.stories)
	}
}

func (p *progress) summary() string {
	s := fmt.Sprintf("%d articles: %d added, %d near-duplicates linked, %d duplicates skipped, %d new stories", p.n, p.added, p.near, p.dup, p.stories)
	if p.failed > 0 {
		s += fmt.Sprintf(", %d failed", p.failed)
	}
	return s + fmt.Sprintf(" (%.1fs)", time.Since(p.start).Seconds())
}

// describe is one line about an ingested article.
func describe(a *marsad.Article, r store.Result) string {
	switch r.Status {
	case store.Duplicate:
		return fmt.Sprintf("duplicate  %s (stored as %s)", a.ID, r.ID)
	case store.NearDuplicate:
		return fmt.Sprintf("near-copy  %s of %s (%.0f%%) → story %s  %s", r.ID, r.DuplicateOf, 100*r.Similarity, r.Story, excerptTitle(a))
	}
	what := "joined   "
	if r.NewStory {
		what = "new story"
	}
	return fmt.Sprintf("%s  %s → story %s  %s", what, r.ID, r.Story, excerptTitle(a))
}

func excerptTitle(a *marsad.Article) string {
	t := a.Title
	if t == "" {
		t = a.Text
	}
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > 70 {
		t = string(r[:70]) + "…"
	}
	return t
}

func cmdIngest(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	db := dbFlag(fs)
	source := fs.String("source", "", "outlet name for the inputs (overrides what the input says)")
	published := fs.String("published", "", "publication date YYYY-MM-DD (overrides what the input says)")
	format := fs.String("format", "", "input format: text, html or jsonl (default: guessed)")
	quiet := fs.Bool("q", false, "print only the summary")
	asJSON := fs.Bool("json", false, "write one JSON result per article ({id, story, status, …})")
	queueURL := fs.String("queue", "", "publish the articles to this NATS JetStream server (nats://HOST:PORT) for `marsad work` instead of analysing and storing them here")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad ingest [--db PATH | --queue nats://HOST:PORT] [--source S] [--published DATE] FILE|URL|DIR|-…\n\nAnalyses the articles and adds them to the store, each to a story; with --queue,\npublishes them for the workers of 'marsad work' instead.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError("no input given (use - for standard input)")
	}
	opt := ingest.Options{Source: *source, Published: *published, Format: ingest.Format(*format)}
	switch opt.Format {
	case ingest.Auto, ingest.Text, ingest.HTML, ingest.JSONL:
	default:
		return usageError("unknown --format %q", *format)
	}
	if *published != "" {
		if _, err := ingest.ParseDate(*published); err != nil {
			return usageError("--published: %v", err)
		}
	}
	if *queueURL != "" {
		if *db != "" {
			return usageError("--db and --queue: the workers of 'marsad work store' write the store")
		}
		return publishInputs(ctx, e, *queueURL, fs.Args(), opt)
	}
	s, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := store.NewIngester(ctx, s, store.DefaultOptions())
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	prog := newProgress(e.Stderr)
	var failed []string
	for _, name := range fs.Args() {
		b, skipped, err := readInput(ctx, e, name, opt)
		prog.failed += skipped
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed = append(failed, name)
			continue
		}
		// Articles are analysed one by one and written in batches: one
		// transaction per batch, each article still all-or-nothing.
		var batch []*marsad.Article
		report := func(a *marsad.Article, r store.Result) error {
			prog.count(r)
			switch {
			case *asJSON:
				return writeJSONLine(e.Stdout, resultJSON(a, r))
			case !*quiet:
				fmt.Fprintln(e.Stdout, describe(a, r))
			}
			return nil
		}
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			res, errs := in.AddBatch(ctx, batch)
			for i, a := range batch {
				if errs[i] != nil {
					fmt.Fprintf(e.Stderr, "marsad ingest: %s: %v\n", name, errs[i])
					prog.failed++
					continue
				}
				if err := report(a, res[i]); err != nil {
					return err
				}
			}
			batch = batch[:0]
			return nil
		}
		for _, a := range b.Articles {
			if id, ok := in.Stored(ctx, a); ok { // known: no analysis
				if err := report(a, store.Result{ID: id, Status: store.Duplicate}); err != nil {
					return err
				}
				continue
			}
			if err := p.Analyze(ctx, a); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				fmt.Fprintf(e.Stderr, "marsad ingest: %s: analyse article %s: %v\n", name, a.ID, err)
				prog.failed++
				continue
			}
			if batch = append(batch, a); len(batch) == ingestBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	fmt.Fprintln(e.Stderr, "marsad ingest: "+prog.summary())
	if len(failed) > 0 || prog.failed > 0 {
		// Everything that could be read is stored; the exit status still
		// says that something was not, for scripts and cron.
		var parts []string
		if len(failed) > 0 {
			parts = append(parts, fmt.Sprintf("%d of %d inputs could not be read", len(failed), fs.NArg()))
		}
		if prog.failed > 0 {
			parts = append(parts, fmt.Sprintf("%d of %d articles skipped", prog.failed, prog.n+prog.failed))
		}
		return fmt.Errorf("%s (reasons above; the rest is stored)", strings.Join(parts, ", "))
	}
	return nil
}

// ingestBatch is how many analysed articles one transaction writes.
const ingestBatch = 64

type ingestResult struct {
	ID          string  `json:"id"`
	URL         string  `json:"url"`
	Story       string  `json:"story"`
	Status      string  `json:"status"`
	NewStory    bool    `json:"new_story"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
}

func resultJSON(a *marsad.Article, r store.Result) ingestResult {
	return ingestResult{ID: r.ID, URL: a.URL, Story: r.Story, Status: string(r.Status), NewStory: r.NewStory, DuplicateOf: r.DuplicateOf, Similarity: r.Similarity}
}

// addArticle analyses a and adds it to the store.
func addArticle(ctx context.Context, p *pipeline.Pipeline, in *store.Ingester, a *marsad.Article) (store.Result, error) {
	if id, ok := in.Stored(ctx, a); ok {
		return store.Result{ID: id, Status: store.Duplicate}, nil // no analysis for a known article
	}
	if err := p.Analyze(ctx, a); err != nil {
		return store.Result{}, fmt.Errorf("analyse article %s: %w", a.ID, err)
	}
	return in.Add(ctx, a)
}

func cmdWatch(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	db := dbFlag(fs)
	every := fs.Duration("every", 10*time.Minute, "time between polls of each feed")
	once := fs.Bool("once", false, "poll every feed once and exit")
	perHost := fs.Int("per-host", 2, "concurrent requests to one host")
	gap := fs.Duration("gap", time.Second, "least time between requests to one host")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of one request")
	maxBytes := fs.Int64("max-bytes", 8<<20, "largest feed or page accepted, in bytes")
	queueURL := fs.String("queue", "", "publish new articles to this NATS JetStream server for `marsad work` instead of analysing and storing them here")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad watch [--db PATH | --queue nats://HOST:PORT] [--every 10m] [--once] FEEDS\n\nFEEDS is a file of RSS/Atom feed URLs (one per line) or an OPML file.\nNew articles are fetched, analysed and added to the store until interrupted;\nwith --queue, fetched and published for the workers of 'marsad work'.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError("want one FEEDS file")
	}
	if *every <= 0 {
		return usageError("--every must be positive")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	feeds, err := feed.ReadList(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("feeds %s: %w", fs.Arg(0), err)
	}
	w := &watcher{e: e, prog: newProgress(e.Stderr), seen: map[string]bool{},
		poll: feed.New(feed.Options{PerHost: *perHost, Gap: *gap, Timeout: *timeout, MaxBytes: *maxBytes})}
	if *queueURL != "" {
		if *db != "" {
			return usageError("--db and --queue: the worker of 'marsad work store' writes the store")
		}
		if w.queue, err = queue.Connect(ctx, *queueURL); err != nil {
			return err
		}
		defer w.queue.Close()
	} else {
		s, err := openStore(ctx, e, *db)
		if err != nil {
			return err
		}
		defer s.Close()
		if w.in, err = store.NewIngester(ctx, s, store.DefaultOptions()); err != nil {
			return err
		}
		if w.pipe, err = pipeline.Default(); err != nil {
			return err
		}
		w.store = s
	}
	if *gap == 0 {
		w.poll = feed.New(feed.Options{PerHost: *perHost, Gap: -1, Timeout: *timeout, MaxBytes: *maxBytes})
	}
	fmt.Fprintf(e.Stderr, "marsad watch: %d feeds, every %v\n", len(feeds), *every)
	for {
		w.round(ctx, feeds)
		if *once || ctx.Err() != nil {
			break
		}
		t := time.NewTimer(*every)
		select {
		case <-ctx.Done():
			t.Stop()
		case <-t.C:
		}
		if ctx.Err() != nil {
			break
		}
	}
	fmt.Fprintln(e.Stderr, "marsad watch: "+w.prog.summary())
	if *once && w.feedErrors == len(feeds) {
		return fmt.Errorf("all %d feeds failed", len(feeds))
	}
	return nil
}

// watcher is the state of one `marsad watch` run. It stores what it
// fetches (store, in, pipe) or, with a queue, publishes it.
type watcher struct {
	e     *Env
	store marsad.Store
	in    *store.Ingester
	pipe  *pipeline.Pipeline
	queue *queue.Queue
	poll  *feed.Poller
	prog  *progress

	mu         sync.Mutex // guards output, prog, seen, feedErrors
	seen       map[string]bool
	feedErrors int
}

// round polls every due feed (feeds in parallel; the poller keeps each host
// polite) and ingests the new items.
func (w *watcher) round(ctx context.Context, feeds []string) {
	w.feedErrors = 0
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for _, u := range feeds {
		if !w.poll.Due(u) {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			items, err := w.poll.Poll(ctx, u)
			if err != nil {
				w.mu.Lock()
				w.feedErrors++
				fmt.Fprintf(w.e.Stderr, "marsad watch: %v\n", err)
				w.mu.Unlock()
				return
			}
			for _, it := range items {
				if ctx.Err() != nil {
					return
				}
				w.item(ctx, it)
			}
		}()
	}
	wg.Wait()
}

// item ingests one feed item unless its page is already stored.
func (w *watcher) item(ctx context.Context, it feed.Item) {
	w.mu.Lock()
	if w.seen[it.Link] {
		w.mu.Unlock()
		return
	}
	w.seen[it.Link] = true
	w.mu.Unlock()
	if w.store != nil {
		if _, err := w.store.Lookup(ctx, it.Link, ""); err == nil {
			return // stored in an earlier run
		}
	}
	if w.queue != nil {
		// Published in an earlier run. When the bucket cannot answer,
		// publishing again is the safe side: the writer skips stored
		// articles.
		if seen, err := w.queue.Seen(ctx, it.Link); err == nil && seen {
			return
		}
	}
	a, err := w.article(ctx, it)
	if err == nil && w.queue != nil {
		// The writer skips what an earlier run already stored.
		if err = w.queue.Publish(ctx, a); err == nil {
			if err := w.queue.MarkSeen(ctx, it.Link); err != nil && ctx.Err() == nil {
				fmt.Fprintf(w.e.Stderr, "marsad watch: %v (it may be published again after a restart)\n", err)
			}
			w.mu.Lock()
			w.prog.n++
			fmt.Fprintf(w.e.Stdout, "published %s  %s\n", a.ID, excerptTitle(a))
			w.mu.Unlock()
			return
		}
	} else if err == nil {
		var r store.Result
		if r, err = addArticle(ctx, w.pipe, w.in, a); err == nil {
			w.mu.Lock()
			w.prog.count(r)
			fmt.Fprintln(w.e.Stdout, describe(a, r))
			w.mu.Unlock()
			return
		}
	}
	if ctx.Err() == nil {
		w.mu.Lock()
		w.prog.failed++
		fmt.Fprintf(w.e.Stderr, "marsad watch: %s: %v\n", it.Link, err)
		w.mu.Unlock()
	}
}

// article fetches and extracts an item's page; when that fails, the
// feed's own content stands in if it is a real text.
func (w *watcher) article(ctx context.Context, it feed.Item) (*marsad.Article, error) {
	source := it.Source
	if u, err := url.Parse(it.Link); err == nil && source == "" {
		source = u.Hostname()
	}
	opt := ingest.Options{Source: source}
	body, _, err := w.poll.Fetch(ctx, it.Link)
	var a *marsad.Article
	if err == nil {
		a, err = ingest.FromHTML(body, it.Link, opt)
	}
	if err != nil && it.Content != "" {
		var ferr error
		if a, ferr = ingest.FromHTML([]byte("<html><body><article>"+it.Content+"</article></body></html>"), it.Link, opt); ferr == nil {
			err = nil
		}
	}
	if err != nil {
		return nil, err
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Published == "" {
		a.Published = it.Published
	}
	a.URL = it.Link
	return a, nil
}

func cmdStories(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write the list as JSON")
	limit := fs.Int("limit", 20, "how many stories, newest first (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad stories [--db PATH] [--json] [--limit N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() != 0 {
		return usageError("unexpected arguments %v", fs.Args())
	}
	if *limit < 0 {
		return usageError("--limit must be 0 (all) or more")
	}
	s, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := s.Stories(ctx, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		type item struct {
			ID       string                `json:"id"`
			Title    string                `json:"title"`
			Articles []marsad.StoryArticle `json:"articles"`
		}
		out := make([]item, 0, len(list))
		for _, st := range list {
			out = append(out, item{st.ID, st.Title, st.Articles})
		}
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.Stdout, "No stories yet: add articles with 'marsad ingest' or 'marsad watch'.")
		return nil
	}
	for _, st := range list {
		sources := map[string]bool{}
		latest := ""
		for _, a := range st.Articles {
			sources[a.Source] = true
			if a.Published > latest {
				latest = a.Published
			}
		}
		fmt.Fprintf(e.Stdout, "%s  %-10.10s  %2d articles, %2d sources  %s\n", st.ID, latest, len(st.Articles), len(sources), st.Title)
	}
	return nil
}

func cmdStory(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("story", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "write the story as JSON")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad story [--db PATH] [--json] ID")
		fs.PrintDefaults()
	}
	// Accept the id before or after the flags.
	var id string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if id == "" && fs.NArg() == 1 {
		id = fs.Arg(0)
	} else if fs.NArg() != 0 || id == "" {
		fs.Usage()
		return usageError("want one story ID (see 'marsad stories')")
	}
	s, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	recs, err := s.Story(ctx, id)
	if errors.Is(err, marsad.ErrNotFound) {
		return fmt.Errorf("story %q: not found (see 'marsad stories')", id)
	}
	if err != nil {
		return err
	}
	st := store.FromRecords(id, recs)
	arts := story.Distinct(recs)
	story.Complete(st, arts)
	if *asJSON {
		enc := json.NewEncoder(e.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	return printStoryReport(e.Stdout, st, arts)
}

// sampleStory analyses arts, ingests them into a temporary store and
// returns the story the first one landed in: what `marsad demo` shows after
// its per-article report. The store is deleted afterwards.
func sampleStory(ctx context.Context, p *pipeline.Pipeline, arts []*marsad.Article) (*marsad.Story, error) {
	dir, err := os.MkdirTemp("", "marsad-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, dir+"/demo.db")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	in, err := store.NewIngester(ctx, s, store.DefaultOptions())
	if err != nil {
		return nil, err
	}
	first := ""
	for _, a := range arts {
		r, err := addArticle(ctx, p, in, a)
		if err != nil {
			return nil, err
		}
		if first == "" {
			first = r.Story
		}
	}
	if first == "" {
		return nil, errors.New("demo: no articles")
	}
	recs, err := s.Story(ctx, first)
	if err != nil {
		return nil, err
	}
	st := store.FromRecords(first, recs)
	story.Complete(st, story.Distinct(recs))
	return st, nil
}

// cmdEvalStories prints the story clustering's B-cubed scores on the
// hand-labelled SaudiNewsNet streams (internal/cluster/testdata), beside the
// naive TF-IDF baseline. For `marsad eval stories`.
func cmdEvalStories(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("eval stories", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	scores, err := cluster.Evaluate(cluster.DefaultOptions())
	if err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, "stream    articles  labelled   B³ P    B³ R    B³ F1 | labelled only P  R      F1    | naive F1 (all / labelled)  per article")
	for _, s := range scores {
		fmt.Fprintf(e.Stdout, "%-8s  %8d  %8d   %.3f   %.3f   %.3f |               %.3f  %.3f  %.3f |   %.3f / %.3f            %v\n",
			s.Stream, s.Articles, s.Labelled, s.P, s.R, s.F1, s.LabelledP, s.LabelledR, s.LabelledF1, s.NaiveF1, s.NaiveLabelledF1, s.PerArticle.Round(time.Microsecond))
	}
	return nil
}

// printStoryReport writes the whole human story report: the story, then
// the comparison of its outlets and the summary.
func printStoryReport(w io.Writer, st *marsad.Story, arts []*marsad.Article) error {
	PrintStory(w, st)
	fmt.Fprintln(w)
	if err := compare.WriteReport(w, arts, st.Comparison); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return summary.WriteReport(w, arts, st.Summary)
}

// PrintStory writes a readable story report.
func PrintStory(w io.Writer, st *marsad.Story) {
	fmt.Fprintf(w, "القصة %s: %s\n\n", st.ID, st.Title)
	fmt.Fprintf(w, "المقالات (%d):\n", len(st.Articles))
	for _, a := range st.Articles {
		// Only the fields an article has: plain-text input has no title,
		// date or URL, and padded empty columns read as missing data.
		parts := []string{a.Source}
		if a.Title != "" {
			parts = append(parts, a.Title)
		}
		if a.Published != "" {
			parts = append(parts, dayOf(a.Published))
		}
		if a.URL != "" {
			parts = append(parts, a.URL)
		}
		fmt.Fprintf(w, "  • %s\n", strings.Join(parts, " · "))
	}
	if len(st.Entities) > 0 {
		fmt.Fprintf(w, "\nالأطراف:\n")
		for _, en := range st.Entities {
			name := en.Name
			if en.NameEn != "" {
				name += " (" + en.NameEn + ")"
			}
			fmt.Fprintf(w, "  %-5s %s — %s، %s\n", en.Type, name, nounArticle.Count(en.Articles), nounMention.Count(en.Mentions))
		}
	}
	if len(st.Quotes) > 0 {
		fmt.Fprintf(w, "\nالتصريحات حسب المتحدث والمصدر:\n")
		source := map[string]string{}
		for _, a := range st.Articles {
			source[a.ID] = a.Source
		}
		last := "\x00"
		for _, q := range st.Quotes {
			if q.Speaker != last {
				last = q.Speaker
				name := q.SpeakerName
				if name == "" {
					name = "(متحدث غير معروف)"
				}
				fmt.Fprintf(w, "  %s:\n", name)
			}
			fmt.Fprintf(w, "    [%s] «%s»\n", source[q.Article], excerpt(q.Text, 160))
		}
	}
	if len(st.Timeline) > 0 {
		fmt.Fprintf(w, "\nالخط الزمني:\n")
		for _, t := range st.Timeline {
			ids := append([]string(nil), t.Articles...)
			sort.Strings(ids)
			fmt.Fprintf(w, "  %s  %s  (%s)\n", t.Value, t.Text, nounArticle.Count(len(ids)))
		}
	}
	if len(st.Events) > 0 {
		names := map[string]string{}
		for _, en := range st.Entities {
			names[en.ID] = en.Name
		}
		source := map[string]string{}
		for _, a := range st.Articles {
			source[a.ID] = a.Source
		}
		fmt.Fprintf(w, "\nالأحداث:\n")
		for _, ev := range st.Events {
			fmt.Fprintf(w, "  %s", eventLine(names, ev.Code, ev.Type, ev.Mode, ev.Date, ev.Actors, ev.Targets))
			var srcs []string
			for _, e := range ev.Sources {
				srcs = append(srcs, source[e.Article])
			}
			fmt.Fprintf(w, " — %s: %s\n", nounArticle.Count(len(ev.Sources)), strings.Join(srcs, "، "))
		}
	}
}

// eventLine is one coded event in a readable report: code, type in Arabic
// and PLOVER, mode, actors, targets and date, entities by name.
func eventLine(names map[string]string, code, typ, mode, date string, actors, targets []string) string {
	line := fmt.Sprintf("%s %s %s، %s — الفاعل: %s", code, event.TypeName(typ, "ar"), typ, event.ModeName(mode, "ar"), namesOf(names, actors))
	if len(targets) > 0 {
		line += "؛ الطرف الآخر: " + namesOf(names, targets)
	}
	if date != "" {
		line += " (" + date + ")"
	}
	return line
}

// namesOf joins the names of entity ids (an id with no name stands as it is).
func namesOf(names map[string]string, ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n := names[id]; n != "" {
			id = n
		}
		out = append(out, id)
	}
	return strings.Join(out, "، ")
}

// dayOf is the date part of an RFC 3339 time (or the text as it is).
func dayOf(published string) string {
	day, _, _ := strings.Cut(published, "T")
	return day
}

// readInput reads one named input for ingest, reporting on stderr each
// record it had to skip (returned as a count) and, as the error, an input
// that could not be read or held no article.
func readInput(ctx context.Context, e *Env, name string, opt ingest.Options) (*ingest.Batch, int, error) {
	b, err := ingest.Read(ctx, name, e.Stdin, opt)
	skipped := 0
	if b != nil {
		for _, sk := range b.Skipped {
			fmt.Fprintf(e.Stderr, "marsad: skipped %v\n", sk)
			skipped++
		}
	}
	if err == nil && len(b.Articles) == 0 {
		err = errors.New(name + ": no articles")
	}
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(e.Stderr, "marsad ingest: %v\n", err)
	}
	return b, skipped, err
}
