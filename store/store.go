// Package store puts analysed articles into a marsad.Store and reads stories
// back out of it. It is where the store, near-duplicate detection and story
// clustering meet: Ingester.Add is the one path by which an article enters
// the store, and Build turns a stored story into its report.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/cluster"
	"marsad/internal/dedup"
	"marsad/internal/text/normalize"
	"marsad/store/postgres"
	"marsad/store/sqlite"
)

// EnvDB names the environment variable that sets the store's location.
const EnvDB = "MARSAD_DB"

// DefaultPath is where the store lives unless --db or MARSAD_DB say
// otherwise: marsad/marsad.db under the XDG data directory
// ($XDG_DATA_HOME, else ~/.local/share).
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv(EnvDB); p != "" {
		return p, nil
	}
	dir := getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) { // the XDG spec says to ignore relative paths
		home := getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("store location: no $HOME; use --db or %s", EnvDB)
			}
			home = h
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "marsad", "marsad.db"), nil
}

// Open opens the store at path: a PostgreSQL database for a postgres:// or
// postgresql:// URL, else the SQLite file at path.
func Open(ctx context.Context, path string) (marsad.Store, error) {
	// The explicit nil returns keep a failed open from returning a nil
	// pointer inside a non-nil interface.
	if postgres.IsDSN(path) {
		db, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// Hash is the content hash of an article text: SHA-256 of its search form
// with whitespace runs collapsed, so the same text re-typeset (diacritics,
// alef forms, digit scripts, line breaks) hashes the same.
func Hash(text string) string {
	// Streamed rune by rune: hashing is on the ingest path of every
	// article, and building the normalized copy costs more than the hash.
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	space, started := false, false
	for _, r := range text {
		m := normalize.SearchRune(r)
		if m < 0 {
			continue
		}
		if unicode.IsSpace(m) {
			space = started
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = utf8.AppendRune(buf, m)
		started = true
		if len(buf) >= 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// Status says what Add did with an article.
type Status string

// Statuses of Add.
const (
	Added         Status = "added"          // stored, in a story
	Duplicate     Status = "duplicate"      // same URL or text already stored; nothing written
	NearDuplicate Status = "near-duplicate" // stored, linked to the copy it repeats, in that copy's story
)

// Result is the outcome of adding one article.
type Result struct {
	ID          string // the article's id (for Duplicate: the stored article's id)
	Story       string // its story ("" for Duplicate)
	NewStory    bool   // the article started the story
	Status      Status
	DuplicateOf string  // for NearDuplicate: the id of the earlier copy
	Similarity  float64 // for NearDuplicate: estimated Jaccard similarity
}

// Options tune an Ingester.
type Options struct {
	Cluster cluster.Options
	// Dedup is the near-duplicate threshold (estimated Jaccard similarity).
	Dedup float64
	// Warm is how far back (by time added) records are read when the
	// ingester starts, to rebuild its in-memory indexes.
	Warm time.Duration
}

// DefaultOptions are the tuned defaults.
func DefaultOptions() Options {
	return Options{Cluster: cluster.DefaultOptions(), Dedup: dedup.DefaultThreshold, Warm: 14 * 24 * time.Hour}
}

// Ingester adds articles to a store one at a time, in arrival order: the
// order defines the stories, so Add is serialized.
type Ingester struct {
	store marsad.Store
	cl    *cluster.Clusterer
	dd    *dedup.Index

	mu sync.Mutex
}

// NewIngester returns an ingester for s, with its clustering and
// near-duplicate indexes rebuilt from the records added in the last
// opt.Warm.
func NewIngester(ctx context.Context, s marsad.Store, opt Options) (*Ingester, error) {
	cl, err := cluster.New(opt.Cluster, nil)
	if err != nil {
		return nil, err
	}
	in := &Ingester{store: s, cl: cl, dd: dedup.NewIndex(opt.Dedup)}
	since := time.Time{}
	if opt.Warm > 0 {
		since = time.Now().Add(-opt.Warm)
	}
	err = s.Scan(ctx, since, func(r *marsad.Record) error {
		if sk, err := dedup.FromBytes(r.Sketch); err == nil {
			in.dd.Add(r.Article.ID, sk)
		}
		// Near-duplicates were never part of their story's vectors.
		if r.DuplicateOf == "" {
			in.cl.Restore(r.StoryID, cluster.ParseFeatures(r.Terms, r.Article.Published))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ingest: rebuilding indexes: %w", err)
	}
	return in, nil
}

// Stored returns the id of the stored article with a's URL or text, if
// any: callers check it before spending analysis on a known article.
func (in *Ingester) Stored(ctx context.Context, a *marsad.Article) (string, bool) {
	if a == nil {
		return "", false
	}
	id, err := in.store.Lookup(ctx, a.URL, Hash(a.Text))
	return id, err == nil
}

// Add stores one analysed article: skipped if its URL or text is stored
// already, linked to its original if it is a near-copy, otherwise placed
// in a story by the clusterer. a.ID must be set (ingest sets it).
func (in *Ingester) Add(ctx context.Context, a *marsad.Article) (Result, error) {
	res, errs := in.AddBatch(ctx, []*marsad.Article{a})
	return res[0], errs[0]
}

// AddBatch adds articles in order, each decided as Add would decide it (an
// article may repeat or copy an earlier one of the same batch), and writes
// them in one transaction when the store is a marsad.BatchStore — much
// faster for bulk ingest. It returns one result and one error per article.
func (in *Ingester) AddBatch(ctx context.Context, arts []*marsad.Article) ([]Result, []error) {
	results := make([]Result, len(arts))
	errs := make([]error, len(arts))
	in.mu.Lock()
	defer in.mu.Unlock()
	pending := map[string]*marsad.Record{}
	seen := map[string]string{} // URL or hash → id, within the batch
	var recs []*marsad.Record
	var slots []int
	for i, a := range arts {
		if a == nil {
			errs[i] = fmt.Errorf("ingest: %w: no article", marsad.ErrInvalid)
			continue
		}
		if strings.TrimSpace(a.ID) == "" || strings.TrimSpace(a.Text) == "" {
			errs[i] = fmt.Errorf("ingest %q: %w: article needs an id and text", a.URL, marsad.ErrInvalid)
			continue
		}
		hash := Hash(a.Text)
		if id, ok := seen["h:"+hash]; ok {
			results[i] = Result{ID: id, Status: Duplicate}
			continue
		}
		if id, ok := seen["u:"+a.URL]; ok && a.URL != "" {
			results[i] = Result{ID: id, Status: Duplicate}
			continue
		}
		if id, err := in.store.Lookup(ctx, a.URL, hash); err == nil {
			results[i] = Result{ID: id, Status: Duplicate}
			continue
		} else if !errors.Is(err, marsad.ErrNotFound) {
			errs[i] = fmt.Errorf("ingest %s: %w", a.ID, err)
			continue
		}
		rec, res := in.decide(ctx, a, hash, pending)
		results[i] = res
		recs = append(recs, rec)
		slots = append(slots, i)
		pending[a.ID] = rec
		seen["h:"+hash] = a.ID
		if a.URL != "" {
			seen["u:"+a.URL] = a.ID
		}
	}
	var werrs []error
	if bs, ok := in.store.(marsad.BatchStore); ok && len(recs) > 1 {
		werrs = bs.AddBatch(ctx, recs)
	} else {
		werrs = make([]error, len(recs))
		for k, r := range recs {
			werrs[k] = in.store.Add(ctx, r)
		}
	}
	for k, err := range werrs {
		i := slots[k]
		switch {
		case err == nil:
		case errors.Is(err, marsad.ErrDuplicate): // another process stored it meanwhile
			a := arts[i]
			id, _ := in.store.Lookup(ctx, a.URL, recs[k].Hash)
			if id == "" {
				id = a.ID
			}
			results[i] = Result{ID: id, Status: Duplicate}
		default:
			results[i] = Result{}
			errs[i] = fmt.Errorf("ingest %s: %w", arts[i].ID, err)
		}
	}
	return results, errs
}

// decide computes an article's record: its sketch and features, and its
// story — its original's if it is a near-copy, else the clusterer's choice.
// The near-duplicate index learns the article at once, so that a copy later
// in the same batch finds it.
func (in *Ingester) decide(ctx context.Context, a *marsad.Article, hash string, pending map[string]*marsad.Record) (*marsad.Record, Result) {
	sketch := dedup.Of(a.Text)
	f := cluster.Extract(a)
	rec := &marsad.Record{Article: a, Hash: hash, Terms: f.String(), Sketch: sketch.Bytes()}
	res := Result{ID: a.ID, Status: Added}
	if orig, sim, ok := in.dd.Find(sketch); ok {
		story := ""
		if p := pending[orig]; p != nil {
			story = p.StoryID
		} else if o, err := in.store.Get(ctx, orig); err == nil {
			story = o.StoryID
		}
		if story != "" {
			rec.StoryID, rec.DuplicateOf = story, orig
			res.Status, res.DuplicateOf, res.Similarity = NearDuplicate, orig, sim
		}
	}
	if rec.StoryID == "" {
		asg := in.cl.Assign(a.ID, f)
		rec.StoryID, res.NewStory = asg.Story, asg.New
	}
	res.Story = rec.StoryID
	in.dd.Add(a.ID, sketch)
	return rec, res
}
