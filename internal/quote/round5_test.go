package quote

import (
	"strings"
	"testing"
)

// TestRound5 covers the constructions of round 5 (testdata/README.md), read
// from test6's errors: who a pronoun or a dropped subject continues, what a
// prepositional topic names, formulas with no speaker, and objects of verbs
// that take one. The entities of people stand in for the linker.
func TestRound5(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want // none: no statement at all
	}{
		{"an honorific pronoun continues the subject of the sentence before, not its object",
			`رفع صاحب السمو الأمير علي الغامدي التعازي إلى الرئيس الروسي فلاديمير بوتين في شهداء الواجب. وقال سموه خلال المجلس الأسبوعي: "إن هذه آفة من الآفات".`,
			[]want{{"ghamdi", "هذه آفة من الآفات", ""}}},
		{"a person asked about is no subject",
			`وقال علي الغامدي إن الوضع مستقر. وحين يسأل عن الرئيس الأميركي دونالد ترامب يجيب مؤكدا "أنا من جعله يفوز في الانتخابات".`,
			[]want{{"ghamdi", "الوضع مستقر", "indirect"}, {"ghamdi", "أنا من جعله يفوز في الانتخابات", "direct"}}},
		{"أما عن: a topic, not the speaker",
			`وقال علي الغامدي إن الوضع مستقر. أما عن هجوم الناتو فيقول "إنني أنبه الحكومة منذ ستة أشهر".`,
			[]want{{"ghamdi", "الوضع مستقر", "indirect"}, {"ghamdi", "إنني أنبه الحكومة منذ ستة أشهر", "direct"}}},
		{"زاده in a name is no 'added it'",
			"ويعتبر بوتين ونائباه هبة الله اخند زاده وسراج الدين حقاني مقربين من المؤسسة العسكرية.",
			nil},
		{"a headline is the newspaper's statement",
			`أشادت الوطن في عددها أمس بصفقة انتقال اللاعب وعنونت في الصفحة الأولى "ترامب انتقل إلى النادي الأكثر جماهيرية".`,
			[]want{{"watan", "ترامب انتقل إلى النادي الأكثر جماهيرية", "direct"}}},
		{"a body right after the sentence's opening verb is its subject, the person after it an object",
			"أوضح الكرملين من خلال بيان أصدره المتحدث علي الغامدي ملابسات الحادث، حيث أكدت أن الحادث كان عرضيا.",
			[]want{{"kremlin", "الحادث كان عرضيا", "indirect"}}},
		{"ذكر أن opening a sentence, and الجدير ذكره أن, have no speaker",
			"وقال الرئيس الروسي إن الجيش مستعد. ذكر أن بوتين كان قائدا في الجيش. والجدير ذكره أن الكرملين بعيد عن الجزر.",
			[]want{{"putin", "الجيش مستعد", "indirect"}}},
		{"a quotation after عن names the source, not the words",
			`ورفض أعضاء المجلس مبايعته، بحسب ما نقلت "الوطن" عن "مصدر في الكرملين".`,
			nil},
		{"a charge or an epithet in quotation marks is a noun, not words said",
			`اتهم بوتين الناتو "بدعم وتحريض" الجماعات المتشددة. وادى ما وصف بعملية "البحث عن الكنز" الى انذارات كاذبة، ليتبين انها مجرد نفايات.`,
			nil},
		{"an accusation with a clause, and a present verb with its object pronoun before بأن",
			`واتهم ترامب الناتو بأنه يقدم إجابات مطولة عن الأسئلة. ويصفها بوتين بأنها منطلق الإرهاب، ولا يعترف بما يدعونه "ذكرى خراب الهيكل".`,
			[]want{{"trump", "يقدم إجابات مطولة عن الأسئلة", "indirect"}, {"putin", "منطلق الإرهاب", "indirect"}}},
		{"a person in a relative clause on the subject is not the speaker",
			"وقالت صحيفة الوطن التي أوردت الخبر في تقرير كتبه علي الغامدي إن الانسحاب فتح الباب أمام التنظيم.",
			[]want{{"watan", "الانسحاب فتح الباب أمام التنظيم", "indirect"}}},
		{"وصف with a complementizer before the quotation still quotes",
			`ووصف ترامب الاتفاق بأنه "سيئ جدا".`,
			[]want{{"trump", "سيئ جدا", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := annotate(t, tc.text, true)
			if len(a.Quotes) != len(tc.want) {
				t.Errorf("want %d statements, got %s", len(tc.want), dump(a))
			}
			for _, w := range tc.want {
				if !found(a, w) {
					t.Errorf("missing %+v in %s", w, dump(a))
				}
			}
			for _, q := range a.Quotes {
				if strings.Contains(q.Text, "مصدر في الكرملين") {
					t.Errorf("a source taken for content: %s", dump(a))
				}
			}
		})
	}
}
