// Package marsad holds the domain of the Marsad news monitoring engine: the
// article and its annotations, stories, and the interfaces between the stages
// of the pipeline. Implementations live in internal/… and store/….
package marsad

import (
	"context"
	"fmt"
	"time"
)

// Entity types, as in the CoNLL/ANERcorp tradition.
const (
	PERS = "PERS"
	LOC  = "LOC"
	ORG  = "ORG"
	MISC = "MISC"
)

// Article is one news article and every annotation Marsad found in it. The
// JSON form is the contract of `marsad analyze --json` (see DESIGN.md); all
// offsets are UTF-8 byte offsets into Text.
type Article struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"` // ISO date (2025-08-15) or date-time; "" when unknown
	Language  string `json:"language"`
	Text      string `json:"text"`

	Paragraphs []Span     `json:"paragraphs"`
	Sentences  []Span     `json:"sentences"`
	Entities   []Entity   `json:"entities"`
	Quotes     []Quote    `json:"quotes"`
	Times      []TimeExpr `json:"times"`
	Events     []Event    `json:"events"`
}

// PublishedTime parses Published. ok is false when the date is unknown or
// malformed; callers that resolve relative times must then say so.
func (a *Article) PublishedTime() (t time.Time, ok bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, a.Published); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Slice returns the text covered by s, or "" if s is out of range.
func (a *Article) Slice(s Span) string {
	if !s.Valid(len(a.Text)) {
		return ""
	}
	return a.Text[s.Start:s.End]
}

// Entity is one real-world person, place, organisation or other named thing,
// with every mention of it in one article. ID is the same for the same
// entity in every article and run.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	NameEn   string    `json:"name_en"`
	Type     string    `json:"type"`
	Wikidata string    `json:"wikidata,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one place an entity is referred to: by name, by a clitic form
// (لبوتين), by a title (الرئيس الروسي) or by a pronoun.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Kind says how the entity is referred to: "name" (default when empty),
	// "title", "pronoun" or "nominal".
	Kind string `json:"kind,omitempty"`
}

// Span returns the mention's byte range.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
)

// Quote is one statement attributed to a speaker. Start/End cover the
// statement's content (without the quotation marks).
type Quote struct {
	Speaker     string `json:"speaker"` // entity id; "" when the speaker is unknown
	SpeakerName string `json:"speaker_name"`
	Cue         string `json:"cue"`
	Kind        string `json:"kind"`
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// Time expression kinds, as in TimeML's TIMEX3.
const (
	TimeDate     = "date"
	TimeTime     = "time"
	TimeDuration = "duration"
	TimeSet      = "set"
)

// TimeExpr is a time expression resolved against the article's publication
// date: a date (2025-08-15, 2025-08), a time of day, a duration (PT3H) or a
// set (every Friday).
type TimeExpr struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Kind  string `json:"kind"`
	// Mod qualifies the value as TimeML does: "APPROX" (نحو ثلاث ساعات),
	// "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "START", "MID" (منتصف
	// أيار), "END"; "" when exact. Vague references (قريباً) have the values
	// FUTURE_REF, PRESENT_REF or PAST_REF.
	Mod   string `json:"mod,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event modes: whether the text says the event happened.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Planned      = "planned"
	Hypothetical = "hypothetical"
)

// Event is one coded political event (PLOVER type with its CAMEO code),
// supported by the sentence span Start–End.
type Event struct {
	Type       string   `json:"type"`
	Code       string   `json:"code"`
	Mode       string   `json:"mode"`
	Actors     []string `json:"actors"`
	Targets    []string `json:"targets"`
	Location   string   `json:"location"`
	Date       string   `json:"date"`
	Confidence float64  `json:"confidence"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
}

// Annotator is one stage of the pipeline: it reads what earlier stages put
// on the article and adds its own spans. Stages are wired in one visible
// place (internal/pipeline), not registered by side effects.
type Annotator interface {
	Annotate(ctx context.Context, a *Article) error
}

// NewArticle returns an article whose annotation arrays are empty, not nil,
// so that JSON shows [] until a stage fills them.
func NewArticle() *Article {
	return &Article{
		Language:   "ar",
		Paragraphs: []Span{},
		Sentences:  []Span{},
		Entities:   []Entity{},
		Quotes:     []Quote{},
		Times:      []TimeExpr{},
		Events:     []Event{},
	}
}

// CheckSpans verifies the contract of every annotation: its span lies
// inside Text (paragraphs and sentences are not empty) and, where the annotation carries its text, Text[start:end]
// is that text. It returns the first violation.
func (a *Article) CheckSpans() error {
	n := len(a.Text)
	check := func(what string, s Span, text string, hasText bool) error {
		if !s.Valid(n) {
			return fmt.Errorf("article %s: %s span %d-%d outside text of %d bytes", a.ID, what, s.Start, s.End, n)
		}
		if hasText && a.Text[s.Start:s.End] != text {
			return fmt.Errorf("article %s: %s span %d-%d is %q, not %q", a.ID, what, s.Start, s.End, a.Text[s.Start:s.End], text)
		}
		return nil
	}
	for _, s := range append(append([]Span(nil), a.Paragraphs...), a.Sentences...) {
		if err := check("paragraph or sentence", s, "", false); err != nil {
			return err
		}
		if s.Len() == 0 {
			return fmt.Errorf("article %s: empty paragraph or sentence at %d", a.ID, s.Start)
		}
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if err := check("mention", m.Span(), m.Text, true); err != nil {
				return err
			}
		}
	}
	for _, q := range a.Quotes {
		if err := check("quote", Span{q.Start, q.End}, q.Text, true); err != nil {
			return err
		}
	}
	for _, t := range a.Times {
		if err := check("time", Span{t.Start, t.End}, t.Text, true); err != nil {
			return err
		}
	}
	for _, ev := range a.Events {
		if err := check("event", Span{ev.Start, ev.End}, "", false); err != nil {
			return err
		}
	}
	return nil
}
