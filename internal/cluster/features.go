package cluster

import (
	"strings"
	"time"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// Features are what clustering reads of an article: its content terms in
// Marsad's search form with clitics split off (ولبوتين → بوتين), so that one
// word in its many attached forms is one term; the linked entity ids the
// pipeline found; and the publication time.
type Features struct {
	Title    []string
	Body     []string // the lead of the text (title excluded), numbers included
	Entities []string // entity ids, one per entity (not per mention)
	Time     time.Time
}

// maxBodyTerms bounds how much of an article is read: the lead carries the
// event (who, what, where, when); long tails of background and boilerplate
// only blur it, and reading less keeps assignment fast.
const maxBodyTerms = 300

// Extract computes the features of a.
func Extract(a *marsad.Article) Features {
	f := Features{
		Title: Terms(a.Title, 0),
		Body:  Terms(a.Text, maxBodyTerms),
	}
	for _, e := range a.Entities {
		if e.ID != "" {
			f.Entities = append(f.Entities, e.ID)
		}
	}
	if t, ok := a.PublishedTime(); ok {
		f.Time = t
	}
	return f
}

// Terms returns the content terms of text in order, at most max (all when
// max <= 0): search-normalized stems of words of two letters or more, and
// numbers (ASCII digits) — figures such as "41 متهما" or "945 مليون" tell
// one event from a similar one.
func Terms(text string, max int) []string {
	var out []string
	for _, t := range tokenize.Tokens(text) {
		var term string
		switch t.Kind {
		case tokenize.Word:
			term = tokenize.Stem(t)
		case tokenize.Number:
			term = normalize.Search(t.Text)
		default:
			continue
		}
		// Single letters are clitics the segmenter left or initials;
		// function words are kept here and weighed down by the IDF model.
		if len([]rune(term)) < 2 {
			continue
		}
		out = append(out, term)
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out
}

// String encodes f as the store's Terms column: three lines (title terms,
// body terms, entity ids), each space separated. The body line doubles as
// the text a search index reads. The time is not encoded: the store keeps
// the publication date beside it.
func (f Features) String() string {
	return strings.Join(f.Title, " ") + "\n" + strings.Join(f.Body, " ") + "\n" + strings.Join(f.Entities, " ")
}

// ParseFeatures decodes the Terms column written by Features.String, with
// the publication date published (ISO date or date-time, "" unknown).
func ParseFeatures(terms, published string) Features {
	lines := strings.SplitN(terms, "\n", 3)
	for len(lines) < 3 {
		lines = append(lines, "")
	}
	a := marsad.Article{Published: published}
	t, _ := a.PublishedTime()
	return Features{Title: strings.Fields(lines[0]), Body: strings.Fields(lines[1]), Entities: strings.Fields(lines[2]), Time: t}
}
