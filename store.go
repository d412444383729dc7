package marsad

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors a Store returns where callers must decide what to do.
var (
	// ErrNotFound: no article or story has the requested id.
	ErrNotFound = errors.New("not found")
	// ErrDuplicate: an article with the same id, URL or text hash is already
	// stored. Ingest treats it as success (idempotency), not as a failure.
	ErrDuplicate = errors.New("already stored")
	// ErrInvalid: the record cannot be stored as given (no id, no text,
	// spans outside the text …). The store is unchanged.
	ErrInvalid = errors.New("invalid record")
)

// Record is an article as the store keeps it: the full annotated article
// plus what ingest computed to index it.
type Record struct {
	Article *Article `json:"article"`
	// Hash is the hex SHA-256 of the article's search-normalized text; two
	// articles with the same Hash are the same text.
	Hash string `json:"hash"`
	// StoryID is the story the article was assigned to on arrival.
	StoryID string `json:"story_id"`
	// DuplicateOf is the id of an earlier stored article this one is a
	// near-copy of (an agency wire re-run with small edits), "" if none.
	// Near-duplicates are kept, linked and counted once in a story.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Terms is the article's search-normalized, clitic-segmented content
	// terms, space separated: what clustering and search index.
	Terms string `json:"terms"`
	// Sketch is the near-duplicate sketch of the text (internal/dedup).
	Sketch []byte `json:"sketch,omitempty"`
	// Added is when the record was stored (set by the store).
	Added time.Time `json:"added"`
}

// Validate checks what a database schema cannot: that the record is
// complete and every span lies inside the text, so stored spans can always
// be sliced. Every Store backend refuses the same records with it (an error
// wrapping ErrInvalid).
func (r *Record) Validate() error {
	if r == nil || r.Article == nil {
		return fmt.Errorf("%w: no article", ErrInvalid)
	}
	a := r.Article
	switch {
	case strings.TrimSpace(a.ID) == "":
		return fmt.Errorf("%w: article has no id", ErrInvalid)
	case strings.TrimSpace(a.Text) == "":
		return fmt.Errorf("%w: article %s has no text", ErrInvalid, a.ID)
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.ID) || !utf8.ValidString(a.URL):
		return fmt.Errorf("%w: article %s is not valid UTF-8", ErrInvalid, a.ID)
	case r.Hash == "":
		return fmt.Errorf("%w: article %s has no hash", ErrInvalid, a.ID)
	case r.StoryID == "":
		return fmt.Errorf("%w: article %s has no story", ErrInvalid, a.ID)
	}
	n := len(a.Text)
	bad := func(what string, s Span) error {
		return fmt.Errorf("%w: article %s: %s span %d-%d outside text of %d bytes", ErrInvalid, a.ID, what, s.Start, s.End, n)
	}
	for _, s := range a.Paragraphs {
		if !s.Valid(n) {
			return bad("paragraph", s)
		}
	}
	for _, s := range a.Sentences {
		if !s.Valid(n) {
			return bad("sentence", s)
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if !m.Span().Valid(n) {
				return bad("mention", m.Span())
			}
		}
	}
	for _, q := range a.Quotes {
		if s := (Span{Start: q.Start, End: q.End}); !s.Valid(n) {
			return bad("quote", s)
		}
	}
	for _, t := range a.Times {
		if s := (Span{Start: t.Start, End: t.End}); !s.Valid(n) {
			return bad("time", s)
		}
	}
	for _, e := range a.Events {
		if s := (Span{Start: e.Start, End: e.End}); !s.Valid(n) {
			return bad("event", s)
		}
	}
	return nil
}

// StoryInfo is one line of a story listing.
type StoryInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Articles are the story's articles, oldest first, near-duplicates
	// included (they are separate publications).
	Articles []StoryArticle `json:"articles"`
	// Updated is when the story last received an article.
	Updated time.Time `json:"updated"`
}

// Store keeps articles and the stories they form. Implementations
// (store/sqlite, later store/postgres) pass the store/storetest suite. All
// methods are safe for concurrent use.
type Store interface {
	// Add stores r in one transaction: either all of it (article, mentions,
	// quotes, times, events, story membership) or nothing. It returns an
	// error wrapping ErrDuplicate if the id, URL or Hash is already stored,
	// and ErrInvalid for a record that cannot be stored.
	Add(ctx context.Context, r *Record) error
	// Lookup returns the id of a stored article with this URL (if url is
	// not "") or this text hash (if hash is not ""), or ErrNotFound.
	Lookup(ctx context.Context, url, hash string) (string, error)
	// Get returns one stored record, or ErrNotFound.
	Get(ctx context.Context, id string) (*Record, error)
	// Story returns the records of one story, oldest first, or ErrNotFound.
	Story(ctx context.Context, id string) ([]*Record, error)
	// Stories lists stories, most recently updated first; limit <= 0 means all.
	Stories(ctx context.Context, limit int) ([]StoryInfo, error)
	// Scan calls fn for every record added at or after since, in the
	// order they were added, so that in-memory indexes (clustering,
	// near-duplicates) can be rebuilt when a process starts. Records passed
	// to fn carry Terms and Sketch and a light Article (ID and Published
	// only).
	Scan(ctx context.Context, since time.Time, fn func(*Record) error) error
	// Close releases the store; later calls fail.
	Close() error
}

// BatchStore is a Store that can also add many records in one transaction,
// each record still all-or-nothing. Bulk ingest uses it when available.
type BatchStore interface {
	Store
	// AddBatch adds recs and returns one error per record (nil: stored),
	// with Add's meaning.
	AddBatch(ctx context.Context, recs []*Record) []error
}
