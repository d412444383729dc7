package compare

import (
	"slices"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/text/sentence"
)

// art builds an analysed article by hand: sentences from the splitter,
// times and entities as given (the stages that would find them are tested
// in their own packages).
func art(id, text string) *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Text = id, text
	a.Sentences = sentence.Split(text)
	return a
}

// timeAt adds a time expression over the first occurrence of sub.
func timeAt(a *marsad.Article, sub, kind, value, mod string) {
	i := strings.Index(a.Text, sub)
	a.Times = append(a.Times, marsad.TimeExpr{Text: sub, Kind: kind, Value: value, Mod: mod, Start: i, End: i + len(sub)})
}

// entity adds an entity with a mention at every occurrence of each form.
func entity(a *marsad.Article, id, name, typ string, forms ...string) {
	e := marsad.Entity{ID: id, Name: name, Type: typ}
	for _, f := range forms {
		for i := 0; ; {
			j := strings.Index(a.Text[i:], f)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, marsad.Mention{Start: i + j, End: i + j + len(f), Text: f})
			i += j + len(f)
		}
	}
	a.Entities = append(a.Entities, e)
}

func conflictTexts(c marsad.Comparison) []string {
	var out []string
	for _, x := range c.Conflicts {
		var vs []string
		for _, v := range x.Variants {
			vs = append(vs, v.Article+":"+v.Text)
		}
		out = append(out, strings.Join(vs, " | "))
	}
	return out
}

func TestNumbersConflictUnlessApproximate(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		conflict   bool
	}{
		{"different tolls",
			"أعلنت الشرطة مقتل 12 شخصا في انفجار سيارة مفخخة وسط المدينة صباح اليوم.",
			"أعلنت الشرطة مقتل 10 أشخاص في انفجار سيارة مفخخة وسط المدينة صباح اليوم.", true},
		{"number words against digits",
			"أسفر الانفجار في سوق المدينة عن مقتل خمسة عشر شخصا وإصابة العشرات بجروح.",
			"أسفر الانفجار في سوق المدينة عن مقتل 15 شخصا وإصابة العشرات بجروح.", false},
		{"approximate and exact",
			"وافقت الوزارة على نزع ملكية العقارات بتعويضات قاربت 400 مليون ريال للمشاريع البلدية.",
			"وافقت الوزارة على نزع ملكية العقارات بتعويضات بلغت 375 مليون ريال للمشاريع البلدية.", false},
		{"Arabic-Indic digits",
			"ضبطت فرق الرقابة التجارية ٩٤٣ ثلاجة مخالفة للمواصفات في متاجر المملكة.",
			"ضبطت فرق الرقابة التجارية 943 ثلاجة مخالفة للمواصفات في متاجر المملكة.", false},
		{"restated in words",
			"نتج عن الحادث الإجرامي استشهاد (15) خمسة عشر مصلياً من منسوبي القوة.",
			"نتج عن الحادث الإجرامي استشهاد (15) مصليا من منسوبي القوة في المسجد.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare([]*marsad.Article{art("a", tc.a), art("b", tc.b)})
			got := len(c.Conflicts) > 0
			if got != tc.conflict {
				t.Errorf("conflict = %v, want %v: %q", got, tc.conflict, conflictTexts(c))
			}
			if len(c.Agreements) == 0 {
				t.Errorf("the two versions are not aligned: %+v", c)
			}
		})
	}
}

