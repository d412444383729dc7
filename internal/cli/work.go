package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"sync"

	"marsad"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
	"marsad/internal/queue"
	"marsad/store"
)

// cmdWork runs one role of queued ingestion: "analyse" (as many processes
// as there are cores to spare, on any machines) or "store" (exactly one per
// store: it assigns stories in arrival order). Articles come from
// `marsad ingest --queue` or `marsad watch --queue`.
func cmdWork(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("work", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	queueURL := fs.String("queue", "", "the NATS JetStream server (nats://HOST:PORT); default $MARSAD_QUEUE")
	db := dbFlag(fs)
	quiet := fs.Bool("q", false, "report errors only, not each article")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad work analyse|store --queue nats://HOST:PORT [--db PATH]\n\n"+
			"analyse: take published articles, analyse them, pass them on (run one per spare core).\n"+
			"store:   add analysed articles to the store and assign stories (run exactly one per store).\n"+
			"Both run until interrupted; what is not finished is redelivered.")
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return usageError("work: analyse or store?")
	}
	role, rest := args[0], args[1:]
	if err := fs.Parse(rest); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("work: unexpected arguments %v", fs.Args())
	}
	url := *queueURL
	if url == "" {
		url = e.Getenv("MARSAD_QUEUE")
	}
	if url == "" {
		return usageError("work: no queue: give --queue nats://HOST:PORT or set MARSAD_QUEUE")
	}
	var mu sync.Mutex // reports come from one loop, but keep the output whole
	say := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(e.Stderr, format, a...)
	}
	switch role {
	case "analyse", "analyze":
		if *db != "" {
			return usageError("work analyse: --db belongs to 'work store'")
		}
		p, err := pipeline.Default()
		if err != nil {
			return err
		}
		q, err := queue.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer q.Close()
		say("marsad work analyse: taking articles from %s\n", url)
		return q.Analyse(ctx, p, reporter(role, say, func(a *marsad.Article) {
			if !*quiet {
				fmt.Fprintf(e.Stdout, "analysed %s  %s\n", a.ID, excerptTitle(a))
			}
		}))
	case "store":
		s, err := openStore(ctx, e, *db)
		if err != nil {
			return err
		}
		defer s.Close()
		in, err := store.NewIngester(ctx, s, store.DefaultOptions())
		if err != nil {
			return err
		}
		q, err := queue.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer q.Close()
		results := map[string]store.Result{}
		add := func(ctx context.Context, arts []*marsad.Article) []error {
			res, errs := in.AddBatch(ctx, arts)
			for i, a := range arts {
				if errs[i] == nil {
					results[a.ID] = res[i]
				}
			}
			return errs
		}
		say("marsad work store: storing analysed articles from %s\n", url)
		return q.Write(ctx, add, reporter(role, say, func(a *marsad.Article) {
			r := results[a.ID]
			delete(results, a.ID)
			if !*quiet {
				fmt.Fprintln(e.Stdout, describe(a, r))
			}
		}))
	}
	fs.Usage()
	return usageError("work: unknown role %q (analyse or store)", role)
}

// reporter is a queue loop's report: errors on stderr, naming the article
// when there is one; done is told of each article handled.
func reporter(role string, say func(string, ...any), done func(*marsad.Article)) queue.Report {
	return func(a *marsad.Article, err error) {
		switch {
		case err != nil && a != nil:
			say("marsad work %s: article %s: %v\n", role, a.ID, err)
		case err != nil:
			say("marsad work %s: %v\n", role, err)
		default:
			done(a)
		}
	}
}

// publishInputs reads each input and publishes its articles to the queue
// for analysis, nothing else: the workers do the rest.
func publishInputs(ctx context.Context, e *Env, url string, inputs []string, opt ingest.Options) error {
	q, err := queue.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer q.Close()
	var n, skipped int
	var failed []string
	for _, name := range inputs {
		b, n0, err := readInput(ctx, e, name, opt)
		skipped += n0
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed = append(failed, name)
			continue
		}
		for _, a := range b.Articles {
			if err := q.Publish(ctx, a); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				fmt.Fprintf(e.Stderr, "marsad ingest: %s: %v\n", name, err)
				skipped++
				continue
			}
			n++
		}
	}
	fmt.Fprintf(e.Stderr, "marsad ingest: %d articles published to %s\n", n, url)
	var parts []string
	if len(failed) > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d inputs could not be read", len(failed), len(inputs)))
	}
	if skipped > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d articles skipped", skipped, n+skipped))
	}
	if len(parts) > 0 {
		return fmt.Errorf("%s (reasons above; the rest is published)", strings.Join(parts, ", "))
	}
	return nil
}
