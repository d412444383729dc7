package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"marsad"
)

// Entity returns the indexed entity id with its article and mention
// counts, or an error wrapping marsad.ErrNotFound.
func (ix *Index) Entity(ctx context.Context, id string) (*EntityHit, error) {
	var h EntityHit
	err := ix.r.QueryRowContext(ctx, `
		SELECT e.id, e.name, e.name_en, e.type, e.wikidata,
			(SELECT count(DISTINCT article) FROM search_mentions m WHERE m.entity = e.rowid),
			(SELECT count(*) FROM search_mentions m WHERE m.entity = e.rowid)
		FROM search_entities e WHERE e.id = ?`, id).Scan(&h.ID, &h.Name, &h.NameEn, &h.Type, &h.Wikidata, &h.Articles, &h.Mentions)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", id, marsad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", id, err)
	}
	return &h, nil
}

// MentionHit is one mention of an entity, in the sentence around it.
type MentionHit struct {
	Article   string  `json:"article"`
	Story     string  `json:"story"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	Text      string  `json:"text"`
	Kind      string  `json:"kind,omitempty"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Context   Snippet `json:"context"`
}

// Mentions lists the mentions of entity id, newest articles first.
func (ix *Index) Mentions(ctx context.Context, id string, limit, offset int) ([]MentionHit, int, error) {
	limit, offset = page(limit, offset)
	var total int
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM search_mentions m JOIN search_entities e ON e.rowid = m.entity WHERE e.id = ?`, id).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("mentions of %q: %w", id, err)
	}
	rows, err := ix.r.QueryContext(ctx, `
		SELECT a.id, a.story, a.title, a.source, a.published, a.text, m.kind, m.start, m.end
		FROM search_mentions m JOIN search_entities e ON e.rowid = m.entity JOIN search_articles a ON a.rowid = m.article
		WHERE e.id = ? ORDER BY a.day DESC, a.rowid DESC, m.start LIMIT ? OFFSET ?`, id, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("mentions of %q: %w", id, err)
	}
	defer rows.Close()
	out := []MentionHit{}
	for rows.Next() {
		var h MentionHit
		var text string
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Published, &text, &h.Kind, &h.Start, &h.End); err != nil {
			return nil, 0, err
		}
		sp := marsad.Span{Start: h.Start, End: h.End}
		if !sp.Valid(len(text)) {
			continue
		}
		h.Text = text[h.Start:h.End]
		h.Context = around(text, sp)
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// around is the sentence-sized context of span sp, with sp highlighted.
func around(text string, sp marsad.Span) Snippet {
	start := wordStart(text, max(0, sp.Start-snippetMax/2), 0)
	end := wordEnd(text, min(len(text), sp.End+snippetMax/2), len(text))
	// Stop at sentence ends and line breaks on either side.
	for i := sp.Start - 1; i >= start; i-- {
		if c := text[i]; c == '\n' || c == '.' || c == '!' || c == '?' {
			start = i + 1
			break
		}
	}
	for i := sp.End; i < end; i++ {
		if c := text[i]; c == '\n' || c == '.' || c == '!' || c == '?' {
			end = i + 1
			break
		}
	}
	for start < sp.Start && (text[start] == ' ' || text[start] == '\n') {
		start++
	}
	return Snippet{Text: text[start:end], Start: start, End: end, Highlights: []marsad.Span{sp}}
}

// QuoteHit is one quote with its article.
type QuoteHit struct {
	Article     string `json:"article"`
	Story       string `json:"story"`
	Title       string `json:"title"`
	Source      string `json:"source"`
	Published   string `json:"published"`
	Speaker     string `json:"speaker"`
	SpeakerName string `json:"speaker_name"`
	Cue         string `json:"cue"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// Quotes lists the quotes attributed to speaker (an entity id), newest
// articles first.
func (ix *Index) Quotes(ctx context.Context, speaker string, limit, offset int) ([]QuoteHit, int, error) {
	limit, offset = page(limit, offset)
	var total int
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM search_quotes WHERE speaker = ?`, speaker).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("quotes of %q: %w", speaker, err)
	}
	rows, err := ix.r.QueryContext(ctx, `
		SELECT a.id, a.story, a.title, a.source, a.published, a.text, q.speaker, q.speaker_name, q.cue, q.kind, q.start, q.end
		FROM search_quotes q JOIN search_articles a ON a.rowid = q.article
		WHERE q.speaker = ? ORDER BY a.day DESC, a.rowid DESC, q.start LIMIT ? OFFSET ?`, speaker, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("quotes of %q: %w", speaker, err)
	}
	defer rows.Close()
	out := []QuoteHit{}
	for rows.Next() {
		var h QuoteHit
		var text string
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Published, &text, &h.Speaker, &h.SpeakerName, &h.Cue, &h.Kind, &h.Start, &h.End); err != nil {
			return nil, 0, err
		}
		if !(marsad.Span{Start: h.Start, End: h.End}).Valid(len(text)) {
			continue
		}
		h.Text = text[h.Start:h.End]
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// CoEntity is an entity that appears in the same articles as another.
type CoEntity struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	Type   string `json:"type"`
	// Articles is how many articles mention both.
	Articles int `json:"articles"`
}

// CoOccurring lists the entities mentioned in the most articles together
// with entity id.
func (ix *Index) CoOccurring(ctx context.Context, id string, limit int) ([]CoEntity, error) {
	limit, _ = page(limit, 0)
	rows, err := ix.r.QueryContext(ctx, `
		WITH arts AS (SELECT DISTINCT m.article FROM search_mentions m JOIN search_entities e ON e.rowid = m.entity WHERE e.id = ?)
		SELECT o.id, o.name, o.name_en, o.type, count(DISTINCT m.article) AS n
		FROM search_mentions m JOIN arts ON arts.article = m.article JOIN search_entities o ON o.rowid = m.entity
		WHERE o.id <> ? GROUP BY o.rowid ORDER BY n DESC, count(*) DESC, o.id LIMIT ?`, id, id, limit)
	if err != nil {
		return nil, fmt.Errorf("co-occurring with %q: %w", id, err)
	}
	defer rows.Close()
	out := []CoEntity{}
	for rows.Next() {
		var c CoEntity
		if err := rows.Scan(&c.ID, &c.Name, &c.NameEn, &c.Type, &c.Articles); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Day is one point of an entity's timeline.
type Day struct {
	Day      string `json:"day"` // YYYY-MM-DD; "" for articles without a date
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Timeline counts, per publication day, the articles and mentions of
// entity id, oldest first.
func (ix *Index) Timeline(ctx context.Context, id string) ([]Day, error) {
	rows, err := ix.r.QueryContext(ctx, `
		SELECT a.day, count(DISTINCT a.rowid), count(*)
		FROM search_mentions m JOIN search_entities e ON e.rowid = m.entity JOIN search_articles a ON a.rowid = m.article
		WHERE e.id = ? GROUP BY a.day ORDER BY a.day`, id)
	if err != nil {
		return nil, fmt.Errorf("timeline of %q: %w", id, err)
	}
	defer rows.Close()
	out := []Day{}
	for rows.Next() {
		var d Day
		if err := rows.Scan(&d.Day, &d.Articles, &d.Mentions); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// page clamps a page request.
func page(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = 20
	}
	return min(limit, MaxLimit), max(offset, 0)
}