func TestDurationsAndDates(t *testing.T) {
	a := art("a", "اجتمع الرئيسان في العاصمة على طاولة واحدة في لقاء استمر ثلاث ساعات يوم الجمعة.")
	timeAt(a, "ثلاث ساعات", marsad.TimeDuration, "PT3H", "")
	timeAt(a, "يوم الجمعة", marsad.TimeDate, "2025-08-15", "")
	b := art("b", "اجتمع الرئيسان في العاصمة على طاولة واحدة في لقاء استمر نحو ثلاث ساعات يوم الخميس.")
	timeAt(b, "نحو ثلاث ساعات", marsad.TimeDuration, "PT3H", "APPROX")
	timeAt(b, "يوم الخميس", marsad.TimeDate, "2025-08-14", "")
	c := Compare([]*marsad.Article{a, b})
	var about []string
	for _, x := range c.Conflicts {
		about = append(about, x.About)
	}
	if len(c.Conflicts) != 1 || !strings.Contains(c.Conflicts[0].About, "الجمعة") {
		t.Errorf("want one date conflict (الجمعة / الخميس), got %q", about)
	}
	c2 := Compare([]*marsad.Article{a, withDuration(b, "PT5H")})
	found := false
	for _, x := range c2.Conflicts {
		if strings.Contains(x.About, "مدة") {
			found = true
		}
	}
	if !found {
		t.Errorf("3 hours against 5 hours is not a conflict: %q", conflictTexts(c2))
	}
}

func withDuration(a *marsad.Article, v string) *marsad.Article {
	b := *a
	b.ID = a.ID + "5"
	b.Times = append([]marsad.TimeExpr(nil), a.Times...)
	b.Times[0].Value, b.Times[0].Mod = v, ""
	return &b
}

// The example in miniature: the same word given to different
// speakers, and one speaker given different words.
func TestCharacterizationConflicts(t *testing.T) {
	a := art("a", `وصف بوتين المحادثات بأنها "مثمرة" وأكد أهمية الحوار بين البلدين.`)
	entity(a, "putin", "فلاديمير بوتين", marsad.PERS, "بوتين")
	b := art("b", `وصف ترامب اللقاء بأنه مثمر للغاية. من جانبه أشاد بوتين بالمحادثات واصفاً إياها بأنها "بناءة" وأكد أهمية الحوار.`)
	entity(b, "trump", "دونالد ترامب", marsad.PERS, "ترامب")
	entity(b, "putin", "فلاديمير بوتين", marsad.PERS, "بوتين")
	c := Compare([]*marsad.Article{a, b})
	if len(c.Conflicts) != 1 {
		t.Fatalf("want one merged conflict, got %q", conflictTexts(c))
	}
	got := conflictTexts(c)[0]
	for _, want := range []string{"a:مثمرة", "b:مثمر للغاية", "b:بناءة"} {
		if !strings.Contains(got, want) {
			t.Errorf("conflict %q lacks %q", got, want)
		}
	}
}

func TestExclusivesAndEvidence(t *testing.T) {
	a := art("a", "أصدر خادم الحرمين الشريفين أمرا بترقية وتعيين 100 قاض بوزارة العدل في مختلف درجات السلك القضائي. وأوضح وزير العدل وليد الصمعاني أن الأمر يأتي دعما لمرفق القضاء.")
	b := art("b", "أصدر خادم الحرمين الشريفين أمرا بترقية وتعيين 100 قاض بوزارة العدل في مختلف درجات السلك القضائي. كما صدر أمر بتعيين وترقية 25 قاضيا بديوان المظالم على مختلف الدرجات.")
	c := Compare([]*marsad.Article{a, b})
	checkEvidence(t, []*marsad.Article{a, b}, c)
	if len(c.Agreements) != 1 {
		t.Errorf("want one agreement, got %d: %+v", len(c.Agreements), c.Agreements)
	}
	uniq := map[string]bool{}
	for _, u := range c.Unique {
		uniq[u.Sources[0].Article] = true
	}
	if !uniq["a"] || !uniq["b"] {
		t.Errorf("each article has an exclusive sentence; got %+v", c.Unique)
	}
	if len(c.Conflicts) != 0 {
		t.Errorf("100 and 25 judges are two facts, not a conflict: %q", conflictTexts(c))
	}
}

