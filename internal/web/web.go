// Package web is Marsad's browser interface: server-rendered html/template
// pages, Arabic first and right to left (dir="rtl" lang="ar") with an
// English toggle for the interface words, readable on a phone, with no
// JavaScript. Templates and the stylesheet are embedded in the binary.
package web

import (
	"compress/gzip"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"marsad"
	"marsad/internal/search"
	"marsad/internal/text/normalize"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// StoryBuilder builds a story's report, comparison included (the same
// interface as api.StoryBuilder, so one value serves both).
type StoryBuilder interface {
	Story(ctx context.Context, id string) (*marsad.Story, error)
}

// Config is what the pages are built from.
type Config struct {
	Store   marsad.Store
	Index   *search.Index
	Stories StoryBuilder
	Log     *log.Logger
}

type site struct {
	Config
	pages map[string]*template.Template
}

// New returns the web UI handler for every path outside /api/.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil || cfg.Index == nil || cfg.Stories == nil {
		return nil, errors.New("web: Store, Index and Stories are required")
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	s := &site{Config: cfg, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(n[len("templates/"):], ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", n, err)
		}
		s.pages[base] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	mux.HandleFunc("GET /{$}", s.handle("stories", s.storiesPage))
	mux.HandleFunc("GET /stories/{id}", s.handle("story", s.storyPage))
	mux.HandleFunc("GET /entities/{id}", s.handle("entity", s.entityPage))
	mux.HandleFunc("GET /articles/{id}", s.handle("article", s.articlePage))
	mux.HandleFunc("GET /search", s.handle("search", s.searchPage))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusNotFound, "error", map[string]any{"Message": msgNotFound})
	})
	return gzipped(mux), nil
}

// gzipped compresses responses for clients that accept it: Arabic pages
// are 30–60 KB of two-byte letters and shrink about fourfold, which is
// most of a phone's waiting on a slow link.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		// The stylesheet is small, cached and served with ranges and 304s
		// by the file server: left as it is.
		if !acceptsGzip(r.Header.Get("Accept-Encoding")) || r.Method == http.MethodHead || strings.HasPrefix(r.URL.Path, "/static/") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		defer zw.Close()
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: zw}, r)
	})
}

// acceptsGzip reads an Accept-Encoding header ("gzip, deflate, br";
// "gzip;q=0" refuses it).
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// page is what every template receives.
type page struct {
	Lang  string // "ar" or "en": the interface language
	Dir   string
	Path  string // the request path, for the language toggle
	Query string // the search box
	// Toggle is this page in the other interface language, its query
	// kept (a search or a page of results must survive the switch).
	Toggle string
	Data   any
}

const msgNotFound = "notfound"

// handle wraps a page builder: errors become an error page.
func (s *site) handle(name string, build func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		data, err := build(r)
		if err != nil {
			status, msg := http.StatusInternalServerError, "error"
			var be badRequest
			switch {
			case errors.Is(err, marsad.ErrNotFound):
				status, msg = http.StatusNotFound, msgNotFound
			case errors.As(err, &be):
				status, msg = http.StatusBadRequest, string(be)
			default:
				s.Log.Printf("web: %s: %v", r.URL.Path, err)
			}
			s.render(w, r, status, "error", map[string]any{"Message": msg})
			return
		}
		s.render(w, r, http.StatusOK, name, data)
	}
}

type badRequest string

func (b badRequest) Error() string { return string(b) }

func (s *site) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	lang := "ar"
	if l := r.URL.Query().Get("lang"); l == "en" || l == "ar" {
		lang = l
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	} else if c, err := r.Cookie("lang"); err == nil && (c.Value == "en" || c.Value == "ar") {
		lang = c.Value
	}
	p := page{Lang: lang, Dir: "rtl", Path: r.URL.Path, Query: r.URL.Query().Get("q"), Data: data}
	other := "en"
	if lang == "en" {
		p.Dir, other = "ltr", "ar"
	}
	tq := r.URL.Query()
	tq.Set("lang", other)
	p.Toggle = r.URL.Path + "?" + tq.Encode()
	t := s.pages[name]
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:")
	w.WriteHeader(status)
	if err := t.Execute(w, p); err != nil {
		s.Log.Printf("web: render %s: %v", name, err)
	}
}

