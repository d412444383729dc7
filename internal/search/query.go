package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
)

// Kinds of search hits.
const (
	KindArticle = "article"
	KindQuote   = "quote"
)

// Query is one search request. Zero fields do not filter.
type Query struct {
	Text string `json:"q"`
	// Kind is KindArticle (default) or KindQuote.
	Kind    string   `json:"kind,omitempty"`
	Sources []string `json:"sources,omitempty"`
	// From and To bound the publication day, inclusive (YYYY-MM-DD).
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Entity keeps articles that mention the entity (quotes of articles
	// that do); Speaker keeps quotes by the speaker (articles quoting him).
	Entity  string `json:"entity,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	Limit   int    `json:"limit,omitempty"`
	Offset  int    `json:"offset,omitempty"`
}

// MaxLimit bounds one page of results.
const MaxLimit = 100

// Snippet is a passage of an article with the query's words highlighted.
// Start/End and every highlight are byte offsets into the article's text.
type Snippet struct {
	Text       string        `json:"text"`
	Start      int           `json:"start"`
	End        int           `json:"end"`
	Highlights []marsad.Span `json:"highlights"`
}

// Hit is one search result.
type Hit struct {
	Kind      string  `json:"kind"`
	Article   string  `json:"article"`
	Story     string  `json:"story"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	URL       string  `json:"url,omitempty"`
	Score     float64 `json:"score"` // bm25, higher is better
	// For quotes: the speaker and the quote's span in the article.
	Speaker     string  `json:"speaker,omitempty"`
	SpeakerName string  `json:"speaker_name,omitempty"`
	Start       int     `json:"start,omitempty"`
	End         int     `json:"end,omitempty"`
	Snippet     Snippet `json:"snippet"`
}

// Results is one page of hits.
type Results struct {
	Query Query `json:"query"`
	// Terms are the analyzed query terms (search form, for debugging; not
	// meant for display).
	Terms []string `json:"terms"`
	Total int      `json:"total"`
	Hits  []Hit    `json:"hits"`
	// Any is true when no article had every term and the hits are those
	// with some of them.
	Any bool `json:"any,omitempty"`
}

// ftsString quotes a term as an FTS5 string.
func ftsString(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// matchExpr builds the FTS5 MATCH expression: every term (AND) or any
// (OR). A query term matches a primary stem or an alternative reading.
func matchExpr(ts []string, and bool) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = ftsString(t)
	}
	if and {
		return strings.Join(parts, " AND ")
	}
	return strings.Join(parts, " OR ")
}

// phraseExpr matches the terms as a phrase in the title or the body.
func phraseExpr(ts []string) string {
	return `{title body} : ` + ftsString(strings.Join(ts, " "))
}

