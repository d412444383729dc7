package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"marsad"
	"marsad/internal/pipeline"
	"marsad/internal/quote"
)

// cmdEvalQuotes scores quote attribution (speaker and content, as in
// EVALUATION.md) on the annotated SaudiNewsNet articles of
// internal/quote/testdata. By default the gold entities stand in for NER
// and linking, which measures the quote stage alone; --pipeline runs the
// whole analysis (NER, linking, quotes) and measures what a user gets. The
// held-out set's individual errors are not printed.
//
// Wire it in cmdEval: case "quotes": return cmdEvalQuotes(ctx, e, args[1:])
func cmdEvalQuotes(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	set := fs.String("set", "all", "evaluation set: dev, dev2, test2 or all")
	goldFile := fs.String("gold", "", "gold file (default: internal/quote/testdata/quotes-gold.txt)")
	full := fs.Bool("pipeline", false, "run the whole pipeline (NER and linking) instead of the gold entities")
	showErrors := fs.Bool("errors", false, "list the errors on the tuning sets (dev, dev2)")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad eval quotes [--set dev|dev2|test2|all] [--pipeline] [--errors] [--gold FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %v", fs.Args())
	}
	path := *goldFile
	if path == "" {
		p, err := quote.GoldPath()
		if err != nil {
			return fmt.Errorf("eval quotes: %w (use --gold)", err)
		}
		path = p
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	gold, err := quote.ParseGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval quotes %s: %w", path, err)
	}
	raws, err := quote.ReadGoldArticles(gold)
	if err != nil {
		return fmt.Errorf("eval quotes needs ../shared/data/saudinewsnet: %w", err)
	}
	prepare, annotate := quote.OraclePrepare, quote.New().Annotate
	mode := "gold entities"
	if *full {
		p, err := pipeline.Default()
		if err != nil {
			return err
		}
		prepare = func(_ context.Context, r quote.RawArticle, _ quote.GoldArticle) (*marsad.Article, error) {
			return quote.Prepare(r), nil
		}
		annotate = p.Analyze
		mode = "full pipeline"
	}
	sets := []string{"dev", "dev2", "test2"}
	switch *set {
	case "all":
	case "dev", "dev2", "test2":
		sets = []string{*set}
	default:
		return usageError("--set: want dev, dev2, test2 or all, got %q", *set)
	}
	fmt.Fprintf(e.Stdout, "quote attribution (%s), %s\n", mode, path)
	for _, s := range sets {
		sc, errs, err := quote.Evaluate(ctx, gold, s, raws, prepare, annotate)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "%-4s  P %.3f  R %.3f  F1 %.3f  (%d articles, %d statements, %d predicted, TP %d FP %d FN %d)\n",
			s, sc.P(), sc.R(), sc.F1(), sc.Articles, sc.Gold, sc.Predicted, sc.TP, sc.FP, sc.FN)
		if *showErrors && s != "test2" {
			for _, x := range errs {
				fmt.Fprintf(e.Stdout, "  %s %-8s [%s] %s\n", x.Article, x.Kind, x.Speaker, x.Text)
			}
		}
	}
	return nil
}
