package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"marsad"
)

// Record is one line of a JSONL input. text holds plain text, html a page;
// the aliases content and date_extracted read SaudiNewsNet-style dumps.
type Record struct {
	ID            string `json:"id"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	Title         string `json:"title"`
	Published     string `json:"published"`
	Text          string `json:"text"`
	HTML          string `json:"html"`
	Content       string `json:"content"`
	DateExtracted string `json:"date_extracted"`
}

// peekReader lets the format sniffer look at the start of a stream that is
// then read from its beginning.
type peekReader struct{ *bufio.Reader }

func newPeekReader(r io.Reader) peekReader { return peekReader{bufio.NewReaderSize(r, 64<<10)} }

func (p peekReader) peek(n int) []byte {
	b, _ := p.Peek(n)
	return b
}

// readJSONL reads one article per line. A bad line is skipped with an error
// naming the input and line; the other lines are kept.
func readJSONL(ctx context.Context, name string, r io.Reader, opt Options) (*Batch, error) {
	b := &Batch{}
	sc := bufio.NewScanner(r)
	max := int(opt.maxBytes())
	sc.Buffer(make([]byte, 0, 64<<10), max)
	line := 0
	for sc.Scan() {
		line++
		if line%256 == 0 && ctx.Err() != nil {
			return b, ctx.Err()
		}
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		a, err := FromRecord(raw, opt)
		if err != nil {
			b.Skipped = append(b.Skipped, &InputError{Input: fmt.Sprintf("%s:%d", name, line), Err: err})
			continue
		}
		b.Articles = append(b.Articles, a)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: line %d is longer than %d MB", ErrTooLarge, line+1, max>>20)
		}
		return b, &InputError{Input: name, Err: err}
	}
	if line == 0 {
		return nil, &InputError{Input: name, Err: ErrEmpty}
	}
	return b, nil
}

// FromRecord makes an article from one JSON object.
func FromRecord(raw []byte, opt Options) (*marsad.Article, error) {
	if err := checkText(raw); err != nil {
		return nil, err
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	text := rec.Text
	if text == "" {
		text = rec.Content
	}
	var a *marsad.Article
	var err error
	switch {
	case text != "":
		a = marsad.NewArticle()
		if rec.Title != "" {
			a.Title = rec.Title
		}
		err = setText(a, text)
	case rec.HTML != "":
		a, err = FromHTML([]byte(rec.HTML), rec.URL, opt)
	default:
		return nil, errors.New("record has neither text nor html")
	}
	if err != nil {
		return nil, err
	}
	if rec.ID != "" {
		a.ID = rec.ID
	}
	if rec.Title != "" {
		a.Title = rec.Title
	}
	if rec.URL != "" {
		a.URL = rec.URL
	}
	if rec.Source != "" {
		a.Source = rec.Source
	}
	if opt.Source != "" {
		a.Source = opt.Source
	}
	pub := rec.Published
	if pub == "" {
		pub = rec.DateExtracted
	}
	if opt.Published != "" {
		pub = opt.Published
	}
	if pub != "" {
		p, err := ParseDate(pub)
		if err != nil {
			return nil, err
		}
		a.Published = p
	}
	return a, nil
}
