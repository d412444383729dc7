package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"marsad/internal/ner"
)

// cmdNER tags a CoNLL file: one token per line (first column), blank lines
// between sentences. Every input line is written back with the predicted
// BIO tag appended as a last tab-separated column; blank lines are kept.
func cmdNER(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("ner", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	conll := fs.Bool("conll", false, "read and write CoNLL (token per line); required")
	model := fs.String("model", "", "model file written by 'marsad train ner' (default: the embedded model)")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad ner --conll [--model FILE] FILE|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if !*conll || fs.NArg() != 1 {
		return usageError("want --conll and one FILE or -")
	}
	tagger, err := loadTagger(*model)
	if err != nil {
		return err
	}
	name := fs.Arg(0)
	in, closeIn, err := openInput(e, name)
	if err != nil {
		return err
	}
	defer closeIn()
	w := bufio.NewWriter(e.Stdout)
	if err := tagCoNLL(ctx, tagger, in, w); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return w.Flush()
}

func openInput(e *Env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return e.Stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

func loadTagger(path string) (*ner.Model, error) {
	if path == "" {
		t, err := ner.Default()
		if err != nil {
			return nil, err
		}
		return t.Model, nil
	}
	c, sum, err := ner.DefaultClusters()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(f, c, sum)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// maxCoNLLLine bounds one input line; anything longer is not a token.
const maxCoNLLLine = 1 << 20

// conllChunk is how many sentences are tagged together: the document
// stage looks at the sentences around each one, so a CoNLL file is tagged
// as running text, in chunks that bound the memory used.
const conllChunk = 5000

// tagCoNLL copies r to w line by line, appending a tag to every token line.
func tagCoNLL(ctx context.Context, m *ner.Model, r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxCoNLLLine)
	type block struct {
		lines []string // token lines, or one blank line
		toks  []string // nil for a blank line
	}
	var (
		blocks []block
		cur    block
		nsent  int
	)
	flush := func() error {
		var doc [][]string
		for _, b := range blocks {
			if b.toks != nil {
				doc = append(doc, b.toks)
			}
		}
		tags := m.TagDocument(doc)
		k := 0
		for _, b := range blocks {
			if b.toks == nil {
				if _, err := fmt.Fprintln(w, b.lines[0]); err != nil {
					return err
				}
				continue
			}
			for i, l := range b.lines {
				if _, err := fmt.Fprintf(w, "%s\t%s\n", l, tags[k][i]); err != nil {
					return err
				}
			}
			k++
		}
		blocks, nsent = blocks[:0], 0
		return ctx.Err()
	}
	endSentence := func() {
		if len(cur.lines) > 0 {
			blocks = append(blocks, cur)
			nsent++
			cur = block{}
		}
	}
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimRight(sc.Text(), "\r")
		f := strings.Fields(l)
		if len(f) == 0 {
			endSentence()
			blocks = append(blocks, block{lines: []string{l}})
			if nsent >= conllChunk {
				if err := flush(); err != nil {
					return err
				}
			}
			continue
		}
		cur.lines = append(cur.lines, l)
		cur.toks = append(cur.toks, f[0])
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d bytes", n+1, maxCoNLLLine)
		}
		return err
	}
	endSentence()
	return flush()
}

// cmdTrain trains a model; the first argument names which.
func cmdTrain(ctx context.Context, e *Env, args []string) error {
	if len(args) == 0 {
		return usageError("train what? (ner, clusters)")
	}
	switch args[0] {
	case "ner":
		return trainNER(ctx, e, args[1:])
	case "clusters":
		return trainClusters(ctx, e, args[1:])
	}
	return usageError("unknown model %q (want ner or clusters)", args[0])
}

