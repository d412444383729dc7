package api

import (
	"context"
	"errors"
	"fmt"
	"time"

	"marsad"
	"marsad/internal/search"
	"marsad/store"
)

// Stack is everything a server serves from, opened over one database
// file: the store, the search index (its own search_* tables in the same
// file), the story builder and the ingester.
type Stack struct {
	Store   marsad.Store
	Index   *search.Index
	Stories StoreStories
	Ingest  *PipelineIngester
}

// Open opens the store at path and the search index beside it, and
// indexes the articles stored since the index was last brought up to date
// (by this process or by `marsad ingest`). an analyses posted articles
// (pipeline.Default()); nil disables ingest.
func Open(ctx context.Context, path string, an Analyzer) (*Stack, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	ix, err := search.Open(ctx, path)
	if err != nil {
		st.Close()
		return nil, err
	}
	s := &Stack{Store: st, Index: ix, Stories: NewStoreStories(st)}
	if _, err := ix.Sync(ctx, st); err != nil {
		s.Close()
		return nil, fmt.Errorf("indexing %s: %w", path, err)
	}
	if an != nil {
		in, err := store.NewIngester(ctx, st, store.DefaultOptions())
		if err != nil {
			s.Close()
			return nil, err
		}
		s.Ingest = &PipelineIngester{Analyzer: an, Store: in, Index: ix}
	}
	return s, nil
}

// SyncEvery indexes, every d until ctx ends, the articles that other
// processes (`marsad ingest`, `marsad watch`) stored meanwhile, so they
// become searchable without a restart. Errors are logged, not fatal.
func (s *Stack) SyncEvery(ctx context.Context, d time.Duration, logf func(string, ...any)) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.Index.Sync(ctx, s.Store); err != nil && ctx.Err() == nil {
				logf("search index sync: %v", err)
			}
		}
	}
}

// Config returns an API configuration serving from the stack.
func (s *Stack) Config() Config {
	c := Config{Store: s.Store, Index: s.Index, Stories: s.Stories}
	if s.Ingest != nil {
		c.Ingest = s.Ingest
	}
	return c
}

// Close closes the index and the store.
func (s *Stack) Close() error {
	return errors.Join(s.Index.Close(), s.Store.Close())
}
