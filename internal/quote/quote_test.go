package quote

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/sentence"
)

// people are the entities of the table tests; OracleEntities finds their
// names in each text, as the linker would (titles included).
var people = GoldArticle{Entities: []GoldEntity{
	{ID: "putin", Type: "PERS", Names: []string{"فلاديمير بوتين", "بوتين", "الرئيس الروسي"}},
	{ID: "trump", Type: "PERS", Names: []string{"دونالد ترامب", "ترامب", "الرئيس الأميركي", "الرئيس الأمريكي"}},
	{ID: "medvedev", Type: "PERS", Names: []string{"ديمتري مدفيدف"}},
	{ID: "kremlin", Type: "ORG", Names: []string{"الكرملين"}},
	{ID: "security-council", Type: "ORG", Names: []string{"مجلس الأمن الروسي"}},
	{ID: "nato", Type: "ORG", Names: []string{"الناتو"}},
	{ID: "fabius", Type: "PERS", Names: []string{"لوران فابيوس", "فابيوس"}},
	{ID: "jubeir", Type: "PERS", Names: []string{"عادل الجبير", "الجبير"}},
	{ID: "sabic", Type: "ORG", Names: []string{"سابك"}},
	{ID: "bunyan", Type: "PERS", Names: []string{"يوسف البنيان", "البنيان"}},
	{ID: "cameron", Type: "PERS", Names: []string{"ديفيد كاميرون", "كاميرون"}},
	{ID: "ghamdi", Type: "PERS", Names: []string{"علي الغامدي"}},
	{ID: "watan", Type: "ORG", Names: []string{"الوطن"}},
	{ID: "turkey", Type: "LOC", Names: []string{"تركيا"}},
}}

func annotate(t testing.TB, text string, withEntities bool) *marsad.Article {
	t.Helper()
	a := marsad.NewArticle()
	a.Text = text
	a.Sentences = sentence.Split(text)
	if withEntities {
		OracleEntities(a, people)
	}
	if err := New().Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkSpans(t, a)
	return a
}

func checkSpans(t testing.TB, a *marsad.Article) {
	t.Helper()
	for _, q := range a.Quotes {
		if !(marsad.Span{Start: q.Start, End: q.End}).Valid(len(a.Text)) || q.Start >= q.End {
			t.Fatalf("invalid span %d–%d in text of %d bytes", q.Start, q.End, len(a.Text))
		}
		if q.Text != a.Text[q.Start:q.End] {
			t.Fatalf("quote text %q is not text[%d:%d] %q", q.Text, q.Start, q.End, a.Text[q.Start:q.End])
		}
		if !utf8.ValidString(q.Text) {
			t.Fatalf("quote text %q cuts a rune", q.Text)
		}
		if q.Kind != marsad.Direct && q.Kind != marsad.Indirect {
			t.Fatalf("quote kind %q", q.Kind)
		}
	}
}

