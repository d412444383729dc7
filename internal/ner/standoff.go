package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"marsad/internal/dataset"
)

// StandOffMagic opens every stand-off annotation file. The corpora of
// ../shared/data are licensed to us, not ours to redistribute, so our own
// annotations of them are stored as article ids and token indices and the
// tokens are rebuilt from the corpus when the file is read.
const StandOffMagic = "# marsad-ner-standoff v1"

// standOffRef is one sentence of a stand-off file: an article and the
// index of one of its sentences (newsSentences), with its names.
type standOffRef struct {
	id    string
	index int
	names []Span
	line  int
}

// ReadGold reads gold-tagged sentences in either format Marsad stores: a
// stand-off file (it starts with StandOffMagic; the tokens are rebuilt
// from SaudiNewsNet) or CoNLL (ReadCoNLL).
func ReadGold(r io.Reader) ([]Sentence, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(StandOffMagic))
	if string(head) == StandOffMagic {
		return ReadStandOff(br)
	}
	return ReadCoNLL(br)
}

// ReadGoldFile reads a gold file of either format (ReadGold) from disk;
// errors name the file.
func ReadGoldFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// ReadStandOff reads a stand-off annotation of SaudiNewsNet and rebuilds
// its sentences from ../shared/data/saudinewsnet. The file lists, in order,
// the sentences it includes as "article-id TAB sentence-index" lines, each
// followed by its names as "article-id TAB sentence-index TAB first-token
// TAB last-token TAB TYPE" lines (token indices 0-based and inclusive);
// lines starting with # are comments. Sentences are those of newsSentences:
// ner.CorpusTokens of the title, then of the content, each split as
// UnlabeledNews splits. Tags are BIO: B- on a name's first token, I- on the
// rest, O elsewhere.
func ReadStandOff(r io.Reader) ([]Sentence, error) {
	refs, err := parseStandOff(r)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, x := range refs {
		want[x.id] = true
	}
	arts, err := newsArticleSentences(want)
	if err != nil {
		return nil, err
	}
	out := make([]Sentence, 0, len(refs))
	for _, x := range refs {
		sents, ok := arts[x.id]
		if !ok {
			return nil, fmt.Errorf("line %d: article %s is not in SaudiNewsNet", x.line, x.id)
		}
		if x.index >= len(sents) {
			return nil, fmt.Errorf("line %d: article %s has %d sentences, no sentence %d", x.line, x.id, len(sents), x.index)
		}
		toks := sents[x.index]
		tags := make([]string, len(toks))
		for i := range tags {
			tags[i] = "O"
		}
		for _, c := range x.names {
			if c.End > len(toks) {
				return nil, fmt.Errorf("line %d: article %s sentence %d has %d tokens, name %s ends at token %d", x.line, x.id, x.index, len(toks), c.Type, c.End-1)
			}
			for i := c.Start; i < c.End; i++ {
				if tags[i] != "O" {
					return nil, fmt.Errorf("line %d: article %s sentence %d: names overlap at token %d", x.line, x.id, x.index, i)
				}
				tags[i] = "I-" + c.Type
			}
			tags[c.Start] = "B-" + c.Type
		}
		out = append(out, Sentence{Tokens: append([]string(nil), toks...), Tags: tags})
	}
	return out, nil
}

// parseStandOff reads the lines of a stand-off file without the corpus.
func parseStandOff(r io.Reader) ([]standOffRef, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var refs []standOffRef
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if lineNo == 1 && line != StandOffMagic {
			return nil, fmt.Errorf("line 1: want %q", StandOffMagic)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 && len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 2 (a sentence) or 5 (a name)", lineNo, len(f))
		}
		idx, err := strconv.Atoi(f[1])
		if err != nil || idx < 0 {
			return nil, fmt.Errorf("line %d: bad sentence index %q", lineNo, f[1])
		}
		if len(f) == 2 {
			refs = append(refs, standOffRef{id: f[0], index: idx, line: lineNo})
			continue
		}
		if len(refs) == 0 || refs[len(refs)-1].id != f[0] || refs[len(refs)-1].index != idx {
			return nil, fmt.Errorf("line %d: name of %s sentence %d does not follow that sentence's line", lineNo, f[0], idx)
		}
		first, err1 := strconv.Atoi(f[2])
		last, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || first < 0 || last < first {
			return nil, fmt.Errorf("line %d: bad token range %q–%q", lineNo, f[2], f[3])
		}
		if _, err := NormalizeTag("B-" + f[4]); err != nil || strings.ContainsAny(f[4], " -") {
			return nil, fmt.Errorf("line %d: bad name type %q", lineNo, f[4])
		}
		x := &refs[len(refs)-1]
		x.names = append(x.names, Span{Start: first, End: last + 1, Type: f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", lineNo, err)
	}
	return refs, nil
}

// newsSentences splits an article as the annotated files were made:
// CorpusTokens of the title, then of the content, each split after
// . ! ؟ and every 60 tokens (as UnlabeledNews does).
func newsSentences(title, content string) [][]string {
	var out [][]string
	for _, text := range []string{title, content} {
		out = append(out, splitNewsSentences(CorpusTokens(nil, text))...)
	}
	return out
}

// newsArticleSentences reads SaudiNewsNet and returns the sentences
// (newsSentences) of the articles whose ids are in want, or of every
// article when want is nil.
func newsArticleSentences(want map[string]bool) (map[string][][]string, error) {
	p, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		return nil, fmt.Errorf("stand-off annotation needs SaudiNewsNet: %w", err)
	}
	out := map[string][][]string{}
	var keep func(string) bool
	if want != nil {
		keep = func(id string) bool { return want[id] }
	}
	err = eachNewsArticle(p, keep, func(i int, id, title, content string) {
		if want == nil || want[id] {
			out[id] = newsSentences(title, content)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return out, nil
}

// eachNewsArticle calls fn with the file index, id, title and content of
// every article of SaudiNewsNet's JSONL file (one article a line). When
// keep is not nil, a line whose id (read from the line's start, where the
// file puts it) keep rejects is not decoded: reading a few articles then
// costs little more than decompressing the file.
func eachNewsArticle(path string, keep func(id string) bool, fn func(i int, id, title, content string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	defer zr.Close()
	sc := bufio.NewScanner(bufio.NewReaderSize(zr, 1<<20))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for i := 0; sc.Scan(); i++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			i--
			continue
		}
		if id, ok := lineID(line); ok && keep != nil && !keep(id) {
			continue
		}
		var a struct{ ID, Title, Content string }
		if err := json.Unmarshal(line, &a); err != nil {
			return fmt.Errorf("article %d: %w", i, err)
		}
		fn(i, a.ID, a.Title, a.Content)
	}
	return sc.Err()
}

// lineID returns the id at the start of a SaudiNewsNet JSONL line
// ({"id": "snn-…", …}), if the line starts that way.
func lineID(line []byte) (string, bool) {
	const p = `{"id": "`
	if !bytes.HasPrefix(line, []byte(p)) {
		return "", false
	}
	rest := line[len(p):]
	j := bytes.IndexAny(rest, "\"\\")
	if j < 0 || rest[j] != '"' {
		return "", false
	}
	return string(rest[:j]), true
}
