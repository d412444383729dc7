// Package postgres is Marsad's server store: the same marsad.Store as
// store/sqlite, on PostgreSQL through pgx's connection pool, so that several
// processes (ingest workers, `marsad serve`) can share one database. Its
// schema migrations are embedded in the binary and applied on Open.
//
// Full-text search on PostgreSQL is not here yet; the annotation tables
// carry search-normalized text (norm, terms) for it.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"marsad"
	"marsad/internal/text/normalize"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a Marsad store in a PostgreSQL database. It implements marsad.Store.
type DB struct {
	pool *pgxpool.Pool

	mu     sync.RWMutex
	closed bool
}

var _ marsad.Store = (*DB)(nil)

// IsDSN reports whether a --db value names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than an SQLite file path.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database named by dsn (a postgres:// URL or a
// "host=… dbname=…" string, as libpq reads them; PG* environment variables
// fill what it leaves out) and brings its schema up to date. Tables are
// created in the first schema of the connection's search_path; a
// search_path=… parameter in the DSN selects another. pool_max_conns=N in
// the DSN bounds the pool (default: 4 or the number of CPUs).
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx redacts the password from the DSN it quotes.
		return nil, fmt.Errorf("postgres: %w", err)
	}
	where := cfg.ConnConfig.Host + "/" + cfg.ConnConfig.Database
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres %s: %w", where, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: %w", where, err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: %w", where, err)
	}
	return db, nil
}

// migrationLock is the advisory lock key that serializes migrations when
// several processes open a new database at once ("marsad" in ASCII).
const migrationLock = 0x6d61727361640000

// migrate applies the embedded migrations not yet recorded in
// schema_version. PostgreSQL's DDL is transactional, so all of them run in
// one transaction: a failed migration leaves the schema as it was.
func (db *DB) migrate(ctx context.Context) error {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL)`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		for _, f := range files {
			base := path.Base(f)
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
			// Without arguments pgx uses the simple protocol, which runs
			// a file of several statements.
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", base, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version(version, applied) VALUES($1, now())`, n); err != nil {
				return fmt.Errorf("migration %s: %w", base, err)
			}
		}
		return nil
	})
}

// Close closes the store, waiting for calls in progress.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return nil
	}
	db.closed = true
	db.pool.Close()
	return nil
}

var errClosed = errors.New("postgres: store is closed")

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

// Add stores r in one transaction (see marsad.Store), sent to the server as
// one pipelined batch: one round trip whatever the article holds. The
// statements of a batch run in one implicit transaction that commits when
// the batch ends; the first that fails rolls all of them back (PostgreSQL's
// extended query protocol: everything up to a Sync message is one
// transaction unless it says otherwise).
//
// Duplicates are found by the unique indexes, not by a look-up first: of
// two transactions adding the same text at once, the second waits on the
// first's index entry and fails when it commits, which a SELECT before the
// INSERT could not guarantee under READ COMMITTED.
func (db *DB) Add(ctx context.Context, r *marsad.Record) error {
	if err := r.Validate(); err != nil {
		return err
	}
	done, err := db.use()
	if err != nil {
		return err
	}
	defer done()
	a := r.Article
	body, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("%w: article %s: %v", marsad.ErrInvalid, a.ID, err)
	}
	title := a.Title
	if title == "" {
		title = firstWords(a.Text, 12)
	}

	b := &pgx.Batch{}
	// now() is the transaction's start on the server's clock: one clock
	// for every writer, and the same instant on the article and its story.
	b.Queue(`INSERT INTO articles(id, url, hash, source, title, published, story_id, duplicate_of, terms, sketch, added, article)
		VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11) RETURNING added`,
		a.ID, nullable(a.URL), r.Hash, a.Source, a.Title, a.Published, r.StoryID, nullable(r.DuplicateOf), r.Terms, r.Sketch, json.RawMessage(body))
	b.Queue(`INSERT INTO stories(id, title, latest, created, updated, articles) VALUES($1, $2, $3, now(), now(), 1)
		ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, articles = stories.articles + 1,
			latest = GREATEST(stories.latest, excluded.latest)`,
		r.StoryID, title, a.Published)
	queueAnnotations(b, a)

	var added time.Time
	br := db.pool.SendBatch(ctx, b)
	err = br.QueryRow().Scan(&added)
	for i := 1; i < b.Len() && err == nil; i++ {
		_, err = br.Exec()
	}
	// Close reads the end of the batch, where the commit happens, and
	// gives the connection back before addError may take one: with every
	// pooled connection in an Add, waiting for a second would deadlock.
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return db.addError(ctx, r, err)
	}
	r.Added = added
	return nil
}