// want is one expected statement: its speaker (entity id, or the phrase
// for an unlinked speaker), words its content must contain, and its kind.
type want struct {
	speaker, content, kind string
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"title after the verb",
			"أوضح الرئيس الأميركي أن الاجتماع لم يسفر عن اتفاق نهائي، لكنه شدد على أن هناك فرصة جيدة للغاية للتوصل إلى حل.",
			[]want{{"trump", "الاجتماع لم يسفر عن اتفاق نهائي", "indirect"}, {"trump", "هناك فرصة جيدة للغاية للتوصل إلى حل", "indirect"}}},
		{"direct quotation over sentences",
			"وقال ترامب للصحفيين: “اتفقنا بشأن الكثير من النقاط. هناك بعض النقاط القليلة الباقية فحسب.”",
			[]want{{"trump", "اتفقنا بشأن الكثير من النقاط. هناك بعض النقاط القليلة الباقية فحسب", "direct"}}},
		{"quoted word inside reported speech, subject before the verb",
			`بوتين وصف المحادثات بأنها "مثمرة"، مشيراً إلى تحسن مستوى التفاهم بين موسكو وواشنطن. وأكد أن الشعبين تجمعهما قواسم مشتركة.`,
			[]want{{"putin", "مثمرة", "direct"}, {"putin", "تحسن مستوى التفاهم بين موسكو وواشنطن", "indirect"}, {"putin", "الشعبين تجمعهما قواسم مشتركة", "indirect"}}},
		{"mismatched curly quotes",
			"من جانبه، أشاد الرئيس الروسي بالمحادثات مع ترامب واصفاً إياها بأنها ”بناءة” و”قائمة على الاحترام المتبادل”.",
			[]want{{"putin", "بناءة", ""}}},
		{"institution as speaker",
			"في ختام اللقاء، أعلن الكرملين أن المحادثات انتهت دون اتفاق نهائي.",
			[]want{{"kremlin", "المحادثات انتهت دون اتفاق نهائي", "indirect"}}},
		{"person over the body in his title",
			`وبدوره، اعتبر نائب رئيس مجلس الأمن الروسي ديمتري مدفيدف أن "قمة ألاسكا" أثبتت إمكانية التفاوض بين موسكو وواشنطن.`,
			[]want{{"medvedev", "أثبتت إمكانية التفاوض بين موسكو وواشنطن", "indirect"}}},
		{"subject before the verb, quoted name inside the content",
			`ترامب أشار إلى أنه سيتشاور مع حلف "الناتو"، مؤكداً أن القرار النهائي يظل بيد أوكرانيا.`,
			[]want{{"trump", `سيتشاور مع حلف "الناتو"`, "indirect"}, {"trump", "القرار النهائي يظل بيد أوكرانيا", "indirect"}}},
		{"من جانبه: the one just named",
			"واستقبل وزير الخارجية عادل الجبير نظيره الفرنسي لوران فابيوس. من جانبه، أكد أن العلاقات بين البلدين متينة.",
			[]want{{"fabius", "العلاقات بين البلدين متينة", "indirect"}}},
		{"counterpart after مع is not the speaker",
			"وقال الجبير في مؤتمر صحفي مع نظيره الفرنسي لوران فابيوس إن المملكة تدعم الحل السياسي.",
			[]want{{"jubeir", "المملكة تدعم الحل السياسي", "indirect"}}},
		{"guillemets and a quoted name in the speaker phrase",
			"وبينت «سابك» على لسان يوسف البنيان أن الشركة تنظر إلى الأمور من ناحية الوضع التجاري، وقال: «السوق الإيرانية لا تحتاج إلى دراسة من قبلنا».",
			[]want{{"bunyan", "الشركة تنظر إلى الأمور من ناحية الوضع التجاري", "indirect"}, {"bunyan", "السوق الإيرانية لا تحتاج إلى دراسة من قبلنا", "direct"}}},
		{"quotation to the end of its paragraph after a colon",
			"وأضاف كاميرون: «هذا الأمر يجعلهم أكثر عرضة للتطرف\nوهذا سطر آخر.",
			[]want{{"cameron", "هذا الأمر يجعلهم أكثر عرضة للتطرف", "direct"}}},
		{"single quotes",
			"وقال كاميرون 'هذا الأمر يجعلهم أكثر عرضة للتطرف'.",
			[]want{{"cameron", "هذا الأمر يجعلهم أكثر عرضة للتطرف", "direct"}}},
		{"the name علي is not the preposition على",
			`أوضح المستشار القانوني والمحامي علي الغامدي لـ"الوطن" أنه إذا كان الزواج صحيحا فليس لأحد الحق في الاعتراض عليه.`,
			[]want{{"ghamdi", "إذا كان الزواج صحيحا", "indirect"}}},
		{"أما … فقالت",
			"وكانت تركيا قد هاجمت معسكرات الحزب، فيما قالت إن هجومها رد على سلسلة من عمليات الاغتيال.",
			[]want{{"turkey", "هجومها رد على سلسلة من عمليات الاغتيال", "indirect"}}},
		{"unlinked title phrase, head starting with و: the name that closes it is the speaker",
			"وأكد وزير الدفاع الروسي أندريه بيلوسوف أن الأجواء عقب المفاوضات كانت ممتازة، بينما اعتبر ترامب أن القمة حققت تقدماً كبيراً.",
			[]want{{"أندريه بيلوسوف", "الأجواء عقب المفاوضات كانت ممتازة", "indirect"}, {"trump", "القمة حققت تقدماً كبيراً", "indirect"}}},
		{"relative clause whose verb agrees: no named speaker",
			"واستنكر أرينج الادعاءات التي تقول بأن هناك علاقة بين الحكومة والتنظيم.",
			nil},
		{"a cue inside another statement's content is part of it",
			"وشدد ترامب على أنه لا يرى دوراً للأسد في مستقبل سوريا، مضيفاً \"لا أستطيع أن أرى كيف يمكن للعنف أن يتوقف\".",
			[]want{{"trump", "لا يرى دوراً للأسد في مستقبل سوريا", "indirect"}, {"trump", "لا أستطيع أن أرى كيف يمكن للعنف أن يتوقف", "direct"}}},
		{"abbreviation in the title",
			"من جانبه أكد د. عادل الجبير أن الحملة مستمرة.",
			[]want{{"jubeir", "الحملة مستمرة", "indirect"}}},
		{"attitude is not a statement",
			"أما بوتين فقد أبدى أمله في أن تكون هذه القمة بداية لمسار تسوية سياسية.",
			nil},
		{"passive with no speaker",
			`في لحظة وُصفت بأنها مزيج بين الجغرافيا والرمزية، اجتمع الرئيسان.`,
			nil},
		{"scare quotes are not quotations",
			`تضع الولايات المتحدة شروطاً تراعي مصالح أوكرانيا وحلفائها في "الناتو".`,
			nil},
		{"according to a named source at the head of the sentence",
			`ووفقا للخبير الاقتصادي علي الغامدي فإن البنوك بدأت في التوسع في تطبيق المبدأ الجديد. وبحسب المصادر، فإن الاجتماع تأجل إلى موعد لاحق.`,
			[]want{{"ghamdi", "البنوك بدأت في التوسع في تطبيق المبدأ الجديد", "indirect"}}},
		{"a trailing according-to sources narration",
			`وقع الحادث قرب الحدود مساء أمس، حسب الكرملين.`,
			nil},
		{"a document's author speaks",
			`وأوضح التقرير السنوي لسابك أن الأرباح ارتفعت بنسبة كبيرة. وأشار التقرير إلى أن المبيعات تراجعت في الربع الثاني.`,
			[]want{{"sabic", "الأرباح ارتفعت بنسبة كبيرة", "indirect"}, {"sabic", "المبيعات تراجعت في الربع الثاني", "indirect"}}},
		{"an unclosed quotation mark after the speaker",
			`وقال بوتين «اتفقنا أن تبدأ المشاورات مع الدول الشريكة قبل نهاية الشهر، مشيراً إلى أن الموعد لم يحدد بعد.`,
			[]want{{"putin", "اتفقنا أن تبدأ المشاورات مع الدول الشريكة قبل نهاية الشهر", "direct"}, {"putin", "الموعد لم يحدد بعد", "indirect"}}},
		{"content over an ellipsis",
			`وأوضح ترامب أن بلاده التي خاضت مفاوضات طويلة مع الحلفاء.. أكملت دورها في دعم الاتفاق.`,
			[]want{{"trump", "مع الحلفاء.. أكملت دورها في دعم الاتفاق", "indirect"}}},
		{"a coordinated verb with no complement is no new statement",
			`وأكد بوتين أن القوات تعرضت لاعتداءات متكررة ونقل العشرات منهم إلى أقسام أخرى، والاتفاق الذي أبرم بينها وبين الدول الكبرى.`,
			[]want{{"putin", "ونقل العشرات منهم إلى أقسام أخرى، والاتفاق الذي أبرم بينها وبين الدول الكبرى", "indirect"}}},
		{"pro-drop after a person brought in by the sentence before",
			"وقال بوتين إن المحادثات كانت مفيدة.\nوانتقل الرئيس الأميركي دونالد ترامب بعد الاجتماع إلى مدينة أخرى.\nوقال في مؤتمر صحافي \"سنواصل العمل مع الحلفاء حتى نهاية العام\".",
			[]want{{"putin", "المحادثات كانت مفيدة", "indirect"}, {"trump", "سنواصل العمل مع الحلفاء حتى نهاية العام", "direct"}}},
		{"nested attribution in a relative clause",
			`اعتبر ترامب أن تصريحات الرئيس الروسي، فلاديمير بوتين، التي أكد فيها أن بلاده ستبقى في حالة مواجهة مع الغرب، مقلقة للغاية.`,
			[]want{{"trump", "تصريحات الرئيس الروسي", "indirect"}, {"putin", "بلاده ستبقى في حالة مواجهة مع الغرب", "indirect"}}},
		{"a passive cue written with its vowels names no speaker",
			`وقال بوتين إن المحادثات كانت مفيدة. وذُكر أن الاجتماع المقبل سيعقد في موسكو الشهر المقبل.`,
			[]want{{"putin", "المحادثات كانت مفيدة", "indirect"}}},
		{"the former and the latter",
			`اجتمع الرئيس الروسي مع ديفيد كاميرون أمس. وفيما أكد الأول أن العلاقات بين البلدين تتحسن باستمرار، وهو الأمر الذي قال إنه كفيل بحل الخلافات القديمة، شدد الثاني على أن الحوار يجب أن يستمر بين الطرفين.`,
			[]want{{"putin", "العلاقات بين البلدين تتحسن باستمرار", "indirect"}, {"putin", "كفيل بحل الخلافات القديمة", "indirect"}, {"cameron", "الحوار يجب أن يستمر بين الطرفين", "indirect"}}},
		{"a masculine verb before a feminine noun: the noun is the object",
			`وقال بوتين إن الأوضاع الإنسانية صعبة للغاية. ودعا وكالة التنمية الدولية إلى تقديم المساعدة العاجلة للسكان المتضررين.`,
			[]want{{"putin", "الأوضاع الإنسانية صعبة للغاية", "indirect"}, {"putin", "تقديم المساعدة العاجلة للسكان المتضررين", "indirect"}}},
		{"a long speaker phrase before the quotation, the holder in apposition",
			`وقال رئيس مجلس الأمن الروسي في المنطقة الشمالية ديمتري مدفيدف في مقابلة أجرتها محطة «روسيا اليوم» التلفزيونية على هامش زيارة قصيرة سمحت بها السلطات لعائلات الجنود إلى أبنائها لمناسبة العيد «إذا خرج الأسرى من السجون فسنطلق سراح الجنود فورا».`,
			[]want{{"medvedev", "إذا خرج الأسرى من السجون فسنطلق سراح الجنود فورا", "direct"}}},
		{"scripture cited in a sermon",
			`وقال بوتين إن التسابق إلى الخيرات فضل عظيم، قال تعالى {أولئك يسارعون في الخيرات}، ومن أحسن قولا (ممن دعا إلى الله وقال إنني من المسلمين).`,
			[]want{{"putin", "التسابق إلى الخيرات فضل عظيم", "indirect"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text, true)
			if len(a.Quotes) != len(tt.want) {
				t.Errorf("got %d quotes, want %d: %s", len(a.Quotes), len(tt.want), dump(a))
			}
			for _, w := range tt.want {
				if !found(a, w) {
					t.Errorf("missing %+v in %s", w, dump(a))
				}
			}
		})
	}
}

