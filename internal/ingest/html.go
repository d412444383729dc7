package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"marsad"
	"marsad/internal/text/normalize"
)

// FromHTML extracts the article of an HTML page: its body without
// boilerplate (menus, cookie banners, tickers, share links, related
// articles, footers), title, outlet name and publication date from the
// page's metadata (JSON-LD, OpenGraph, <meta>, <time>). Extraction is
// go-trafilatura's, with its readability fallback: a maintained port of a
// well-evaluated extractor, not a home-made one.
func FromHTML(raw []byte, pageURL string, opt Options) (*marsad.Article, error) {
	if err := checkText(raw); err != nil {
		return nil, err
	}
	topts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     true,
		MaxTreeSize:     200000,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		topts.OriginalURL = u
	}
	res, err := extract(raw, topts)
	if err != nil {
		return nil, err
	}
	a := marsad.NewArticle()
	md := res.Metadata
	body := res.ContentText
	if res.ContentNode != nil {
		if b := blockText(res.ContentNode); strings.TrimSpace(b) != "" {
			body = b
		}
	}
	// The page's own headline often opens the extracted content; it is the
	// title, not the first paragraph.
	title := strings.TrimSpace(md.Title)
	if first, rest, ok := strings.Cut(body, "\n\n"); ok && title != "" && strings.TrimSpace(first) == title {
		body = rest
	}
	if err := setText(a, body); err != nil {
		return nil, ErrNoArticle
	}
	// A page whose "article" is a few words is a menu or an index page.
	if len([]rune(strings.TrimSpace(a.Text))) < 80 {
		return nil, fmt.Errorf("%w (only %q)", ErrNoArticle, a.Text)
	}
	a.Title = normalize.Display(title)
	a.URL = pageURL
	if md.URL != "" && pageURL == "" {
		a.URL = md.URL
	}
	a.Source = firstNonEmpty(opt.Source, strings.TrimSpace(md.Sitename), md.Hostname)
	if !md.Date.IsZero() {
		a.Published = md.Date.Format("2006-01-02")
	}
	if opt.Published != "" {
		p, err := ParseDate(opt.Published)
		if err != nil {
			return nil, err
		}
		a.Published = p
	}
	return a, nil
}

// extract runs the extractor, turning a panic inside it (a third-party
// parser meeting hostile markup) into an error: bad input must never crash
// a batch.
func extract(raw []byte, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("HTML extractor failed: %v", r)
		}
	}()
	res, err = trafilatura.Extract(bytes.NewReader(raw), opts)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoArticle, err)
	}
	if res == nil || strings.TrimSpace(res.ContentText) == "" {
		return nil, ErrNoArticle
	}
	return res, nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
