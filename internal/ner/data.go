package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"marsad/internal/dataset"
	"marsad/internal/text/normalize"
)

// Datasets used for training, from ../shared/data (see each SOURCE.md).
const (
	anercorpFile = "ANERCorp_CamelLab_train.txt"
)

// ReadCoNLLFile reads a CoNLL file from disk.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// DevSplit carves the deterministic development split off a training set:
// the last tenth of its sentences. ANERcorp is split sequentially (its test
// part is the last sixth of the corpus), so the end of the training part is
// the closest in time and topic to the test.
func DevSplit(sents []Sentence) (train, dev []Sentence) {
	cut := len(sents) - len(sents)/10
	return sents[:cut], sents[cut:]
}

// ANERcorp returns the CAMeL Lab training split of ANERcorp, divided into
// training and development parts by DevSplit.
func ANERcorp() (train, dev []Sentence, err error) {
	p, err := dataset.File("anercorp-camel", anercorpFile)
	if err != nil {
		return nil, nil, err
	}
	all, err := ReadCoNLLFile(p)
	if err != nil {
		return nil, nil, err
	}
	train, dev = DevSplit(all)
	return train, dev, nil
}

// AQMAR returns the AQMAR Wikipedia training and development files.
func AQMAR() (train, dev []Sentence, err error) {
	d, err := dataset.Dir("aqmar")
	if err != nil {
		return nil, nil, err
	}
	if train, err = ReadCoNLLFile(d + "/aqmar_train.txt"); err != nil {
		return nil, nil, err
	}
	if dev, err = ReadCoNLLFile(d + "/aqmar_dev.txt"); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// ExternalGazetteer builds the name lists that do not come from the NER
// training data: ANETAC's person, location and organisation names, the
// Arabic country names of mledoze/countries, and the names annotated in the
// AQMAR Wikipedia training file. AQMAR's sentences, as training data, hurt
// news (EXPERIMENTS.md #10, #32: its conventions differ); its names, as a
// list, help every measure (#55).
func ExternalGazetteer() (*Gazetteer, error) {
	g := NewGazetteer()
	p, err := dataset.File("anetac", "anetac_ne_pairs.tsv")
	if err != nil {
		return nil, err
	}
	classes := map[string]string{"PERSON": "PERS", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
	err = eachTSV(p, func(f []string) {
		if len(f) == 3 {
			if t, ok := classes[f[0]]; ok {
				g.Add(searchTokens(f[2]), t)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	p, err = dataset.File("countries-ar", "countries_ar.tsv")
	if err != nil {
		return nil, err
	}
	err = eachTSV(p, func(f []string) {
		// name_ar_common, name_ar_official, native_ar_common, native_ar_official
		for i := 4; i <= 7 && i < len(f); i++ {
			if f[i] != "" {
				g.Add(searchTokens(f[i]), "LOC")
			}
		}
	})
	if err != nil {
		return nil, err
	}
	aqmar, _, err := AQMAR()
	if err != nil {
		return nil, err
	}
	for _, s := range aqmar {
		for _, c := range Chunks(s.Tags) {
			g.Add(searchTokens(strings.Join(s.Tokens[c.Start:c.End], " ")), c.Type)
		}
	}
	return g, nil
}

func searchTokens(s string) []string {
	return strings.Fields(normalize.Search(s))
}

// eachTSV calls fn with the fields of every line after the header.
func eachTSV(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		fn(strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// SaudiNewsNetClusters builds word clusters from SaudiNewsNet (titles and
// contents of its 31k articles) and writes them to w with their provenance.
func SaudiNewsNetClusters(cfg ClusterConfig, w io.Writer) error {
	var docs [][]string
	if err := readSaudiNews(func(text string) bool {
		if text != "" {
			docs = append(docs, CorpusTokens(nil, text))
		}
		return true
	}); err != nil {
		return err
	}
	c, err := BuildClusters(cfg, func(fn func([]string)) error {
		for _, d := range docs {
			fn(d)
		}
		return nil
	})
	if err != nil {
		return err
	}
	header := []string{
		"Marsad NER word clusters (made by `marsad train clusters`).",
		"Source: SaudiNewsNet (Alhagri 2015, github.com/parallelfold/SaudiNewsNet @4e39239), 31,030 Saudi news articles, 2015.",
		"Licence of the source: CC BY-NC-SA 4.0 (non-commercial, share-alike); this derived file carries the same terms.",
		fmt.Sprintf("Method: left/right context counts over the %d most frequent words, PPMI (context smoothing 0.75), randomized SVD to %d dims, spherical k-means k=%v, %d iterations, seed %d.", cfg.Context, cfg.Dims, cfg.K, cfg.Iter, cfg.Seed),
		fmt.Sprintf("Vocabulary: the %d most frequent search-form tokens seen at least %d times.", cfg.Vocab, cfg.MinCount),
		"Columns: word (normalize.Search form), its cluster in each clustering above (adjacent-word ones first), bit length of the corpus frequency.",
		"Created: " + time.Now().UTC().Format("2006-01-02"),
	}
	if len(cfg.WideK) > 0 {
		header = append(header[:4:4], append([]string{fmt.Sprintf("Then the same with context counts over %d words either side, clustered at k=%v.", cfg.Wide, cfg.WideK)}, header[4:]...)...)
	}
	return c.Write(w, header)
}

// UnlabeledNews returns sentences of SaudiNewsNet articles, tokenized like
// ANERcorp (CorpusTokens) and split after . ! ؟ (and every 60 tokens),
// taking every step-th article until maxTokens tokens are collected.
func UnlabeledNews(maxTokens, step int) ([][]string, error) {
	var out [][]string
	total, n := 0, 0
	err := readSaudiNews(func(text string) bool {
		n++
		if total >= maxTokens {
			return false
		}
		if ((n-1)/2)%max(step, 1) != 0 { // n counts titles and contents
			return true
		}
		for _, sent := range splitNewsSentences(CorpusTokens(nil, text)) {
			out = append(out, sent)
			total += len(sent)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// splitNewsSentences splits an article's tokens after . ! ؟ and every 60
// tokens: the sentences of the unlabeled news and of the stand-off
// annotations of SaudiNewsNet (standoff.go), which must split alike.
func splitNewsSentences(toks []string) [][]string {
	var out [][]string
	start := 0
	for i, t := range toks {
		if t == "." || t == "!" || t == "؟" || i-start >= 59 || i == len(toks)-1 {
			out = append(out, toks[start:i+1:i+1])
			start = i + 1
		}
	}
	return out
}

// readSaudiNews calls fn with each text of SaudiNewsNet's JSONL file (title,
// then content, of every article, in file order) until fn returns false.
func readSaudiNews(fn func(text string) bool) error {
	p, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		return err
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := ReadNewsJSONL(f, fn); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

var (
	newsOnce sync.Once
	newsAll  [][]string
	newsErr  error
)

// newsDocs returns every SaudiNewsNet article's content as search-form
// tokens (CorpusTokens), read once.
func newsDocs() ([][]string, error) {
	newsOnce.Do(func() { newsAll, newsErr = readNewsDocs() })
	return newsAll, newsErr
}

func readNewsDocs() ([][]string, error) {
	var docs [][]string
	n := 0
	err := readSaudiNews(func(text string) bool {
		n++
		if n%2 == 0 { // contents only
			docs = append(docs, CorpusTokens(nil, text))
		}
		return true
	})
	return docs, err
}
