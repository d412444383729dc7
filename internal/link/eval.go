package link

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"marsad"
	"marsad/internal/kb"
	"marsad/internal/text/tokenize"
)

// The evaluation of linking and coreference (EVALUATION.md, "Entities and
// linking") on articles we annotated ourselves (testdata/gold.tsv, see
// testdata/README.md). The gold lists, per article, each entity with its
// type, English name, Wikidata id where known, and its surface forms; the
// gold mentions are every occurrence of those forms at word boundaries
// (clitics allowed), longest first. A title occurrence directly before or
// after a name of the same entity is an apposition, not a title used alone,
// and is not a gold mention.

// GoldArticle is one annotated article.
type GoldArticle struct {
	ID       string
	Split    string // "dev" (tuned on) or "test" (held out)
	Entities []GoldEntity
}

// GoldEntity is one annotated entity.
type GoldEntity struct {
	Type, NameEn, Wikidata string
	Names, Titles          []string
	Pronouns               []string // phrases whose pronoun word refers to the entity
	Not                    []string // phrases whose words are not mentions (a nisba written like a name)
}

// GoldMention is one gold mention found in the text.
type GoldMention struct {
	Span   marsad.Span
	Kind   string
	Entity int // index into GoldArticle.Entities
}

// LoadGold reads the gold file format.
func LoadGold(r io.Reader) ([]GoldArticle, error) {
	var out []GoldArticle
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		switch {
		case strings.HasPrefix(line, "## "):
			f := strings.Fields(line[3:])
			if len(f) != 2 {
				return nil, fmt.Errorf("gold line %d: want '## id split'", n)
			}
			out = append(out, GoldArticle{ID: f[0], Split: f[1]})
		case strings.HasPrefix(line, "#"), strings.TrimSpace(line) == "":
		default:
			f := strings.Split(line, "\t")
			if len(f) != 4 || len(out) == 0 {
				return nil, fmt.Errorf("gold line %d: want 4 tab-separated fields after an article header", n)
			}
			e := GoldEntity{Type: f[0], NameEn: f[1], Wikidata: f[2]}
			for _, s := range strings.Split(f[3], "|") {
				switch {
				case strings.HasPrefix(s, "t:"):
					e.Titles = append(e.Titles, s[2:])
				case strings.HasPrefix(s, "p:"):
					e.Pronouns = append(e.Pronouns, s[2:])
				case strings.HasPrefix(s, "-:"):
					e.Not = append(e.Not, s[2:])
				case s != "":
					e.Names = append(e.Names, s)
				}
			}
			out[len(out)-1].Entities = append(out[len(out)-1].Entities, e)
		}
	}
	return out, sc.Err()
}

