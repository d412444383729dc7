package event

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"marsad"
)

// EvalCommand is `marsad eval events`: it scores the coder on the
// hand-coded SaudiNewsNet sentences of testdata/events-gold.txt and prints
// type accuracy, actor and target accuracy, locations, mode errors and
// false events for each split. analyze runs the earlier stages (the lead
// passes pipeline.Default().Analyze; this package cannot import the
// pipeline, which imports it).
//
// Modes: "gold" codes with the gold participants as the only entities (the
// coder alone), "pipeline+gold" adds the pipeline's entities as distractors
// and keeps its linking (titles, pronouns), "pipeline" is what a user gets.
// --errors lists the disagreements on the tuning splits (TuningSplits),
// never on the held-out split (HeldOut).
//
// Wire it in cmdEval: case "events": return event.EvalCommand(ctx, e.Stdout, e.Stderr, args[1:], p.Analyze)
func EvalCommand(ctx context.Context, stdout, stderr io.Writer, args []string, analyze Analyzer) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mode := fs.String("mode", "all", "entities: gold, pipeline+gold, pipeline or all")
	goldFile := fs.String("gold", "", "gold file (default: internal/event/testdata/events-gold.txt)")
	showErrors := fs.Bool("errors", false, "list the errors on the tuning splits (all but the held-out "+HeldOut+")")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("eval events: %w", err)
	}
	gold, err := ReadGold(*goldFile)
	if err != nil {
		return fmt.Errorf("eval events: %w (--gold names another file)", err)
	}
	arts, err := LoadGoldArticles(gold)
	if err != nil {
		return fmt.Errorf("eval events needs ../shared/data/saudinewsnet: %w", err)
	}
	modes := map[string]Options{"gold": {Gold: true}, "pipeline+gold": {Analyze: analyze, Gold: true}, "pipeline": {Analyze: analyze}}
	order := []string{"gold", "pipeline+gold", "pipeline"}
	if *mode != "all" {
		if _, ok := modes[*mode]; !ok {
			return fmt.Errorf("eval events: --mode: want gold, pipeline+gold, pipeline or all, got %q", *mode)
		}
		order = []string{*mode}
	}
	var analyzed map[string]*marsad.Article // one analysis for both pipeline modes
	for _, m := range order {
		opt := modes[m]
		if m != "gold" && analyze == nil {
			continue
		}
		from := arts
		if opt.Analyze != nil {
			if analyzed == nil {
				if analyzed, err = AnalyzeArticles(ctx, arts, analyze); err != nil {
					return fmt.Errorf("eval events: %w", err)
				}
			}
			from, opt.Analyze, opt.Analyzed = analyzed, nil, true
		}
		if err := Report(ctx, stdout, gold, from, opt, m, *showErrors); err != nil {
			return err
		}
	}
	return nil
}