// storiesPage lists the stories, newest first, a page at a time; with
// ?multi=1 only the stories that several outlets report, the ones with
// something to compare.
func (s *site) storiesPage(r *http.Request) (any, error) {
	const per = 30
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	off = max(off, 0)
	multi := r.URL.Query().Get("multi") == "1"
	limit := off + per + 1
	if multi {
		limit = 0 // the filter needs them all (the store has no outlet count)
	}
	all, err := s.Store.Stories(r.Context(), limit)
	if err != nil {
		return nil, err
	}
	v := storiesView{Multi: multi, Offset: off, Prev: max(off-per, 0), Next: off + per}
	for _, st := range all {
		it := storyItem{StoryInfo: st}
		seen := map[string]bool{}
		for _, a := range st.Articles {
			if d := a.Published; d > it.Latest {
				it.Latest = d
			}
			if !seen[a.Source] {
				seen[a.Source] = true
				it.Outlets = append(it.Outlets, a.Source)
			}
		}
		if multi && len(it.Outlets) < 2 {
			continue
		}
		v.Total++
		if v.Total > off && len(v.Items) < per {
			v.Items = append(v.Items, it)
		}
	}
	v.HasMore = v.Total > off+per
	return v, nil
}

type storiesView struct {
	Items      []storyItem
	Multi      bool
	Total      int // with multi: every matching story; else up to a page past this one
	Offset     int
	Prev, Next int
	HasMore    bool
}

// storyItem is a story in the list with its distinct outlets.
type storyItem struct {
	marsad.StoryInfo
	Outlets []string
	Latest  string // the newest article's publication date
}

// column is one outlet's article in the story's side-by-side view.
type column struct {
	Article marsad.StoryArticle
	Claims  []template.HTML
}

type storyView struct {
	Story *marsad.Story
	// Title is the story's title, or the first words of its first
	// article when no article has one.
	Title      string
	Agreements []claimView
	// Unique has a column for each article with claims of its own; Silent
	// names the others once, instead of a column of "none" each.
	Unique    []column
	Silent    []marsad.StoryArticle
	Conflicts []claimView
	Events    []eventView
	Quotes    []quoteGroup
	// Sources are the story's articles by id (the summary names the
	// outlet of each of its sentences).
	Sources map[string]marsad.StoryArticle
}

type claimView struct {
	Claim   string
	Sources []evidenceView
	// Outlets is how many different outlets the sources come from: the
	// weight of an agreement is in its outlets, not its articles.
	Outlets int
}

// quoteGroup is one statement as the story's articles carry it: the same
// words by the same speaker, reported by several outlets, are shown once
// with the articles that report them.
type quoteGroup struct {
	Speaker  entityRef
	Text     string
	Articles []marsad.StoryArticle
	// Kind and Cue come from the stored article (a story's quotes do not
	// carry them): indirect speech is not put in quotation marks.
	Kind, Cue string
}

// outlets counts the distinct outlets of evidence.
func outlets(ev []evidenceView) int {
	seen := map[string]bool{}
	for _, e := range ev {
		seen[e.Article.Source] = true
	}
	return len(seen)
}

type evidenceView struct {
	Article marsad.StoryArticle
	HTML    template.HTML
}

