package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"marsad"
	"marsad/internal/pipeline"
	"marsad/internal/quote"
)

// cmdEvalQuotes scores quote attribution (speaker and content, as in
// EVALUATION.md) on the annotated SaudiNewsNet articles of
// internal/quote/testdata, side by side with the gold entities standing in
// for NER and linking (the quote stage alone) and with the whole analysis
// (NER, linking, quotes: what a user gets). The held-out sets' individual
// errors are not printed; --errors classes the tuning sets' misses.
//
// Wire it in cmdEval: case "quotes": return cmdEvalQuotes(ctx, e, args[1:])
func cmdEvalQuotes(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	set := fs.String("set", "all", "evaluation set: "+strings.Join(quote.EvalSplits, ", ")+" or all")
	goldFile := fs.String("gold", "", "gold file (default: internal/quote/testdata/quotes-gold.txt)")
	which := fs.String("entities", "both", "speaker entities from: gold (the annotation: the quote stage alone), pipeline (NER and linking: what users get) or both")
	full := fs.Bool("pipeline", false, "same as --entities pipeline")
	showErrors := fs.Bool("errors", false, "list the errors on the tuning sets (all but "+quote.HeldOut+")")
	fs.Usage = func() {
		fmt.Fprintf(e.Stderr, "Usage: marsad eval quotes [--set %s|all] [--entities gold|pipeline|both] [--errors] [--gold FILE]\n", strings.Join(quote.EvalSplits, "|"))
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
	type mode struct {
		name     string
		prepare  func(context.Context, quote.RawArticle, quote.GoldArticle) (*marsad.Article, error)
		annotate func(context.Context, *marsad.Article) error
	}
	gold1 := mode{"gold", quote.OraclePrepare, quote.New().Annotate}
	var modes []mode
	switch {
	case *full || *which == "pipeline":
		modes = []mode{{name: "pipeline"}}
	case *which == "gold":
		modes = []mode{gold1}
	case *which == "both":
		modes = []mode{gold1, {name: "pipeline"}}
	default:
		return usageError("--entities: want gold, pipeline or both, got %q", *which)
	}
	for i := range modes {
		if modes[i].name != "pipeline" {
			continue
		}
		p, err := pipeline.Default()
		if err != nil {
			return err
		}
		modes[i].prepare = func(_ context.Context, r quote.RawArticle, _ quote.GoldArticle) (*marsad.Article, error) {
			return quote.Prepare(r), nil
		}
		modes[i].annotate = p.Analyze
	}
	sets := quote.EvalSplits
	switch {
	case *set == "all":
	case quote.Splits[*set]:
		sets = []string{*set}
	default:
		return usageError("--set: want %s or all, got %q", strings.Join(quote.EvalSplits, ", "), *set)
	}
	fmt.Fprintf(e.Stdout, "quote attribution (speaker and content), %s\n", path)
	fmt.Fprintln(e.Stdout, "set    entities  P      R      F1")
	for _, s := range sets {
		for _, m := range modes {
			sc, errs, err := quote.Evaluate(ctx, gold, s, raws, m.prepare, m.annotate)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.Stdout, "%-6s %-8s  %.3f  %.3f  %.3f  (%d articles, %d statements, %d predicted, TP %d FP %d FN %d)\n",
				s, m.name, sc.P(), sc.R(), sc.F1(), sc.Articles, sc.Gold, sc.Predicted, sc.TP, sc.FP, sc.FN)
			// The held-out set is scored, never read: its errors stay hidden
			// (the sets before it were held out once and are tuning data now).
			if !*showErrors || s == quote.HeldOut {
				continue
			}
			classes := map[string]int{}
			for _, x := range errs {
				if x.Kind == "missed" {
					classes[x.Class]++
					fmt.Fprintf(e.Stdout, "  %s missed/%-8s [%s] got [%s] %s (line %d)\n", x.Article, x.Class, x.Speaker, x.Got, x.Text, x.Line)
				} else {
					fmt.Fprintf(e.Stdout, "  %s spurious         [%s] %s\n", x.Article, x.Speaker, x.Text)
				}
			}
			fmt.Fprintf(e.Stdout, "  missed by class: speaker %d, boundary %d, missing %d\n",
				classes[quote.ClassSpeaker], classes[quote.ClassBoundary], classes[quote.ClassMissing])
		}
	}
	return nil
}
