package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"marsad/internal/dataset"
	"marsad/internal/timex"
)

// maxTimexInput bounds what `marsad timex` reads, so a mistaken input (a
// disk image) fails with a clear error instead of filling memory.
const maxTimexInput = 50 << 20

// cmdTimex prints the time expressions of a text resolved against a
// publication date, or with "eval" scores the extractor on the embedded
// evaluation sets (SaudiNewsNet excerpts annotated by hand).
func cmdTimex(ctx context.Context, e *Env, args []string) error {
	if len(args) > 0 && args[0] == "eval" {
		return cmdTimexEval(ctx, e, args[1:])
	}
	fs := flag.NewFlagSet("timex", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	published := fs.String("published", "", "publication date YYYY-MM-DD or RFC 3339; without it relative expressions stay unresolved (XXXX-…)")
	asJSON := fs.Bool("json", false, "write one JSON object per expression")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad timex [--published DATE] [--json] FILE|-\n       marsad timex eval [--set "+strings.Join(timex.EvalSetNames, "|")+"|all] [--errors]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError("want one input (use - for standard input)")
	}
	var ref time.Time
	hasRef := false
	if *published != "" {
		var err error
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02 15:04:05"} {
			if ref, err = time.Parse(layout, *published); err == nil {
				hasRef = true
				break
			}
		}
		if !hasRef {
			return usageError("--published %q: want YYYY-MM-DD", *published)
		}
	}
	name := fs.Arg(0)
	var r io.Reader = e.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxTimexInput+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxTimexInput {
		return fmt.Errorf("%s: larger than %d MB", name, maxTimexInput>>20)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("%s: not UTF-8 text", name)
	}
	for _, x := range timex.Extract(string(b), ref, hasRef) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if *asJSON {
			line, err := json.Marshal(x)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.Stdout, "%s\n", line)
			continue
		}
		mod := x.Mod
		if mod == "" {
			mod = "-"
		}
		fmt.Fprintf(e.Stdout, "%d\t%d\t%s\t%s\t%s\t%s\n", x.Start, x.End, x.Kind, x.Value, mod, x.Text)
	}
	return nil
}

// cmdTimexEval prints span precision/recall/F1 and exact-value accuracy on
// the evaluation sets. The held-out set's (timex.HeldOutSet) individual errors are not
// printed; the sets held out before it are tuning data now.
func cmdTimexEval(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("timex eval", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	set := fs.String("set", "all", "evaluation set: "+strings.Join(timex.EvalSetNames, ", ")+" or all")
	showErrors := fs.Bool("errors", false, "list the errors on the tuning sets (all but the held-out "+timex.HeldOutSet+")")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	names := timex.EvalSetNames
	if *set != "all" {
		names = []string{*set}
	}
	sets := map[string][]timex.Passage{}
	want := map[string]bool{}
	for _, n := range names {
		ps, err := timex.EvalSet(n)
		if err != nil {
			return usageError("--set: %v", err)
		}
		sets[n] = ps
		for _, p := range ps {
			want[p.ID] = true
		}
	}
	arts, err := dataset.SaudiNewsNet(0)
	if err != nil {
		return fmt.Errorf("timex eval needs ../shared/data/saudinewsnet: %w", err)
	}
	texts := map[string]string{}
	for _, a := range arts {
		if want[a.ID] {
			texts[a.ID] = a.Content
		}
	}
	text := func(id string, end int) (string, bool) {
		s, ok := texts[id]
		if !ok || end > len(s) {
			return "", false
		}
		return s[:end], true
	}
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := timex.Evaluate(sets[n], text, timex.Extract)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "%-5s %s\n", n, s)
		if *showErrors && n != timex.HeldOutSet {
			for _, x := range s.Errors {
				fmt.Fprintf(e.Stdout, "      %s\n", x)
			}
		}
	}
	return nil
}