func TestCompareOddInput(t *testing.T) {
	c := Compare(nil)
	if c.Agreements == nil || c.Unique == nil || c.Conflicts == nil {
		t.Error("empty comparison must have empty lists, not nil (JSON [])")
	}
	a := art("a", "نص قصير.")
	a.Times = []marsad.TimeExpr{{Start: 5, End: 500, Value: "PT3H", Kind: marsad.TimeDuration}}
	a.Entities = []marsad.Entity{{ID: "x", Mentions: []marsad.Mention{{Start: -3, End: 2}}}}
	a.Quotes = []marsad.Quote{{Start: 400, End: 2}}
	Compare([]*marsad.Article{a, a, nil, {ID: "empty"}})
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"125", 125, true}, {"١٢٥", 125, true}, {"1,500", 1500, true}, {"1.5", 1.5, true},
		{"٢٬٠٠٠", 2000, true}, {"١٫٥", 1.5, true}, {"322.8", 322.8, true}, {"1.071.5", 0, false}, {"abc", 0, false},
	} {
		got, ok := ParseNumber(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"125", "١٢٥", "1,500", "٢٬٠٠٠", "1.071.5", "", ",,,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseNumber(s)
	})
}

// FuzzCompare feeds arbitrary text as two articles: Compare must not
// panic, and every evidence must be its span's text.
func FuzzCompare(f *testing.F) {
	f.Add("قتل 12 شخصا في انفجار. وصف بوتين المحادثات بأنها \"مثمرة\".", "قتل عشرة أشخاص في انفجار. ثلاثة آلاف وخمسمائة")
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, x, y string) {
		arts := []*marsad.Article{art("a", x), art("b", y)}
		checkEvidence(t, arts, Compare(arts))
	})
}

// BenchmarkCompare compares a ten-article story (the Jubeir press
// conference, ten outlets, SaudiNewsNet 2015-08-10), analysed once.
func BenchmarkCompare(b *testing.B) {
	ids := strings.Split("snn-2015-08-10-0078,snn-2015-08-10-0196,snn-2015-08-10-0258,snn-2015-08-10-0568,snn-2015-08-10-0738,snn-2015-08-10-1119,snn-2015-08-10-1202,snn-2015-08-10-1528,snn-2015-08-11-0148,snn-2015-08-11-0311", ",")
	arts := newsArticles(b, ids)
	b.ResetTimer()
	for b.Loop() {
		Compare(arts)
	}
}

// quoteAt adds a quote over the first occurrence of sub.
func quoteAt(a *marsad.Article, speaker, name, sub string) {
	i := strings.Index(a.Text, sub)
	a.Quotes = append(a.Quotes, marsad.Quote{Speaker: speaker, SpeakerName: name, Kind: marsad.Direct, Text: sub, Start: i, End: i + len(sub)})
}

func TestSameWordsDifferentSpeakers(t *testing.T) {
	words := "لدينا فرصة جيدة للغاية للتوصل إلى اتفاق شامل بشأن القضايا العالقة"
	a := art("a", "قال ترامب للصحفيين إن "+words+" بعد القمة.")
	entity(a, "trump", "دونالد ترامب", marsad.PERS, "ترامب")
	quoteAt(a, "trump", "دونالد ترامب", words)
	b := art("b", "قال بوتين للصحفيين إن "+words+" بعد القمة.")
	entity(b, "putin", "فلاديمير بوتين", marsad.PERS, "بوتين")
	quoteAt(b, "putin", "فلاديمير بوتين", words)
	c := Compare([]*marsad.Article{a, b})
	found := false
	for _, x := range c.Conflicts {
		if strings.Contains(x.About, "منسوب") {
			found = true
		}
	}
	if !found {
		t.Errorf("the same words given to Trump and to Putin are not a conflict: %q", conflictTexts(c))
	}
	// Same speaker in both: no conflict.
	b2 := art("b2", "قال الرئيس ترامب للصحفيين إن "+words+" بعد القمة.")
	entity(b2, "trump", "دونالد ترامب", marsad.PERS, "الرئيس ترامب")
	quoteAt(b2, "trump", "دونالد ترامب", words)
	if c := Compare([]*marsad.Article{a, b2}); len(c.Conflicts) != 0 {
		t.Errorf("same speaker, same words: %q", conflictTexts(c))
	}
}