// addError says why an Add failed, in the store's typed errors where the
// caller must decide: a unique index refused the article (ErrDuplicate), or
// the server refused a value (ErrInvalid: a NUL byte or invalid UTF-8 in an
// annotation's text, a key longer than an index entry may be).
func (db *DB) addError(ctx context.Context, r *marsad.Record, err error) error {
	a := r.Article
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return fmt.Errorf("add %s: %w", a.ID, err)
	}
	switch {
	case pe.Code == "23505": // unique_violation
		var existing string
		if db.pool.QueryRow(ctx, `SELECT id FROM articles WHERE id = $1 OR (md5(url) = md5($2) AND url = $2) OR hash = $3 LIMIT 1`,
			a.ID, nullable(a.URL), r.Hash).Scan(&existing) == nil {
			return fmt.Errorf("add %s: %w as %s", a.ID, marsad.ErrDuplicate, existing)
		}
		return fmt.Errorf("add %s: %w (%s)", a.ID, marsad.ErrDuplicate, pe.ConstraintName)
	case strings.HasPrefix(pe.Code, "22"), // data_exception
		pe.Code == "54000": // program_limit_exceeded
		return fmt.Errorf("add %s: %w: %s", a.ID, marsad.ErrInvalid, pe.Message)
	}
	return fmt.Errorf("add %s: %w", a.ID, err)
}

