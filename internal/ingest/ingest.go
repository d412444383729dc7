// Package ingest turns outside input — plain text, HTML pages, JSON Lines,
// files, directories, URLs and standard input — into clean articles ready for
// the analysis pipeline. Everything read from outside is bounded in size and
// checked: empty, binary, mis-encoded and oversized input is rejected with an
// *InputError naming it, and one bad item of a batch never loses the others.
package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/clean"
	"marsad/internal/text/normalize"
)

// Format is the kind of an input.
type Format string

// Input formats; Auto sniffs the content.
const (
	Auto  Format = ""
	Text  Format = "text"
	HTML  Format = "html"
	JSONL Format = "jsonl"
)

// Options control reading.
type Options struct {
	Format    Format // Auto unless forced
	Source    string // overrides the outlet name found in the input
	Published string // overrides the publication date found in the input
	// MaxBytes bounds one document (a file, a page, a JSONL line); 0 means
	// DefaultMaxBytes. A JSONL file as a whole is not bounded: it streams.
	MaxBytes int64
	// Client fetches URLs; nil means a client with DefaultTimeout.
	Client *http.Client
}

// DefaultMaxBytes bounds one document. The longest news articles are a few
// hundred kilobytes of HTML; 16 MB leaves room for bloated pages while
// refusing dumps and runaway downloads.
const DefaultMaxBytes = 16 << 20

// DefaultTimeout bounds fetching one URL.
const DefaultTimeout = 30 * time.Second

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Batch is what reading some inputs produced: the articles, and the items
// that were skipped with the reason (each an *InputError).
type Batch struct {
	Articles []*marsad.Article
	Skipped  []error
}

// Read reads one named input: "-" (stdin), an http(s) URL, a directory (its
// .txt, .html, .htm, .jsonl and .json files, recursively), or a file. A
// failure of the input as a whole is returned as an error; failures of items
// inside it (files of a directory, lines of a JSONL file) are in Skipped.
func Read(ctx context.Context, name string, stdin io.Reader, opt Options) (*Batch, error) {
	switch {
	case name == "-":
		return readStream(ctx, "stdin", "", stdin, opt)
	case strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://"):
		a, err := FetchURL(ctx, name, opt)
		if err != nil {
			return nil, err
		}
		return &Batch{Articles: []*marsad.Article{a}}, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, &InputError{Input: name, Err: unwrapPathError(err)}
	}
	if st.IsDir() {
		return readDir(ctx, name, opt)
	}
	return readFile(ctx, name, opt)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func readDir(ctx context.Context, dir string, opt Options) (*Batch, error) {
	b := &Batch{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			b.Skipped = append(b.Skipped, &InputError{Input: p, Err: unwrapPathError(err)})
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt", ".html", ".htm", ".jsonl", ".ndjson", ".json":
		default:
			return nil
		}
		fb, err := readFile(ctx, p, opt)
		if err != nil {
			b.Skipped = append(b.Skipped, err)
			return nil
		}
		b.Articles = append(b.Articles, fb.Articles...)
		b.Skipped = append(b.Skipped, fb.Skipped...)
		return nil
	})
	if err != nil {
		return b, &InputError{Input: dir, Err: err}
	}
	return b, nil
}

func readFile(ctx context.Context, path string, opt Options) (*Batch, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{Input: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	if opt.Format == Auto {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".html", ".htm":
			opt.Format = HTML
		case ".jsonl", ".ndjson":
			opt.Format = JSONL
		case ".txt":
			opt.Format = Text
		}
	}
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return readStream(ctx, path, stem, f, opt)
}

// readStream reads one document or a JSONL stream from r. name is what
// errors call the input; stem names the source when nothing else does.
func readStream(ctx context.Context, name, stem string, r io.Reader, opt Options) (*Batch, error) {
	br := newPeekReader(r)
	if opt.Format == Auto {
		opt.Format = sniff(br.peek(4096))
	}
	if opt.Format == JSONL {
		return readJSONL(ctx, name, br, opt)
	}
	raw, err := readBounded(br, opt.maxBytes())
	if err != nil {
		return nil, &InputError{Input: name, Err: err}
	}
	var a *marsad.Article
	switch opt.Format {
	case HTML:
		a, err = FromHTML(raw, "", opt)
	default:
		a, err = FromText(raw, opt)
	}
	if err != nil {
		return nil, &InputError{Input: name, Err: err}
	}
	if a.Source == "" {
		a.Source = stem
	}
	return &Batch{Articles: []*marsad.Article{a}}, nil
}

