// Package sqlite is Marsad's embedded store: one SQLite file through the
// pure-Go modernc.org/sqlite driver (no cgo, nothing to install), in WAL mode
// so readers never wait for the writer, with one writer connection so writes
// never fight over the lock, and its schema migrations embedded in the binary.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"marsad"
	"marsad/internal/text/normalize"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a Marsad store in one SQLite file. It implements marsad.Store.
type DB struct {
	path string
	w    *sql.DB // the one writer connection
	r    *sql.DB // readers

	mu     sync.RWMutex
	closed bool
}

var _ marsad.Store = (*DB)(nil)

// Open opens (creating if needed) the store at path and brings its schema up
// to date. The directory is created if missing.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
	}
	// busy_timeout lets a second process (a `watch` beside an `ingest`)
	// wait for the lock instead of failing; _txlock=immediate takes the
	// write lock at BEGIN so a transaction never fails half-way on upgrade.
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	db := &DB{path: path, w: w, r: r}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return db, nil
}

// migrate applies the embedded migrations not yet recorded in
// schema_version, each in its own transaction.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var have int
	if err := db.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		base := filepath.Base(f)
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad name", base)
		}
		if n <= have {
			continue
		}
		body, err := migrations.ReadFile(f)
		if err != nil {
			return err
		}
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version, applied) VALUES(?, ?)`, n, time.Now().Unix()); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Close closes the store.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return nil
	}
	db.closed = true
	// Fold the WAL back into the main file so the store is one file again.
	db.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return errors.Join(db.r.Close(), db.w.Close())
}

var errClosed = errors.New("sqlite: store is closed")

func (db *DB) use() (func(), error) {
	db.mu.RLock()
	if db.closed {
		db.mu.RUnlock()
		return nil, errClosed
	}
	return db.mu.RUnlock, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Add stores r in one transaction (see marsad.Store).
func (db *DB) Add(ctx context.Context, r *marsad.Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	done, err := db.use()
	if err != nil {
		return err
	}
	defer done()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add %s: %w", r.Article.ID, err)
	}
	defer tx.Rollback()
	now := time.Now()
	if err := addTx(ctx, tx, r, now); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("add %s: %w", r.Article.ID, err)
	}
	r.Added = time.Unix(0, now.UnixNano())
	return nil
}

// AddBatch stores records in one transaction, each inside its own
// savepoint: a record that fails (duplicate, invalid) is undone alone and
// reported in its slot of the result, the others are kept. One commit for
// many articles is what makes bulk ingest fast (the commit, not the
// inserts, is most of the cost of a small transaction); a crash before the
// commit loses the batch but never leaves half an article.
func (db *DB) AddBatch(ctx context.Context, recs []*marsad.Record) []error {
	errs := make([]error, len(recs))
	fail := func(err error) []error {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		return errs
	}
	done, err := db.use()
	if err != nil {
		return fail(err)
	}
	defer done()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fail(fmt.Errorf("add batch: %w", err))
	}
	defer tx.Rollback()
	now := time.Now()
	for i, r := range recs {
		if errs[i] = r.Validate(); errs[i] != nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT rec`); err != nil {
			return fail(fmt.Errorf("add batch: %w", err))
		}
		if errs[i] = addTx(ctx, tx, r, now); errs[i] != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO rec`); err != nil {
				return fail(fmt.Errorf("add batch: %w", err))
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE rec`); err != nil {
			return fail(fmt.Errorf("add batch: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(fmt.Errorf("add batch: %w", err))
	}
	for i, r := range recs {
		if errs[i] == nil {
			r.Added = time.Unix(0, now.UnixNano())
		}
	}
	return errs
}

// addTx writes one validated record inside tx.
func addTx(ctx context.Context, tx *sql.Tx, r *marsad.Record, now time.Time) error {
	a := r.Article
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("%w: article %s: %v", marsad.ErrInvalid, a.ID, err)
	}
	var existing string
	err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE id = ? OR url = ? OR hash = ? LIMIT 1`, a.ID, nullable(a.URL), r.Hash).Scan(&existing)
	switch {
	case err == nil:
		return fmt.Errorf("add %s: %w as %s", a.ID, marsad.ErrDuplicate, existing)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("add %s: %w", a.ID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO articles(id, url, hash, source, title, published, story_id, duplicate_of, terms, sketch, added, json)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, nullable(a.URL), r.Hash, a.Source, a.Title, a.Published, r.StoryID, nullable(r.DuplicateOf), r.Terms, r.Sketch, now.UnixNano(), string(body))
	if err != nil {
		return fmt.Errorf("add %s: %w", a.ID, err)
	}
	title := a.Title
	if title == "" {
		title = firstWords(a.Text, 12)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO stories(id, title, latest, created, updated, articles) VALUES(?, ?, ?, ?, ?, 1)
		ON CONFLICT(id) DO UPDATE SET updated = excluded.updated, articles = articles + 1,
			latest = MAX(latest, excluded.latest)`,
		r.StoryID, title, a.Published, now.UnixNano(), now.UnixNano())
	if err != nil {
		return fmt.Errorf("add %s: story %s: %w", a.ID, r.StoryID, err)
	}
	if err := addAnnotations(ctx, tx, a); err != nil {
		return fmt.Errorf("add %s: %w", a.ID, err)
	}
	return nil
}

