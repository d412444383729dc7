package ingest

import (
	"context"
	"errors"
	"fmt"

	"mime"
	"net/http"
	"strings"

	"golang.org/x/net/html/charset"

	"marsad"
)

// FetchURL downloads an article page and extracts it. The download is
// bounded in time (opt.Client or DefaultTimeout) and size (opt.MaxBytes);
// pages in legacy encodings (Windows-1256 is common on Arabic sites) are
// converted to UTF-8 as their headers or <meta charset> declare.
func FetchURL(ctx context.Context, rawURL string, opt Options) (*marsad.Article, error) {
	body, ctype, err := Fetch(ctx, rawURL, opt)
	if err != nil {
		return nil, &InputError{Input: rawURL, Err: err}
	}
	var a *marsad.Article
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case opt.Format == Text || mt == "text/plain":
		a, err = FromText(body, opt)
	case opt.Format == JSONL || mt == "application/json":
		a, err = FromRecord(body, opt)
	default:
		a, err = FromHTML(body, rawURL, opt)
	}
	if err != nil {
		return nil, &InputError{Input: rawURL, Err: err}
	}
	if a.URL == "" {
		a.URL = rawURL
	}
	return a, nil
}

// Fetch GETs a URL and returns its body as UTF-8 with its content type.
func Fetch(ctx context.Context, rawURL string, opt Options) ([]byte, string, error) {
	client := opt.Client
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", "Marsad/0.1 (Arabic news monitoring)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		var uerr interface{ Timeout() bool }
		if errors.As(err, &uerr) && uerr.Timeout() {
			return nil, "", fmt.Errorf("timed out: %w", err)
		}
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("HTTP %s", resp.Status)
	}
	ctype := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "" && !strings.HasPrefix(mt, "text/") && !strings.Contains(mt, "html") && !strings.Contains(mt, "xml") && mt != "application/json" {
		return nil, "", fmt.Errorf("%w: content type %s", ErrBinary, mt)
	}
	max := opt.maxBytes()
	if resp.ContentLength > max {
		return nil, "", fmt.Errorf("%w: %d bytes announced, limit %d MB", ErrTooLarge, resp.ContentLength, max>>20)
	}
	raw, err := readBounded(resp.Body, max)
	if err != nil {
		return nil, "", err
	}
	enc, name, _ := charset.DetermineEncoding(raw, ctype)
	if name != "utf-8" && name != "windows-1252" {
		// windows-1252 is DetermineEncoding's fallback when nothing is
		// declared; no Arabic page is in it, and decoding a UTF-8 page
		// with it would garble the Arabic, so it is never applied: such
		// bytes are checked as UTF-8 and rejected with a clear error.
		if dec, err := enc.NewDecoder().Bytes(raw); err == nil {
			raw = dec
		}
	}
	return raw, ctype, nil
}
