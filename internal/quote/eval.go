package quote

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/text/clean"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
)

// This file is the evaluation of the quote stage (EVALUATION.md, Quotes):
// the gold format, a reader for the SaudiNewsNet articles it annotates, an
// oracle mention finder standing in for the linker, and the scorer.

// GoldArticle is one annotated article: its entities (each with the names,
// titles and short forms that refer to it in this article) and its
// statements in text order.
type GoldArticle struct {
	ID       string
	Split    string // one of EvalSplits; HeldOut is the blind one
	Entities []GoldEntity
	Items    []GoldItem
}

// GoldEntity is one speaker entity; Names[0] is its canonical name.
type GoldEntity struct {
	ID, Type string
	Names    []string
}

// GoldItem is one statement. Pattern locates its content: a literal
// excerpt, or "first words … last words". Ignored items (attitudes, unnamed
// sources, ambiguous speakers) are neither rewarded nor punished.
type GoldItem struct {
	Speaker string // GoldEntity.ID; "" for ignored items
	Pattern string
	Ignore  bool
	Line    int
}

// Splits are the parts of the gold set: dev, dev2, test2, test3, test4, test5, test6 and
// test7 are tuning data now, test8 is held out (testdata/README.md).
var Splits = map[string]bool{"dev": true, "dev2": true, "test2": true, "test3": true, "test4": true, "test5": true, "test6": true, "test7": true, "test8": true}

// EvalSplits lists the splits in the order the eval command prints them.
var EvalSplits = []string{"dev", "dev2", "test2", "test3", "test4", "test5", "test6", "test7", "test8"}

// HeldOut is the split kept blind (testdata/README.md): scored, never read.
const HeldOut = "test8"

// ParseGold reads the gold format of testdata/quotes-gold.txt:
//
//	article ID dev|dev2|test2|test3|test4|test5|test6|test7|test8
//	entity ID TYPE name | alias | …
//	q SPEAKER-ID pattern
//	x pattern            (ignored: attitude, unnamed or ambiguous speaker)
//
// Lines starting with # are comments.
func ParseGold(r io.Reader) ([]GoldArticle, error) {
	var out []GoldArticle
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		cur := func() (*GoldArticle, error) {
			if len(out) == 0 {
				return nil, fmt.Errorf("gold line %d: %q before any article", n, f[0])
			}
			return &out[len(out)-1], nil
		}
		switch f[0] {
		case "article":
			if len(f) != 3 || !Splits[f[2]] {
				return nil, fmt.Errorf("gold line %d: want `article ID dev|dev2|test2|test3|test4|test5|test6|test7|test8`", n)
			}
			out = append(out, GoldArticle{ID: f[1], Split: f[2]})
		case "entity":
			a, err := cur()
			if err != nil {
				return nil, err
			}
			if len(f) < 4 {
				return nil, fmt.Errorf("gold line %d: want `entity ID TYPE names`", n)
			}
			rest := strings.SplitN(line, " ", 4)[3]
			var names []string
			for _, s := range strings.Split(rest, "|") {
				if s = strings.TrimSpace(s); s != "" {
					names = append(names, s)
				}
			}
			a.Entities = append(a.Entities, GoldEntity{ID: f[1], Type: f[2], Names: names})
		case "q", "x":
			a, err := cur()
			if err != nil {
				return nil, err
			}
			it := GoldItem{Line: n, Ignore: f[0] == "x"}
			parts := strings.SplitN(line, " ", 3)
			if it.Ignore {
				it.Pattern = strings.TrimSpace(strings.SplitN(line, " ", 2)[1])
			} else {
				if len(parts) != 3 {
					return nil, fmt.Errorf("gold line %d: want `q SPEAKER pattern`", n)
				}
				it.Speaker, it.Pattern = parts[1], strings.TrimSpace(parts[2])
				if findEntity(a.Entities, it.Speaker) == nil {
					return nil, fmt.Errorf("gold line %d: speaker %q is not an entity of %s", n, it.Speaker, a.ID)
				}
			}
			a.Items = append(a.Items, it)
		default:
			return nil, fmt.Errorf("gold line %d: unknown record %q", n, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	return out, nil
}

func findEntity(es []GoldEntity, id string) *GoldEntity {
	for i := range es {
		if es[i].ID == id {
			return &es[i]
		}
	}
	return nil
}

// GoldPath finds testdata/quotes-gold.txt of this package from the working
// directory (the repository root or any directory below it).
func GoldPath() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		for _, p := range []string{
			filepath.Join(dir, "internal", "quote", "testdata", "quotes-gold.txt"),
			filepath.Join(dir, "testdata", "quotes-gold.txt"),
		} {
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("quotes-gold.txt not found above %s", wd)
		}
	}
}