func (s *site) storyPage(r *http.Request) (any, error) {
	id := r.PathValue("id")
	st, err := s.Stories.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	recs, err := s.Store.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for _, rec := range recs {
		if rec.Article != nil {
			texts[rec.Article.ID] = rec.Article.Text
		}
	}
	arts := map[string]marsad.StoryArticle{}
	for _, a := range st.Articles {
		arts[a.ID] = a
	}
	ev := func(e marsad.Evidence) evidenceView {
		return evidenceView{Article: arts[e.Article], HTML: contextHTML(texts[e.Article], marsad.Span{Start: e.Start, End: e.End}, e.Text)}
	}
	v := storyView{Story: st, Title: st.Title, Sources: arts}
	if v.Title == "" && len(recs) > 0 && recs[0].Article != nil {
		v.Title = funcs["firstWords"].(func(string) string)(recs[0].Article.Text)
	}
	for _, c := range st.Comparison.Agreements {
		cv := claimView{Claim: c.Claim}
		for _, e := range c.Sources {
			cv.Sources = append(cv.Sources, ev(e))
		}
		cv.Outlets = outlets(cv.Sources)
		v.Agreements = append(v.Agreements, cv)
	}
	for _, c := range st.Comparison.Conflicts {
		cv := claimView{Claim: c.About}
		for _, e := range c.Variants {
			cv.Sources = append(cv.Sources, ev(e))
		}
		cv.Outlets = outlets(cv.Sources)
		v.Conflicts = append(v.Conflicts, cv)
	}
	// Exclusives grouped by outlet, one column each.
	byArt := map[string]*column{}
	for _, a := range st.Articles {
		byArt[a.ID] = &column{Article: a}
	}
	for _, c := range st.Comparison.Unique {
		for _, e := range c.Sources {
			if col := byArt[e.Article]; col != nil {
				col.Claims = append(col.Claims, ev(e).HTML)
			}
		}
	}
	for _, a := range st.Articles {
		if col := byArt[a.ID]; len(col.Claims) > 0 {
			v.Unique = append(v.Unique, *col)
		} else {
			v.Silent = append(v.Silent, a)
		}
	}
	names := map[string]entityRef{}
	for _, e := range st.Entities {
		names[e.ID] = entityRef{ID: e.ID, Name: e.Name}
	}
	v.Quotes = groupQuotes(st.Quotes, arts)
	for i := range v.Quotes {
		g := &v.Quotes[i]
		for _, a := range g.Articles {
			if q, ok := quoteIn(recs, a.ID, g.Text); ok {
				g.Kind, g.Cue = q.Kind, q.Cue
				break
			}
		}
	}
	for _, e := range st.Events {
		x := eventView{Type: e.Type, Code: e.Code, Mode: e.Mode, Actors: refsOf(names, e.Actors), Targets: refsOf(names, e.Targets),
			Date: e.Date, Asserted: e.Mode == marsad.Asserted}
		for _, src := range e.Sources {
			x.Sources = append(x.Sources, ev(src))
		}
		v.Events = append(v.Events, x)
	}
	return v, nil
}

// groupQuotes merges the story's quotes that are the same words by the
// same speaker (compared in the search form, so spelling variants of one
// statement meet), keeping the order of first appearance.
func groupQuotes(qs []marsad.StoryQuote, arts map[string]marsad.StoryArticle) []quoteGroup {
	var out []quoteGroup
	at := map[[2]string]int{}
	for _, q := range qs {
		k := [2]string{q.Speaker, normalize.Search(q.Text)}
		if q.Speaker == "" {
			k[0] = "name:" + q.SpeakerName
		}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, quoteGroup{Speaker: entityRef{ID: q.Speaker, Name: q.SpeakerName}, Text: q.Text})
		}
		a, ok := arts[q.Article]
		if !ok {
			a = marsad.StoryArticle{ID: q.Article}
		}
		dup := false
		for _, b := range out[i].Articles {
			dup = dup || b.ID == a.ID
		}
		if !dup {
			out[i].Articles = append(out[i].Articles, a)
		}
	}
	return out
}

// quoteIn finds the stored quote of article id with the given text.
func quoteIn(recs []*marsad.Record, id, text string) (marsad.Quote, bool) {
	for _, r := range recs {
		if r.Article == nil || r.Article.ID != id {
			continue
		}
		for _, q := range r.Article.Quotes {
			if q.Text == text {
				return q, true
			}
		}
	}
	return marsad.Quote{}, false
}

