package cli

import (
	"context"
	"flag"
	"fmt"

	"marsad"
	"marsad/internal/compare"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
	"marsad/internal/summary"
)

// cmdCompare reads the articles of one story (files, directories, URLs,
// JSONL or -), analyses them, and prints what the sources agree on, what
// only one reports, where they contradict each other, and an extractive
// summary. With --json it writes {"comparison": …, "summary": […]} as in
// the story JSON of DESIGN.md.
//
//	marsad compare [--json] [--summary N] INPUT…
func cmdCompare(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	asJSON := fs.Bool("json", false, "write the comparison and summary as one JSON object")
	n := fs.Int("summary", 4, "number of summary sentences (0: none)")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() == 0 {
		return usageError("compare: give the articles of one story (files, directories, URLs, JSONL or -)")
	}
	if *n < 0 {
		return usageError("compare: --summary must be 0 or more")
	}
	var arts []*marsad.Article
	for _, in := range fs.Args() {
		b, err := ingest.Read(ctx, in, e.Stdin, ingest.Options{})
		if err != nil {
			return err
		}
		for _, s := range b.Skipped {
			fmt.Fprintf(e.Stderr, "marsad compare: skipped %v\n", s)
		}
		arts = append(arts, b.Articles...)
	}
	if len(arts) == 0 {
		return fmt.Errorf("compare: no article could be read")
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	for _, a := range arts {
		if err := p.Analyze(ctx, a); err != nil {
			return fmt.Errorf("compare %s: %w", a.ID, err)
		}
	}
	c := compare.Compare(arts)
	lines := summary.Summarize(arts, c, *n)
	if *asJSON {
		return writeJSONLine(e.Stdout, struct {
			Comparison marsad.Comparison    `json:"comparison"`
			Summary    []marsad.SummaryLine `json:"summary"`
		}{c, lines})
	}
	if err := compare.WriteReport(e.Stdout, arts, c); err != nil {
		return err
	}
	if *n > 0 {
		fmt.Fprintln(e.Stdout)
		return summary.WriteReport(e.Stdout, arts, lines)
	}
	return nil
}