// queueAnnotations adds one INSERT per annotation table to b. Each takes
// its rows as parallel arrays and unnests them on the server: one statement
// for an article's sixty mentions costs little more than for one.
func queueAnnotations(b *pgx.Batch, a *marsad.Article) {
	var (
		ent, name, typ, text, kind, norm []string
		start, end                       []int32
	)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			k := m.Kind
			if k == "" {
				k = "name"
			}
			ent, name, typ = append(ent, e.ID), append(name, e.Name), append(typ, e.Type)
			start, end = append(start, int32(m.Start)), append(end, int32(m.End))
			text, kind, norm = append(text, m.Text), append(kind, k), append(norm, normalize.Search(m.Text))
		}
	}
	if len(ent) > 0 {
		b.Queue(`INSERT INTO mentions(article, entity, entity_name, entity_type, start_byte, end_byte, text, kind, norm)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])`,
			a.ID, ent, name, typ, start, end, text, kind, norm)
	}

	if len(a.Quotes) > 0 {
		var speaker, sname, cue, kind, text, norm []string
		var start, end []int32
		for _, q := range a.Quotes {
			speaker, sname, cue = append(speaker, q.Speaker), append(sname, q.SpeakerName), append(cue, q.Cue)
			kind, text, norm = append(kind, q.Kind), append(text, q.Text), append(norm, normalize.Search(q.Text))
			start, end = append(start, int32(q.Start)), append(end, int32(q.End))
		}
		b.Queue(`INSERT INTO quotes(article, speaker, speaker_name, cue, kind, start_byte, end_byte, text, norm)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[])`,
			a.ID, speaker, sname, cue, kind, start, end, text, norm)
	}

	if len(a.Times) > 0 {
		var value, kind, mod, text []string
		var start, end []int32
		for _, t := range a.Times {
			value, kind, mod, text = append(value, t.Value), append(kind, t.Kind), append(mod, t.Mod), append(text, t.Text)
			start, end = append(start, int32(t.Start)), append(end, int32(t.End))
		}
		b.Queue(`INSERT INTO times(article, value, kind, mod, start_byte, end_byte, text)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[])`,
			a.ID, value, kind, mod, start, end, text)
	}

	// Events have array columns (actors, targets), which unnest would
	// flatten; an article has few events, one statement each.
	for _, e := range a.Events {
		b.Queue(`INSERT INTO events(article, type, code, mode, actors, targets, location, date, confidence, start_byte, end_byte)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			a.ID, e.Type, e.Code, e.Mode, nonNil(e.Actors), nonNil(e.Targets), e.Location, e.Date, e.Confidence, e.Start, e.End)
	}
}

// nonNil keeps a nil slice from becoming NULL in a NOT NULL array column.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
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
	err = db.pool.QueryRow(ctx, `SELECT id FROM articles WHERE (md5(url) = md5($1) AND url = $1) OR hash = $2 LIMIT 1`,
		nullable(url), nullable(hash)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", marsad.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("lookup: %w", err)
	}
	return id, nil
}

const recordColumns = `id, hash, story_id, COALESCE(duplicate_of, ''), terms, sketch, added, article`

func scanRecord(row pgx.Row) (*marsad.Record, error) {
	var (
		r    marsad.Record
		id   string
		body []byte
	)
	if err := row.Scan(&id, &r.Hash, &r.StoryID, &r.DuplicateOf, &r.Terms, &r.Sketch, &r.Added, &body); err != nil {
		return nil, err
	}
	a := marsad.NewArticle()
	if err := json.Unmarshal(body, a); err != nil {
		return nil, fmt.Errorf("article %s: stored JSON: %w", id, err)
	}
	r.Article = a
	return &r, nil
}

// Get returns one record.
func (db *DB) Get(ctx context.Context, id string) (*marsad.Record, error) {
	done, err := db.use()
	if err != nil {
		return nil, err
	}
	defer done()
	r, err := scanRecord(db.pool.QueryRow(ctx, `SELECT `+recordColumns+` FROM articles WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
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
	rows, err := db.pool.Query(ctx, `SELECT `+recordColumns+` FROM articles WHERE story_id = $1 ORDER BY published, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	defer rows.Close()
	var out []*marsad.Record
	for rows.Next() {
		r, err := scanRecord(rows)
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

// Stories lists stories, newest first: by their newest publication date,
// then by when they last grew. The stories and their articles are read in
// one snapshot, so a listing never shows an article its story's count
// does not include.
func (db *DB) Stories(ctx context.Context, limit int) ([]marsad.StoryInfo, error) {
	done, err := db.use()
	if err != nil {
		return nil, err
	}
	defer done()
	out := []marsad.StoryInfo{}
	err = pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var lim any // NULL: LIMIT ALL
		if limit > 0 {
			lim = limit
		}
		rows, err := tx.Query(ctx, `SELECT id, title, updated FROM stories ORDER BY latest DESC, updated DESC, id LIMIT $1`, lim)
		if err != nil {
			return err
		}
		index := map[string]int{}
		var ids []string
		for rows.Next() {
			s := marsad.StoryInfo{Articles: []marsad.StoryArticle{}}
			if err := rows.Scan(&s.ID, &s.Title, &s.Updated); err != nil {
				rows.Close()
				return err
			}
			index[s.ID] = len(out)
			ids = append(ids, s.ID)
			out = append(out, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		q := `SELECT story_id, id, source, title, published, COALESCE(url, '') FROM articles
			WHERE story_id = ANY($1) ORDER BY story_id, published, seq`
		args := []any{ids}
		if limit <= 0 { // every story: no need for the id list
			q = `SELECT story_id, id, source, title, published, COALESCE(url, '') FROM articles ORDER BY story_id, published, seq`
			args = nil
		}
		rows, err = tx.Query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sid string
			var a marsad.StoryArticle
			if err := rows.Scan(&sid, &a.ID, &a.Source, &a.Title, &a.Published, &a.URL); err != nil {
				return err
			}
			if i, ok := index[sid]; ok {
				out[i].Articles = append(out[i].Articles, a)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return out, nil
}

// scanPage is how many records Scan reads per query (a variable so that
// tests can cross page boundaries with few records).
var scanPage = 2000

// Scan replays records added at or after since, in arrival order, without
// decoding their articles. It pages by seq so that fn may take its time (or
// write to the store) without one query held open for the whole store.
//
// Arrival order is the order in which Add calls took their sequence
// numbers. With several writers a record can commit after one with a
// higher number, so a Scan that runs while other processes write may miss
// a record that commits during it; scans made when a process starts, to
// rebuild its indexes, see everything committed before them.
func (db *DB) Scan(ctx context.Context, since time.Time, fn func(*marsad.Record) error) error {
	done, err := db.use()
	if err != nil {
		return err
	}
	defer done()
	page := scanPage
	var last int64 // identity columns start at 1
	for {
		rows, err := db.pool.Query(ctx, `SELECT seq, id, hash, story_id, COALESCE(duplicate_of, ''), terms, sketch, added, published
			FROM articles WHERE seq > $1 AND added >= $2 ORDER BY seq LIMIT $3`, last, since, page)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		var batch []*marsad.Record
		for rows.Next() {
			var (
				r       marsad.Record
				id, pub string
			)
			if err := rows.Scan(&last, &id, &r.Hash, &r.StoryID, &r.DuplicateOf, &r.Terms, &r.Sketch, &r.Added, &pub); err != nil {
				rows.Close()
				return fmt.Errorf("scan: %w", err)
			}
			// A light article: id and date, which indexes need, not the
			// whole JSON.
			a := marsad.NewArticle()
			a.ID, a.Published = id, pub
			r.Article = a
			batch = append(batch, &r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
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