// refsOf names entity ids; an id with no entity stands as its own name.
func refsOf(names map[string]entityRef, ids []string) []entityRef {
	out := make([]entityRef, 0, len(ids))
	for _, id := range ids {
		r, ok := names[id]
		if !ok {
			r = entityRef{Name: id}
		}
		out = append(out, r)
	}
	return out
}

type entityView struct {
	Entity   *search.EntityHit
	Mentions []search.MentionHit
	Total    int
	Quotes   []entityQuote
	Co       []search.CoEntity
	Chart    template.HTML
	Events   []eventView
	Next     int
	Prev     int
	HasMore  bool
	Offset   int
}

func (s *site) entityPage(r *http.Request) (any, error) {
	id := r.PathValue("id")
	e, err := s.Index.Entity(r.Context(), id)
	if err != nil {
		return nil, err
	}
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	off = max(off, 0)
	v := entityView{Entity: e, Offset: off}
	const per = 20
	if v.Mentions, v.Total, err = s.Index.Mentions(r.Context(), id, per, off); err != nil {
		return nil, err
	}
	v.HasMore, v.Next, v.Prev = off+per < v.Total, off+per, max(off-per, 0)
	qs, _, err := s.Index.Quotes(r.Context(), id, 50, 0)
	if err != nil {
		return nil, err
	}
	v.Quotes = groupEntityQuotes(qs)
	if v.Co, err = s.Index.CoOccurring(r.Context(), id, 15); err != nil {
		return nil, err
	}
	days, err := s.Index.Timeline(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v.Chart = timelineSVG(days)
	// The events of the articles on this page of mentions in which the
	// entity acts, is acted on or is the place: who did what, with it.
	seen := map[string]bool{}
	for _, m := range v.Mentions {
		if seen[m.Article] {
			continue
		}
		seen[m.Article] = true
		rec, err := s.Store.Get(r.Context(), m.Article)
		if err != nil {
			continue // indexed but no longer stored: the mention still shows
		}
		for _, ev := range eventViews(rec.Article) {
			if ev.involves(id) {
				ev.Article = m.Article
				v.Events = append(v.Events, ev)
			}
		}
	}
	return v, nil
}

// entityQuote is one statement of an entity with every article that
// reports it: agency copy carried by five papers is one statement.
type entityQuote struct {
	search.QuoteHit
	Articles []search.QuoteHit
}

// groupEntityQuotes merges quotes whose words are the same in the search
// form, keeping the order of the first of each.
func groupEntityQuotes(qs []search.QuoteHit) []entityQuote {
	var out []entityQuote
	at := map[string]int{}
	for _, q := range qs {
		k := normalize.Search(q.Text)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, entityQuote{QuoteHit: q})
		}
		out[i].Articles = append(out[i].Articles, q)
	}
	return out
}

// involves reports whether entity id is one of the event's actors, targets
// or its location.
func (ev eventView) involves(id string) bool {
	for _, r := range append(append([]entityRef(nil), ev.Actors...), ev.Targets...) {
		if r.ID == id {
			return true
		}
	}
	return ev.Location != nil && ev.Location.ID == id
}

type searchView struct {
	Results  *search.Results
	Entities []search.EntityHit
	Hits     []hitView
	Kind     string
	Next     int
	Prev     int
	HasMore  bool
	HasPrev  bool
	// The filters as asked, for the form and for links that keep them.
	Source, From, To, Entity, Speaker string
	params                            url.Values
	// The entity or speaker filter by name, for the heading: a page of
	// results filtered by an id must say whose they are.
	EntityRef, SpeakerRef *entityRef
}

// URL is this search with kind and offset replaced (the other filters
// kept: a next page or a switch to quotes must not drop a date range).
func (v searchView) URL(kind string, offset int) string {
	p := url.Values{}
	for k, vs := range v.params {
		p[k] = vs
	}
	p.Del("offset")
	p.Del("kind")
	if kind != "" {
		p.Set("kind", kind)
	}
	if offset > 0 {
		p.Set("offset", strconv.Itoa(offset))
	}
	return "/search?" + p.Encode()
}

