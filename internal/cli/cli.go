// Package cli implements the marsad command line. Each command is a function
// of its context, environment and arguments, so tests can run it without a
// process; nothing below main calls os.Exit.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads environment variables (MARSAD_DB …); os.Getenv in main.
	Getenv func(string) string
}

// command is one subcommand of marsad.
type command struct {
	run     func(ctx context.Context, e *Env, args []string) error
	summary string
}

// commands is the one place subcommands are wired.
func commands() map[string]command {
	return map[string]command{
		"analyze": {summary: "annotate articles (text, HTML, JSONL, URL, -) and print them or their JSON", run: cmdAnalyze},
		"demo":    {summary: "analyse the bundled sample story and print what Marsad finds", run: cmdDemo},
		"ner":     {summary: "tag a CoNLL file (--conll FILE|-) with the NER model", run: cmdNER},
		"train":   {summary: "train a model from ../shared/data (train ner)", run: cmdTrain},
		"eval":    {summary: "score a stage on annotated data (eval ner|link|quotes|events|stories)", run: cmdEval},
		"timex":   {summary: "print the time expressions of a text, resolved; 'timex eval' scores them", run: cmdTimex},
		"compare": {summary: "compare the outlets of one story: agreements, exclusives, contradictions, summary", run: cmdCompare},
		"serve":   {summary: "serve the HTTP JSON API (/api/) and the Arabic web UI (--addr, --db)", run: cmdServe},
		"search":  {summary: "Arabic-aware search over stored articles and quotes (--entities: find entities)", run: cmdSearch},
		"ingest":  {summary: "analyse articles (FILE|URL|DIR|-) and add them to the store, assigning stories", run: cmdIngest},
		"watch":   {summary: "poll RSS/Atom feeds (a file of URLs or OPML) and ingest new articles", run: cmdWatch},
		"work":    {summary: "a worker of queued ingestion: 'work analyse' (many) or 'work store' (one), over NATS JetStream", run: cmdWork},
		"stories": {summary: "list stories, newest first (--json, --limit N)", run: cmdStories},
		"story":   {summary: "one story: outlets, entities, quotes, timeline, comparison, summary (--json)", run: cmdStory},
		"export":  {summary: "export articles, entities, quotes or events as JSONL or CSV", run: cmdExport},
		"build":   {summary: "rebuild a data file from its sources (build kb)", run: cmdBuild},
		"help": {summary: "show this help", run: func(ctx context.Context, e *Env, args []string) error {
			usage(e.Stdout)
			return nil
		}},
	}
}

// ErrUsage marks a command-line mistake; main exits with status 2.
var ErrUsage = errors.New("usage")

// Main runs marsad with args (without the program name) and returns the
// process exit status.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "marsad: unknown command %q\n\n", name)
		usage(stderr)
		return 2
	}
	if err := cmd.run(ctx, e, args[1:]); err != nil {
		if errors.Is(err, ErrUsage) {
			fmt.Fprintf(stderr, "marsad %s: %v\n", name, err)
			return 2
		}
		fmt.Fprintf(stderr, "marsad %s: %v\n", name, err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "marsad — Arabic news monitoring\n\nUsage: marsad COMMAND [flags] [args]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'marsad COMMAND -h' for a command's flags.")
}

// usageError wraps a message as ErrUsage.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUsage, strings.TrimSpace(fmt.Sprintf(format, args...)))
}