// Mentions finds the gold mentions of g in text.
func (g *GoldArticle) Mentions(text string) []GoldMention {
	toks := tokenize.Tokens(text)
	var words []tokenize.Token
	for _, t := range toks {
		if t.Kind == tokenize.Word {
			words = append(words, t)
		}
	}
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = kb.Key(w.Text)
	}
	type cand struct {
		m     GoldMention
		words int
	}
	var cands []cand
	find := func(surface, kind string, ent int) {
		want := kb.Key(surface)
		if want == "" {
			return
		}
		for i := range words {
			for _, r := range readings(words[i].Text) {
				key := kb.Key(r.prefix + words[i].Text[r.skip:])
				n := 1
				// Token keys may hold two words (عبدالعزيز → عبد العزيز).
				for key != want && strings.HasPrefix(want, key+" ") && i+n < len(words) &&
					strings.TrimSpace(text[words[i+n-1].End:words[i+n].Start]) == "" {
					key += " " + keys[i+n]
					n++
				}
				if key != want {
					continue
				}
				start := words[i].Start + r.skip
				if r.prefix != "" {
					start = words[i].Start
				}
				sp := marsad.Span{Start: start, End: words[i+n-1].End}
				if kind == KindPronoun {
					// The mention is the pronoun word inside the phrase.
					for j := 0; j < n; j++ {
						if pronounWords[keys[i+j]] {
							sp = marsad.Span{Start: words[i+j].Start, End: words[i+j].End}
							break
						}
					}
				}
				cands = append(cands, cand{GoldMention{sp, kind, ent}, n})
				break
			}
		}
	}
	for ei, e := range g.Entities {
		for _, s := range e.Names {
			find(s, KindName, ei)
		}
		for _, s := range e.Titles {
			find(s, KindTitle, ei)
		}
		for _, s := range e.Pronouns {
			find(s, KindPronoun, ei)
		}
		for _, s := range e.Not {
			find(s, "not", ei)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].words != cands[j].words {
			return cands[i].words > cands[j].words
		}
		return cands[i].m.Span.Start < cands[j].m.Span.Start
	})
	var out []GoldMention
	for _, c := range cands {
		clash := false
		for _, o := range out {
			if o.Span.Overlaps(c.m.Span) {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, c.m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	// Drop appositive titles: directly next to a name of the same entity.
	wordAt := func(off int) int { return sort.Search(len(words), func(i int) bool { return words[i].End > off }) }
	nameAt := func(wi, ent int) bool {
		if wi < 0 || wi >= len(words) {
			return false
		}
		for _, m := range out {
			if m.Kind == KindName && m.Entity == ent && m.Span.Overlaps(marsad.Span{Start: words[wi].Start, End: words[wi].End}) {
				return true
			}
		}
		return false
	}
	kept := out[:0]
	for _, m := range out {
		if m.Kind == "not" {
			continue
		}
		if m.Kind == KindTitle {
			first, last := wordAt(m.Span.Start), wordAt(m.Span.End-1)
			next := last + 1
			for next < len(words) && honorifics[keys[next]] {
				next++
			}
			if nameAt(next, m.Entity) || nameAt(first-1, m.Entity) {
				continue
			}
		}
		kept = append(kept, m)
	}
	return kept
}

// ReadSaudiNewsNet loads the articles with the given ids from the
// SaudiNewsNet JSONL.gz (published = the crawl date, which the dataset says
// is the publication date for most articles).
func ReadSaudiNewsNet(path string, ids map[string]bool) (map[string]*marsad.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]*marsad.Article{}
	dec := json.NewDecoder(zr)
	for len(out) < len(ids) {
		var r struct {
			ID, Source, URL, Title, Content string
			Date                            string `json:"date_extracted"`
		}
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if !ids[r.ID] {
			continue
		}
		a := marsad.NewArticle()
		a.ID, a.Source, a.URL, a.Title, a.Text = r.ID, r.Source, r.URL, r.Title, r.Content
		if len(r.Date) >= 10 {
			a.Published = r.Date[:10]
		}
		out[r.ID] = a
	}
	for id := range ids {
		if out[id] == nil {
			return nil, fmt.Errorf("%s: article %s not found", path, id)
		}
	}
	return out, nil
}

// Scores are the linking and coreference measures over a set of articles.
type Scores struct {
	Articles       int
	Gold           int // gold mentions (names, titles, pronouns)
	GoldNames      int
	Correct        int // gold mentions in an entity of the right type and identity
	CorrectNames   int
	CorefGold      int // gold title + pronoun mentions
	CorefPred      int // predicted title + pronoun mentions
	CorefTP        int // predicted title/pronoun mentions of the right entity
	CorefFound     int // gold title/pronoun mentions linked right
	TitleGold      int
	TitleFound     int
	PronounGold    int
	PronounFound   int
	Splits         int // gold entities split over two or more predicted ids in one article
	GoldEntities   int
	PredNames      int // predicted name mentions
	PredNamesWrong int // predicted name mentions overlapping no gold mention (added noise)
	// Errors describes each gold mention linked wrong (for reading, not scoring).
	Errors []string
}

// Accuracy is the share of gold mentions linked to the right entity.
func (s Scores) Accuracy() float64 { return ratio(s.Correct, s.Gold) }

// NameAccuracy is Accuracy over name mentions only.
func (s Scores) NameAccuracy() float64 { return ratio(s.CorrectNames, s.GoldNames) }

// CorefPrecision is the share of predicted title/pronoun mentions that are right.
func (s Scores) CorefPrecision() float64 { return ratio(s.CorefTP, s.CorefPred) }

// CorefRecall is the share of gold title/pronoun mentions linked right.
func (s Scores) CorefRecall() float64 { return ratio(s.CorefFound, s.CorefGold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *Scores) add(o Scores) {
	s.Articles += o.Articles
	s.Gold += o.Gold
	s.GoldNames += o.GoldNames
	s.Correct += o.Correct
	s.CorrectNames += o.CorrectNames
	s.CorefGold += o.CorefGold
	s.CorefPred += o.CorefPred
	s.CorefTP += o.CorefTP
	s.CorefFound += o.CorefFound
	s.TitleGold += o.TitleGold
	s.TitleFound += o.TitleFound
	s.PronounGold += o.PronounGold
	s.PronounFound += o.PronounFound
	s.Splits += o.Splits
	s.GoldEntities += o.GoldEntities
	s.PredNames += o.PredNames
	s.PredNamesWrong += o.PredNamesWrong
	s.Errors = append(s.Errors, o.Errors...)
}

// String prints the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("articles %d, gold mentions %d (names %d, titles %d, pronouns %d): linked right %.1f%% (names %.1f%%); "+
		"coref P %.1f%% R %.1f%% (titles %d/%d, pronouns %d/%d); entities split in an article: %d of %d; predicted names %d, off-gold %d",
		s.Articles, s.Gold, s.GoldNames, s.TitleGold, s.PronounGold, 100*s.Accuracy(), 100*s.NameAccuracy(),
		100*s.CorefPrecision(), 100*s.CorefRecall(), s.TitleFound, s.TitleGold, s.PronounFound, s.PronounGold,
		s.Splits, s.GoldEntities, s.PredNames, s.PredNamesWrong)
}

