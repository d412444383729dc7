package link

import (
	"context"
	"slices"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// TestChainedTitle: a title that another title separates from the name is
// a title mention of the person; a title directly before the name, after a
// deputy's word, or before a counterpart is not.
func TestChainedTitle(t *testing.T) {
	tests := []struct {
		name, text, id string
		want           []string
	}{
		{"two titles before the name",
			"وحضر اللقاء نائب الرئيس اليمني رئيس مجلس الوزراء، خالد محفوظ بحاح، في الرياض.", "khaled-bahah",
			[]string{"نائب الرئيس اليمني/title", "بحاح/name"}},
		{"a counterpart is another person",
			"جمع وزير الخارجية السعودي بنظيره الروسي سيرغي لافروف في الدوحة.", "sergey-lavrov",
			[]string{"سيرغي لافروف/name"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := nerArticle(t, tc.text, "2015-07-26")
			if got := mentionsOf(a, tc.id); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTitleTimeFrame: a title in a sentence dated to an earlier year names
// that year's holder (none the knowledge base lists for 1973), not the
// holder on the article's day.
func TestTitleTimeFrame(t *testing.T) {
	a := marsad.NewArticle()
	a.Published = "2015-08-01"
	a.Text = "وفي عام 1973 أعلن العاهل السعودي حظر النفط عن الدول الداعمة لإسرائيل. وقال العاهل السعودي اليوم إن المملكة ماضية في دعم الاستقرار."
	if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Kind == KindTitle {
				n++
				if m.Start < 60 {
					t.Errorf("1973's العاهل السعودي linked to %s", e.ID)
				}
			}
		}
	}
	if n != 1 {
		t.Errorf("got %d title mentions, want 1 (today's king)", n)
	}
}

// TestLedeTitle: a story that opens with a title the knowledge base does
// not resolve (قال الرئيس التنفيذي للشركة …) names the person later as the
// first new speaker; not a speaker named in the lede, nor one with a title
// of his own after the name.
func TestLedeTitle(t *testing.T) {
	run := func(text string) map[string]string {
		a := marsad.NewArticle()
		a.Published = "2015-08-01"
		a.Text = text
		// The names as the NER gives them.
		for _, n := range []string{"سامي العتيبي", "خالد الزهراني", "فهد المالكي"} {
			if i := strings.Index(text, n); i >= 0 {
				a.Entities = append(a.Entities, marsad.Entity{Name: n, Type: marsad.PERS, Mentions: []marsad.Mention{{Start: i, End: i + len(n), Text: n}}})
			}
		}
		if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Kind == KindTitle {
					out[a.Text[m.Start:m.End]] = e.Name
				}
			}
		}
		return out
	}
	got := run("قال الرئيس التنفيذي للشركة الوطنية إن الأرباح ارتفعت وإن خالد الزهراني سيقود المشروع. وأضاف البيان أن العمل بدأ. وقال سامي العتيبي إن الخطة جاهزة.")
	if got["الرئيس التنفيذي للشركة الوطنية"] != "سامي العتيبي" {
		t.Errorf("lede title: got %v, want سامي العتيبي", got)
	}
	got = run("قال الرئيس التنفيذي للشركة الوطنية إن الأرباح ارتفعت. وقال فهد المالكي المدير المالي إن الخطة جاهزة.")
	if len(got) != 0 {
		t.Errorf("a speaker with his own title: got %v, want none", got)
	}
}
