// Package api is Marsad's HTTP JSON API: articles, stories and their
// comparison, entities with their mentions and quotes, quotes by speaker,
// search, ingest and health. It uses the standard library's router (Go 1.22
// patterns) and is bounded everywhere: request bodies, page sizes, the
// number of requests served at once, and the server's timeouts.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"marsad"
	"marsad/internal/search"
)

//go:embed openapi.json
var openAPI []byte

// StoryBuilder builds a story's report, comparison included.
type StoryBuilder interface {
	Story(ctx context.Context, id string) (*marsad.Story, error)
}

// Ingester analyses one input (the body of POST /api/articles: a JSON
// article record or plain text) and stores and indexes it.
type Ingester interface {
	Ingest(ctx context.Context, body []byte, contentType string) (*IngestResult, error)
}

// IngestResult says what happened to a posted article.
type IngestResult struct {
	ID          string `json:"id"`
	Story       string `json:"story"`
	Status      string `json:"status"` // added, duplicate, near-duplicate
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Config is what the API serves from. Store, Index and Stories are
// required; Ingest nil answers POST /api/articles with 501.
type Config struct {
	Store   marsad.Store
	Index   *search.Index
	Stories StoryBuilder
	Ingest  Ingester
	// MaxBody bounds a request body (default 8 MB).
	MaxBody int64
	// MaxInFlight bounds the requests served at once (default 64); more
	// wait up to QueueWait (default 2s), then get 503.
	MaxInFlight int
	QueueWait   time.Duration
	// Log receives server-side errors; nil means log.Default().
	Log *log.Logger
}

// DefaultMaxBody bounds a posted article: the largest news pages are a
// few hundred kilobytes.
const DefaultMaxBody = 8 << 20

// route is one endpoint; the table is what the OpenAPI test checks.
type route struct {
	method, pattern string
	handler         func(*server, http.ResponseWriter, *http.Request) error
}

var routes = []route{
	{"GET", "/api/health", (*server).health},
	{"GET", "/api/openapi.json", (*server).openapi},
	{"GET", "/api/articles/{id}", (*server).article},
	{"POST", "/api/articles", (*server).ingest},
	{"GET", "/api/stories", (*server).stories},
	{"GET", "/api/stories/{id}", (*server).story},
	{"GET", "/api/stories/{id}/comparison", (*server).comparison},
	{"GET", "/api/entities", (*server).entities},
	{"GET", "/api/entities/{id}", (*server).entity},
	{"GET", "/api/entities/{id}/mentions", (*server).mentions},
	{"GET", "/api/entities/{id}/quotes", (*server).entityQuotes},
	{"GET", "/api/quotes", (*server).quotes},
	{"GET", "/api/search", (*server).search},
}

type server struct {
	Config
	sem chan struct{}
}

// New returns the API handler, serving paths under /api/.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil || cfg.Index == nil || cfg.Stories == nil {
		return nil, errors.New("api: Store, Index and Stories are required")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 64
	}
	if cfg.QueueWait <= 0 {
		cfg.QueueWait = 2 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	s := &server{Config: cfg, sem: make(chan struct{}, cfg.MaxInFlight)}
	mux := http.NewServeMux()
	for _, rt := range routes {
		h := rt.handler
		mux.HandleFunc(rt.method+" "+rt.pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(s, w, r); err != nil {
				s.fail(w, r, err)
			}
		})
	}
	// Unknown /api/ paths answer in JSON too, not with the web UI's page.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	return s.limit(mux), nil
}

// limit bounds the requests in flight.
func (s *server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(s.QueueWait)
		defer t.Stop()
		select {
		case s.sem <- struct{}{}:
		case <-t.C:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "server busy, retry later")
			return
		case <-r.Context().Done():
			return
		}
		defer func() { <-s.sem }()
		next.ServeHTTP(w, r)
	})
}

// NewHTTPServer returns an http.Server with the timeouts a public
// endpoint needs: slow clients cannot hold connections open.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully,
// giving requests in flight up to 10 seconds to finish.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// httpError is an error with the status to answer.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		writeError(w, he.status, he.msg)
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit))
	case errors.Is(err, marsad.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, marsad.ErrInvalid):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "request cancelled or timed out")
	default:
		s.Log.Printf("api: %s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

// errorBody is every error's JSON form.
type errorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	var b errorBody
	b.Error.Status, b.Error.Message = status, msg
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// pageParams reads limit and offset (default 20, at most search.MaxLimit).
func pageParams(r *http.Request) (limit, offset int, err error) {
	limit, offset = 20, 0
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return 0, 0, badRequest("limit: want a positive integer, got %q", v)
		}
	}
	if v := r.URL.Query().Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, badRequest("offset: want a non-negative integer, got %q", v)
		}
	}
	return min(limit, search.MaxLimit), offset, nil
}

// Page is a page of a list.
type Page[T any] struct {
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	Items  []T `json:"items"`
}

func (s *server) health(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.Store.Stories(r.Context(), 1); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": err.Error()})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
	return nil
}

func (s *server) article(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec.Article)
	return nil
}

