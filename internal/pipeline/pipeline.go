// Package pipeline wires Marsad's analysis stages in order, in one visible
// place: sentences → entities (NER) → linking and coreference → quotes →
// speakers (an entity for each named speaker the NER missed) → time
// expressions → events. Each stage reads what earlier stages put on
// the article and adds its own spans.
package pipeline

import (
	"context"
	"fmt"

	"marsad"
	"marsad/internal/event"
	"marsad/internal/kb"
	"marsad/internal/link"
	"marsad/internal/ner"
	"marsad/internal/quote"
	"marsad/internal/text/sentence"
	"marsad/internal/timex"
)

// Pipeline runs the stages over articles. It is safe for concurrent use:
// stages hold only read-only models.
type Pipeline struct {
	stages []namedStage
}

type namedStage struct {
	name string
	marsad.Annotator
}

// Default builds the pipeline with the embedded models.
func Default() (*Pipeline, error) {
	tagger, err := ner.Default()
	if err != nil {
		return nil, err
	}
	base, err := kb.Default()
	if err != nil {
		return nil, err
	}
	p := &Pipeline{}
	p.add("sentences", sentencesStage{})
	p.add("entities", nerStage{tagger})
	linker, quotes := link.New(base), quote.New()
	p.add("linking", linker)
	p.add("quotes", quotes)
	// Times before speakers: a body's speaker phrase is trimmed of a time
	// expression that follows the name (bodySpan).
	p.add("times", timex.Annotator{})
	p.add("speakers", speakerStage{linker, quotes})
	p.add("events", event.New())
	return p, nil
}

func (p *Pipeline) add(name string, a marsad.Annotator) {
	p.stages = append(p.stages, namedStage{name, a})
}

// Analyze runs every stage over a. The article must have clean Text (from
// internal/ingest).
func (p *Pipeline) Analyze(ctx context.Context, a *marsad.Article) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Annotate(ctx, a); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	emptyNotNil(a)
	return nil
}

// emptyNotNil keeps the JSON contract whatever a stage did: an article
// with no quotes shows "quotes": [], not null, so a client can iterate
// every array without a nil check (a stage that found nothing may leave
// its field nil).
func emptyNotNil(a *marsad.Article) {
	if a.Paragraphs == nil {
		a.Paragraphs = []marsad.Span{}
	}
	if a.Sentences == nil {
		a.Sentences = []marsad.Span{}
	}
	if a.Entities == nil {
		a.Entities = []marsad.Entity{}
	}
	if a.Quotes == nil {
		a.Quotes = []marsad.Quote{}
	}
	if a.Times == nil {
		a.Times = []marsad.TimeExpr{}
	}
	if a.Events == nil {
		a.Events = []marsad.Event{}
	}
}

// sentencesStage splits the text into sentences, paragraph by paragraph.
type sentencesStage struct{}

func (sentencesStage) Annotate(_ context.Context, a *marsad.Article) error {
	a.Sentences = a.Sentences[:0]
	if len(a.Paragraphs) == 0 {
		a.Sentences = append(a.Sentences, sentence.Split(a.Text)...)
		return nil
	}
	for _, p := range a.Paragraphs {
		for _, s := range sentence.Split(a.Text[p.Start:p.End]) {
			a.Sentences = append(a.Sentences, marsad.Span{Start: p.Start + s.Start, End: p.Start + s.End})
		}
	}
	return nil
}
