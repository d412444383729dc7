package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestExpErrors lists the shipped model's dev errors (MARSAD_NER_EXP=errors).
func TestExpErrors(t *testing.T) {
	if os.Getenv("MARSAD_NER_EXP") != "errors" {
		t.Skip("experiment harness")
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := DevSet()
	var toks [][]string
	for _, s := range dev {
		toks = append(toks, s.Tokens)
	}
	pred := tg.TagDocument(toks)
	for i, s := range dev {
		g := map[Span]bool{}
		for _, c := range Chunks(s.Tags) {
			g[c] = true
		}
		p := map[Span]bool{}
		for _, c := range Chunks(pred[i]) {
			p[c] = true
		}
		for c := range g {
			if !p[c] {
				fmt.Printf("MISS %s\t%s\t|%s|\n", c.Type, strings.Join(s.Tokens[c.Start:c.End], " "), ctx(s.Tokens, c))
			}
		}
		for c := range p {
			if !g[c] {
				fmt.Printf("FP   %s\t%s\t|%s|\n", c.Type, strings.Join(s.Tokens[c.Start:c.End], " "), ctx(s.Tokens, c))
			}
		}
	}
}

func dumpErrors(w io.Writer, toks, gold, pred []string) {
	g := map[Span]bool{}
	for _, c := range Chunks(gold) {
		g[c] = true
	}
	p := map[Span]bool{}
	for _, c := range Chunks(pred) {
		p[c] = true
	}
	for c := range g {
		if !p[c] {
			fmt.Fprintf(w, "MISS %s\t%s\t|%s|\n", c.Type, strings.Join(toks[c.Start:c.End], " "), ctx(toks, c))
		}
	}
	for c := range p {
		if !g[c] {
			fmt.Fprintf(w, "FP   %s\t%s\t|%s|\n", c.Type, strings.Join(toks[c.Start:c.End], " "), ctx(toks, c))
		}
	}
}

func ctx(toks []string, c Span) string {
	lo, hi := max(c.Start-3, 0), min(c.End+3, len(toks))
	return strings.Join(toks[lo:c.Start], " ") + " [" + strings.Join(toks[c.Start:c.End], " ") + "] " + strings.Join(toks[c.End:hi], " ")
}

// TestExp trains one configuration and prints dev scores
// (MARSAD_NER_EXP=train; knobs in env, defaults from DefaultConfig: EPOCHS
// SCHEME MINCOUNT SEEDS DROPOUT UNL STEP DOC AQMAR CLUSTERS).
func TestExp(t *testing.T) {
	if os.Getenv("MARSAD_NER_EXP") != "train" {
		t.Skip("experiment harness")
	}
	env := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	cfg := DefaultConfig()
	fmt.Sscan(env("EPOCHS", "10"), &cfg.Epochs)
	cfg.Scheme = env("SCHEME", "BIO")
	cfg.DocStage = env("DOC", "1") == "1"
	cfg.WithAQMAR = env("AQMAR", "0") == "1"
	fmt.Sscan(env("SNN", "0"), &cfg.SaudiNews)
	cfg.SaudiNewsDomain = env("SNNDOM", "0") == "1"
	fmt.Sscan(env("SNNFILES", "0"), &cfg.SaudiNewsFiles)
	constrainTitles = env("TITLES", "1") == "1"
	defer func() { constrainTitles = true }()
	expKnobs(&cfg, env)
	expTopics(t, &cfg, env)
	if v := os.Getenv("LEXGO"); v != "" {
		cfg.MineNames = v == "1"
	}
	fmt.Sscan(env("MINCOUNT", "1"), &cfg.MinCount)
	fmt.Sscan(env("SEEDS", fmt.Sprint(cfg.Seeds)), &cfg.Seeds)
	fmt.Sscan(env("DROPOUT", fmt.Sprint(cfg.Dropout)), &cfg.Dropout)
	fmt.Sscan(env("DOCFOLDS", fmt.Sprint(cfg.DocFolds)), &cfg.DocFolds)
	unl := 3000000
	fmt.Sscan(env("UNL", "3000000"), &unl)
	old, oldStep := unlabeledTokens, unlabeledStep
	unlabeledTokens = unl
	fmt.Sscan(env("STEP", "2"), &unlabeledStep)
	defer func() { unlabeledTokens, unlabeledStep = old, oldStep }()
	if p := os.Getenv("CLUSTERS"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		clustersOnce.Do(func() {})
		if clusters, clustersSum, clustersErr = LoadClusters(b); clustersErr != nil {
			t.Fatal(clustersErr)
		}
	}
	if n, _ := strconv.Atoi(env("SELF", "0")); n > 0 {
		cfg.Extra = selfTrained(t, n)
	}
	m, sum, err := TrainShipped(cfg, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("SAVE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(f, sum); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	dev, _ := DevSet()
	_, adev, _ := AQMAR()
	sets := []struct {
		name string
		s    []Sentence
	}{{"dev", dev}, {"aqmar", adev}}
	// The blind sets already scored once are tuning data; blind-snn4 (session
	// 7's held-out set) is never read here.
	for _, f := range []string{"blind-snn", "blind-snn2", "blind-snn3"} {
		s, err := ReadGoldFile("testdata/" + f + ".tsv")
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, struct {
			name string
			s    []Sentence
		}{f, s})
	}
	for _, set := range sets {
		sc, err := m.Score(set.s)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		sc.Report(&b)
		fmt.Printf("%s %s\n%s", os.Getenv("EXPNAME"), set.name, b.String())
	}
}

// TestExpCV scores stage-1 configurations by contiguous-block
// cross-validation on the training part (MARSAD_NER_EXP=cv; knobs as
// TestExp's, and AUG, PEN, DUMP).
func TestExpCV(t *testing.T) {
	if os.Getenv("MARSAD_NER_EXP") != "cv" {
		t.Skip("experiment harness")
	}
	env := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	cfg := DefaultConfig()
	fmt.Sscan(env("EPOCHS", "10"), &cfg.Epochs)
	fmt.Sscan(env("MINCOUNT", "1"), &cfg.MinCount)
	cfg.Scheme = env("SCHEME", "BIO")
	cfg.DocStage = false
	expKnobs(&cfg, env)
	train, _, err := ANERcorp()
	if err != nil {
		t.Fatal(err)
	}
	ext, _ := ExternalGazetteer()
	cl, _, _ := DefaultClusters()
	if p := os.Getenv("CLUSTERS"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if cl, _, err = LoadClusters(b); err != nil {
			t.Fatal(err)
		}
	}
	cfg.External, cfg.Clusters = ext, cl
	expTopics(t, &cfg, env)
	if p := os.Getenv("LEX"); p != "" {
		cfg.Lexicon = readLexTSV(t, p, env("LEXMIN", "0"))
	}
	if env("LEXGO", "0") == "1" {
		docs, err := newsDocs()
		if err != nil {
			t.Fatal(err)
		}
		cfg.Lexicon = MineLexicon(docs)
		fmt.Fprintf(os.Stderr, "lexicon: %d names\n", len(cfg.Lexicon))
	}
	var extra []Sentence
	if env("AQMAR", "0") == "1" {
		extra, _, _ = AQMAR()
		if env("AUG", "0") == "1" {
			for i := range extra {
				extra[i].Domain = 1
			}
		}
	}
	K := 5
	pens := []float32{0}
	if v := os.Getenv("PEN"); v != "" {
		pens = nil
		for _, f := range strings.Split(v, ",") {
			var x float32
			fmt.Sscan(f, &x)
			pens = append(pens, x)
		}
	}
	var gold [][]string
	pred := make([][][]string, len(pens))
	for k := 0; k < K; k++ {
		lo, hi := len(train)*k/K, len(train)*(k+1)/K
		rest := append(append(append([]Sentence(nil), train[:lo]...), train[hi:]...), extra...)
		if env("OVERSAMPLE", "0") == "1" {
			// Sentences with an ORG or MISC name twice, the copy right
			// after the original (the same jackknife block).
			var over []Sentence
			for _, s := range rest {
				over = append(over, s)
				for _, c := range Chunks(s.Tags) {
					if c.Type == "ORG" || c.Type == "MISC" {
						over = append(over, s)
						break
					}
				}
			}
			rest = over
		}
		var ms []*Model
		seeds := 1
		fmt.Sscan(env("SEEDS", fmt.Sprint(cfg.Seeds)), &seeds)
		fmt.Sscan(env("DROPOUT", fmt.Sprint(cfg.Dropout)), &cfg.Dropout)
		for sd := 1; sd <= 1; sd++ {
			c := cfg
			c.Seeds = seeds
			m, err := Train(c, rest)
			if err != nil {
				t.Fatal(err)
			}
			ms = append(ms, m)
		}
		if env("MIX", "0") == "1" { // + the same ensemble of the other learner, scaled to the same mean |weight|
			c := cfg
			c.Seeds = seeds
			c.Learner, c.CRFAverage, c.Prune = "crf", true, 0
			if cfg.Learner == "crf" {
				c.Learner, c.Prune = "", 0.5
			}
			m2, err := Train(c, rest)
			if err != nil {
				t.Fatal(err)
			}
			meanAbs := func(w []float32) float64 {
				s := 0.0
				for _, v := range w {
					s += math.Abs(float64(v))
				}
				return s / float64(len(w))
			}
			k := float32(meanAbs(ms[0].w) / meanAbs(m2.w))
			for i := range m2.w {
				m2.w[i] *= k
			}
			for i := range m2.trans {
				m2.trans[i] *= k
			}
			ms = append(ms, m2)
		}
		m := mergeStage(ms)
		var toks [][]string
		for _, s := range train[lo:hi] {
			toks = append(toks, s.Tokens)
			gold = append(gold, s.Tags)
		}
		for i, p := range pens {
			m.oPenalty = p
			pred[i] = append(pred[i], m.TagDocument(toks)...)
		}
	}
	if os.Getenv("DUMP") != "" {
		var toks [][]string
		for _, s := range train {
			toks = append(toks, s.Tokens)
		}
		f, _ := os.Create(os.Getenv("DUMP"))
		for i := range gold {
			dumpErrors(f, toks[i], gold[i], pred[0][i])
		}
		f.Close()
	}
	for i, p := range pens {
		sc, _ := Evaluate(gold, pred[i])
		var b strings.Builder
		sc.Report(&b)
		fmt.Printf("%s cv pen=%g\n%s", os.Getenv("EXPNAME"), p, b.String())
	}
}

// mergeStage sums the weights of models trained with different seeds: a sum
// of linear scores is one linear model.
func mergeStage(ms []*Model) *Model {
	m := &Model{scheme: ms[0].scheme, labels: ms[0].labels, clusters: ms[0].clusters, external: ms[0].external, corpus: ms[0].corpus, final: ms[0].final,
		topics: ms[0].topics, topicWindow: ms[0].topicWindow, topicFeats: ms[0].topicFeats, lex: ms[0].lex}
	m.index = map[fhash]int32{}
	m.w = nil
	L := len(m.labels)
	m.trans = append([]float32(nil), ms[0].trans...)
	for _, o := range ms[1:] {
		for i, v := range o.trans {
			m.trans[i] += v
		}
	}
	for _, o := range ms {
		for h, r := range o.index {
			nr, ok := m.index[h]
			if !ok {
				nr = int32(len(m.index))
				m.index[h] = nr
				m.w = append(m.w, make([]float32, L)...)
			}
			for y := 0; y < L; y++ {
				m.w[int(nr)*L+y] += o.w[int(r)*L+y]
			}
		}
	}
	return m
}

// TestExpPrune drops the shipped model's small weights and reports dev F1,
// table sizes and speed (MARSAD_NER_EXP=prune).
func TestExpPrune(t *testing.T) {
	if os.Getenv("MARSAD_NER_EXP") != "prune" {
		t.Skip("experiment harness")
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("MODEL"); p != "" { // another model file than the shipped one
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cl, sum, _ := DefaultClusters()
		m, err := Load(f, cl, sum)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		tg = &Tagger{Model: m}
	}
	ths := []float32{0, 0.4, 0.8, 1.5, 3}
	if v := os.Getenv("THS"); v != "" {
		ths = nil
		for _, f := range strings.Split(v, ",") {
			var x float32
			fmt.Sscan(f, &x)
			ths = append(ths, x)
		}
	}
	dev, _ := DevSet()
	var doc [][]string
	for _, s := range dev {
		doc = append(doc, s.Tokens)
	}
	prune := func(m *Model, th float32) *Model {
		L := len(m.labels)
		p := &Model{Meta: m.Meta, scheme: m.scheme, labels: m.labels, clusters: m.clusters, external: m.external, corpus: m.corpus, trans: m.trans, final: m.final, stats: m.stats, window: m.window, index: map[fhash]int32{}}
		for h, r := range m.index {
			row := m.w[int(r)*L : int(r+1)*L]
			keep := false
			for _, v := range row {
				if v > th || v < -th {
					keep = true
				}
			}
			if keep {
				p.index[h] = int32(len(p.index))
				p.w = append(p.w, row...)
			}
		}
		return p
	}
	for _, th := range ths {
		p := prune(tg.Model, th)
		p.stage2 = prune(tg.stage2, th)
		p.buildJoint()
		sc, _ := p.Score(dev)
		start := time.Now()
		for i := 0; i < 5; i++ {
			p.TagDocument(doc)
		}
		el := time.Since(start) / 5
		fmt.Printf("prune %g: dev F1 %.2f, rows %d + %d, joint %d, TagDocument %v\n", th, sc.All.F1(), len(p.index), len(p.stage2.index), len(p.joint), el)
	}
}

// selfTrained tags SaudiNewsNet sentences past the first 7M tokens (those
// the unlabeled statistics use) with the shipped model and keeps, up to n
// tokens, the sentences with a name where both stages agree, as domain 2.
func selfTrained(t *testing.T, n int) []Sentence {
	all, err := UnlabeledNews(7_000_000+8*n, 1)
	if err != nil {
		t.Fatal(err)
	}
	seen, skip := 0, 0
	for ; skip < len(all) && seen < 7_000_000; skip++ {
		seen += len(all[skip])
	}
	doc := all[skip:]
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	second := tg.TagDocument(doc)
	var out []Sentence
	tokens, ents := 0, 0
	for i, s := range doc {
		if tokens >= n {
			break
		}
		first := tg.Tag(s)
		cs := Chunks(second[i])
		if len(cs) == 0 || !reflect.DeepEqual(first, second[i]) {
			continue
		}
		out = append(out, Sentence{Tokens: s, Tags: second[i], Domain: 2})
		tokens += len(s)
		ents += len(cs)
	}
	fmt.Fprintf(os.Stderr, "self-training: %d sentences, %d tokens, %d names\n", len(out), tokens, ents)
	return out
}

// expKnobs reads the learner knobs: LEARNER L2 ETA CRFAVG PRUNE.
func expKnobs(cfg *Config, env func(k, def string) string) {
	cfg.Learner = env("LEARNER", cfg.Learner)
	fmt.Sscan(env("L2", fmt.Sprint(cfg.L2)), &cfg.L2)
	fmt.Sscan(env("ETA", fmt.Sprint(cfg.Eta)), &cfg.Eta)
	cfg.CRFAverage = env("CRFAVG", "0") == "1"
	fmt.Sscan(env("PRUNE", fmt.Sprint(cfg.Prune)), &cfg.Prune)
	fmt.Sscan(env("SEED", fmt.Sprint(cfg.Seed)), &cfg.Seed)
}

// expTopics reads the topic knobs: TOPICS (k, 0: none), TWIN (window in
// sentences either side), TFEATS (conjunctions, see topicFeatures), TVOCAB.
func expTopics(t *testing.T, cfg *Config, env func(k, def string) string) {
	k, _ := strconv.Atoi(env("TOPICS", "0"))
	if k == 0 {
		return
	}
	tc := DefaultTopicConfig()
	tc.K = k
	fmt.Sscan(env("TVOCAB", "20000"), &tc.Vocab)
	fmt.Sscan(env("TSEED", "1"), &tc.Seed)
	docs, err := newsDocs()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cfg.Topics = BuildTopics(tc, docs)
	if env("TRANDOM", "0") == "1" { // control: the same words, random weights
		rng := rand.New(rand.NewPCG(7, 7))
		words := make([]string, 0, len(cfg.Topics.w))
		for w := range cfg.Topics.w {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			for j := range cfg.Topics.w[w] {
				cfg.Topics.w[w][j] = rng.Float32()
			}
		}
	}
	fmt.Fprintf(os.Stderr, "topics: k=%d vocab=%d in %v\n", k, len(cfg.Topics.w), time.Since(start))
	fmt.Sscan(env("TWIN", "5"), &cfg.TopicWindow)
	cfg.TopicFeats = env("TFEATS", "bgc")
}

// readLexTSV reads "type<TAB>word<TAB>share" lines, keeping shares ≥ min.
func readLexTSV(t *testing.T, p, minShare string) map[string]lexEntry {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var lo float64
	fmt.Sscan(minShare, &lo)
	lex := map[string]lexEntry{}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			continue
		}
		var sh float64
		fmt.Sscan(f[2], &sh)
		if sh < lo {
			continue
		}
		e := lexEntry{typ: typeBit(f[0]), level: 1}
		if sh >= 0.5 {
			e.level = 2
		}
		lex[f[1]] = e
	}
	return lex
}