// MentionSource fills an article's Entities as the NER would.
type MentionSource func(ctx context.Context, a *marsad.Article, gold []GoldMention, g *GoldArticle) error

// OracleNER gives the linker the gold name mentions, grouped as the NER
// groups them: one entity per distinct surface text, with the gold type.
// It measures linking and coreference apart from NER errors.
func OracleNER(ctx context.Context, a *marsad.Article, gold []GoldMention, g *GoldArticle) error {
	a.Entities = oracle(a, gold, g, func(int, GoldMention) bool { return true })
	return nil
}

// DegradedNER is OracleNER missing the mentions a weak NER misses: every
// mention written with a proclitic (لبوتين، وموسكو) and every third other
// one. It measures what recovering knowledge-base names adds.
func DegradedNER(ctx context.Context, a *marsad.Article, gold []GoldMention, g *GoldArticle) error {
	a.Entities = oracle(a, gold, g, func(i int, m GoldMention) bool {
		if m.Span.Start > 0 && isWordByte(a.Text, m.Span.Start) {
			return false
		}
		return i%3 != 2
	})
	return nil
}

// isWordByte reports whether the rune before off is part of a word (so the
// mention starts after a clitic).
func isWordByte(text string, off int) bool {
	r := []rune(text[:off])
	if len(r) == 0 {
		return false
	}
	c := r[len(r)-1]
	return c != ' ' && c != '\n' && c != '\t' && c != '(' && c != '«' && c != '"' && c != '“'
}

func oracle(a *marsad.Article, gold []GoldMention, g *GoldArticle, keep func(int, GoldMention) bool) []marsad.Entity {
	by := map[string]int{}
	var out []marsad.Entity
	i := 0
	for _, m := range gold {
		if m.Kind != KindName {
			continue
		}
		k := keep(i, m)
		i++
		if !k {
			continue
		}
		text := a.Text[m.Span.Start:m.Span.End]
		typ := g.Entities[m.Entity].Type
		key := typ + "\x00" + text
		j, ok := by[key]
		if !ok {
			j = len(out)
			by[key] = j
			out = append(out, marsad.Entity{Name: text, Type: typ})
		}
		out[j].Mentions = append(out[j].Mentions, marsad.Mention{Start: m.Span.Start, End: m.Span.End, Text: text})
	}
	return out
}

// GazetteerNER uses the knowledge-base gazetteer as the mention source.
func GazetteerNER(k *kb.KB) MentionSource {
	g := NewGazetteer(k)
	return func(ctx context.Context, a *marsad.Article, _ []GoldMention, _ *GoldArticle) error {
		return g.Annotate(ctx, a)
	}
}

// Evaluate runs source then the linker on each gold article and scores the
// result. arts holds the article texts by id.
func Evaluate(ctx context.Context, l *Linker, src MentionSource, gold []GoldArticle, arts map[string]*marsad.Article) (Scores, error) {
	var total Scores
	for i := range gold {
		g := &gold[i]
		base := arts[g.ID]
		if base == nil {
			return total, fmt.Errorf("eval: no text for %s", g.ID)
		}
		a := *base
		a.Entities = nil
		gm := g.Mentions(a.Text)
		if err := src(ctx, &a, gm, g); err != nil {
			return total, err
		}
		if err := l.Annotate(ctx, &a); err != nil {
			return total, err
		}
		total.add(score(l.kb, g, gm, &a))
	}
	return total, nil
}

