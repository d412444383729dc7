// Package feed polls RSS and Atom feeds politely and fetches the pages they
// link to: conditional requests (ETag, Last-Modified) so an unchanged feed
// costs a 304, a bound on concurrent requests and on the request rate per
// host, a timeout and a size limit on every response, and exponential
// backoff (honouring Retry-After) for feeds that fail. Parsing is
// github.com/mmcdole/gofeed's, which reads RSS 0.9–2.0, Atom and JSON Feed.
package feed

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// Options tune a Poller. Zero fields take the defaults.
type Options struct {
	Client    *http.Client  // nil: a client with Timeout
	Timeout   time.Duration // one request, headers to last byte (default 30s)
	UserAgent string        // default "marsad/1 (+news monitoring)"
	MaxBytes  int64         // one response body (default 8 MB)
	PerHost   int           // concurrent requests to one host (default 2)
	Gap       time.Duration // least time between request starts to one host (default 1s)
	// Backoff is the first wait after a feed fails; it doubles with each
	// further failure up to MaxBackoff (defaults 1m and 6h).
	Backoff, MaxBackoff time.Duration
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	if o.UserAgent == "" {
		o.UserAgent = "marsad/1 (+news monitoring)"
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Gap < 0 {
		o.Gap = 0
	} else if o.Gap == 0 {
		o.Gap = time.Second
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 6 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Item is one entry of a feed.
type Item struct {
	Feed      string // the feed's URL
	Source    string // the feed's title (the outlet), "" if none
	Link      string // the article page
	GUID      string
	Title     string
	Published string // ISO date-time, "" if the feed gives none
	// Content is the entry's full content or, failing that, its summary,
	// as HTML; a fallback when the page cannot be fetched or extracted.
	Content string
}

// Errors a caller may want to tell apart.
var (
	ErrTooLarge = errors.New("response too large")
	ErrBackoff  = errors.New("feed is backing off after errors")
)

// StatusError is an HTTP response that is not a success.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Poller polls feeds and fetches pages. It is safe for concurrent use.
type Poller struct {
	opt Options

	mu    sync.Mutex
	hosts map[string]*host
	feeds map[string]*state
}

// host is the politeness state of one host.
type host struct {
	sem  chan struct{}
	mu   sync.Mutex
	next time.Time // earliest start of the next request
}

// state is what the poller remembers of one feed.
type state struct {
	etag, modified string
	failures       int
	retryAt        time.Time
}

// New returns a poller.
func New(opt Options) *Poller {
	opt.defaults()
	return &Poller{opt: opt, hosts: map[string]*host{}, feeds: map[string]*state{}}
}

func (p *Poller) host(name string) *host {
	p.mu.Lock()
	defer p.mu.Unlock()
	h := p.hosts[name]
	if h == nil {
		h = &host{sem: make(chan struct{}, p.opt.PerHost)}
		p.hosts[name] = h
	}
	return h
}

// acquire waits for a request slot on the host and for its rate limit.
func (p *Poller) acquire(ctx context.Context, hostname string) (release func(), err error) {
	h := p.host(hostname)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	now := p.opt.Now()
	wait := h.next.Sub(now)
	if wait < 0 {
		wait = 0
	}
	h.next = now.Add(wait + p.opt.Gap)
	h.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-h.sem
			return nil, ctx.Err()
		}
	}
	return func() { <-h.sem }, nil
}

// get performs one polite GET. A 304 returns (nil, resp, nil).
func (p *Poller) get(ctx context.Context, rawURL string, header http.Header) ([]byte, *http.Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, nil, fmt.Errorf("%s: not an http(s) URL", rawURL)
	}
	release, err := p.acquire(ctx, u.Host)
	if err != nil {
		return nil, nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, p.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", p.opt.UserAgent)
	resp, err := p.opt.Client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, resp, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, resp, &StatusError{URL: rawURL, Status: resp.StatusCode}
	}
	if resp.ContentLength > p.opt.MaxBytes {
		return nil, resp, fmt.Errorf("%s: %w (%d bytes, limit %d)", rawURL, ErrTooLarge, resp.ContentLength, p.opt.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, p.opt.MaxBytes+1))
	if err != nil {
		return nil, resp, fmt.Errorf("%s: reading body: %w", rawURL, err)
	}
	if int64(len(body)) > p.opt.MaxBytes {
		return nil, resp, fmt.Errorf("%s: %w (over %d bytes)", rawURL, ErrTooLarge, p.opt.MaxBytes)
	}
	return body, resp, nil
}

