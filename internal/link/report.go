package link

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/kb"
	"marsad/internal/ner"
)

// goldTSV is our annotation of SaudiNewsNet articles (testdata/README.md):
// ids, entity names and surface forms only, no article text.
//
//go:embed testdata/gold.tsv
var goldTSV []byte

// Gold returns the embedded gold annotations.
func Gold() ([]GoldArticle, error) { return LoadGold(bytes.NewReader(goldTSV)) }

// Report is the evaluation of one split.
type Report struct {
	Split               string
	Oracle              Scores // the gold names as NER output: linking and coreference alone
	Gazetteer           Scores // the knowledge-base gazetteer as the NER
	Degraded, Recovered Scores // a weak NER without / with recovery of KB names
	// The shipped NER (ShippedNER) without and with the linker's repairs
	// (recovery of KB names): what `marsad analyze` gives a user.
	ShippedNoRec, Shipped Scores
}

// Splits are the gold splits Evaluation reports, in order.
var Splits = []string{"dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "seed"}

// Evaluation runs the linker on the annotated articles (text read from
// dataRoot's saudinewsnet, or dataset.Root() when dataRoot is "") and
// returns one report per split ("dev": tuned on, "test": held out).
func Evaluation(ctx context.Context, k *kb.KB, dataRoot string) ([]Report, error) {
	gold, err := Gold()
	if err != nil {
		return nil, err
	}
	if dataRoot == "" {
		if dataRoot, err = dataset.Root(); err != nil {
			return nil, err
		}
	}
	arts, err := goldTexts(gold, dataRoot)
	if err != nil {
		return nil, err
	}
	tagger, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("link eval: %w", err)
	}
	l := New(k)
	noRec := New(k)
	noRec.Recover = false
	var out []Report
	for _, sp := range Splits {
		var g []GoldArticle
		for _, a := range gold {
			if a.Split == sp {
				g = append(g, a)
			}
		}
		r := Report{Split: sp}
		for _, run := range []struct {
			dst *Scores
			l   *Linker
			src MentionSource
		}{{&r.Oracle, l, OracleNER}, {&r.Gazetteer, l, GazetteerNER(k)}, {&r.Degraded, noRec, DegradedNER}, {&r.Recovered, l, DegradedNER},
			{&r.ShippedNoRec, noRec, ShippedNER(tagger)}, {&r.Shipped, l, ShippedNER(tagger)}} {
			s, err := Evaluate(ctx, run.l, run.src, g, arts)
			if err != nil {
				return nil, err
			}
			*run.dst = s
		}
		out = append(out, r)
	}
	return out, nil
}

// WriteReport prints the reports.
func WriteReport(w io.Writer, reports []Report) {
	for _, r := range reports {
		fmt.Fprintf(w, "%s (%s)\n", r.Split, map[string]string{"dev": "tuned on", "test": "held out, then two gold fixes and bug fixes", "test2": "held out once, then tuned on", "test3": "held out once at the second session's end, then tuned on", "test4": "held out once at the third session's end, then tuned on", "test5": "held out once at the seventh session's end, then tuned on", "test6": "held out once at the eighth session's end, then tuned on", "test7": "held out: drawn and annotated before the ninth session's changes ran on it, measured once at its end", "seed": "the two sample articles, 2025, seen in development"}[r.Split])
		fmt.Fprintf(w, "  oracle NER (gold names in, linking + coreference): %v\n", r.Oracle)
		fmt.Fprintf(w, "  KB gazetteer as NER:                             %v\n", r.Gazetteer)
		fmt.Fprintf(w, "  weak NER, no recovery:                           %v\n", r.Degraded)
		fmt.Fprintf(w, "  weak NER + recovery of KB names:                 %v\n", r.Recovered)
		fmt.Fprintf(w, "  shipped NER, no recovery:                        %v\n", r.ShippedNoRec)
		fmt.Fprintf(w, "  shipped NER + linker (what analyze does):        %v\n", r.Shipped)
	}
}

// goldTexts reads the texts of the gold articles: SaudiNewsNet ids from
// the dataset, "seed:NAME" from ../shared/seeds/NAME.txt (published
// 2025-08-16, the day after the summit they report).
func goldTexts(gold []GoldArticle, dataRoot string) (map[string]*marsad.Article, error) {
	ids := map[string]bool{}
	out := map[string]*marsad.Article{}
	for _, g := range gold {
		name, ok := strings.CutPrefix(g.ID, "seed:")
		if !ok {
			ids[g.ID] = true
			continue
		}
		b, err := os.ReadFile(filepath.Join(filepath.Dir(dataRoot), "seeds", name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("link eval: %w", err)
		}
		a := marsad.NewArticle()
		a.ID, a.Text, a.Published = g.ID, strings.TrimSpace(string(b)), "2025-08-16"
		out[g.ID] = a
	}
	snn, err := ReadSaudiNewsNet(filepath.Join(dataRoot, "saudinewsnet", "saudinewsnet.jsonl.gz"), ids)
	if err != nil {
		return nil, fmt.Errorf("link eval: %w", err)
	}
	for id, a := range snn {
		out[id] = a
	}
	return out, nil
}