func trainNER(ctx context.Context, e *Env, args []string) error {
	cfg := ner.DefaultConfig()
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	out := fs.String("out", "ner-model.gob.gz", "where to write the model (the shipped one is internal/ner/data/model.gob.gz)")
	fs.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "training epochs")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "shuffling seed")
	fs.IntVar(&cfg.Seeds, "seeds", cfg.Seeds, "perceptrons averaged (seeds seed, seed+1, …)")
	fs.Float64Var(&cfg.Dropout, "dropout", cfg.Dropout, "probability of leaving a feature out of a training step")
	fs.StringVar(&cfg.Scheme, "scheme", cfg.Scheme, "internal tagging scheme: BIO or BILOU")
	fs.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds for the names-from-training gazetteer")
	fs.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "drop features seen fewer times")
	fs.Float64Var(&cfg.Prune, "prune", cfg.Prune, "drop feature rows whose averaged weights are all below this")
	fs.StringVar(&cfg.Learner, "learner", cfg.Learner, `"perceptron" (mean of averaged perceptrons, shipped) or "crf" (linear-chain CRF: +0.2 CV F1, all on PERS; use with -prune 0)`)
	fs.Float64Var(&cfg.L2, "crf-l2", cfg.L2, "CRF L2 weight (0: 1/N for N sentences)")
	fs.Float64Var(&cfg.Eta, "crf-rate", cfg.Eta, "CRF initial learning rate (0: 0.1)")
	fs.BoolVar(&cfg.CRFAverage, "crf-average", true, "CRF: mean of the weights of the second half's epochs")
	fs.BoolVar(&cfg.WithAQMAR, "aqmar", false, "also train on AQMAR (Wikipedia) as a second domain: much better on Wikipedia, not better on ANERcorp dev")
	fs.IntVar(&cfg.SaudiNews, "saudi-news", cfg.SaudiNews, "times the 205 hand-annotated SaudiNewsNet articles (internal/ner/data/snn-train.tsv and snn-train2.tsv, CC BY-NC-SA) are added to the training data (0: ANERcorp only)")
	fs.IntVar(&cfg.SaudiNewsFiles, "saudi-news-files", cfg.SaudiNewsFiles, "how many of the annotation files to use, in order (1: the first 80 articles only, the model before e55335f; 0: all)")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad train ner [flags]\n\nTrains on ANERcorp (CAMeL split) minus its dev split and prints dev scores.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() != 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	m, sum, err := ner.TrainShipped(cfg, e.Stderr)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := writeFile(*out, func(w io.Writer) error { return m.Save(w, sum) }); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "dev (%s):\n", m.Meta.DevName)
	for _, t := range append(append([]string(nil), ner.Types...), "all") {
		s := m.Meta.Dev[t]
		fmt.Fprintf(e.Stdout, "%-6s P %6.2f R %6.2f F1 %6.2f\n", t, s[0], s[1], s[2])
	}
	fmt.Fprintf(e.Stdout, "wrote %s (%d features)\n", *out, m.Meta.Features)
	return nil
}

func trainClusters(ctx context.Context, e *Env, args []string) error {
	cfg := ner.DefaultClusterConfig()
	fs := flag.NewFlagSet("train clusters", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	out := fs.String("out", "clusters.tsv.gz", "where to write the clusters (the shipped ones are internal/ner/data/clusters.tsv.gz)")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() != 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	cfg.Log = e.Stderr
	return writeFile(*out, func(w io.Writer) error { return ner.SaudiNewsNetClusters(cfg, w) })
}

// writeFile writes path through a temporary file, so a failed run leaves
// the old file in place.
func writeFile(path string, fn func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp, path)
}

func evalNER(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	model := fs.String("model", "", "model file (default: the embedded model)")
	dev := fs.Bool("dev", false, "score the ANERcorp dev split instead of a FILE")
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad eval ner [--model FILE] FILE|-|--dev\n\nFILE is CoNLL with the gold tag in the last column, or a Marsad stand-off annotation of SaudiNewsNet (internal/ner/testdata/*.tsv).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if *dev == (fs.NArg() == 1) || fs.NArg() > 1 {
		return usageError("want one FILE or --dev")
	}
	m, err := loadTagger(*model)
	if err != nil {
		return err
	}
	var sents []ner.Sentence
	if *dev {
		sents, err = ner.DevSet()
	} else {
		var in io.Reader
		var closeIn func()
		in, closeIn, err = openInput(e, fs.Arg(0))
		if err != nil {
			return err
		}
		defer closeIn()
		sents, err = ner.ReadGold(in)
		if err != nil {
			err = fmt.Errorf("%s: %w", fs.Arg(0), err)
		}
	}
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	sc, err := m.Score(sents)
	if err != nil {
		return err
	}
	return sc.Report(e.Stdout)
}
