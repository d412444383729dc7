package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/text/normalize"
)

var tune = flag.Bool("tune", false, "grid-search options on the dev stream (slow)")

// evalArticle is one article of an evaluation stream with its gold story
// ("~" for a distractor, which is its own story).
type evalArticle struct {
	*marsad.Article
	gold string
}

// loadStream reads testdata/stream-NAME.tsv and the articles it names from
// SaudiNewsNet, in publication order.
func loadStream(t testing.TB, name string) []evalArticle {
	t.Helper()
	b, err := os.ReadFile("testdata/stream-" + name + ".tsv")
	if err != nil {
		t.Fatal(err)
	}
	gold := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		id, label, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("stream %s: bad line %q", name, l)
		}
		gold[id] = label
	}
	arts := readSNN(t, func(id string) bool { _, ok := gold[id]; return ok })
	if len(arts) != len(gold) {
		t.Fatalf("stream %s: found %d of %d articles in saudinewsnet", name, len(arts), len(gold))
	}
	out := make([]evalArticle, len(arts))
	for i, a := range arts {
		out[i] = evalArticle{a, gold[a.ID]}
	}
	return out
}

// readSNN reads the SaudiNewsNet articles whose id keep accepts (all when
// keep is nil), ordered by publication time then id. It fails the test if
// the data is missing: CI has it.
func readSNN(t testing.TB, keep func(string) bool) []*marsad.Article {
	t.Helper()
	p, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []*marsad.Article
	idKey := []byte(`"id": "`)
	for sc.Scan() {
		line := sc.Bytes()
		if keep != nil {
			// Look at the id before decoding the whole line.
			i := bytes.Index(line, idKey)
			if i < 0 {
				continue
			}
			rest := line[i+len(idKey):]
			j := bytes.IndexByte(rest, '"')
			if j < 0 || !keep(string(rest[:j])) {
				continue
			}
		}
		var r dataset.NewsArticle
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		a := marsad.NewArticle()
		a.ID, a.Source, a.URL, a.Title, a.Text = r.ID, r.Source, r.URL, r.Title, r.Content
		a.Published = strings.Replace(r.DateExtracted, " ", "T", 1)
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Published != out[j].Published {
			return out[i].Published < out[j].Published
		}
		return out[i].ID < out[j].ID
	})
	return out
}

type featured struct {
	id   string
	gold string
	f    Features
}

func featurize(stream []evalArticle) []featured {
	out := make([]featured, len(stream))
	for i, a := range stream {
		out[i] = featured{a.ID, a.gold, Extract(a.Article)}
	}
	return out
}

// labelledOnly is the gold of the labelled articles alone: scoring it
// leaves out the distractors, which are easy, and shows the errors made
// among stories and their hard negatives. (A distractor merged into a
// labelled story still costs nothing here; the all-article score counts it.)
func labelledOnly(stream []featured) map[string]string {
	g := map[string]string{}
	for _, a := range stream {
		if a.gold != "~" {
			g[a.id] = a.gold
		}
	}
	return g
}

func goldOf(stream []featured) map[string]string {
	g := map[string]string{}
	for _, a := range stream {
		if a.gold == "~" {
			g[a.id] = "~" + a.id
		} else {
			g[a.id] = a.gold
		}
	}
	return g
}

