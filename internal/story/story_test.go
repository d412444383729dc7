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
