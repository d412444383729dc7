package story

import (
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// One person the knowledge base does not know, written fully by one outlet
// and by surname by the other, is one entity of the story, and the quotes
// of both articles are his.
func TestCompleteMergesOneEntityUnderTwoNames(t *testing.T) {
	full, short := "خالد بن محمد اليوسف", "اليوسف"
	idFull, idShort := kb.NameID(marsad.PERS, full), kb.NameID(marsad.PERS, short)
	riyadh := marsad.Entity{ID: "riyadh", Name: "الرياض", Type: marsad.LOC, Mentions: make([]marsad.Mention, 1)}
	a := &marsad.Article{ID: "a", Text: "x", Entities: []marsad.Entity{{ID: idFull, Name: full, Type: marsad.PERS, Mentions: make([]marsad.Mention, 2)}, riyadh}}
	c := &marsad.Article{ID: "c", Text: "z", Entities: []marsad.Entity{riyadh}}
	b := &marsad.Article{ID: "b", Text: "y", Entities: []marsad.Entity{
		{ID: idShort, Name: short, Type: marsad.PERS, Mentions: make([]marsad.Mention, 3)},
		{ID: "riyadh", Name: "الرياض", Type: marsad.LOC, Mentions: make([]marsad.Mention, 1)},
	}}
	st := &marsad.Story{
		Entities: []marsad.StoryEntity{
			{ID: idShort, Name: short, Type: marsad.PERS, Articles: 1, Mentions: 3},
			{ID: idFull, Name: full, Type: marsad.PERS, Articles: 1, Mentions: 2},
			{ID: "riyadh", Name: "الرياض", Type: marsad.LOC, Articles: 3, Mentions: 3},
		},
		Quotes: []marsad.StoryQuote{{Speaker: idShort, SpeakerName: short, Article: "b"}, {Speaker: idFull, SpeakerName: full, Article: "a"}},
	}
	mergeEntities(st, []*marsad.Article{a, b, c})
	if len(st.Entities) != 2 || st.Entities[0].ID != "riyadh" {
		t.Fatalf("entities = %+v", st.Entities)
	}
	p := st.Entities[1]
	if p.ID != idFull || p.Name != full || p.Articles != 2 || p.Mentions != 5 {
		t.Errorf("merged person = %+v", p)
	}
	for _, q := range st.Quotes {
		if q.Speaker != idFull || q.SpeakerName != full {
			t.Errorf("quote speaker = %s %s", q.Speaker, q.SpeakerName)
		}
	}
}

// Different people who share a family name stay apart.
func TestCompleteKeepsNamesakesApart(t *testing.T) {
	x, y := "خالد العيسى", "فهد العيسى"
	st := &marsad.Story{Entities: []marsad.StoryEntity{
		{ID: kb.NameID(marsad.PERS, x), Name: x, Type: marsad.PERS, Articles: 1, Mentions: 1},
		{ID: kb.NameID(marsad.PERS, y), Name: y, Type: marsad.PERS, Articles: 1, Mentions: 1},
	}}
	mergeEntities(st, nil)
	if len(st.Entities) != 2 {
		t.Errorf("namesakes merged: %+v", st.Entities)
	}
}

// The outlets' events are gathered: one meeting reported by two outlets
// with the participants in either order is one story event with two
// sources; an actor written under two names that are one entity is one
// actor; a negated event is another event than the asserted one.
func TestEvents(t *testing.T) {
	full, short := "خالد بن محمد اليوسف", "اليوسف"
	idFull, idShort := kb.NameID(marsad.PERS, full), kb.NameID(marsad.PERS, short)
	text := "التقى الوزير نظيره."
	ev := func(typ, mode string, actors, targets []string) marsad.Event {
		return marsad.Event{Type: typ, Code: "040", Mode: mode, Actors: actors, Targets: targets, Start: 0, End: len(text)}
	}
	a := &marsad.Article{ID: "a", Text: text,
		Entities: []marsad.Entity{{ID: idFull, Name: full, Type: marsad.PERS}},
		Events:   []marsad.Event{ev("CONSULT", marsad.Asserted, []string{idFull}, []string{"france"})}}
	b := &marsad.Article{ID: "b", Text: text,
		Entities: []marsad.Entity{{ID: idShort, Name: short, Type: marsad.PERS}},
		Events: []marsad.Event{
			ev("CONSULT", marsad.Asserted, []string{"france"}, []string{idShort}),
			ev("AGREE", marsad.Negated, []string{idShort}, []string{"france"}),
		}}
	c := &marsad.Article{ID: "c", Text: text,
		Events: []marsad.Event{ev("AGREE", marsad.Asserted, []string{idFull}, []string{"france"})}}
	st := &marsad.Story{Entities: []marsad.StoryEntity{
		{ID: idShort, Name: short, Type: marsad.PERS, Articles: 1, Mentions: 1},
		{ID: idFull, Name: full, Type: marsad.PERS, Articles: 1, Mentions: 1},
	}}
	Complete(st, []*marsad.Article{a, b, c})
	if len(st.Events) != 3 {
		t.Fatalf("events = %+v, want 3", st.Events)
	}
	meet := st.Events[0]
	if meet.Type != "CONSULT" || len(meet.Sources) != 2 || meet.Sources[1].Article != "b" || meet.Sources[0].Text != text {
		t.Errorf("meeting = %+v, want one CONSULT with the sentences of a and b", meet)
	}
	for _, e := range st.Events[1:] {
		if e.Type != "AGREE" || len(e.Sources) != 1 || e.Actors[0] != idFull {
			t.Errorf("agreement = %+v, want one per mode, actor %s", e, idFull)
		}
	}
}

// A short name that fits two different people stays apart from both; a
// name left without its middle names joins the one person it fits.
func TestMergeAmbiguousShortName(t *testing.T) {
	ent := func(name string) marsad.StoryEntity {
		return marsad.StoryEntity{ID: kb.NameID(marsad.PERS, name), Name: name, Type: marsad.PERS, Articles: 1, Mentions: 1}
	}
	st := &marsad.Story{Entities: []marsad.StoryEntity{
		ent("محمد بن علي العمري"), ent("محمد بن حمد العمري"), ent("محمد العمري"),
		ent("خالد بن عبدالقادر طاهر"), ent("خالد طاهر"),
	}}
	mergeEntities(st, nil)
	var names []string
	for _, e := range st.Entities {
		names = append(names, e.Name)
	}
	if len(st.Entities) != 4 {
		t.Errorf("entities = %v, want the three Amris apart and the two Tahers as one", names)
	}
}