// run clusters the stream with opt and scores it.
func run(t testing.TB, stream []featured, opt Options) (p, r, f float64, pred map[string]string) {
	c, err := New(opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	pred = map[string]string{}
	for _, a := range stream {
		pred[a.id] = c.Assign(a.id, a.f).Story
	}
	p, r, f = BCubed(goldOf(stream), pred)
	return p, r, f, pred
}

// naive is the baseline the issue names: single-pass clustering on TF-IDF
// cosine between an article and each story's centroid, over every story so
// far, with whitespace tokens in search form, IDF learned from the stream,
// and no title, entity or time features.
func naive(stream []evalArticle, threshold float64) map[string]string {
	idf := NewIDF()
	type cl struct {
		id string
		c  centroid
	}
	var clusters []*cl
	pred := map[string]string{}
	for _, a := range stream {
		toks := strings.Fields(normalize.Search(a.Title + " " + a.Text))
		tf := map[string]int{}
		for _, tk := range toks {
			tf[tk]++
		}
		v := vec{}
		for tk, n := range tf {
			v[tk] = (1 + math.Log(float64(n))) * idf.Weight(tk)
		}
		if n := v.norm(); n > 0 {
			for tk := range v {
				v[tk] /= n
			}
		}
		var best *cl
		bs := 0.0
		for _, c := range clusters {
			if s := c.c.cos(v); s > bs {
				best, bs = c, s
			}
		}
		if best == nil || bs < threshold {
			best = &cl{id: a.ID}
			clusters = append(clusters, best)
		}
		best.c.add(v, 0)
		pred[a.ID] = best.id
		idf.Add(toks)
	}
	return pred
}

// naiveThreshold was tuned on the dev stream (best of 0.10, 0.15 … 0.60).
const naiveThreshold = 0.25

// TestStories scores the clusterer on the dev and held-out streams and gates
// the held-out F1 (and dev F1) with floors a little under the measured ones.
func TestStories(t *testing.T) {
	// Measured (see the report in the commit log): held-out F1 0.974 over
	// all articles and 0.886 over the labelled ones; dev 0.983 and 0.912.
	floors := map[string]float64{"dev": 0.975, "heldout": 0.965, "dev-labelled": 0.89, "heldout-labelled": 0.865}
	for _, name := range []string{"dev", "heldout"} {
		stream := loadStream(t, name)
		fs := featurize(stream)
		start := time.Now()
		p, r, f, pred := run(t, fs, DefaultOptions())
		el := time.Since(start)
		npred := naive(stream, naiveThreshold)
		np, nr, nf := BCubed(goldOf(fs), npred)
		labelled := 0
		for _, a := range stream {
			if a.gold != "~" {
				labelled++
			}
		}
		t.Logf("%-8s %4d articles, all:       marsad B³ P=%.3f R=%.3f F1=%.3f (%.0f µs/article) | naive tf-idf P=%.3f R=%.3f F1=%.3f",
			name, len(stream), p, r, f, float64(el.Microseconds())/float64(len(stream)), np, nr, nf)
		lp, lr, lf := BCubed(labelledOnly(fs), pred)
		nlp, nlr, nlf := BCubed(labelledOnly(fs), npred)
		t.Logf("%-8s %4d labelled articles only: marsad B³ P=%.3f R=%.3f F1=%.3f | naive tf-idf P=%.3f R=%.3f F1=%.3f",
			name, labelled, lp, lr, lf, nlp, nlr, nlf)
		if lf < floors[name+"-labelled"] {
			t.Errorf("%s: B-cubed F1 on labelled articles %.3f below floor %.3f", name, lf, floors[name+"-labelled"])
		}
		if f < floors[name] {
			t.Errorf("%s: B-cubed F1 %.3f below floor %.3f", name, f, floors[name])
		}
	}
}

// TestTune grid-searches the main options on the dev stream (-tune).
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	stream := loadStream(t, "dev")
	fs := featurize(stream)
	for _, th := range []float64{0.10, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6} {
		_, _, f := BCubed(goldOf(fs), naive(stream, th))
		t.Logf("naive threshold %.2f F1 %.4f", th, f)
	}
	type res struct {
		o       Options
		p, r, f float64
	}
	var all []res
	for _, th := range []float64{0.26, 0.30, 0.34, 0.38} {
		for _, ti := range []float64{0.25, 0.5} {
			for _, miss := range []float64{0, 0.1, 0.2, 0.3} {
				for _, rare := range []float64{3, 4, 5, 6} {
					for _, minIDF := range []float64{1.5, 2.5} {
						o := DefaultOptions()
						o.Threshold, o.Title, o.Miss, o.RareIDF, o.MinIDF = th, ti, miss, rare, minIDF
						p, r, f, _ := run(t, fs, o)
						all = append(all, res{o, p, r, f})
					}
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].f > all[j].f })
	for _, x := range all[:15] {
		lp, lr, lf := 0.0, 0.0, 0.0
		{
			_, _, _, pred := run(t, fs, x.o)
			lp, lr, lf = BCubed(labelledOnly(fs), pred)
		}
		t.Logf("F1 %.4f P %.3f R %.3f (labelled F1 %.3f P %.3f R %.3f) threshold %.2f title %.2f miss %.2f rare %.1f minIDF %.1f", x.f, x.p, x.r, lf, lp, lr, x.o.Threshold, x.o.Title, x.o.Miss, x.o.RareIDF, x.o.MinIDF)
	}
}

// TestErrors prints the dev stream's clustering errors (-v -run Errors) for
// error analysis; it never looks at the held-out stream.
func TestErrors(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("run with -v")
	}
	stream := loadStream(t, "dev")
	fs := featurize(stream)
	_, _, _, pred := run(t, fs, DefaultOptions())
	title := map[string]string{}
	for _, a := range stream {
		title[a.ID] = a.Title
	}
	byPred := map[string][]featured{}
	for _, a := range fs {
		byPred[pred[a.id]] = append(byPred[pred[a.id]], a)
	}
	byGold := map[string][]featured{}
	for _, a := range fs {
		if a.gold != "~" {
			byGold[a.gold] = append(byGold[a.gold], a)
		}
	}
	for g, as := range byGold {
		ps := map[string]int{}
		for _, a := range as {
			ps[pred[a.id]]++
		}
		if len(ps) > 1 {
			var b strings.Builder
			for _, a := range as {
				fmt.Fprintf(&b, "\n   %s %s %s", pred[a.id][:6], a.id, title[a.id])
			}
			t.Logf("SPLIT %s into %d:%s", g, len(ps), b.String())
		}
	}
	for p, as := range byPred {
		gs := map[string]bool{}
		for _, a := range as {
			gs[a.gold+map[bool]string{true: a.id}[a.gold == "~"]] = true
		}
		if len(gs) > 1 {
			var b strings.Builder
			for _, a := range as {
				fmt.Fprintf(&b, "\n   %s %s %s", a.gold, a.id, title[a.id])
			}
			t.Logf("MERGED %s:%s", p[:6], b.String())
		}
	}
}