// RawArticle is an article as stored in SaudiNewsNet.
type RawArticle struct {
	ID      string `json:"id"`
	Source  string `json:"source"`
	URL     string `json:"url"`
	Date    string `json:"date_extracted"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// ReadSaudiNewsNet returns the SaudiNewsNet articles with the given ids.
func ReadSaudiNewsNet(ids map[string]bool) (map[string]RawArticle, error) {
	path, err := dataset.File("saudinewsnet", "saudinewsnet.jsonl.gz")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("saudinewsnet: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("saudinewsnet %s: %w", path, err)
	}
	out := map[string]RawArticle{}
	br := bufio.NewReaderSize(zr, 1<<20)
	for len(out) < len(ids) {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			// The id is the first field; decode only the lines wanted.
			if i := strings.Index(string(line[:min(len(line), 64)]), `"snn-`); i >= 0 {
				j := strings.IndexByte(string(line[i+1:min(len(line), 80)]), '"')
				if j > 0 && ids[string(line[i+1:i+1+j])] {
					var a RawArticle
					if err := json.Unmarshal(line, &a); err != nil {
						return nil, fmt.Errorf("saudinewsnet %s: %w", path, err)
					}
					out[a.ID] = a
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("saudinewsnet %s: %w", path, err)
		}
	}
	for id := range ids {
		if _, ok := out[id]; !ok {
			return nil, fmt.Errorf("saudinewsnet: article %s not found", id)
		}
	}
	return out, nil
}

// Prepare cleans a raw article and splits it into sentences, as the
// pipeline does before the quote stage. Entities are left empty.
func Prepare(r RawArticle) *marsad.Article {
	a := marsad.NewArticle()
	c := clean.Text(r.Content)
	a.ID, a.Source, a.URL, a.Title, a.Text = r.ID, r.Source, r.URL, r.Title, c.Text
	if len(r.Date) >= 10 {
		a.Published = r.Date[:10]
	}
	a.Paragraphs = c.Paragraphs
	a.Sentences = sentence.Split(c.Text)
	return a
}

// OracleEntities stands in for NER and linking: it adds the gold entities
// with a mention at every occurrence of one of their names in the text
// (with a clitic proclitic allowed before it: وبوتين، لترامب). Scores
// measured with it are those of the quote stage given perfect linking.
func OracleEntities(a *marsad.Article, g GoldArticle) {
	norm, orig := searchForm(a.Text)
	type cand struct {
		s, e, ent int
		name      string
	}
	var cs []cand
	for ei, e := range g.Entities {
		for _, n := range e.Names {
			p := collapseSpaces(normalize.Search(n))
			if p == "" {
				continue
			}
			for from := 0; ; {
				k := strings.Index(norm[from:], p)
				if k < 0 {
					break
				}
				s, end := from+k, from+k+len(p)
				from = s + 1
				if !wordEdgeBefore(norm, s) || !wordEdgeAfter(norm, end) {
					continue
				}
				cs = append(cs, cand{s: orig[s], e: orig[end], ent: ei, name: n})
			}
		}
	}
	// Longest first; a shorter name inside a longer mention is not another.
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].e-cs[i].s > cs[j].e-cs[j].s })
	var taken []marsad.Span
	ents := make([]marsad.Entity, len(g.Entities))
	for i, e := range g.Entities {
		ents[i] = marsad.Entity{ID: "gold:" + e.ID, Name: e.Names[0], Type: e.Type, Mentions: []marsad.Mention{}}
	}
