package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
)

func cmdAnalyze(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	asJSON := fs.Bool("json", false, "write one Article JSON object per line")
	source := fs.String("source", "", "outlet name for the inputs (overrides what the input says)")
	published := fs.String("published", "", "publication date YYYY-MM-DD (overrides what the input says)")
	format := fs.String("format", "", "input format: text, html or jsonl (default: guessed)")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad analyze [--json] [--source S] [--published DATE] FILE|URL|DIR|-…")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError("no input given (use - for standard input)")
	}
	opt := ingest.Options{Source: *source, Published: *published}
	switch ingest.Format(*format) {
	case ingest.Auto, ingest.Text, ingest.HTML, ingest.JSONL:
		opt.Format = ingest.Format(*format)
	default:
		return usageError("unknown --format %q", *format)
	}
	if *published != "" {
		if _, err := ingest.ParseDate(*published); err != nil {
			return usageError("--published: %v", err)
		}
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	var failed []string
	n := 0
	for _, name := range fs.Args() {
		err := analyzeInput(ctx, e, p, name, opt, func(a *marsad.Article) error {
			n++
			if *asJSON {
				return writeJSONLine(e.Stdout, a)
			}
			printArticle(e.Stdout, a)
			return nil
		})
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(e.Stderr, "marsad analyze: %v\n", err)
			failed = append(failed, name)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d inputs failed (%d articles analysed)", len(failed), fs.NArg(), n)
	}
	return nil
}

// analyzeInput reads one named input, analyses each article and hands it
// to emit. Skipped items of a batch are reported as warnings.
func analyzeInput(ctx context.Context, e *Env, p *pipeline.Pipeline, name string, opt ingest.Options, emit func(*marsad.Article) error) error {
	b, err := ingest.Read(ctx, name, e.Stdin, opt)
	if b != nil {
		for _, s := range b.Skipped {
			fmt.Fprintf(e.Stderr, "marsad: skipped %v\n", s)
		}
	}
	if err != nil {
		return err
	}
	for _, a := range b.Articles {
		if err := p.Analyze(ctx, a); err != nil {
			return fmt.Errorf("%s: analyse article %s: %w", name, a.ID, err)
		}
		if err := emit(a); err != nil {
			return err
		}
	}
	if len(b.Articles) == 0 {
		return errors.New(name + ": no articles")
	}
	return nil
}

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printArticle writes a readable report of one analysed article.
func printArticle(w io.Writer, a *marsad.Article) {
	title := a.Title
	if title == "" {
		title = excerpt(a.Slice(firstOr(a.Sentences, marsad.Span{End: len(a.Text)})), 80)
	}
	fmt.Fprintf(w, "■ %s\n", title)
	meta := []string{"id " + a.ID}
	if a.Source != "" {
		meta = append(meta, "المصدر: "+a.Source)
	}
	if a.Published != "" {
		meta = append(meta, "النشر: "+a.Published)
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(meta, " · "))
	fmt.Fprintf(w, "  %s، %s، %s\n", nounParagraph.Count(len(a.Paragraphs)), nounSentence.Count(len(a.Sentences)), nounLetter.Count(utf8.RuneCountInString(a.Text)))
	if len(a.Entities) > 0 {
		fmt.Fprintf(w, "  الكيانات (%d):\n", len(a.Entities))
		for _, en := range a.Entities {
			name := en.Name
			if en.NameEn != "" {
				name += " — " + en.NameEn
			}
			fmt.Fprintf(w, "    %-4s %s ×%d\n", en.Type, name, len(en.Mentions))
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "  الأقوال (%d):\n", len(a.Quotes))
		for _, q := range a.Quotes {
			speaker := q.SpeakerName
			if speaker == "" {
				speaker = "؟"
			}
			fmt.Fprintf(w, "    %s (%s، %s): «%s»\n", speaker, q.Cue, kindAr(q.Kind), excerpt(q.Text, 120))
		}
	}
	if len(a.Times) > 0 {
		fmt.Fprintf(w, "  الأزمنة (%d):\n", len(a.Times))
		for _, t := range a.Times {
			fmt.Fprintf(w, "    %s → %s (%s)\n", t.Text, t.Value, t.Kind)
		}
	}
	if len(a.Events) > 0 {
		names := map[string]string{}
		for _, en := range a.Entities {
			names[en.ID] = en.Name
		}
		fmt.Fprintf(w, "  الأحداث (%d):\n", len(a.Events))
		for _, ev := range a.Events {
			fmt.Fprintf(w, "    %s\n", eventLine(names, ev.Code, ev.Type, ev.Mode, ev.Date, ev.Actors, ev.Targets))
		}
	}
	fmt.Fprintln(w)
}

func kindAr(k string) string {
	if k == marsad.Direct {
		return "مباشر"
	}
	return "غير مباشر"
}

func firstOr(s []marsad.Span, d marsad.Span) marsad.Span {
	if len(s) > 0 {
		return s[0]
	}
	return d
}

// excerpt shortens s to at most n runes, at a word boundary when it can.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