// Without is this search without one filter.
func (v searchView) Without(key string) string {
	p := url.Values{}
	for k, vs := range v.params {
		if k != key && k != "offset" {
			p[k] = vs
		}
	}
	return "/search?" + p.Encode()
}

type hitView struct {
	search.Hit
	HTML template.HTML
}

// Bad search requests, each with a message in words (i18n.go).
const (
	msgQueryTooLong = "queryTooLong"
	msgBadKind      = "badKind"
	msgBadDate      = "badDate"
)

func (s *site) searchPage(r *http.Request) (any, error) {
	v := r.URL.Query()
	q := search.Query{Text: v.Get("q"), Kind: v.Get("kind"), Entity: v.Get("entity"), Speaker: v.Get("speaker"),
		From: strings.TrimSpace(v.Get("from")), To: strings.TrimSpace(v.Get("to")), Limit: 10}
	if len(q.Text) > 1000 {
		return nil, badRequest(msgQueryTooLong)
	}
	src := strings.TrimSpace(v.Get("source"))
	if src != "" {
		for _, s := range strings.Split(src, ",") {
			if s = strings.TrimSpace(s); s != "" {
				q.Sources = append(q.Sources, s)
			}
		}
	}
	if q.Kind != "" && q.Kind != search.KindArticle && q.Kind != search.KindQuote {
		return nil, badRequest(msgBadKind)
	}
	// A malformed date would silently match nothing: say so instead.
	for _, d := range []string{q.From, q.To} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			return nil, badRequest(msgBadDate)
		}
	}
	q.Offset, _ = strconv.Atoi(v.Get("offset"))
	q.Offset = max(q.Offset, 0)
	keep := url.Values{}
	for _, k := range []string{"q", "kind", "source", "from", "to", "entity", "speaker"} {
		if x := strings.TrimSpace(v.Get(k)); x != "" {
			keep.Set(k, x)
		}
	}
	out := searchView{Kind: q.Kind, Source: src, From: q.From, To: q.To, Entity: q.Entity, Speaker: q.Speaker, params: keep}
	for _, f := range []struct {
		id  string
		ref **entityRef
	}{{q.Entity, &out.EntityRef}, {q.Speaker, &out.SpeakerRef}} {
		if f.id == "" {
			continue
		}
		e, err := s.Index.Entity(r.Context(), f.id)
		if err != nil {
			return nil, err // an unknown entity is a 404, not an empty list
		}
		*f.ref = &entityRef{ID: e.ID, Name: e.Name}
	}
	if strings.TrimSpace(q.Text) == "" && q.Entity == "" && q.Speaker == "" {
		return out, nil
	}
	res, err := s.Index.Search(r.Context(), q)
	if err != nil {
		return nil, err
	}
	out.Results = res
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hitView{Hit: h, HTML: highlight(h.Snippet.Text, h.Snippet.Start, h.Snippet.Highlights)})
	}
	out.HasMore, out.Next = q.Offset+len(res.Hits) < res.Total, q.Offset+q.Limit
	out.HasPrev, out.Prev = q.Offset > 0, max(q.Offset-q.Limit, 0)
	if q.Offset == 0 && strings.TrimSpace(q.Text) != "" {
		if out.Entities, err = s.Index.Entities(r.Context(), q.Text, 5); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type articleView struct {
	Article    *marsad.Article
	Story      string
	Paragraphs []template.HTML
	Events     []eventView
	// What the highlights say, listed under the text: a reader on a phone
	// or a keyboard cannot hover over a highlight to read its title.
	Entities []entityRow
	Quotes   []quoteRow
	Times    []marsad.TimeExpr
	// Others are the story's other articles: a reader comparing outlets
	// goes from one version to the next without the story page.
	Others []marsad.StoryArticle
}

// entityRow is one entity of an article with how often it is mentioned.
type entityRow struct {
	ID, Name, NameEn, Type string
	Mentions               int
}

// quoteRow is one statement of an article: who said it, how, and where it
// is in the text (Anchor is the id of its first highlighted piece).
type quoteRow struct {
	Speaker   entityRef
	Cue, Kind string
	Text      string
	Anchor    string
}

// eventView is one coded event as the article page lists it: who did
// what to whom, with the sentence that says so.
type eventView struct {
	Type, Code, Mode string
	Actors, Targets  []entityRef
	Location         *entityRef
	Date, Sentence   string
	Asserted         bool
	Sources          []evidenceView // on a story page: each outlet's sentence
	Article          string         // on an entity page: the article it is from
	Anchor           string         // on an article page: its sentence's id in the text
}

// entityRef names an entity and links to its page.
type entityRef struct{ ID, Name string }

func eventViews(a *marsad.Article) []eventView {
	names := map[string]entityRef{}
	for _, e := range a.Entities {
		names[e.ID] = entityRef{ID: e.ID, Name: e.Name}
	}
	var out []eventView
	for _, ev := range a.Events {
		v := eventView{Type: ev.Type, Code: ev.Code, Mode: ev.Mode, Actors: refsOf(names, ev.Actors), Targets: refsOf(names, ev.Targets),
			Date: ev.Date, Asserted: ev.Mode == marsad.Asserted}
		if ev.Location != "" {
			v.Location = &refsOf(names, []string{ev.Location})[0]
		}
		if sp := (marsad.Span{Start: ev.Start, End: ev.End}); sp.Valid(len(a.Text)) {
			v.Sentence = a.Text[sp.Start:sp.End]
		}
		v.Anchor = eventAnchor(len(out))
		out = append(out, v)
	}
	return out
}

func (s *site) articlePage(r *http.Request) (any, error) {
	rec, err := s.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	a := rec.Article
	v := articleView{Article: a, Story: rec.StoryID, Events: eventViews(a)}
	if rec.StoryID != "" {
		recs, err := s.Store.Story(r.Context(), rec.StoryID)
		if err != nil && !errors.Is(err, marsad.ErrNotFound) {
			return nil, err
		}
		for _, o := range recs {
			if o.Article != nil && o.Article.ID != a.ID {
				v.Others = append(v.Others, marsad.StoryArticle{ID: o.Article.ID, Source: o.Article.Source, Title: o.Article.Title, Published: o.Article.Published})
			}
		}
	}
	paras := a.Paragraphs
	if len(paras) == 0 {
		paras = []marsad.Span{{Start: 0, End: len(a.Text)}}
	}
	layers := annotationLayers(a)
	for _, e := range a.Entities {
		v.Entities = append(v.Entities, entityRow{ID: e.ID, Name: e.Name, NameEn: e.NameEn, Type: e.Type, Mentions: len(e.Mentions)})
	}
	sort.SliceStable(v.Entities, func(i, j int) bool { return v.Entities[i].Mentions > v.Entities[j].Mentions })
	for i, q := range a.Quotes {
		name := q.SpeakerName
		v.Quotes = append(v.Quotes, quoteRow{Speaker: entityRef{ID: q.Speaker, Name: name}, Cue: q.Cue, Kind: q.Kind, Text: q.Text, Anchor: quoteAnchor(i)})
	}
	seen := map[[2]string]bool{}
	for _, t := range a.Times {
		k := [2]string{t.Text, t.Value}
		if !seen[k] {
			seen[k] = true
			v.Times = append(v.Times, t)
		}
	}
	for _, p := range paras {
		if p.Valid(len(a.Text)) {
			v.Paragraphs = append(v.Paragraphs, annotate(a.Text, p, layers))
		}
	}
	return v, nil
}

// layer is one annotation to draw on article text.
type layer struct {
	span  marsad.Span
	kind  string // "ent", "q", "time", "ev" (an event's sentence: an anchor, not a colour)
	href  string
	title string
	id    string // an anchor for the layer's first piece, or ""
}

// eventAnchor is the id of the i-th event's sentence in the article text.
func eventAnchor(i int) string { return "e" + strconv.Itoa(i+1) }

// quoteAnchor is the id of the i-th quote's place in the article text.
func quoteAnchor(i int) string { return "q" + strconv.Itoa(i+1) }

func annotationLayers(a *marsad.Article) []layer {
	var ls []layer
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			href := ""
			if e.ID != "" {
				href = "/entities/" + e.ID
			}
			ls = append(ls, layer{marsad.Span{Start: m.Start, End: m.End}, "ent", href, e.Name + " · " + e.NameEn + " · " + e.Type, ""})
		}
	}
	for i, q := range a.Quotes {
		ls = append(ls, layer{marsad.Span{Start: q.Start, End: q.End}, "q", "", q.SpeakerName + " (" + q.Cue + ")", quoteAnchor(i)})
	}
	for _, t := range a.Times {
		ls = append(ls, layer{marsad.Span{Start: t.Start, End: t.End}, "time", "", t.Value, ""})
	}
	for i, e := range a.Events {
		ls = append(ls, layer{marsad.Span{Start: e.Start, End: e.End}, "ev", "", "", eventAnchor(i)})
	}
	return ls
}