// Search runs q. An empty query with filters lists the matching articles,
// newest first.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	if q.Limit <= 0 {
		q.Limit = 10
	}
	q.Limit = min(q.Limit, MaxLimit)
	q.Offset = max(q.Offset, 0)
	if q.Kind == "" {
		q.Kind = KindArticle
	}
	if q.Kind != KindArticle && q.Kind != KindQuote {
		return nil, fmt.Errorf("search: %w: kind %q (want article or quote)", marsad.ErrInvalid, q.Kind)
	}
	ts := ix.an.QueryTerms(q.Text)
	res := &Results{Query: q, Terms: ts, Hits: []Hit{}}
	if len(ts) == 0 && strings.TrimSpace(q.Text) != "" {
		return res, nil // only stop words or punctuation
	}
	var err error
	res.Total, res.Hits, err = ix.run(ctx, q, ts, true)
	if err == nil && res.Total == 0 && len(ts) > 1 {
		res.Any = true
		res.Total, res.Hits, err = ix.run(ctx, q, ts, false)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (ix *Index) run(ctx context.Context, q Query, ts []string, and bool) (int, []Hit, error) {
	var (
		from  string
		where []string
		args  []any
		score string
		order string
		// orderArgs are the parameters of order, bound after where's.
		orderArgs []any
	)
	quotes := q.Kind == KindQuote
	switch {
	case quotes && len(ts) > 0:
		from = `search_quote_fts f JOIN search_quotes q ON q.rowid = f.rowid JOIN search_articles a ON a.rowid = q.article`
		where = append(where, `search_quote_fts MATCH ?`)
		args = append(args, matchExpr(ts, and))
		score, order = `-bm25(search_quote_fts, 1.0, 0.4)`, `score DESC, a.day DESC`
	case quotes:
		from = `search_quotes q JOIN search_articles a ON a.rowid = q.article`
		score, order = `0.0`, `a.day DESC, q.rowid`
	case len(ts) > 0:
		from = `search_article_fts f JOIN search_articles a ON a.rowid = f.rowid`
		where = append(where, `search_article_fts MATCH ?`)
		args = append(args, matchExpr(ts, and))
		// The title weighs most; alternative clitic readings least.
		score, order = `-bm25(search_article_fts, 3.0, 1.0, 0.4)`, `score DESC, a.day DESC`
		if len(ts) > 1 {
			// Articles with the query's words as a phrase (مجلس الأمن)
			// rank before those with the words apart.
			order = `(a.rowid IN (SELECT rowid FROM search_article_fts WHERE search_article_fts MATCH ?)) DESC, ` + order
			orderArgs = append(orderArgs, phraseExpr(ts))
		}
	default:
		from = `search_articles a`
		score, order = `0.0`, `a.day DESC, a.rowid DESC`
	}
	if len(q.Sources) > 0 {
		where = append(where, `a.source IN (`+strings.TrimSuffix(strings.Repeat("?,", len(q.Sources)), ",")+`)`)
		for _, s := range q.Sources {
			args = append(args, s)
		}
	}
	if q.From != "" {
		where = append(where, `a.day >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, `a.day <= ?`)
		args = append(args, q.To)
	}
	if q.Entity != "" {
		where = append(where, `a.rowid IN (SELECT m.article FROM search_mentions m JOIN search_entities e ON e.rowid = m.entity WHERE e.id = ?)`)
		args = append(args, q.Entity)
	}
	if q.Speaker != "" {
		if quotes {
			where = append(where, `q.speaker = ?`)
		} else {
			where = append(where, `a.rowid IN (SELECT article FROM search_quotes WHERE speaker = ?)`)
		}
		args = append(args, q.Speaker)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM `+from+cond, args...).Scan(&total); err != nil {
		return 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if total == 0 || q.Offset >= total {
		return total, []Hit{}, nil
	}
	cols := `a.id, a.story, a.title, a.source, a.published, a.url, a.text, ` + score + ` AS score`
	if quotes {
		cols += `, q.speaker, q.speaker_name, q.start, q.end`
	}
	qargs := append(append(append([]any{}, args...), orderArgs...), q.Limit, q.Offset)
	rows, err := ix.r.QueryContext(ctx, `SELECT `+cols+` FROM `+from+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`, qargs...)
	if err != nil {
		return 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	want := map[string]bool{}
	for _, t := range ts {
		want[t] = true
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		var text string
		dest := []any{&h.Article, &h.Story, &h.Title, &h.Source, &h.Published, &h.URL, &text, &h.Score}
		if quotes {
			dest = append(dest, &h.Speaker, &h.SpeakerName, &h.Start, &h.End)
		}
		if err := rows.Scan(dest...); err != nil {
			return 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		h.Kind = q.Kind
		if quotes {
			h.Snippet = ix.snippetIn(text, marsad.Span{Start: h.Start, End: h.End}, want)
		} else {
			h.Snippet = ix.Snippet(text, want)
		}
		hits = append(hits, h)
	}
	return total, hits, rows.Err()
}

// snippetMax bounds a snippet's length in bytes (about 30 Arabic words).
const snippetMax = 320

// Snippet picks the sentence of text with the most distinct query terms
// (the first sentence when none matches), trims it to about snippetMax
// bytes around its matches, and returns it with the matching words'
// spans. want holds search-form query terms.
func (ix *Index) Snippet(text string, want map[string]bool) Snippet {
	sents := sentence.Split(text)
	if len(sents) == 0 {
		sents = []marsad.Span{{Start: 0, End: len(text)}}
	}
	// Choose the sentence by the words' primary stems only, which find
	// nearly every match; the alternative readings, ten times costlier,
	// are computed for the chosen sentence alone.
	// A word matches only if its search form contains the term (stems
	// are substrings of their words) or a spelling the term folds from;
	// sentences without any such substring are skipped unanalysed.
	var needles []string
	for t := range want {
		needles = append(needles, ix.an.spellings(t)...)
	}
	best, bestN := sents[0], 0
	seen := map[string]bool{}
	for _, s := range sents {
		ns := normalize.Search(text[s.Start:s.End])
		if !slices.ContainsFunc(needles, func(n string) bool { return strings.Contains(ns, n) }) {
			continue
		}
		clear(seen)
		for _, t := range ix.an.analyze(text[s.Start:s.End], false) {
			if want[t.Text] {
				seen[t.Text] = true
			}
		}
		if len(seen) > bestN {
			best, bestN = s, len(seen)
		}
	}
	return ix.snippetIn(text, best, want)
}

type match struct {
	term string
	span marsad.Span
}

// matches finds the words of text inside s whose stem or alternative
// reading is a wanted term.
func (ix *Index) matches(text string, s marsad.Span, want map[string]bool) []match {
	if !s.Valid(len(text)) || len(want) == 0 {
		return nil
	}
	var out []match
	for _, t := range ix.an.Analyze(text[s.Start:s.End]) {
		sp := marsad.Span{Start: s.Start + t.Start, End: s.Start + t.End}
		if want[t.Text] {
			out = append(out, match{t.Text, sp})
			continue
		}
		for _, a := range t.Alt {
			if want[a] {
				out = append(out, match{a, sp})
				break
			}
		}
	}
	return out
}

// snippetIn returns span s of text (trimmed to snippetMax bytes around its
// first match) with its matches highlighted.
func (ix *Index) snippetIn(text string, s marsad.Span, want map[string]bool) Snippet {
	if !s.Valid(len(text)) {
		return Snippet{Highlights: []marsad.Span{}}
	}
	ms := ix.matches(text, s, want)
	if s.Len() > snippetMax {
		start := s.Start
		if len(ms) > 0 {
			start = max(s.Start, ms[0].span.Start-snippetMax/4)
		}
		end := min(s.End, start+snippetMax)
		start, end = wordStart(text, start, s.Start), wordEnd(text, end, s.End)
		s = marsad.Span{Start: start, End: end}
	}
	out := Snippet{Text: text[s.Start:s.End], Start: s.Start, End: s.End, Highlights: []marsad.Span{}}
	for _, m := range ms {
		if s.Contains(m.span) {
			out.Highlights = append(out.Highlights, m.span)
		}
	}
	return out
}

// wordStart moves i back (not before lo) to the start of the word it is
// in, on a rune boundary.
func wordStart(text string, i, lo int) int {
	for i > lo && !utf8.RuneStart(text[i]) {
		i--
	}
	for i > lo {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r == ' ' || r == '\n' {
			break
		}
		i -= size
	}
	return i
}

// wordEnd moves i forward (not past hi) to the end of the word it is in.
func wordEnd(text string, i, hi int) int {
	for i < hi && !utf8.RuneStart(text[i]) {
		i++
	}
	for i < hi {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' || r == '\n' {
			break
		}
		i += size
	}
	return i
}

// EntityHit is an entity found by name: the linked entity, not a string.
type EntityHit struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	NameEn   string  `json:"name_en"`
	Type     string  `json:"type"`
	Wikidata string  `json:"wikidata,omitempty"`
	Articles int     `json:"articles"`
	Mentions int     `json:"mentions"`
	Score    float64 `json:"score"`
}

// Entities finds the entities one of whose names, clitic forms or titles
// contains every word of q (لبوتين, الرئيس الروسي and Putin all find
// Vladimir Putin), best match first, the most mentioned first among equals.
func (ix *Index) Entities(ctx context.Context, q string, limit int) ([]EntityHit, error) {
	if limit <= 0 || limit > MaxLimit {
		limit = 10
	}
	ts := ix.an.QueryTerms(q)
	if len(ts) == 0 {
		return []EntityHit{}, nil
	}
	rows, err := ix.r.QueryContext(ctx, `
		SELECT e.id, e.name, e.name_en, e.type, e.wikidata, -bm25(search_entity_fts) AS score,
			(SELECT count(DISTINCT article) FROM search_mentions m WHERE m.entity = e.rowid),
			(SELECT count(*) FROM search_mentions m WHERE m.entity = e.rowid)
		FROM search_entity_fts f JOIN search_entities e ON e.rowid = f.rowid
		WHERE search_entity_fts MATCH ?
		ORDER BY score DESC LIMIT ?`, matchExpr(ts, true), limit*4)
	if err != nil {
		return nil, fmt.Errorf("search entities %q: %w", q, err)
	}
	defer rows.Close()
	out := []EntityHit{}
	for rows.Next() {
		var h EntityHit
		if err := rows.Scan(&h.ID, &h.Name, &h.NameEn, &h.Type, &h.Wikidata, &h.Score, &h.Articles, &h.Mentions); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// bm25 over a bag of names barely separates entities; how often the
	// press names an entity is the better prior among good matches.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Score > 0.8*out[0].Score) != (b.Score > 0.8*out[0].Score) {
			return a.Score > b.Score
		}
		return a.Mentions > b.Mentions
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