outer:
	for _, c := range cs {
		sp := marsad.Span{Start: c.s, End: c.e}
		for _, t := range taken {
			if t.Overlaps(sp) {
				continue outer
			}
		}
		taken = append(taken, sp)
		ents[c.ent].Mentions = append(ents[c.ent].Mentions, marsad.Mention{Start: c.s, End: c.e, Text: a.Text[c.s:c.e]})
	}
	for i := range ents {
		sort.Slice(ents[i].Mentions, func(x, y int) bool { return ents[i].Mentions[x].Start < ents[i].Mentions[y].Start })
	}
	a.Entities = append(a.Entities, ents...)
}

// wordEdgeBefore: position s of the search form starts a word, possibly
// after clitic proclitics (و، ف، ب، ل، ك).
func wordEdgeBefore(norm string, s int) bool {
	k := s
	for n := 0; n < 3 && k > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(norm[:k])
		if !strings.ContainsRune("وفبلك", r) {
			break
		}
		k -= size
	}
	for _, at := range []int{s, k} {
		if at == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(norm[:at])
		if !isWordRune(r) {
			return true
		}
	}
	return false
}

func wordEdgeAfter(norm string, e int) bool {
	if e >= len(norm) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(norm[e:])
	return !isWordRune(r)
}

// searchForm returns the search normalization of text with runs of space
// collapsed, and for every byte of it the offset in text it came from.
func searchForm(text string) (string, []int) {
	var b strings.Builder
	orig := make([]int, 0, len(text)+1)
	space := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				orig = append(orig, i)
			}
			space = true
			continue
		}
		space = false
		m := normalize.SearchRune(r)
		if m < 0 {
			continue
		}
		n, _ := b.WriteRune(m)
		for k := 0; k < n; k++ {
			orig = append(orig, i)
		}
	}
	orig = append(orig, len(text))
	// A span ending after the last byte of a rune maps to the next rune's
	// start, which is where orig of the following byte points.
	return b.String(), orig
}

func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// resolve finds an item's content span in the text, at or after cursor
// (in the search form). It returns byte offsets into the text.
func resolve(norm string, orig []int, pattern string, cursor int) (s, e, next int, err error) {
	parts := strings.SplitN(pattern, "…", 2)
	head := collapseSpaces(normalize.Search(parts[0]))
	if head == "" {
		return 0, 0, cursor, fmt.Errorf("empty pattern %q", pattern)
	}
	k := strings.Index(norm[cursor:], head)
	if k < 0 {
		return 0, 0, cursor, fmt.Errorf("pattern %q not found", pattern)
	}
	ns, ne := cursor+k, cursor+k+len(head)
	if len(parts) == 2 {
		tail := collapseSpaces(normalize.Search(parts[1]))
		t := strings.Index(norm[ne:], tail)
		if tail == "" || t < 0 {
			return 0, 0, cursor, fmt.Errorf("pattern %q: end not found", pattern)
		}
		ne = ne + t + len(tail)
	}
	return orig[ns], endOffset(orig, ne), ns, nil
}

// endOffset maps an exclusive end in the search form to the text: the
// start of the rune that produced the next byte.
func endOffset(orig []int, ne int) int {
	if ne >= len(orig)-1 {
		return orig[len(orig)-1]
	}
	return orig[ne]
}

// Score is the attribution score: a predicted quote is right when its span
// contains the gold content and its speaker is the gold speaker.
type Score struct {
	Articles, Gold, Predicted int
	TP, FP, FN                int
	Neutral                   int // predictions on ignored statements
}