// annotate renders text[p] with every layer that touches it. The text
// is cut at every layer boundary, so overlapping annotations (a name
// inside a quote) nest without broken markup: each piece carries the
// classes of the layers covering it.
func annotate(text string, p marsad.Span, ls []layer) template.HTML {
	cuts := map[int]bool{p.Start: true, p.End: true}
	var in []layer
	for _, l := range ls {
		if !l.span.Valid(len(text)) || !l.span.Overlaps(p) {
			continue
		}
		in = append(in, l)
		for _, c := range []int{l.span.Start, l.span.End} {
			if c > p.Start && c < p.End && utf8.RuneStart(text[c]) {
				cuts[c] = true
			}
		}
	}
	pos := make([]int, 0, len(cuts))
	for c := range cuts {
		pos = append(pos, c)
	}
	sort.Ints(pos)
	var b strings.Builder
	anchored := map[string]bool{}
	for i := 0; i+1 < len(pos); i++ {
		seg := marsad.Span{Start: pos[i], End: pos[i+1]}
		var ent, q, tm *layer
		var evs []*layer
		for j := range in {
			if in[j].span.Contains(seg) {
				switch in[j].kind {
				case "ent":
					ent = &in[j]
				case "q":
					q = &in[j]
				case "time":
					tm = &in[j]
				case "ev":
					if !anchored[in[j].id] {
						evs = append(evs, &in[j])
					}
				}
			}
		}
		s := template.HTMLEscapeString(text[seg.Start:seg.End])
		if tm != nil {
			s = `<span class="time" title="` + template.HTMLEscapeString(tm.title) + `">` + s + `</span>`
		}
		if ent != nil {
			if ent.href != "" {
				s = `<a class="ent" href="` + template.HTMLEscapeString(ent.href) + `" title="` + template.HTMLEscapeString(ent.title) + `">` + s + `</a>`
			} else {
				s = `<mark title="` + template.HTMLEscapeString(ent.title) + `">` + s + `</mark>`
			}
		}
		for _, ev := range evs {
			// Only the first piece of an event's sentence carries its
			// anchor (two events of one sentence nest); the sentence is
			// not coloured, as quotes and names are.
			anchored[ev.id] = true
			s = `<span class="evs" id="` + template.HTMLEscapeString(ev.id) + `" tabindex="-1">` + s + `</span>`
		}
		if q != nil {
			id := ""
			if q.id != "" && !anchored[q.id] {
				anchored[q.id] = true
				// tabindex: following the list's link moves the keyboard
				// focus to the quotation, not only the view.
				id = ` id="` + template.HTMLEscapeString(q.id) + `" tabindex="-1"`
			}
			s = `<span class="q"` + id + ` title="` + template.HTMLEscapeString(q.title) + `">` + s + `</span>`
		}
		b.WriteString(s)
	}
	return template.HTML(b.String())
}