func TestEventModes(t *testing.T) {
	ev := func(a *marsad.Article, mode string) {
		a.Events = append(a.Events, marsad.Event{Type: "CONSULT", Code: "036", Mode: mode, Actors: []string{"trump"}, Targets: []string{"putin"}, Start: 0, End: len(a.Text)})
	}
	a := art("a", "التقى ترامب بوتين في ألاسكا يوم الجمعة في قمة استمرت ثلاث ساعات.")
	ev(a, marsad.Asserted)
	b := art("b", "لم يلتق ترامب بوتين في ألاسكا يوم الجمعة كما كان مقررا في القمة.")
	ev(b, marsad.Negated)
	c := Compare([]*marsad.Article{a, b})
	found := false
	for _, x := range c.Conflicts {
		if strings.Contains(x.About, "CONSULT") {
			found = true
		}
	}
	if !found {
		t.Errorf("asserted against negated meeting is not a conflict: %q", conflictTexts(c))
	}
	b.Events[0].Mode = marsad.Asserted
	c = Compare([]*marsad.Article{a, b})
	// The event's claim, or the aligned sentence claim that holds it (a
	// claim inside another is not shown twice).
	agreed := false
	for _, x := range c.Agreements {
		arts := map[string]bool{}
		for _, e := range x.Sources {
			arts[e.Article] = true
		}
		if arts["a"] && arts["b"] {
			agreed = true
		}
	}
	if !agreed || len(c.Conflicts) != 0 {
		t.Errorf("the same coded event in both is not an agreement: %+v", c)
	}
	// Unrelated sentences: the event alone aligns them.
	b2 := art("b2", "عقد الرئيسان قمة في قاعدة عسكرية بعيدة عن الصحفيين وسط إجراءات أمنية مشددة.")
	b2.Events = []marsad.Event{{Type: "CONSULT", Code: "036", Mode: marsad.Asserted, Actors: []string{"trump"}, Targets: []string{"putin"}, Start: 0, End: len(b2.Text)}}
	c = Compare([]*marsad.Article{a, b2})
	agreed = false
	for _, x := range c.Agreements {
		if strings.HasPrefix(x.Claim, "CONSULT") {
			agreed = true
		}
	}
	if !agreed {
		t.Errorf("the same coded event in unrelated sentences is not an agreement: %+v", c.Agreements)
	}
}

func TestManyArticles(t *testing.T) {
	var arts []*marsad.Article
	for i := 0; i < 70; i++ {
		arts = append(arts, art(strings.Repeat("x", i+1), "أعلنت الشرطة مقتل 12 شخصا في انفجار سيارة مفخخة وسط المدينة صباح اليوم."))
	}
	c := Compare(arts)
	checkEvidence(t, arts, c)
	if len(c.Agreements) == 0 {
		t.Error("no agreement among 70 copies")
	}
}

func TestDeicticNeighbours(t *testing.T) {
	te := func(text, value string) marsad.TimeExpr {
		return marsad.TimeExpr{Text: text, Value: value, Kind: marsad.TimeDate}
	}
	tests := []struct {
		x, y marsad.TimeExpr
		want bool
	}{
		{te("اليوم", "2015-08-01"), te("أمس", "2015-07-31"), true},
		{te("البارحة", "2015-07-31"), te("اليوم السبت", "2015-08-01"), true},
		{te("مساء أمس", "2015-07-30"), te("اليوم", "2015-08-01"), false}, // two days apart
		{te("أمس", "2015-07-31"), te("الجمعة 31 يوليو", "2015-07-31"), false},
		{te("الخميس", "2015-07-30"), te("الجمعة", "2015-07-31"), false}, // weekdays name the day
		{te("أمس 15 أغسطس", "2015-08-15"), te("اليوم", "2015-08-16"), false},
	}
	for _, tt := range tests {
		if got := deicticNeighbours(tt.x, tt.y); got != tt.want {
			t.Errorf("deicticNeighbours(%q, %q) = %v, want %v", tt.x.Text, tt.y.Text, got, tt.want)
		}
	}
}