// Fetch gets one page (an article a feed links to) under the same
// politeness rules, returning its body and Content-Type.
func (p *Poller) Fetch(ctx context.Context, rawURL string) ([]byte, string, error) {
	body, resp, err := p.get(ctx, rawURL, nil)
	if err != nil {
		return nil, "", err
	}
	return body, resp.Header.Get("Content-Type"), nil
}

// Due reports whether feedURL may be polled now: false while it is backing
// off after failures.
func (p *Poller) Due(feedURL string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.feeds[feedURL]
	return s == nil || !p.opt.Now().Before(s.retryAt)
}

// Poll fetches a feed and returns its items. An unchanged feed (304)
// returns no items and no error. A feed backing off returns ErrBackoff
// without a request.
func (p *Poller) Poll(ctx context.Context, feedURL string) ([]Item, error) {
	p.mu.Lock()
	s := p.feeds[feedURL]
	if s == nil {
		s = &state{}
		p.feeds[feedURL] = s
	}
	if p.opt.Now().Before(s.retryAt) {
		at := s.retryAt
		p.mu.Unlock()
		return nil, fmt.Errorf("%s: %w until %s", feedURL, ErrBackoff, at.Format(time.RFC3339))
	}
	h := http.Header{}
	if s.etag != "" {
		h.Set("If-None-Match", s.etag)
	}
	if s.modified != "" {
		h.Set("If-Modified-Since", s.modified)
	}
	p.mu.Unlock()

	body, resp, err := p.get(ctx, feedURL, h)
	if err == nil && body != nil {
		var items []Item
		items, err = Parse(feedURL, body)
		if err == nil {
			p.mu.Lock()
			s.failures, s.retryAt = 0, time.Time{}
			s.etag, s.modified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
			p.mu.Unlock()
			return items, nil
		}
	}
	if err == nil { // 304 Not Modified
		p.mu.Lock()
		s.failures, s.retryAt = 0, time.Time{}
		p.mu.Unlock()
		return nil, nil
	}
	if ctx.Err() != nil {
		return nil, err // our own cancellation is not the feed's fault
	}
	p.mu.Lock()
	s.failures++
	wait := p.opt.Backoff << min(s.failures-1, 20)
	if wait > p.opt.MaxBackoff || wait <= 0 {
		wait = p.opt.MaxBackoff
	}
	if resp != nil {
		if ra := retryAfter(resp.Header.Get("Retry-After"), p.opt.Now()); ra > wait {
			wait = min(ra, p.opt.MaxBackoff)
		}
	}
	s.retryAt = p.opt.Now().Add(wait)
	p.mu.Unlock()
	return nil, err
}

// retryAfter parses a Retry-After header (seconds or an HTTP date).
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return t.Sub(now)
	}
	return 0
}

// Parse reads a feed document (RSS, Atom or JSON Feed) fetched from feedURL.
func Parse(feedURL string, body []byte) ([]Item, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%s: not a feed: %w", feedURL, err)
	}
	base, _ := url.Parse(feedURL)
	var out []Item
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		if link == "" {
			continue
		}
		if base != nil {
			if u, err := base.Parse(link); err == nil {
				link = u.String()
			}
		}
		item := Item{Feed: feedURL, Source: strings.TrimSpace(f.Title), Link: link, GUID: it.GUID, Title: strings.TrimSpace(it.Title), Content: it.Content}
		if item.Content == "" {
			item.Content = it.Description
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
		}
		out = append(out, item)
	}
	return out, nil
}

// ReadList reads a list of feeds: an OPML document (every outline's
// xmlUrl), or plain text with one URL per line (blank lines and lines
// starting with # are ignored). Duplicates are dropped, order kept.
func ReadList(r io.Reader) ([]string, error) {
	b, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, err
	}
	var urls []string
	if t := bytes.TrimSpace(b); bytes.HasPrefix(t, []byte("<")) {
		urls, err = readOPML(t)
		if err != nil {
			return nil, err
		}
	} else {
		for i, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			if u, err := url.Parse(l); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return nil, fmt.Errorf("line %d: %q is not an http(s) URL", i+1, l)
			}
			urls = append(urls, l)
		}
	}
	seen := map[string]bool{}
	out := urls[:0]
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no feed URLs")
	}
	return out, nil
}

type outline struct {
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}

func readOPML(b []byte) ([]string, error) {
	var doc struct {
		XMLName xml.Name
		Body    struct {
			Outlines []outline `xml:"outline"`
		} `xml:"body"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("OPML: %w", err)
	}
	if doc.XMLName.Local != "opml" {
		return nil, fmt.Errorf("not OPML (root element <%s>)", doc.XMLName.Local)
	}
	var out []string
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				out = append(out, u)
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body.Outlines)
	return out, nil
}