// score compares one article's predicted entities with its gold mentions.
func score(k *kb.KB, g *GoldArticle, gold []GoldMention, a *marsad.Article) Scores {
	s := Scores{Articles: 1, GoldEntities: len(g.Entities)}
	// The KB entity each gold entity is (nil: not in the KB).
	kbOf := make([]*kb.Entity, len(g.Entities))
	for i, e := range g.Entities {
		kbOf[i] = findKB(k, e)
	}
	// Predicted mention → entity index.
	type pm struct {
		span marsad.Span
		kind string
		ent  int
	}
	var preds []pm
	for i, e := range a.Entities {
		for _, m := range e.Mentions {
			kind := m.Kind
			if kind == "" {
				kind = KindName
			}
			preds = append(preds, pm{m.Span(), kind, i})
		}
	}
	// matchOf finds the predicted entity of a gold mention: the prediction
	// overlapping it most, and on a tie the one of the same kind (a place
	// name nested in a title of its governor, أمير منطقة تبوك, is the
	// place's name mention, not the governor's title mention).
	matchOf := func(sp marsad.Span, kind string) int {
		best, bestScore := -1, 0
		for _, p := range preds {
			if p.span.Overlaps(sp) {
				score := 2 * (min(p.span.End, sp.End) - max(p.span.Start, sp.Start))
				if p.kind == kind {
					score++
				}
				if score > bestScore {
					best, bestScore = p.ent, score
				}
			}
		}
		return best
	}
	// Majority predicted id of each gold entity (for entities not in the KB).
	votes := make([]map[string]int, len(g.Entities))
	predOf := make([]int, len(gold))
	for i, m := range gold {
		predOf[i] = matchOf(m.Span, m.Kind)
		if predOf[i] >= 0 {
			if votes[m.Entity] == nil {
				votes[m.Entity] = map[string]int{}
			}
			votes[m.Entity][a.Entities[predOf[i]].ID]++
		}
	}
	major := make([]string, len(g.Entities))
	owner := map[string]int{}
	for i, v := range votes {
		major[i] = argmaxStr(v)
		if major[i] != "" {
			owner[major[i]]++
		}
	}
	right := func(ent, pi int) bool {
		if pi < 0 {
			return false
		}
		p := a.Entities[pi]
		if p.Type != g.Entities[ent].Type {
			return false
		}
		if e := kbOf[ent]; e != nil {
			return p.ID == e.ID
		}
		if pe, ok := k.ByID(p.ID); ok && pe.Trusted() {
			return false // a name not in the KB linked to a KB entity
		}
		return p.ID == major[ent] && owner[p.ID] == 1
	}
	for i, m := range gold {
		s.Gold++
		ok := right(m.Entity, predOf[i])
		if ok {
			s.Correct++
		} else {
			got := "nothing"
			if p := predOf[i]; p >= 0 {
				got = fmt.Sprintf("%s %s %q", a.Entities[p].ID, a.Entities[p].Type, a.Entities[p].Name)
			}
			s.Errors = append(s.Errors, fmt.Sprintf("%s %s %q (%s %s) → %s", g.ID, m.Kind,
				a.Text[m.Span.Start:m.Span.End], g.Entities[m.Entity].Type, g.Entities[m.Entity].NameEn, got))
		}
		switch m.Kind {
		case KindName:
			s.GoldNames++
			if ok {
				s.CorrectNames++
			}
		case KindTitle:
			s.TitleGold++
			s.CorefGold++
			if ok {
				s.TitleFound++
				s.CorefFound++
			}
		case KindPronoun:
			s.PronounGold++
			s.CorefGold++
			if ok {
				s.PronounFound++
				s.CorefFound++
			}
		}
	}
	for e := range g.Entities {
		if len(votes[e]) > 1 {
			s.Splits++
			var ids []string
			for id := range votes[e] {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			s.Errors = append(s.Errors, fmt.Sprintf("%s split %s %s into %v", g.ID, g.Entities[e].Type, g.Entities[e].NameEn, ids))
		}
	}
	for _, p := range preds {
		if p.kind == KindName {
			s.PredNames++
			hit := false
			for _, m := range gold {
				if m.Span.Overlaps(p.span) {
					hit = true
				}
			}
			if !hit {
				s.PredNamesWrong++
				s.Errors = append(s.Errors, fmt.Sprintf("%s extra name %q → %s", g.ID, a.Text[p.span.Start:p.span.End], a.Entities[p.ent].ID))
			}
			continue
		}
		s.CorefPred++
		tp := false
		for i, m := range gold {
			if m.Span.Overlaps(p.span) && right(m.Entity, p.ent) && predOf[i] == p.ent {
				s.CorefTP++
				tp = true
				break
			}
		}
		if !tp {
			s.Errors = append(s.Errors, fmt.Sprintf("%s wrong %s %q@%d → %s %q", g.ID, p.kind, a.Text[p.span.Start:p.span.End], p.span.Start, a.Entities[p.ent].ID, a.Entities[p.ent].Name))
		}
	}
	return s
}

func argmaxStr(m map[string]int) string {
	best, bc := "", 0
	for k, c := range m {
		if c > bc || (c == bc && k < best) {
			best, bc = k, c
		}
	}
	return best
}

// findKB finds the knowledge-base entity a gold entity is: by Wikidata id,
// else by English name.
func findKB(k *kb.KB, g GoldEntity) *kb.Entity {
	var byName *kb.Entity
	for _, e := range k.Entities {
		if !e.Trusted() {
			continue
		}
		if g.Wikidata != "" && e.Wikidata == g.Wikidata {
			return e
		}
		if byName == nil {
			for _, n := range append([]string{e.NameEn}, e.AliasesEn...) {
				if strings.EqualFold(n, g.NameEn) {
					byName = e
				}
			}
		}
	}
	return byName
}