func (s *server) ingest(w http.ResponseWriter, r *http.Request) error {
	if s.Ingest == nil {
		return &httpError{http.StatusNotImplemented, "ingest is not enabled on this server"}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.MaxBody))
	if err != nil {
		return err
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return badRequest("empty body: post a JSON article record or plain text")
	}
	res, err := s.Ingest.Ingest(r.Context(), body, r.Header.Get("Content-Type"))
	if err != nil {
		if errors.Is(err, marsad.ErrInvalid) || isInputError(err) {
			return badRequest("%v", err)
		}
		return err
	}
	status := http.StatusCreated
	if res.Status == "duplicate" {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
	return nil
}

// InputError marks an ingest failure caused by the input (so 400, not
// 500); Ingester implementations wrap such errors with it.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func isInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

func (s *server) stories(w http.ResponseWriter, r *http.Request) error {
	limit, offset, err := pageParams(r)
	if err != nil {
		return err
	}
	all, err := s.Store.Stories(r.Context(), limit+offset+1)
	if err != nil {
		return err
	}
	p := Page[marsad.StoryInfo]{Limit: limit, Offset: offset, Items: []marsad.StoryInfo{}}
	if offset < len(all) {
		p.Items = all[offset:min(len(all), offset+limit)]
	}
	p.Total = len(all)
	if len(all) > offset+limit { // more exist; count them
		if every, err := s.Store.Stories(r.Context(), 0); err == nil {
			p.Total = len(every)
		}
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *server) story(w http.ResponseWriter, r *http.Request) error {
	st, err := s.Stories.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func (s *server) comparison(w http.ResponseWriter, r *http.Request) error {
	st, err := s.Stories.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"story": st.ID, "articles": st.Articles, "comparison": st.Comparison})
	return nil
}

func (s *server) entities(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return badRequest("q: a name to look up is required")
	}
	limit, _, err := pageParams(r)
	if err != nil {
		return err
	}
	hits, err := s.Index.Entities(r.Context(), q, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "entities": hits})
	return nil
}

// EntityPage is an entity with what the entity page shows.
type EntityPage struct {
	search.EntityHit
	Timeline    []search.Day      `json:"timeline"`
	CoOccurring []search.CoEntity `json:"co_occurring"`
}

func (s *server) entity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	e, err := s.Index.Entity(r.Context(), id)
	if err != nil {
		return err
	}
	p := EntityPage{EntityHit: *e}
	if p.Timeline, err = s.Index.Timeline(r.Context(), id); err != nil {
		return err
	}
	if p.CoOccurring, err = s.Index.CoOccurring(r.Context(), id, 15); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *server) mentions(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.Index.Entity(r.Context(), id); err != nil {
		return err
	}
	limit, offset, err := pageParams(r)
	if err != nil {
		return err
	}
	ms, total, err := s.Index.Mentions(r.Context(), id, limit, offset)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Page[search.MentionHit]{Total: total, Limit: limit, Offset: offset, Items: ms})
	return nil
}

func (s *server) entityQuotes(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.Index.Entity(r.Context(), id); err != nil {
		return err
	}
	return s.quotesBy(w, r, id)
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) error {
	sp := r.URL.Query().Get("speaker")
	if sp == "" {
		return badRequest("speaker: an entity id is required")
	}
	return s.quotesBy(w, r, sp)
}

func (s *server) quotesBy(w http.ResponseWriter, r *http.Request, speaker string) error {
	limit, offset, err := pageParams(r)
	if err != nil {
		return err
	}
	qs, total, err := s.Index.Quotes(r.Context(), speaker, limit, offset)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Page[search.QuoteHit]{Total: total, Limit: limit, Offset: offset, Items: qs})
	return nil
}

// ParseQuery reads a search query from URL parameters: q, kind, source
// (repeatable or comma separated), from, to, entity, speaker, limit, offset.
func ParseQuery(r *http.Request) (search.Query, error) {
	v := r.URL.Query()
	q := search.Query{Text: v.Get("q"), Kind: v.Get("kind"), From: v.Get("from"), To: v.Get("to"),
		Entity: v.Get("entity"), Speaker: v.Get("speaker")}
	if len(q.Text) > 1000 {
		return q, badRequest("q: longer than 1000 bytes")
	}
	for _, s := range v["source"] {
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				q.Sources = append(q.Sources, x)
			}
		}
	}
	for _, d := range []struct{ name, v string }{{"from", q.From}, {"to", q.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return q, badRequest("%s: want a date YYYY-MM-DD, got %q", d.name, d.v)
		}
	}
	if q.Kind != "" && q.Kind != search.KindArticle && q.Kind != search.KindQuote {
		return q, badRequest("kind: want article or quote, got %q", q.Kind)
	}
	var err error
	q.Limit, q.Offset, err = pageParams(r)
	if v.Get("limit") == "" {
		q.Limit = 10
	}
	return q, err
}

func (s *server) search(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseQuery(r)
	if err != nil {
		return err
	}
	if strings.TrimSpace(q.Text) == "" && q.Entity == "" && q.Speaker == "" && len(q.Sources) == 0 && q.From == "" && q.To == "" {
		return badRequest("q: a query or a filter is required")
	}
	res, err := s.Index.Search(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