func TestApproximateRoom(t *testing.T) {
	approx := func(v float64) numFact { return numFact{val: v, approx: true} }
	exact := func(v float64) numFact { return numFact{val: v} }
	tests := []struct {
		f, g numFact
		want bool
	}{
		{approx(400), exact(375), true},  // نحو 400 for 375
		{approx(1000), exact(943), true}, // ما يقارب ألف
		{approx(21), exact(23), false},   // نحو 21 is a count
		{approx(17), exact(30), false},
		{approx(30), exact(28), true},
		{exact(12), exact(10), false},
		{approx(1500), exact(1450), true},
	}
	for _, tt := range tests {
		if got := factsCompatible(tt.f, tt.g); got != tt.want {
			t.Errorf("factsCompatible(%v~, %v) = %v, want %v", tt.f.val, tt.g.val, got, tt.want)
		}
	}
}

// Casualty tolls are compared across an event's articles even when their
// sentences are worded apart, as parts, totals, or the lead figures of each
// article; provisional, running and partial figures are compared with
// nothing, and an outlet that also gives the other's figure does not
// contradict it.
func TestTollConflicts(t *testing.T) {
	const lead = "فجر انتحاري نفسه في مسجد تابع لقوات الأمن في مدينة أبها جنوب المملكة ظهر اليوم. "
	for _, tc := range []struct {
		name, a, b string
		want       string // the conflict's figures, "" for none
	}{
		{"same group, worded apart",
			lead + "وقال المتحدث إن عشرة من منسوبي القوات \"استشهدوا\" في التفجير.",
			lead + "ونتج عن الحادث الإجرامي استشهاد 12 من منسوبي القوات أثناء الصلاة جماعة.", "عشرة من منسوبي / 12 من منسوبي"},
		{"lead figures with different heads",
			"أسفر انفجار سيارة مفخخة في سوق شعبي عن مقتل 31 شخصا وإصابة العشرات.",
			"قتل 12 مدنيا حين سقطت طائرة حربية على سوق شعبي مزدحم بالمتسوقين.", "31 شخصا / 12 مدنيا"},
		{"injured after the dead",
			lead + "وأسفر التفجير عن مقتل عشرة أشخاص وإصابة 24 آخرين بجروح.",
			lead + "وقالت الوزارة إن عشرة أشخاص قتلوا وأصيب 31 في الهجوم.", "24 آخرين / 31"},
		{"sum of parts",
			lead + "وأسفر عن استشهاد 12 من منسوبي القوات إضافة إلى ثلاثة من العاملين في الموقع.",
			lead + "وبلغ إجمالي الوفيات 15 بحسب المتحدث الأمني للوزارة.", ""},
		{"provisional figure",
			lead + "وحسب المعلومات الأولية فإن نحو 17 شخصا استشهدوا في التفجير.",
			lead + "وأعلنت الوزارة استشهاد 13 شخصا في التفجير.", ""},
		{"running total",
			"قتل جنديان في هجوم على مركز للدرك شرق البلاد فجر اليوم. وقتل 17 عنصرا من قوات الأمن منذ بدء التصعيد.",
			"قتل جنديان في هجوم على مركز للدرك شرق البلاد فجر اليوم. وقتل 40 ألف شخص في النزاع منذ 1984.", ""},
		{"a part of the injured",
			lead + "وأصيب 31 آخرون بينهم أربعة في حالة حرجة.",
			lead + "وأصيب 31 شخصا في التفجير ونقلوا إلى المستشفيات.", ""},
		{"a second incident is compared with the other's second incident only",
			"قال الجيش إن جنديين قتلا وأصيب 24 في هجوم انتحاري على موقع عسكري شرق البلاد. وفي حادثة منفصلة قتل جندي وجرح أربعة آخرون حين انفجر لغم أرضي بقافلة عسكرية.",
			"قال الجيش إن جنديين قتلا وأصيب 31 في هجوم انتحاري على موقع عسكري شرق البلاد. وفي حادثة منفصلة قتل جندي وجرح سبعة آخرون حين انفجر لغم أرضي بقافلة عسكرية.",
			"أربعة آخرون / سبعة آخرون / 24 / 31"}, // two conflicts, not one
		{"a dual verb",
			"أعلن الجيش أن اثنين من أفراد قوات الأمن قتلا في هجوم على موقع عسكري شرق البلاد.",
			"أعلن الجيش أن 3 جنود قتلوا في هجوم على موقع عسكري شرق البلاد.", "اثنين من أفراد / 3 جنود"},
		{"the other outlet gives both",
			lead + "وأعلنت الشرطة مقتل 27 شخصا في التفجير.",
			lead + "وكانت حصيلة أولى قد تحدثت عن 26 قتيلا. وأعلنت الشرطة لاحقا مقتل 27 شخصا.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare([]*marsad.Article{art("a", tc.a), art("b", tc.b)})
			var got []string
			for _, x := range c.Conflicts {
				if strings.HasPrefix(x.About, "أعداد") {
					for _, v := range x.Variants {
						got = append(got, v.Text)
					}
				}
			}
			if g := strings.Join(got, " / "); g != tc.want {
				t.Errorf("toll conflict %q, want %q (all: %q)", g, tc.want, conflictTexts(c))
			}
		})
	}
}

