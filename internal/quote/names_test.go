package quote

import (
	"context"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/text/sentence"
)

// The speaker names an NER gets wrong are put right from the speaker slot:
// each case gives the entities as a faulty NER would find them (every
// occurrence of the names listed) and the speaker wanted for each
// statement (entity id, or "" for a person with no entity) with its name.
func TestRepairedNames(t *testing.T) {
	type stmt struct{ content, id, name string }
	for _, c := range []struct {
		text string
		ner  []GoldEntity
		want []stmt
	}{
		{ // cut short, then the family name alone
			"قالت المسؤولة عن الركن هاجر التاروتي إن الركن ينقسم إلى أجنحة عدة. وأشارت التاروتي إلى أن الأطفال يحبون القصص.",
			[]GoldEntity{{ID: "h", Type: "PERS", Names: []string{"هاجر"}}},
			[]stmt{{"الركن ينقسم", "gold:h", "هاجر التاروتي"}, {"الأطفال يحبون", "gold:h", "هاجر التاروتي"}},
		},
		{ // the end of a title glued on
			"يعاني أهالي فيفاء من الانقطاع. وقال مدير وحدة كهرباء فيفاء سليمان الفيفي إن المحول القديم تالف.",
			[]GoldEntity{{ID: "f", Type: "LOC", Names: []string{"فيفاء"}}, {ID: "s", Type: "PERS", Names: []string{"فيفاء سليمان الفيفي"}}},
			[]stmt{{"المحول القديم تالف", "gold:s", "سليمان الفيفي"}},
		},
		{ // missed altogether: a person of the article with no entity
			"وقال المذيع في إذاعة قطر حسن الساعي إن الحكومة تحرص على التقاليد. وأضاف الساعي أن الاحتفال قديم جدا.",
			[]GoldEntity{{ID: "q", Type: "LOC", Names: []string{"قطر"}}},
			[]stmt{{"الحكومة تحرص", "", "حسن الساعي"}, {"الاحتفال قديم", "", "حسن الساعي"}},
		},
		{ // a given name left out after the verb
			"ويرى عاصم حسين أن الأجهزة الجديدة غالية الثمن.",
			[]GoldEntity{{ID: "h", Type: "PERS", Names: []string{"حسين"}}},
			[]stmt{{"الأجهزة الجديدة", "gold:h", "عاصم حسين"}},
		},
		{ // a nasab chain cut at بن
			"وقال عبدالله بن محمد إن الموسم ناجح.",
			[]GoldEntity{{ID: "a", Type: "PERS", Names: []string{"عبدالله بن"}}},
			[]stmt{{"الموسم ناجح", "gold:a", "عبدالله بن محمد"}},
		},
		{ // a title whose genitive names a body: its holder speaks
			"وبينت سابك على لسان يوسف البنيان، نائب رئيس مجلس إدارتها، أن الشركة تنظر إلى السوق. وأشار نائب رئيس مجلس إدارة سابك إلى أن الشركة تتعامل مع الجميع.",
			[]GoldEntity{{ID: "sabic", Type: "ORG", Names: []string{"سابك"}}, {ID: "bunyan", Type: "PERS", Names: []string{"يوسف البنيان"}}},
			[]stmt{{"الشركة تنظر", "gold:bunyan", "يوسف البنيان"}, {"الشركة تتعامل", "gold:bunyan", "يوسف البنيان"}},
		},
		{ // the formula جاء في بيان + a title and the name that closes it
			"وجاء في بيان رئيس اقليم كردستان مسعود برزاني «يجب ابعاد ساحة الحرب عن الإقليم».",
			[]GoldEntity{{ID: "k", Type: "LOC", Names: []string{"كردستان"}}},
			[]stmt{{"يجب ابعاد", "", "مسعود برزاني"}},
		},
		{ // a definite body named in full before
			"نشر معهد ليبنيز للأبحاث دراسة جديدة. وقال المعهد غير الربحي إن ألمانيا استفادت من الأزمة.",
			[]GoldEntity{{ID: "iwh", Type: "ORG", Names: []string{"معهد ليبنيز"}}},
			[]stmt{{"ألمانيا استفادت", "gold:iwh", "معهد ليبنيز"}},
		},
	} {
		a := marsad.NewArticle()
		a.Text = c.text
		a.Sentences = sentence.Split(c.text)
		OracleEntities(a, GoldArticle{Entities: c.ner})
		if err := New().Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a)
	next:
		for _, w := range c.want {
			for _, q := range a.Quotes {
				if strings.Contains(q.Text, w.content) {
					if q.Speaker != w.id || q.SpeakerName != w.name {
						t.Errorf("%q: speaker %q %q, want %q %q", w.content, q.Speaker, q.SpeakerName, w.id, w.name)
					}
					continue next
				}
			}
			t.Errorf("%q not found in %s", w.content, dump(a))
		}
	}
}

// A linked speaker counts when its entity's name is right, or when its
// speaker_name is the same name put right (فيصل → فيصل الفضل), never when
// the speaker_name names someone else.
func TestScoreRepairedName(t *testing.T) {
	g := GoldArticle{ID: "t", Entities: []GoldEntity{{ID: "fadl", Type: "PERS", Names: []string{"فيصل الفضل", "الفضل"}}},
		Items: []GoldItem{{Speaker: "fadl", Pattern: "المشاريع متعثرة"}}}
	a := marsad.NewArticle()
	a.Text = "أوضح المهندس فيصل الفضل أن المشاريع متعثرة."
	a.Entities = []marsad.Entity{{ID: "e1", Name: "فيصل", Type: "PERS"}}
	for name, tp := range map[string]int{"فيصل الفضل": 1, "فيصل": 0, "محمد الفضل": 0} {
		s := strings.Index(a.Text, "المشاريع")
		a.Quotes = []marsad.Quote{{Speaker: "e1", SpeakerName: name, Text: a.Text[s : len(a.Text)-1], Start: s, End: len(a.Text) - 1}}
		sc, _, err := ScoreArticle(a, g)
		if err != nil {
			t.Fatal(err)
		}
		if sc.TP != tp {
			t.Errorf("speaker_name %q on entity فيصل: TP %d, want %d", name, sc.TP, tp)
		}
	}
}
