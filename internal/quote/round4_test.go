package quote

import (
	"strings"
	"testing"

	"marsad"
	"marsad/internal/text/sentence"
)

// TestRound4 covers the constructions of round 4 (testdata/README.md):
// speakers the linker has no entity for, objects with لـ before or after
// the subject, and relative clauses on a speech noun with a resumptive
// pronoun. The entities of people stand in for the linker; names outside
// them are the ones it missed.
func TestRound4(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"object with لـ before the subject",
			"وقال لـ«الحياة» وزير الخارجية عادل الجبير إن العلاقات بين البلدين متينة.",
			[]want{{"jubeir", "العلاقات بين البلدين متينة", "indirect"}}},
		{"object with لـ after the subject",
			"وأكد الجبير للصحافيين أن العلاقات بين البلدين متينة.",
			[]want{{"jubeir", "العلاقات بين البلدين متينة", "indirect"}}},
		{"resumptive pronoun on a speech noun with no relative pronoun",
			`وأجرت الصحيفة حوارا مع ترامب قال فيه: "العرض المقدم جيد جدا".`,
			[]want{{"trump", "العرض المقدم جيد جدا", "direct"}}},
		{"speech noun with its speaker in the genitive",
			"تلا ذلك كلمة الرئيس الروسي فلاديمير بوتين، أوضح فيها أن المحادثات كانت مثمرة.",
			[]want{{"putin", "المحادثات كانت مثمرة", "indirect"}}},
		{"a given name written with و the NER missed",
			`واعتبر وحيد مزهدة المحلل الأفغاني، أن "هذه الأكاذيب ستتسبب في مشكلات". وقال مزهدة "إن الحركة ستنقسم على الأرجح".`,
			[]want{{"وحيد مزهدة", "هذه الأكاذيب ستتسبب في مشكلات", ""}, {"وحيد مزهدة", "الحركة ستنقسم على الأرجح", ""}}},
		{"unmarked speech after the one addressed and a description",
			`وقال لـ "الاقتصادية" الصراف علي الغامدي ارتفعت قيمة المشتريات بنسبة 80 في المائة.`,
			[]want{{"ghamdi", "ارتفعت قيمة المشتريات بنسبة 80 في المائة", "direct"}}},
		{"a name the NER missed with its title in apposition before the verb",
			"وقالت الصين إنها لا ترغب في إثارة القضية. لكن حنيفة أمان وزير الخارجية الماليزي قال إن دول الرابطة اتفقت على ضبط النفس.",
			[]want{{"حنيفة أمان", "دول الرابطة اتفقت على ضبط النفس", "indirect"}}},
		{"a definite title refers back to the person introduced with it",
			"واستقبل الرئيس الأميركي وزير الخارجية الفرنسي لوران فابيوس في البيت الأبيض. وشدد الوزير الفرنسي على أن العلاقات متينة.",
			[]want{{"fabius", "العلاقات متينة", "indirect"}}},
		{"a definite noun subject of a clause before the cue points back; its object is no part of it",
			"وقال مجلس الأمن الروسي إن الوضع مستقر. ونفى المجلس تلقيه أي شكوى مباشرة، وزعم أن القضاء يعمل بنزاهة.",
			[]want{{"security-council", "القضاء يعمل بنزاهة", "indirect"}}},
		{"an adverb between the verb and its complementizer",
			"الكاتب الساخر علي الغامدي، بدوره، أجاب على أسئلة الجمهور، وأوضح أولا أن الخوف ليس على حياته.",
			[]want{{"ghamdi", "الخوف ليس على حياته", "indirect"}}},
		{"a unit of a body as speaker",
			"من ناحيتها أفادت وحدة التوثيق في مؤسسة الضمير، أن الأسرى يعانون ظروفا صعبة.",
			[]want{{"وحدة التوثيق", "الأسرى يعانون ظروفا صعبة", "indirect"}}},
		{"a name the NER missed right after the verb, before its title",
			"دعا وليد إليامي رئيس لجنة حقوق الإنسان العربية كافة الهيئات إلى التحرك الفوري للتحقيق في الجرائم.",
			[]want{{"وليد إليامي", "التحرك الفوري للتحقيق في الجرائم", "indirect"}}},
		{"an aside in parentheses between the subject and a nominal complement",
			"وأشارت زكية علي الغامدي (دكتوراة الفلسفة في أصول التربية بجامعة طيبة) إلى ضرورة اختيار المرشحة ذات الخبرة للمجلس البلدي.",
			[]want{{"ghamdi", "ضرورة اختيار المرشحة ذات الخبرة للمجلس البلدي", "indirect"}}},
		{"parentheses closing the sentence are no aside",
			"وقال ترامب خلال مؤتمر صحافي في القاهرة (لا شك على الإطلاق في أن الاتفاق سيجعل المنطقة أكثر أمانا).",
			[]want{{"trump", "الاتفاق سيجعل المنطقة أكثر أمانا", ""}}},
		{"unmarked speech ends at a participle with no comma",
			"وقال لـ \"الاقتصادية\" الصراف علي الغامدي ارتفعت قيمة المشتريات والمبيعات اليومية بنسبة 80 في المائة موضحا أن هذا الارتفاع بدأ من العشرة الأواخر.",
			[]want{{"ghamdi", "ارتفعت قيمة المشتريات والمبيعات اليومية بنسبة 80 في المائة", "direct"}, {"ghamdi", "هذا الارتفاع بدأ من العشرة الأواخر", "indirect"}}},
		{"a relative on a thing inside another statement, with no one named before it",
			"وأشار علي الغامدي إلى أن الجيش يقف على تخوم مدينة زنجبار بمحافظة أبين التي قال إن أخبارها ستكون مفرحة للشعب اليمني.",
			[]want{{"ghamdi", "الجيش يقف على تخوم مدينة زنجبار", "indirect"}, {"ghamdi", "أخبارها ستكون مفرحة للشعب اليمني", "indirect"}}},
		{"a quoted name nested inside a straight-quoted statement",
			`واعتبر علي الغامدي من معهد ودرو ولسون في واشنطن "لا شك في أن موت الملا عمر نعمة بالنسبة لتنظيم "داعش" وسيوفر سببا إضافيا لترك الحركة".`,
			[]want{{"ghamdi", `لا شك في أن موت الملا عمر نعمة بالنسبة لتنظيم "داعش" وسيوفر سببا إضافيا لترك الحركة`, "direct"}}},
		{"a body the linker does not know, then its definite noun",
			"إلى ذلك أعلن جهاز الأمن الداخلي الإسرائيلي أمس أن مواطنا سويديا اعتقل. وأضاف الجهاز أن المشتبه به كلف بتسليم معلومات.",
			[]want{{"جهاز الأمن الداخلي الإسرائيلي", "مواطنا سويديا اعتقل", "indirect"}, {"جهاز الأمن الداخلي الإسرائيلي", "المشتبه به كلف بتسليم معلومات", "indirect"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := annotate(t, tc.text, true)
			for _, w := range tc.want {
				if !found(a, w) {
					t.Errorf("missing %+v in %s", w, dump(a))
				}
			}
		})
	}
}

// TestInitial: the NER takes an initial for the whole name (كيه) and the
// sentence splitter ends a sentence at its dot; the name runs on to the
// word after the dot.
func TestInitial(t *testing.T) {
	a := marsad.NewArticle()
	a.Text = "من ناحية اخرى، قال كيه. شانموجام وزير خارجية سنغافورة للصحافيين، إنه لا يمكن تجاهل القضية."
	a.Sentences = sentence.Split(a.Text)
	OracleEntities(a, GoldArticle{Entities: []GoldEntity{{ID: "k", Type: "PERS", Names: []string{"كيه"}}}})
	if err := New().Annotate(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Quotes) != 1 || a.Quotes[0].SpeakerName != "كيه. شانموجام" || !strings.Contains(a.Quotes[0].Text, "لا يمكن تجاهل القضية") {
		t.Errorf("got %s", dump(a))
	}
}