// highlight renders a snippet (text starting at byte base of the article)
// with its highlights (article byte spans) marked.
func highlight(text string, base int, hs []marsad.Span) template.HTML {
	var b strings.Builder
	at := 0
	for _, h := range hs {
		s, e := h.Start-base, h.End-base
		if s < at || e > len(text) || s >= e {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[at:s]))
		b.WriteString("<mark>" + template.HTMLEscapeString(text[s:e]) + "</mark>")
		at = e
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

// contextHTML shows the sentence around span sp of text with sp marked;
// when the text is unavailable it shows the evidence text alone.
func contextHTML(text string, sp marsad.Span, fallback string) template.HTML {
	if !sp.Valid(len(text)) || sp.Len() == 0 {
		return template.HTML("<mark>" + template.HTMLEscapeString(fallback) + "</mark>")
	}
	start, end := sp.Start, sp.End
	for start > 0 && sp.Start-start < 200 {
		c := text[start-1]
		if c == '\n' || c == '.' || c == '!' || c == '?' {
			break
		}
		start--
	}
	// A span that is a whole sentence needs no context after it.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text[sp.Start:sp.End]))
	whole := strings.ContainsRune(".!?؟", last)
	if !whole {
		for end < len(text) && end-sp.End < 200 {
			c := text[end]
			if c == '\n' || c == '.' || c == '!' || c == '?' {
				break
			}
			end++
		}
	}
	for start < sp.Start && !utf8.RuneStart(text[start]) {
		start++
	}
	for end > sp.End && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	pre, post := "", ""
	if start > 0 && text[start-1] != '\n' && text[start-1] != '.' {
		pre = "… "
	}
	if !whole && end < len(text) && text[end] != '\n' && text[end] != '.' {
		post = " …"
	}
	// Evidence that is the whole of what is shown (a sentence, an event's
	// sentence) is not marked: a wall of highlight says nothing and hides
	// the marks that do, in the columns beside it.
	if strings.TrimSpace(text[start:sp.Start]) == "" && strings.TrimSpace(text[sp.End:end]) == "" && pre == "" && post == "" {
		return template.HTML(`<span class="ev">` + template.HTMLEscapeString(text[sp.Start:sp.End]) + `</span>`)
	}
	return template.HTML(pre + template.HTMLEscapeString(strings.TrimLeft(text[start:sp.Start], " ")) +
		"<mark>" + template.HTMLEscapeString(text[sp.Start:sp.End]) + "</mark>" +
		template.HTMLEscapeString(text[sp.End:end]) + post)
}

// timelineSVG draws articles per day as bars, oldest on the right (the
// page reads right to left). Undated articles get their own bar.
func timelineSVG(days []search.Day) template.HTML {
	if len(days) == 0 {
		return ""
	}
	const w, h, top, bottom = 600, 140, 14, 26
	maxN := 1
	for _, d := range days {
		maxN = max(maxN, d.Articles)
	}
	bw := float64(w-20) / float64(len(days))
	// The chart's text alternative is its data, day by day: numbers and
	// ISO days read the same in either interface language.
	alt := make([]string, 0, len(days))
	for _, d := range days {
		day := d.Day
		if day == "" {
			day = "—"
		}
		alt = append(alt, fmt.Sprintf("%s: %d", day, d.Articles))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, w, h, template.HTMLEscapeString(strings.Join(alt, "; ")))
	for i, d := range days {
		x := float64(w-10) - float64(i+1)*bw
		bh := float64(h-top-bottom) * float64(d.Articles) / float64(maxN)
		y := float64(h-bottom) - bh
		label := d.Day
		if label == "" {
			label = "—"
		} else if len(label) >= 10 {
			label = label[5:10]
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d</title></rect>`,
			x+bw*0.15, y, bw*0.7, bh, template.HTMLEscapeString(d.Day), d.Articles)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`, x+bw/2, h-8, template.HTMLEscapeString(label))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, x+bw/2, y-3, d.Articles)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
