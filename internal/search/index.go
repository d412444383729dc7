package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"marsad"
)

// The index keeps its own tables, all named search_*, in a SQLite file —
// by default the store's own file (marsad.Store exposes no *sql.DB, and a
// second connection to a WAL database is cheap and safe). It is derived
// data: it can be dropped and rebuilt from the store with Sync. Besides the
// FTS5 tables it holds the rows the API and the web UI need across
// articles (mentions by entity, quotes by speaker), which the Store
// interface does not offer.
const schema = `
CREATE TABLE IF NOT EXISTS search_articles (
	rowid     INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	story     TEXT NOT NULL,
	source    TEXT NOT NULL,
	published TEXT NOT NULL,
	day       TEXT NOT NULL,  -- first 10 bytes of published: the date filter
	title     TEXT NOT NULL,
	url       TEXT NOT NULL,
	text      TEXT NOT NULL,
	added     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_articles_day ON search_articles(day);
CREATE INDEX IF NOT EXISTS search_articles_added ON search_articles(added);
CREATE VIRTUAL TABLE IF NOT EXISTS search_article_fts USING fts5(
	title, body, alt, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

-- How far Sync has read the store: the store's Added time (unix ns) of the
-- newest record it has seen. Articles indexed directly (Add, from the API's
-- ingest) do not move it, so records another process stores meanwhile
-- are not skipped.
CREATE TABLE IF NOT EXISTS search_state (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS search_quotes (
	rowid        INTEGER PRIMARY KEY,
	article      INTEGER NOT NULL REFERENCES search_articles(rowid),
	speaker      TEXT NOT NULL,
	speaker_name TEXT NOT NULL,
	cue          TEXT NOT NULL,
	kind         TEXT NOT NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_quotes_article ON search_quotes(article);
CREATE INDEX IF NOT EXISTS search_quotes_speaker ON search_quotes(speaker);
CREATE VIRTUAL TABLE IF NOT EXISTS search_quote_fts USING fts5(
	body, alt, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE IF NOT EXISTS search_entities (
	rowid    INTEGER PRIMARY KEY,
	id       TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	type     TEXT NOT NULL,
	wikidata TEXT NOT NULL
);
-- Distinct analyzed surface forms of each entity (names, clitic forms,
-- titles), the source of the entity's FTS row.
CREATE TABLE IF NOT EXISTS search_entity_terms (
	entity INTEGER NOT NULL REFERENCES search_entities(rowid),
	terms  TEXT NOT NULL,
	PRIMARY KEY (entity, terms)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search_entity_fts USING fts5(
	names, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE IF NOT EXISTS search_mentions (
	entity  INTEGER NOT NULL REFERENCES search_entities(rowid),
	article INTEGER NOT NULL REFERENCES search_articles(rowid),
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	kind    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_mentions_entity ON search_mentions(entity, article);
CREATE INDEX IF NOT EXISTS search_mentions_article ON search_mentions(article);
`

// Index is the search index. It is safe for concurrent use: reads run in
// parallel, writes are serialized.
type Index struct {
	an *Analyzer
	w  *sql.DB
	r  *sql.DB

	mu     sync.Mutex // serializes writers
	closed bool
}

// Open opens (creating the tables if needed) the index in the SQLite file
// at path, usually the store's file.
func Open(ctx context.Context, path string) (*Index, error) {
	if path == "" {
		return nil, errors.New("search: empty index path")
	}
	an, err := NewAnalyzer()
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("search index %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("search index %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	ix := &Index{an: an, w: w, r: r}
	if _, err := w.ExecContext(ctx, schema); err != nil {
		ix.Close()
		return nil, fmt.Errorf("search index %s: creating tables: %w", path, err)
	}
	return ix, nil
}

// Analyzer returns the index's analyzer.
func (ix *Index) Analyzer() *Analyzer { return ix.an }

// Close closes the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	return errors.Join(ix.r.Close(), ix.w.Close())
}