func TestJoinAbout(t *testing.T) {
	for _, tc := range [][3]string{
		{"أعداد القتلى مختلفة: 12 / 10", "أعداد القتلى مختلفة: 12 / عشرة", "أعداد القتلى مختلفة: 12 / 10 / عشرة"},
		{"أعداد القتلى مختلفة: 12 / 10", "أعداد القتلى مختلفة: 12 / 10", "أعداد القتلى مختلفة: 12 / 10"},
		{"أرقام مختلفة: 7 / 9", "مدة مختلفة: ساعتين / ثلاث ساعات", "أرقام مختلفة: 7 / 9؛ مدة مختلفة: ساعتين / ثلاث ساعات"},
		{"القول نفسه منسوب إلى أ / ب", "القول نفسه منسوب إلى أ / ج", "القول نفسه منسوب إلى أ / ب؛ القول نفسه منسوب إلى أ / ج"},
	} {
		if got := joinAbout(tc[0], tc[1]); got != tc[2] {
			t.Errorf("joinAbout(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

// A toll conflict's description lists each figure once, whatever the
// outlets' wording, with its approximation.
func TestTollConflictAbout(t *testing.T) {
	const lead = "فجر انتحاري نفسه في مسجد تابع لقوات الأمن في مدينة أبها جنوب المملكة ظهر اليوم. "
	c := Compare([]*marsad.Article{
		art("a", lead+"وأسفر التفجير عن مقتل عشرة أشخاص وإصابة 24 جريحا بجروح."),
		art("b", lead+"وقالت الوزارة إن عشرة أشخاص قتلوا وأصيب نحو 31 في الهجوم."),
		art("c", lead+"وأعلنت الشرطة مقتل عشرة أشخاص وإصابة 24 شخصا في الهجوم."),
	})
	var abouts []string
	for _, x := range c.Conflicts {
		abouts = append(abouts, x.About)
	}
	if want := "أعداد المصابين مختلفة: 24 / نحو 31"; !slices.Contains(abouts, want) {
		t.Errorf("conflicts %q, want one about %q", abouts, want)
	}
}
