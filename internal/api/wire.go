package api

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"marsad"
	"marsad/internal/ingest"
	"marsad/internal/search"
	"marsad/internal/story"
	"marsad/store"
)

// StoreStories builds story reports from a store: store.Build for the
// articles, entities, quotes and timeline, internal/compare for the
// comparison of the outlets, internal/summary for a four-sentence summary.
// Reports are cached until the story gains an article: comparing is the
// costly part, and a story page is read far more often than it changes.
// The lead may replace it with the CLI's story builder once one exists (it
// satisfies StoryBuilder).
type StoreStories struct {
	Store marsad.Store
	cache *storyCache
}

// NewStoreStories returns a story builder over s with a report cache.
func NewStoreStories(s marsad.Store) StoreStories {
	return StoreStories{Store: s, cache: &storyCache{m: map[string]cachedStory{}}}
}

type storyCache struct {
	mu sync.Mutex
	m  map[string]cachedStory
}

type cachedStory struct {
	key   string // the story's article ids: a new article changes it
	story *marsad.Story
}

// maxCachedStories bounds the cache (a few hundred kilobytes each at most).
const maxCachedStories = 512

// Story builds story id's report.
func (s StoreStories) Story(ctx context.Context, id string) (*marsad.Story, error) {
	recs, err := s.Store.Story(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("story %q: %w", id, err)
	}
	var key strings.Builder
	for _, r := range recs {
		if r.Article != nil {
			key.WriteString(r.Article.ID)
			key.WriteByte(' ')
		}
	}
	if s.cache != nil {
		s.cache.mu.Lock()
		c, ok := s.cache.m[id]
		s.cache.mu.Unlock()
		if ok && c.key == key.String() {
			return c.story, nil
		}
	}
	st := store.FromRecords(id, recs)
	story.Complete(st, story.Distinct(recs))
	if s.cache != nil {
		s.cache.mu.Lock()
		if len(s.cache.m) >= maxCachedStories {
			clear(s.cache.m)
		}
		s.cache.m[id] = cachedStory{key.String(), st}
		s.cache.mu.Unlock()
	}
	return st, nil
}

// Analyzer is the analysis pipeline ((*pipeline.Pipeline).Analyze).
type Analyzer interface {
	Analyze(ctx context.Context, a *marsad.Article) error
}

// Adder stores an analysed article and places it in a story
// ((*store.Ingester).Add).
type Adder interface {
	Add(ctx context.Context, a *marsad.Article) (store.Result, error)
}

// PipelineIngester is the default Ingester: it reads the body with
// internal/ingest (a JSON record when it starts with '{', else plain text),
// runs the pipeline, stores the article, and indexes it for search.
type PipelineIngester struct {
	Analyzer Analyzer
	Store    Adder
	Index    *search.Index
	mu       sync.Mutex // the pipeline is safe, but ingest is CPU-bound: one at a time
}

// Ingest analyses, stores and indexes one posted article.
func (p *PipelineIngester) Ingest(ctx context.Context, body []byte, contentType string) (*IngestResult, error) {
	var a *marsad.Article
	var err error
	switch {
	case strings.HasPrefix(contentType, "application/json") || bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")):
		a, err = ingest.FromRecord(body, ingest.Options{})
	case strings.HasPrefix(contentType, "text/html"):
		a, err = ingest.FromHTML(body, "", ingest.Options{})
	default:
		a, err = ingest.FromText(body, ingest.Options{})
	}
	if err != nil {
		return nil, &InputError{fmt.Errorf("ingest: %w", err)}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.Analyzer.Analyze(ctx, a); err != nil {
		return nil, fmt.Errorf("analyse %s: %w", a.ID, err)
	}
	res, err := p.Store.Add(ctx, a)
	if err != nil {
		return nil, err
	}
	out := &IngestResult{ID: res.ID, Story: res.Story, Status: string(res.Status), DuplicateOf: res.DuplicateOf}
	if res.Status != store.Duplicate {
		if err := p.Index.Add(ctx, &marsad.Record{Article: a, StoryID: res.Story, DuplicateOf: res.DuplicateOf}); err != nil {
			return out, err
		}
	}
	return out, nil
}