// P, R and F1 of the score.
func (s Score) P() float64  { return ratio(s.TP, s.TP+s.FP) }
func (s Score) R() float64  { return ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64 { return f1(s.P(), s.R()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) String() string {
	return fmt.Sprintf("articles %d, gold statements %d, predicted %d (neutral %d): TP %d FP %d FN %d  P %.3f R %.3f F1 %.3f",
		s.Articles, s.Gold, s.Predicted, s.Neutral, s.TP, s.FP, s.FN, s.P(), s.R(), s.F1())
}

// Error is one scoring error, for reading what went wrong.
type Error struct {
	Article, Kind string // "missed" or "spurious"
	Speaker, Text string
	Line          int // gold line for a missed statement
	// Class says why a statement was missed: ClassSpeaker (a predicted
	// quote covers the content but names another speaker, Got),
	// ClassBoundary (a prediction overlaps the content without covering
	// it, or covers it and another statement too) or ClassMissing (nothing
	// predicted there).
	Class, Got string
}

// Classes of missed statements.
const (
	ClassSpeaker  = "speaker"
	ClassBoundary = "boundary"
	ClassMissing  = "missing"
)

// Spans locates every item of the annotation in text, in order, as byte
// spans: a pattern is a literal or "first words … last words", matched in
// the search normalization, each searched from the start of the previous
// one. The second annotator's comparison (internal/agreement) resolves its
// items the same way.
func (g GoldArticle) Spans(text string) ([]marsad.Span, error) {
	norm, orig := searchForm(text)
	out := make([]marsad.Span, 0, len(g.Items))
	cursor := 0
	for _, it := range g.Items {
		s, e, next, err := resolve(norm, orig, it.Pattern, cursor)
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", g.ID, it.Line, err)
		}
		cursor = next
		out = append(out, marsad.Span{Start: s, End: e})
	}
	return out, nil
}

// ScoreArticle scores the quotes of an annotated article against its gold.
// The speaker matches when the predicted entity (by id, or by name when
// the ids come from another linker) or, for an unlinked speaker, the
// speaker_name is one of the gold entity's names or two or more
// consecutive words of one; an unlinked speaker_name may also contain a
// gold name of two or more words.
func ScoreArticle(a *marsad.Article, g GoldArticle) (Score, []Error, error) {
	type goldSpan struct {
		marsad.Span
		it GoldItem
	}
	spans, err := g.Spans(a.Text)
	if err != nil {
		return Score{}, nil, fmt.Errorf("gold %w", err)
	}
	gs := make([]goldSpan, len(spans))
	for i, sp := range spans {
		gs[i] = goldSpan{sp, g.Items[i]}
	}
	names := map[string]string{} // predicted entity id → name
	for _, e := range a.Entities {
		names[e.ID] = e.Name
	}
	speakerOK := func(q marsad.Quote, ge *GoldEntity) bool {
		if q.Speaker != "" && q.Speaker == "gold:"+ge.ID {
			return true
		}
		if q.Speaker == "" {
			return nameOK(q.SpeakerName, ge, true)
		}
		// A linked speaker is judged by its entity's name, or by the
		// speaker_name when that is the same name spelled out more fully
		// or less cluttered (فيصل → فيصل الفضل، المحلل روتيج → روتيج):
		// the entity is then the same one, and the name is what users see.
		en := names[q.Speaker]
		if nameOK(en, ge, false) {
			return true
		}
		return q.SpeakerName != en && sameName(q.SpeakerName, en) && nameOK(q.SpeakerName, ge, false)
	}
	var sc Score
	var errs []Error
	used := make([]bool, len(a.Quotes))
	sc.Articles = 1
	sc.Predicted = len(a.Quotes)
	for _, gsp := range gs {
		if gsp.it.Ignore {
			continue
		}
		sc.Gold++
		ge := findEntity(g.Entities, gsp.it.Speaker)
		hit := false
		for pi, q := range a.Quotes {
			if used[pi] || !(marsad.Span{Start: q.Start, End: q.End}).Contains(gsp.Span) || !speakerOK(q, ge) {
				continue
			}
			used[pi], hit = true, true
			break
		}
		if hit {
			sc.TP++
			continue
		}
		sc.FN++
		x := Error{Article: g.ID, Kind: "missed", Speaker: ge.Names[0], Text: a.Text[gsp.Start:gsp.End], Line: gsp.it.Line, Class: ClassMissing}
		for _, q := range a.Quotes {
			qs := marsad.Span{Start: q.Start, End: q.End}
			switch {
			case qs.Contains(gsp.Span) && speakerOK(q, ge):
				// Right, but already used for another statement: two
				// statements merged into one.
				x.Class, x.Got = ClassBoundary, predictedName(q, names)
			case qs.Contains(gsp.Span):
				x.Class, x.Got = ClassSpeaker, predictedName(q, names)
			case qs.Overlaps(gsp.Span) && x.Class == ClassMissing:
				x.Class, x.Got = ClassBoundary, predictedName(q, names)
			}
			if x.Class == ClassSpeaker {
				break
			}
		}
		errs = append(errs, x)
	}
	for pi, q := range a.Quotes {
		if used[pi] {
			continue
		}
		neutral := false
		for _, gsp := range gs {
			if gsp.it.Ignore && gsp.Overlaps(marsad.Span{Start: q.Start, End: q.End}) {
				neutral = true
				break
			}
		}
		if neutral {
			sc.Neutral++
			continue
		}
		sc.FP++
		name := q.SpeakerName
		errs = append(errs, Error{Article: g.ID, Kind: "spurious", Speaker: name, Text: q.Text})
	}
	return sc, errs, nil
}

// nameOK reports whether name is one of the gold entity's names (compound
// parts joined or apart) or two or more consecutive words of one; an
// unlinked name may also spell out a gold name of two or more words (د. بدر
// السمحان المدير الإقليمي).
func nameOK(name string, ge *GoldEntity, unlinked bool) bool {
	n := collapseSpaces(normalize.Search(name))
	if n == "" {
		return false
	}
	for _, gn := range ge.Names {
		g := collapseSpaces(normalize.Search(gn))
		if g == n || partOfName(n, g) || joined(g) == joined(n) || withNisba(n, g) {
			return true
		}
		if unlinked && len(strings.Fields(g)) >= 2 && strings.Contains(" "+n+" ", " "+g+" ") {
			return true
		}
	}
	return false
}

// withNisba reports whether pred is the gold name qualified by one
// definite nisba adjective: the linker names a government body by its
// country (وزارة الداخلية السعودية for the gold's وزارة الداخلية), and
// that names the same body.
func withNisba(pred, gold string) bool {
	rest, ok := strings.CutPrefix(pred, gold+" ")
	if !ok || strings.Contains(rest, " ") || !strings.HasPrefix(rest, "ال") {
		return false
	}
	// An elative (الأعلى، الأدنى: ال + أفعل) ends like a nisba in search
	// form (الاعلي) and says which body, not which country.
	if r := []rune(rest); len(r) == 6 && r[2] == 'ا' {
		return false
	}
	return strings.HasSuffix(rest, "ي") || strings.HasSuffix(rest, "يه")
}

// joined is a name without spaces: compound names are written joined or
// apart (نصرالله، نصر الله؛ عبدالله، عبد الله; عزالدين، عز الدين).
func joined(name string) string { return strings.ReplaceAll(name, " ", "") }

// sameName reports whether one of two names is a run of whole words of
// the other. An initial's dot is no part of its word (كيه. شانموجام has
// the word كيه).
func sameName(a, b string) bool {
	dots := strings.NewReplacer(".", " ")
	a, b = collapseSpaces(normalize.Search(dots.Replace(a))), collapseSpaces(normalize.Search(dots.Replace(b)))
	if a == "" || b == "" {
		return false
	}
	return strings.Contains(" "+a+" ", " "+b+" ") || strings.Contains(" "+b+" ", " "+a+" ")
}

// predictedName is the speaker of a predicted quote as the scorer reads
// it: the linked entity's name, else the phrase.
func predictedName(q marsad.Quote, names map[string]string) string {
	if q.Speaker != "" {
		return names[q.Speaker]
	}
	if q.SpeakerName == "" {
		return "?"
	}
	return q.SpeakerName + " (unlinked)"
}

// partOfName reports whether the predicted name is two or more
// consecutive words of the gold name: a linker that found "داريو غوميز"
// for هرنان داريو غوميز still points at the right person.
func partOfName(pred, gold string) bool {
	p, g := strings.Fields(pred), strings.Fields(gold)
	if len(p) < 2 || len(p) > len(g) {
		return false
	}
	for i := 0; i+len(p) <= len(g); i++ {
		if strings.Join(g[i:i+len(p)], " ") == strings.Join(p, " ") {
			return true
		}
	}
	return false
}

// Add sums scores.
func (s Score) Add(o Score) Score {
	return Score{
		Articles: s.Articles + o.Articles, Gold: s.Gold + o.Gold, Predicted: s.Predicted + o.Predicted,
		TP: s.TP + o.TP, FP: s.FP + o.FP, FN: s.FN + o.FN, Neutral: s.Neutral + o.Neutral,
	}
}

// ReadGoldArticles returns the SaudiNewsNet articles the gold set annotates.
func ReadGoldArticles(gold []GoldArticle) (map[string]RawArticle, error) {
	ids := map[string]bool{}
	for _, g := range gold {
		ids[g.ID] = true
	}
	raws, err := ReadSaudiNewsNet(ids)
	if err != nil {
		return nil, fmt.Errorf("quote eval: %w", err)
	}
	return raws, nil
}

// Evaluate annotates each gold article of the split ("dev", "dev2",
// "test2" or "all") and scores it. raws holds the articles (ReadGoldArticles);
// prepare turns one into an article ready for the quote stage (text,
// sentences, entities: OraclePrepare, or the real pipeline); annotate is
// the quote stage.
func Evaluate(ctx context.Context, gold []GoldArticle, split string, raws map[string]RawArticle,
	prepare func(context.Context, RawArticle, GoldArticle) (*marsad.Article, error),
	annotate func(context.Context, *marsad.Article) error) (Score, []Error, error) {
	var total Score
	var errs []Error
	n := 0
	for _, g := range gold {
		if split != "all" && g.Split != split {
			continue
		}
		n++
		raw, ok := raws[g.ID]
		if !ok {
			return Score{}, nil, fmt.Errorf("quote eval: article %s not loaded", g.ID)
		}
		a, err := prepare(ctx, raw, g)
		if err != nil {
			return Score{}, nil, fmt.Errorf("quote eval %s: %w", g.ID, err)
		}
		if err := annotate(ctx, a); err != nil {
			return Score{}, nil, fmt.Errorf("quote eval %s: %w", g.ID, err)
		}
		s, e, err := ScoreArticle(a, g)
		if err != nil {
			return Score{}, nil, err
		}
		total = total.Add(s)
		errs = append(errs, e...)
	}
	if n == 0 {
		return Score{}, nil, fmt.Errorf("quote eval: no gold articles in split %q", split)
	}
	return total, errs, nil
}

// OraclePrepare is the prepare step of Evaluate with gold entities in
// place of NER and linking.
func OraclePrepare(_ context.Context, r RawArticle, g GoldArticle) (*marsad.Article, error) {
	a := Prepare(r)
	OracleEntities(a, g)
	return a, nil
}