// terms joins analyzed terms into FTS5 column values: the primary stems
// (phrase-searchable, in order) and the alternative readings.
func terms(ts []Term) (body, alt string) {
	var b, a strings.Builder
	for _, t := range ts {
		b.WriteString(t.Text)
		b.WriteByte(' ')
		for _, x := range t.Alt {
			a.WriteString(x)
			a.WriteByte(' ')
		}
	}
	return b.String(), a.String()
}

// Has reports whether the article id is indexed.
func (ix *Index) Has(ctx context.Context, id string) (bool, error) {
	var n int
	err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM search_articles WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// Add indexes one stored record: its article text and title, its quotes,
// and its entities with their mentions. A record already indexed is left
// as it is (articles are immutable once stored).
func (ix *Index) Add(ctx context.Context, r *marsad.Record) error {
	if r == nil || r.Article == nil {
		return fmt.Errorf("search: %w: no article", marsad.ErrInvalid)
	}
	a := r.Article
	if a.ID == "" {
		return fmt.Errorf("search: %w: article without id", marsad.ErrInvalid)
	}
	// Analysis is the expensive part; do it before taking the lock.
	bodyTerms, altTerms := terms(ix.an.Analyze(a.Text))
	titleTerms, _ := terms(ix.an.Analyze(a.Title))
	type quoteRow struct {
		q         marsad.Quote
		body, alt string
	}
	var quotes []quoteRow
	for _, q := range a.Quotes {
		s := marsad.Span{Start: q.Start, End: q.End}
		if !s.Valid(len(a.Text)) || s.Len() == 0 {
			continue
		}
		b, al := terms(ix.an.Analyze(a.Text[q.Start:q.End]))
		quotes = append(quotes, quoteRow{q, b, al})
	}
	type entRow struct {
		e     marsad.Entity
		names map[string]bool
	}
	var ents []entRow
	for _, e := range a.Entities {
		if e.ID == "" {
			continue
		}
		names := map[string]bool{}
		for _, s := range []string{e.Name, e.NameEn} {
			if t, _ := terms(ix.an.Analyze(s)); strings.TrimSpace(t) != "" {
				names[strings.TrimSpace(t)] = true
			}
		}
		for _, m := range e.Mentions {
			if m.Kind == "pronoun" {
				continue
			}
			if t, _ := terms(ix.an.Analyze(m.Text)); strings.TrimSpace(t) != "" {
				names[strings.TrimSpace(t)] = true
			}
		}
		ents = append(ents, entRow{e, names})
	}
	added := r.Added
	if added.IsZero() {
		added = time.Now()
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return errors.New("search: index is closed")
	}
	tx, err := ix.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("search: index %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM search_articles WHERE id = ?`, a.ID).Scan(&exists); err != nil {
		return fmt.Errorf("search: index %s: %w", a.ID, err)
	}
	if exists > 0 {
		return nil
	}
	day := a.Published
	if len(day) > 10 {
		day = day[:10]
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO search_articles(id, story, source, published, day, title, url, text, added) VALUES(?,?,?,?,?,?,?,?,?)`,
		a.ID, r.StoryID, a.Source, a.Published, day, a.Title, a.URL, a.Text, added.UnixNano())
	if err != nil {
		return fmt.Errorf("search: index %s: %w", a.ID, err)
	}
	art, _ := res.LastInsertId()
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_article_fts(rowid, title, body, alt) VALUES(?,?,?,?)`, art, titleTerms, bodyTerms, altTerms); err != nil {
		return fmt.Errorf("search: index %s: %w", a.ID, err)
	}
	for _, q := range quotes {
		res, err := tx.ExecContext(ctx, `INSERT INTO search_quotes(article, speaker, speaker_name, cue, kind, start, end) VALUES(?,?,?,?,?,?,?)`,
			art, q.q.Speaker, q.q.SpeakerName, q.q.Cue, q.q.Kind, q.q.Start, q.q.End)
		if err != nil {
			return fmt.Errorf("search: index %s quote: %w", a.ID, err)
		}
		qid, _ := res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_quote_fts(rowid, body, alt) VALUES(?,?,?)`, qid, q.body, q.alt); err != nil {
			return fmt.Errorf("search: index %s quote: %w", a.ID, err)
		}
	}
	for _, e := range ents {
		if err := addEntity(ctx, tx, art, e.e, e.names); err != nil {
			return fmt.Errorf("search: index %s entity %s: %w", a.ID, e.e.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("search: index %s: %w", a.ID, err)
	}
	return nil
}

func addEntity(ctx context.Context, tx *sql.Tx, art int64, e marsad.Entity, names map[string]bool) error {
	var ent int64
	err := tx.QueryRowContext(ctx, `SELECT rowid FROM search_entities WHERE id = ?`, e.ID).Scan(&ent)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO search_entities(id, name, name_en, type, wikidata) VALUES(?,?,?,?,?)`,
			e.ID, e.Name, e.NameEn, e.Type, e.Wikidata)
		if err != nil {
			return err
		}
		ent, _ = res.LastInsertId()
	case err != nil:
		return err
	}
	for _, m := range e.Mentions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO search_mentions(entity, article, start, end, kind) VALUES(?,?,?,?,?)`,
			ent, art, m.Start, m.End, m.Kind); err != nil {
			return err
		}
	}
	grew := false
	for n := range names {
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO search_entity_terms(entity, terms) VALUES(?,?)`, ent, n)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k > 0 {
			grew = true
		}
	}
	if !grew {
		return nil
	}
	// Rewrite the entity's FTS row with every surface form known so far.
	rows, err := tx.QueryContext(ctx, `SELECT terms FROM search_entity_terms WHERE entity = ?`, ent)
	if err != nil {
		return err
	}
	var all []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		all = append(all, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_entity_fts WHERE rowid = ?`, ent); err != nil {
		return err
	}
	// A separator that is no term keeps one name's last word and the
	// next name's first word from forming a phrase.
	_, err = tx.ExecContext(ctx, `INSERT INTO search_entity_fts(rowid, names) VALUES(?, ?)`, ent, strings.Join(all, " | "))
	return err
}

// Records is what Sync reads from: the store (marsad.Store satisfies it).
type Records interface {
	Scan(ctx context.Context, since time.Time, fn func(*marsad.Record) error) error
	Get(ctx context.Context, id string) (*marsad.Record, error)
}

// Sync indexes the records of s added since the newest record already
// indexed (all of them for a new index), so that articles stored by another
// process (`marsad ingest`, `marsad watch`) become searchable. It returns
// how many records it indexed.
func (ix *Index) Sync(ctx context.Context, s Records) (int, error) {
	var synced sql.NullInt64
	err := ix.r.QueryRowContext(ctx, `SELECT value FROM search_state WHERE key = 'synced'`).Scan(&synced)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("search: sync: %w", err)
	}
	since := time.Time{}
	if synced.Valid {
		// Records added in the same nanosecond as the newest seen are
		// read again; those already indexed are skipped.
		since = time.Unix(0, synced.Int64)
	}
	var ids []string
	newest := synced.Int64
	err = s.Scan(ctx, since, func(r *marsad.Record) error {
		if r.Article != nil {
			ids = append(ids, r.Article.ID)
		}
		newest = max(newest, r.Added.UnixNano())
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("search: sync: %w", err)
	}
	n := 0
	for _, id := range ids {
		if ok, err := ix.Has(ctx, id); err != nil {
			return n, fmt.Errorf("search: sync: %w", err)
		} else if ok {
			continue
		}
		r, err := s.Get(ctx, id)
		if err != nil {
			return n, fmt.Errorf("search: sync %s: %w", id, err)
		}
		if err := ix.Add(ctx, r); err != nil {
			return n, err
		}
		n++
	}
	if len(ids) > 0 {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		if _, err := ix.w.ExecContext(ctx, `INSERT INTO search_state(key, value) VALUES('synced', ?) ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`, newest); err != nil {
			return n, fmt.Errorf("search: sync: %w", err)
		}
	}
	return n, nil
}
