package cli

import (
	"context"
	"flag"
	"fmt"

	"marsad/internal/dataset"
	"marsad/internal/kb"
	"marsad/internal/link"
)

// cmdBuild builds Marsad's derived data files. `marsad build kb` rebuilds
// the knowledge base (internal/kb/data/kb.jsonl) and the transliterator
// (translit.tsv.gz) from the curated core and the sources in ../shared/data
// and Debian's iso-codes; run it from the checkout root and commit the diff.
func cmdBuild(ctx context.Context, e *Env, args []string) error {
	if len(args) == 0 || args[0] != "kb" {
		return usageError("usage: marsad build kb [--data DIR] [--out DIR] [--iso-json FILE] [--iso-mo FILE]")
	}
	fs := flag.NewFlagSet("build kb", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	data := fs.String("data", "", "data root (default: shared/data above the working directory, or MARSAD_DATA)")
	out := fs.String("out", "internal/kb/data", "directory to write kb.jsonl and translit.tsv.gz")
	isoJSON := fs.String("iso-json", "/usr/share/iso-codes/json/iso_3166-1.json", "iso-codes ISO 3166-1 JSON (apt-get install iso-codes)")
	isoMO := fs.String("iso-mo", "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo", "iso-codes Arabic catalog")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError("%v", err)
	}
	root := *data
	if root == "" {
		r, err := dataset.Root()
		if err != nil {
			return err
		}
		root = r
	}
	src := kb.DefaultSources(root)
	src.IsoJSON, src.IsoMO = *isoJSON, *isoMO
	built, err := kb.Build(src)
	if err != nil {
		return err
	}
	if err := built.WriteFiles(*out); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "kb: %d entities %v from %v → %s\n", built.Header.Entities, built.Header.Counts, built.Header.Sources, *out)
	return nil
}

// cmdEvalLink prints the entity-linking and coreference scores on the
// annotated SaudiNewsNet articles (internal/link/testdata/gold.tsv): the
// same numbers `go test ./internal/link -run TestEval` gates.
func cmdEvalLink(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("eval link", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	data := fs.String("data", "", "data root (default: shared/data above the working directory, or MARSAD_DATA)")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	k, err := kb.Default()
	if err != nil {
		return err
	}
	reports, err := link.Evaluation(ctx, k, *data)
	if err != nil {
		return err
	}
	link.WriteReport(e.Stdout, reports)
	return nil
}