// readBounded reads all of r, failing with ErrTooLarge beyond max bytes
// rather than holding an unbounded input in memory.
func readBounded(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d MB", ErrTooLarge, max>>20)
	}
	return b, nil
}

// sniff guesses the format of a document from its first bytes.
func sniff(head []byte) Format {
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	switch {
	case len(t) > 0 && t[0] == '{':
		return JSONL
	case len(t) > 0 && t[0] == '<':
		lower := bytes.ToLower(t)
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p", "<meta", "<!--", "<title"} {
			if bytes.HasPrefix(lower, []byte(tag)) {
				return HTML
			}
		}
	}
	return Text
}

// checkText rejects what is not text: nothing, binary data, and invalid
// UTF-8 (naming the byte offset, so a truncated download can be told from a
// file in another encoding).
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("%w (%s)", ErrBinary, http.DetectContentType(b))
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		if len(b)-i < 4 {
			return fmt.Errorf("%w: truncated character at byte %d of %d (the input is cut off)", ErrEncoding, i, len(b))
		}
		return fmt.Errorf("%w at byte %d (is it in another encoding, such as Windows-1256?)", ErrEncoding, i)
	}
	// Text made mostly of control characters is binary that happens to be
	// valid UTF-8.
	ctrl, n := 0, 0
	for _, r := range string(b[:min(len(b), 8192)]) {
		n++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			ctrl++
		}
	}
	if ctrl*10 > n {
		return fmt.Errorf("%w (%d of the first %d characters are control characters)", ErrBinary, ctrl, n)
	}
	return nil
}

// FromText makes an article from plain text. A short first line followed
// by a paragraph break is taken as the title, as news text files are
// usually written.
func FromText(raw []byte, opt Options) (*marsad.Article, error) {
	if err := checkText(raw); err != nil {
		return nil, err
	}
	a := marsad.NewArticle()
	body := string(raw)
	if title, rest, ok := splitTitle(body); ok {
		a.Title = normalize.Display(title)
		body = rest
	}
	if err := setText(a, body); err != nil {
		return nil, err
	}
	a.Source = opt.Source
	if opt.Published != "" {
		p, err := ParseDate(opt.Published)
		if err != nil {
			return nil, err
		}
		a.Published = p
	}
	return a, nil
}

// splitTitle finds a title line: the first non-empty line, short (at most
// 25 words), not ending like a sentence, and followed by more text.
func splitTitle(s string) (title, rest string, ok bool) {
	t := strings.TrimLeft(s, " \t\r\n\ufeff")
	nl := strings.IndexByte(t, '\n')
	if nl < 0 {
		return "", s, false
	}
	line := strings.TrimSpace(t[:nl])
	rest = t[nl+1:]
	if strings.TrimSpace(rest) == "" || len(strings.Fields(line)) > 25 || line == "" {
		return "", s, false
	}
	if last, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune(".،,:؛;", last) {
		return "", s, false
	}
	return line, rest, true
}

// setText cleans body into the article's text, paragraphs, id and language.
func setText(a *marsad.Article, body string) error {
	c := clean.Text(body)
	if strings.TrimSpace(c.Text) == "" {
		return ErrEmpty
	}
	a.Text = c.Text
	a.Paragraphs = c.Paragraphs
	if a.ID == "" {
		a.ID = ContentID(c.Text)
	}
	a.Language = language(c.Text)
	return nil
}

// ContentID is the id of an article known only by its text: a hash of the
// search form of the text without its whitespace, so the same article read
// twice — re-encoded, re-typeset or re-paragraphed — gets the same id.
func ContentID(text string) string {
	h := sha256.New()
	for _, f := range strings.Fields(normalize.Search(text)) {
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// language says "ar" when Arabic letters are most of the letters.
func language(text string) string {
	ar, other := 0, 0
	for _, r := range text {
		if normalize.IsArabicLetter(r) {
			ar++
		} else if unicode.IsLetter(r) {
			other++
		}
	}
	switch {
	case ar > other:
		return "ar"
	case other > 0 && isMostlyLatin(text):
		return "en"
	}
	return "und"
}

func isMostlyLatin(text string) bool {
	latin, n := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			n++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	return latin*2 > n
}

// ParseDate normalizes a publication date given on the command line or in
// metadata to an ISO date (2025-08-15).
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006/01/02", "02/01/2006", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("unrecognised date %q (use YYYY-MM-DD)", s)
}
