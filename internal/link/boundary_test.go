package link

import (
	"slices"
	"testing"

	"marsad"
)

// TestNameBoundaries checks where one name ends and the next begins when
// the NER ran them together or cut them (fourth session; the cases come
// from the quote stage's tuning sets read behind the whole pipeline).
func TestNameBoundaries(t *testing.T) {
	for _, c := range []struct {
		name, text string
		ner        [][2]string
		want       map[string][]string // entity name → its mentions (text/kind); nil: no such entity
		notIDs     []string            // knowledge-base ids that must not be linked
	}{
		{
			name: "an institution named after a king ends before the next person",
			text: "وقال عضو هيئة التدريس بجامعة الملك سعود مشعل الوعيل: إن الحملة مهمة. وأوضح الوعيل أن الإدارة مهمة.",
			ner:  [][2]string{{marsad.PERS, "سعود مشعل الوعيل"}, {marsad.PERS, "الوعيل"}},
			want: map[string][]string{
				"جامعة الملك سعود": {"جامعة الملك سعود/name"},
				"مشعل الوعيل":      {"مشعل الوعيل/name", "الوعيل/name"},
			},
		},
		{
			name: "an imam's nasab chain and an agreeing adjective stay in the name",
			text: "وقال الأستاذ بجامعة الإمام محمد بن سعود الإسلامية عبدالرحمن النامي إن المرشحين بحاجة إلى مستشارين.",
			ner:  [][2]string{{marsad.PERS, "محمد بن سعود"}, {marsad.PERS, "عبدالرحمن النامي"}},
			want: map[string][]string{
				"جامعة الإمام محمد بن سعود الإسلامية": {"جامعة الإمام محمد بن سعود الإسلامية/name"},
				"عبدالرحمن النامي":                    {"عبدالرحمن النامي/name"},
			},
		},
		{
			name: "an armed group is called by its namesake alone",
			text: "وفي بيان قالت كتائب القسام إن المخيمات مفتوحة. وقالت القسام إن الهدف هو التدريب، في مواقع تابعة للقسام.",
			ner:  [][2]string{{marsad.ORG, "كتائب القسام"}},
			want: map[string][]string{"كتائب القسام": {"كتائب القسام/name", "القسام/name", "للقسام/name"}},
		},
		{
			name: "a family name after a known nasab is another person's full name",
			text: "وقال عبدالله بن زايد الفريدي إنه عمل رائع.",
			ner:  [][2]string{{marsad.PERS, "عبدالله بن زايد الفريدي"}},
			want: map[string][]string{
				"عبدالله بن زايد الفريدي":  {"عبدالله بن زايد الفريدي/name", "إنه/pronoun"},
				"عبدالله بن زايد آل نهيان": nil,
			},
		},
		{
			name: "a time word after a known name is not a family name",
			text: "وأعلن سعود الفيصل الأربعاء أن الاجتماع انتهى.",
			ner:  [][2]string{{marsad.PERS, "سعود الفيصل الأربعاء"}},
			want: map[string][]string{"سعود الفيصل": {"سعود الفيصل/name"}},
		},
		{
			name: "a knowledge-base person's canonical name is the full name without honorific",
			text: "وقال سماحة الشيخ عبدالعزيز بن عبدالله آل الشيخ إن التسابق إلى الخيرات فضل.",
			ner:  [][2]string{{marsad.PERS, "عبدالعزيز بن عبدالله آل"}},
			want: map[string][]string{"عبدالعزيز بن عبدالله آل الشيخ": {"الشيخ عبدالعزيز بن عبدالله آل الشيخ/name"}},
		},
		{
			name: "a word that ends another name of the article is cut off a person",
			text: "احتفلت مؤسسة اسباير زون بالليلة. وقال مدير الإعلام في مؤسسة اسباير زون حسين القحطاني إن الفعالية محبوبة.",
			ner:  [][2]string{{marsad.ORG, "اسباير زون"}, {marsad.PERS, "زون حسين القحطاني"}},
			want: map[string][]string{
				"حسين القحطاني": {"حسين القحطاني/name"},
				"اسباير زون":    {"اسباير زون/name", "اسباير زون/name"},
			},
		},
		{
			name: "a person's name after a known organisation in one span",
			text: "وقال المتحدث باسم طالبان ذبيح الله مجاهد إن مسلحي الحركة نفذوا الهجوم.",
			ner:  [][2]string{{marsad.ORG, "طالبان ذبيح الله"}},
			want: map[string][]string{
				"ذبيح الله مجاهد": {"ذبيح الله مجاهد/name"},
				"حركة طالبان":     {"طالبان/name"},
			},
		},
		{
			name: "a theophoric name that is an organisation stays one",
			text: "وأكد مقاتلو حزب الله أنهم انسحبوا.",
			ner:  [][2]string{{marsad.ORG, "حزب الله"}},
			want: map[string][]string{"حزب الله": {"حزب الله/name"}},
		},
		{
			name:   "a description names a knowledge-base entity only in its context",
			text:   "وأكدت قوات التحالف التي يقودها حلف شمال الأطلسي أن جنديا قتل في كابول.",
			ner:    [][2]string{{marsad.ORG, "حلف شمال الأطلسي"}, {marsad.LOC, "كابول"}},
			want:   map[string][]string{"قوات التحالف": {"قوات التحالف/name"}, "التحالف العربي": nil},
			notIDs: []string{"saudi-led-coalition"},
		},
		{
			name: "a canonical name that is a description needs its context too",
			text: "وقال التحالف الدولي إن طائراته قصفت مواقع داعش في الرقة بسوريا. وفي كابول قالت قوات التحالف الدولي إن جنديا قتل.",
			ner:  [][2]string{{marsad.ORG, "التحالف الدولي"}},
			want: map[string][]string{"التحالف الدولي": {"التحالف الدولي/name", "قوات التحالف الدولي/name"}},
		},
		{
			name:   "the same name out of its context is an entity of the article",
			text:   "وفي كابول قال التحالف الدولي الذي يقوده حلف شمال الأطلسي إن جنديا قتل.",
			ner:    [][2]string{{marsad.ORG, "التحالف الدولي"}, {marsad.ORG, "حلف شمال الأطلسي"}},
			want:   map[string][]string{"التحالف الدولي": {"التحالف الدولي/name"}},
			notIDs: []string{"global-coalition-against-daesh"},
		},
		{
			name: "a title holding a description out of its context names nobody",
			text: "وقال المتحدث باسم قوات التحالف إن جنديا قتل في كابول.",
			ner:  [][2]string{{marsad.LOC, "كابول"}},
			want: map[string][]string{"أحمد عسيري": nil},
		},
		{
			name: "the same title in its context",
			text: "وقال المتحدث باسم قوات التحالف إن الطائرات قصفت مواقع الحوثيين في صنعاء.",
			ner:  [][2]string{{marsad.LOC, "صنعاء"}},
			want: map[string][]string{"أحمد عسيري": {"المتحدث باسم قوات التحالف/title"}},
		},
		{
			name: "the same description in its context",
			text: "وأكدت قوات التحالف أن طائراتها قصفت مواقع الحوثيين في صنعاء.",
			ner:  [][2]string{{marsad.LOC, "صنعاء"}},
			want: map[string][]string{"التحالف العربي": {"قوات التحالف/name"}},
		},
		{
			name: "a verb with an object pronoun ends a person's span",
			text: "وكتب إليه عبدالرحمن المطيري يستأذنه في السفر.",
			ner:  [][2]string{{marsad.PERS, "عبدالرحمن المطيري يستأذنه"}},
			want: map[string][]string{"عبدالرحمن المطيري": {"عبدالرحمن المطيري/name"}},
		},
		{
			name: "an organisation's span run into a person's name after a king's",
			text: "وقال الأستاذ في جامعة الملك سعود حسين القحطاني إن الحملة مهمة.",
			ner:  [][2]string{{marsad.ORG, "جامعة الملك سعود حسين القحطاني"}},
			want: map[string][]string{"جامعة الملك سعود": {"جامعة الملك سعود/name"}, "حسين القحطاني": {"حسين القحطاني/name"}},
		},
		{
			name: "an institution's name after a king's that goes on is one name",
			text: "وافتتح مركز الملك عبدالله للدراسات والبحوث أمس.",
			ner:  [][2]string{{marsad.ORG, "مركز الملك عبدالله للدراسات والبحوث"}},
			want: map[string][]string{"مركز الملك عبدالله للدراسات والبحوث": {"مركز الملك عبدالله للدراسات والبحوث/name"}},
		},
		{
			name: "a king's name after the name of an institution called after him stays whole",
			text: "زار الوفد متحف الملك فيصل. وتعرف الأجيال على عهد الملك فيصل بن عبدالعزيز ومواقفه.",
			ner:  [][2]string{{marsad.ORG, "الملك فيصل"}, {marsad.PERS, "فيصل بن عبدالعزيز"}},
			want: map[string][]string{"بن عبدالعزيز": nil},
		},
		{
			name:   "an institution named after a king without the NER's person",
			text:   "نقل على إثرها إلى مستشفى الملك فهد بتبوك واتخذت الإجراءات.",
			ner:    [][2]string{{marsad.PERS, "فهد بتبوك"}},
			want:   map[string][]string{"مستشفى الملك فهد": {"مستشفى الملك فهد/name"}, "تبوك": {"تبوك/name"}},
			notIDs: []string{"king-salman-bin-abdulaziz"},
		},
		{
			name: "a class noun before a quoted organisation's name is part of its name",
			text: "وأشار ترامب إلى أنه سيتشاور مع حلف \"الناتو\" بشأن النتائج. وقالت حركة «حماس» إن الهدنة قائمة.",
			ner:  [][2]string{{marsad.ORG, "حلف"}, {marsad.ORG, "الناتو"}, {marsad.ORG, "حركة"}, {marsad.ORG, "حماس"}},
			want: map[string][]string{"حلف": nil, "حركة": nil},
		},
		{
			name: "a kunya before an organisation's name is not part of it",
			text: "عرض سميع الحق (الذي يعرف بأنه «أبو حركة طالبان») الوساطة.",
			ner:  [][2]string{{marsad.ORG, "أبو حركة طالبان"}},
			want: map[string][]string{"حركة طالبان": {"حركة طالبان/name"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := nerArticle(t, c.text, "2015-08-06", c.ner...)
			for name, want := range c.want {
				if _, got := byName(a, name); !slices.Equal(got, want) {
					t.Errorf("%s: got %v, want %v (entities %+v)", name, got, want, names(a))
				}
			}
			for _, id := range c.notIDs {
				if got := mentionsOf(a, id); got != nil {
					t.Errorf("%s linked: %v", id, got)
				}
			}
		})
	}
}

func names(a *marsad.Article) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, e.Name)
	}
	return out
}