func found(a *marsad.Article, w want) bool {
	for _, q := range a.Quotes {
		speakerOK := q.Speaker == "gold:"+w.speaker || (q.Speaker == "" && q.SpeakerName == w.speaker)
		if speakerOK && strings.Contains(q.Text, w.content) && (w.kind == "" || q.Kind == w.kind) {
			return true
		}
	}
	return false
}

func dump(a *marsad.Article) string {
	var b strings.Builder
	for _, q := range a.Quotes {
		b.WriteString("\n  [" + q.Kind + "] " + q.Speaker + " " + q.SpeakerName + " (" + q.Cue + "): " + q.Text)
	}
	return b.String()
}

// Without a linker the speaker is kept as written, with no id.
func TestUnlinkedSpeaker(t *testing.T) {
	a := annotate(t, "وقال مصدر مسؤول إن الوضع مستقر. وأضاف أن الحركة عادت إلى طبيعتها.", false)
	want := []want{{"مصدر مسؤول", "الوضع مستقر", "indirect"}, {"مصدر مسؤول", "الحركة عادت إلى طبيعتها", "indirect"}}
	for _, w := range want {
		if !found(a, w) {
			t.Errorf("missing %+v in %s", w, dump(a))
		}
	}
	for _, q := range a.Quotes {
		if q.Speaker != "" {
			t.Errorf("invented speaker id %q", q.Speaker)
		}
	}
}