// insertRows inserts rows into table in multi-row INSERT statements: one
// statement per hundred rows instead of one per row, which is most of the
// cost of an annotated article.
func insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	const chunk = 100
	for len(rows) > 0 {
		n := min(len(rows), chunk)
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + "(" + strings.Join(cols, ", ") + ") VALUES ")
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		args := make([]any, 0, n*len(cols))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tuple)
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}

func addAnnotations(ctx context.Context, tx *sql.Tx, a *marsad.Article) error {
	var rows [][]any
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			kind := m.Kind
			if kind == "" {
				kind = "name"
			}
			rows = append(rows, []any{a.ID, e.ID, e.Name, e.Type, m.Start, m.End, m.Text, kind, normalize.Search(m.Text)})
		}
	}
	if err := insertRows(ctx, tx, "mentions", []string{"article", "entity", "entity_name", "entity_type", "start", "end", "text", "kind", "norm"}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, q := range a.Quotes {
		rows = append(rows, []any{a.ID, q.Speaker, q.SpeakerName, q.Cue, q.Kind, q.Start, q.End, q.Text, normalize.Search(q.Text)})
	}
	if err := insertRows(ctx, tx, "quotes", []string{"article", "speaker", "speaker_name", "cue", "kind", "start", "end", "text", "norm"}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, t := range a.Times {
		rows = append(rows, []any{a.ID, t.Value, t.Kind, t.Mod, t.Start, t.End, t.Text})
	}
	if err := insertRows(ctx, tx, "times", []string{"article", "value", "kind", "mod", "start", "end", "text"}, rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, e := range a.Events {
		rows = append(rows, []any{a.ID, e.Type, e.Code, e.Mode, strings.Join(e.Actors, " "), strings.Join(e.Targets, " "), e.Location, e.Date, e.Confidence, e.Start, e.End})
	}
	return insertRows(ctx, tx, "events", []string{"article", "type", "code", "mode", "actors", "targets", "location", "date", "confidence", "start", "end"}, rows)
}

// firstWords is a story title for an article without one.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// Lookup finds a stored article by URL or text hash.
func (db *DB) Lookup(ctx context.Context, url, hash string) (string, error) {
	if url == "" && hash == "" {
		return "", marsad.ErrNotFound
	}
	done, err := db.use()
	if err != nil {
		return "", err
	}
	defer done()
	var id string
	err = db.r.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ? OR hash = ? LIMIT 1`, nullable(url), nullable(hash)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", marsad.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("lookup: %w", err)
	}
	return id, nil
}

const recordColumns = `id, hash, story_id, COALESCE(duplicate_of, ''), terms, sketch, added, json`

type scanner interface{ Scan(dest ...any) error }

func scanRecord(s scanner, withArticle bool) (*marsad.Record, error) {
	var (
		r     marsad.Record
		id    string
		added int64
		body  []byte
	)
	if err := s.Scan(&id, &r.Hash, &r.StoryID, &r.DuplicateOf, &r.Terms, &r.Sketch, &added, &body); err != nil {
		return nil, err
	}
	r.Added = time.Unix(0, added)
	if withArticle {
		a := marsad.NewArticle()
		if err := json.Unmarshal(body, a); err != nil {
			return nil, fmt.Errorf("article %s: stored JSON: %w", id, err)
		}
		r.Article = a
	}
	return &r, nil
}

// Get returns one record.
func (db *DB) Get(ctx context.Context, id string) (*marsad.Record, error) {
	done, err := db.use()
	if err != nil {
		return nil, err
	}
	defer done()
	r, err := scanRecord(db.r.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM articles WHERE id = ?`, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, marsad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	return r, nil
}

// Story returns a story's records, oldest first.
func (db *DB) Story(ctx context.Context, id string) ([]*marsad.Record, error) {
	done, err := db.use()
	if err != nil {
		return nil, err
	}
	defer done()
	rows, err := db.r.QueryContext(ctx, `SELECT `+recordColumns+` FROM articles WHERE story_id = ? ORDER BY published, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	defer rows.Close()
	var out []*marsad.Record
	for rows.Next() {
		r, err := scanRecord(rows, true)
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("story %q: %w", id, marsad.ErrNotFound)
	}
	return out, nil
}

// Stories lists stories, newest first.
func (db *DB) Stories(ctx context.Context, limit int) ([]marsad.StoryInfo, error) {
	done, err := db.use()
	if err != nil {
		return nil, err
	}
	defer done()
	q := `SELECT id, title, updated FROM stories ORDER BY latest DESC, updated DESC, id`
	var args []any
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	var out []marsad.StoryInfo
	index := map[string]int{}
	for rows.Next() {
		var s marsad.StoryInfo
		var updated int64
		if err := rows.Scan(&s.ID, &s.Title, &updated); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stories: %w", err)
		}
		s.Updated = time.Unix(0, updated)
		s.Articles = []marsad.StoryArticle{}
		index[s.ID] = len(out)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	if len(out) == 0 {
		return []marsad.StoryInfo{}, nil
	}
	// Fetch the listed stories' articles in one query (the story index
	// makes it a range scan per story).
	var b strings.Builder
	ids := make([]any, 0, len(out))
	b.WriteString(`SELECT story_id, id, source, title, published, COALESCE(url, '') FROM articles WHERE story_id IN (`)
	for i, s := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('?')
		ids = append(ids, s.ID)
	}
	b.WriteString(`) ORDER BY story_id, published, seq`)
	if limit <= 0 {
		// All stories: no need for the IN list.
		b.Reset()
		b.WriteString(`SELECT story_id, id, source, title, published, COALESCE(url, '') FROM articles ORDER BY story_id, published, seq`)
		ids = nil
	}
	rows, err = db.r.QueryContext(ctx, b.String(), ids...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sid string
		var a marsad.StoryArticle
		if err := rows.Scan(&sid, &a.ID, &a.Source, &a.Title, &a.Published, &a.URL); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		if i, ok := index[sid]; ok {
			out[i].Articles = append(out[i].Articles, a)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return out, nil
}

// Scan replays records added at or after since, in arrival order, without
// decoding their articles.
func (db *DB) Scan(ctx context.Context, since time.Time, fn func(*marsad.Record) error) error {
	done, err := db.use()
	if err != nil {
		return err
	}
	defer done()
	// Page by seq so that fn may take its time (or write to the store)
	// without holding one long read transaction open.
	const page = 2000
	var last int64 = -1
	for {
		rows, err := db.r.QueryContext(ctx, `SELECT seq, id, hash, story_id, COALESCE(duplicate_of, ''), terms, sketch, added, published
			FROM articles WHERE seq > ? AND added >= ? ORDER BY seq LIMIT ?`, last, since.UnixNano(), page)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		var batch []*marsad.Record
		for rows.Next() {
			var (
				r     marsad.Record
				id    string
				added int64
				pub   string
			)
			if err := rows.Scan(&last, &id, &r.Hash, &r.StoryID, &r.DuplicateOf, &r.Terms, &r.Sketch, &added, &pub); err != nil {
				rows.Close()
				return fmt.Errorf("scan: %w", err)
			}
			r.Added = time.Unix(0, added)
			// A light article: id and date, which indexes need, not the
			// whole JSON.
			a := marsad.NewArticle()
			a.ID, a.Published = id, pub
			r.Article = a
			batch = append(batch, &r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		for _, r := range batch {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(batch) < page {
			return nil
		}
	}
}
