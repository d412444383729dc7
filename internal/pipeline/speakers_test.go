package pipeline

import (
	"context"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/kb"
	"marsad/internal/link"
	"marsad/internal/quote"
)

// A named speaker the NER missed gets a person entity with a mention where
// the reporting clause names him; an unnamed source stays a phrase.
func TestSpeakerStage(t *testing.T) {
	text := "وأكد المهندس محمد خليل العتيبي أن المشروع سينجز قريباً. وقال مسؤول في المطار إن الرحلات عادت."
	a := marsad.NewArticle()
	a.Text = text
	named := strings.Index(text, "المشروع")
	unnamed := strings.Index(text, "الرحلات")
	a.Quotes = []marsad.Quote{
		{SpeakerName: "محمد خليل العتيبي", Cue: "أكد", Kind: marsad.Indirect, Text: "المشروع", Start: named, End: named + len("المشروع")},
		{SpeakerName: "مسؤول في المطار", Cue: "قال", Kind: marsad.Indirect, Text: "الرحلات", Start: unnamed, End: unnamed + len("الرحلات")},
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := speakerStage{link.New(k), quote.New()}
	if err := s.Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Entities) != 1 {
		t.Fatalf("entities = %+v, want the one named speaker", a.Entities)
	}
	e := a.Entities[0]
	if e.Type != marsad.PERS || e.ID == "" || e.ID != a.Quotes[0].Speaker || len(e.Mentions) != 1 || e.Mentions[0].Text != "محمد خليل العتيبي" {
		t.Errorf("entity %+v, quote speaker %q", e, a.Quotes[0].Speaker)
	}
	if a.Quotes[1].Speaker != "" || a.Quotes[1].SpeakerName != "مسؤول في المطار" {
		t.Errorf("unnamed source became %+v", a.Quotes[1])
	}
	if err := a.CheckSpans(); err != nil {
		t.Error(err)
	}
	// The same name in another article gets the same id.
	if e2 := s.linker.NameEntity(marsad.PERS, "محمد خليل العتيبي"); e2.ID != e.ID {
		t.Errorf("ids differ across articles: %s, %s", e.ID, e2.ID)
	}
}

func TestWordBounded(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"قال محمد العتيبي إن", "محمد العتيبي", true},
		{"وأكد ومحمد العتيبي", "محمد العتيبي", true}, // و proclitic
		{"قال أحمد العتيبيون", "أحمد العتيبي", false},
		{"قال لمحمد العتيبي", "محمد العتيبي", true},
		{"قال كلمحمد العتيبي", "محمد العتيبي", false},
		{"«محمد العتيبي»", "محمد العتيبي", true},
	} {
		i := strings.Index(tt.text, tt.name)
		if got := wordBounded(tt.text, i, i+len(tt.name)); got != tt.want {
			t.Errorf("wordBounded(%q, %q) = %v", tt.text, tt.name, got)
		}
	}
}

// A body's speaker phrase loses a following time expression or adverb and
// is kept only while it is still a definite name of two words or more.
func TestBodySpan(t *testing.T) {
	for _, tt := range []struct {
		text, phrase string
		time         string // a time expression the timex stage found, or ""
		want         string // "" when the phrase gets no entity
	}{
		{"وقال الاتحاد الاسكتلندي لكرة القدم الاثنين إن", "الاتحاد الاسكتلندي لكرة القدم الاثنين", "الاثنين", "الاتحاد الاسكتلندي لكرة القدم"},
		{"وذكرت الصحيفة نقلاً عن مصادر أن", "الصحيفة نقلاً", "", ""},
		{"وقالت صحيفة يونانية إن", "صحيفة يونانية", "", ""},
		{"وأعلنت وكالة الأنباء الطلابية الإيرانية أن", "وكالة الأنباء الطلابية الإيرانية", "", "وكالة الأنباء الطلابية الإيرانية"},
		{"ودعت الوزارة المتقدمين سرعة حجز موعد ومكان الاختبار", "الوزارة المتقدمين سرعة حجز موعد ومكان", "", ""},
		{"وقالت اللجنة الوطنية الاستشارية إن", "اللجنة الوطنية الاستشارية", "", "اللجنة الوطنية الاستشارية"},
		{"وقالت المديرية العامة للجوازات إن", "المديرية العامة للجوازات", "", "المديرية العامة للجوازات"},
		{"وقال المجلس الأعلى للقضاء إن", "المجلس الأعلى للقضاء", "", "المجلس الأعلى للقضاء"},
		{"وقالت لجنة مبادرة السلام العربية أيضاً إن", "لجنة مبادرة السلام العربية أيضاً", "", "لجنة مبادرة السلام العربية"},
	} {
		a := marsad.NewArticle()
		a.Text = tt.text
		if tt.time != "" {
			i := strings.Index(tt.text, tt.time)
			a.Times = []marsad.TimeExpr{{Text: tt.time, Start: i, End: i + len(tt.time)}}
		}
		i := strings.Index(tt.text, tt.phrase)
		sp, ok := bodySpan(a, marsad.Span{Start: i, End: i + len(tt.phrase)})
		got := ""
		if ok {
			got = tt.text[sp.Start:sp.End]
		}
		if got != tt.want {
			t.Errorf("bodySpan(%q) = %q, want %q", tt.phrase, got, tt.want)
		}
	}
}