func TestLexicon(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"قال", "وأكد", "فأوضح", "مؤكداً", "وصفها", "يشير", "وبين"} {
		if _, _, ok := lx.lookupCue(strings.ReplaceAll(searchNorm(w), "ً", ""), false); !ok {
			t.Errorf("%s is not a cue", w)
		}
	}
	for _, w := range []string{"إشارة", "بين", "معلقة", "يرونه"} {
		taMarbuta := strings.HasSuffix(w, "ة")
		if _, _, ok := lx.lookupCue(searchNorm(w), taMarbuta); ok {
			t.Errorf("%s taken for a cue", w)
		}
	}
}

func searchNorm(w string) string {
	n, _ := searchForm(w)
	return n
}

func TestContextCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := marsad.NewArticle()
	a.Text = "قال ترامب إن القمة مثمرة."
	if err := New().Annotate(ctx, a); err == nil {
		t.Error("Annotate ignored a canceled context")
	}
}

// FuzzAnnotate: any text, with or without sentences and entities (also
// with entity spans that are out of range or cut runes), yields no panic
// and only valid quotes whose text is the text at their span.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"وقال ترامب للصحفيين: “اتفقنا بشأن الكثير من النقاط.”",
		`بوتين وصف المحادثات بأنها "مثمرة"، مشيراً إلى أن`,
		"قال «« » »: '' \"\" ”و” «",
		"وأضاف:\n«نص\n«آخر",
		"أن إن قال: ", "\"", "", "قال",
		"ووفقا للخبير علي الغامدي فإن", "وبحسب ما ذكره بوتين، ", "قال بوتين «اتفقنا أن", "(قال تعالى {وقال إن}) ..",
		"وذُكر أن", "أكد الأول أن، شدد الثاني على", "ودعا وكالة إلى",
		// round 4: resumptive في, initials, asides, nested quotes, titles.
		"حوارا مع ترامب قال فيه: \"", "قال كيه. شانموجام إن", "كيه. .", "وأشارت زكية (دكتوراة) إلى (", "قال (لا شك)",
		`قال "لا "داعش" أن`, `"أ "ب "ج "د`, "وشدد الوزير الفرنسي على أن", "وأضاف الجهاز أن", "لكن حنيفة أمان وزير قال إن",
		"وقال لـ \"الاقتصادية\" الصراف", "التي قال إن أخبارها", "دعا وليد إليامي رئيس",
		// round 5: honorifics, topics after عن، formulas, ب-objects, relatives.
		"وقال سموه", "يسأل عن الرئيس ترامب يجيب", "أما عن", "وعن", "ذكر أن", "الجدير ذكره أن", "ويصفها بأنها",
		`اتهم بوتين "بدعم`, `نقلت "الوطن" عن "`, `وعنونت "`, "التي أوردت الخبر في تقرير كتبه ترامب إن", "اخند زاده",
	} {
		f.Add(s, 3, 9, true)
	}
	q := New()
	f.Fuzz(func(t *testing.T, text string, ms, me int, withSentences bool) {
		if !utf8.ValidString(text) {
			return
		}
		a := marsad.NewArticle()
		a.Text = text
		if withSentences {
			a.Sentences = sentence.Split(text)
		}
		OracleEntities(a, people)
		// An entity with an arbitrary, possibly bad, mention span.
		a.Entities = append(a.Entities, marsad.Entity{ID: "x", Name: "س", Type: "PERS",
			Mentions: []marsad.Mention{{Start: ms, End: me}, {Start: 0, End: len(text), Kind: "pronoun"}}})
		if err := q.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a)
	})
}

// One Attributor serves concurrent articles (the pipeline shares it);
// run with -race.
func TestConcurrentAnnotate(t *testing.T) {
	q := New()
	text := "وقال ترامب للصحفيين: “اتفقنا بشأن الكثير من النقاط.” من جانبه، أكد بوتين أن القمة مثمرة، لكنه شدد على أن الحل يجب أن يكون طويل الأمد."
	done := make(chan []marsad.Quote)
	for k := 0; k < 4; k++ {
		go func() {
			a := marsad.NewArticle()
			a.Text = text
			a.Sentences = sentence.Split(text)
			OracleEntities(a, people)
			if err := q.Annotate(context.Background(), a); err != nil {
				t.Error(err)
			}
			done <- a.Quotes
		}()
	}
	first := <-done
	for k := 1; k < 4; k++ {
		if got := <-done; len(got) != len(first) {
			t.Errorf("concurrent runs disagree: %d vs %d quotes", len(got), len(first))
		}
	}
}
