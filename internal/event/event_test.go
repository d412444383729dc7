package event

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/sentence"
)

// article builds an article from text with one entity per name given
// (type, id) and a mention at every occurrence of the name, as the linker
// would: names stand in for NER and linking.
func article(text string, ents ...[3]string) *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Published, a.Text = "t", "2015-07-22", text
	a.Sentences = sentence.Split(text)
	for _, e := range ents {
		if e[1] == "" {
			continue
		}
		en := marsad.Entity{ID: e[2], Name: e[1], Type: e[0]}
		for off := 0; ; {
			i := strings.Index(text[off:], e[1])
			if i < 0 {
				break
			}
			s := off + i
			en.Mentions = append(en.Mentions, marsad.Mention{Start: s, End: s + len(e[1]), Text: e[1]})
			off = s + len(e[1])
		}
		a.Entities = append(a.Entities, en)
	}
	return a
}

func TestAnnotate(t *testing.T) {
	type want struct {
		typ, code, mode, actor, target, loc string
	}
	P, O, L := marsad.PERS, marsad.ORG, marsad.LOC
	tests := []struct {
		name string
		a    *marsad.Article
		want []want
	}{{
		"agency-style reception (VSO, titles, adverbial between commas)",
		article("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، في قصر السلام بجدة أمس، رئيس الوزراء اللبناني تمام سلام.",
			[3]string{P, "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز", "salman"}, [3]string{L, "جدة", "jeddah"}, [3]string{P, "تمام سلام", "salam"}),
		[]want{{"CONSULT", "043", "asserted", "salman", "salam", "jeddah"}},
	}, {
		"no agreement reached is a negated AGREE",
		article("لم تتوصل إيران والدول الكبرى إلى اتفاق نهائي.", [3]string{L, "إيران", "iran"}),
		[]want{{"AGREE", "030", "negated", "iran", "", ""}},
	}, {
		"future prefix plans a visit",
		article("سيزور الرئيس الفرنسي فرانسوا أولاند الرياض الأسبوع المقبل.",
			[3]string{P, "فرانسوا أولاند", "hollande"}, [3]string{L, "الرياض", "riyadh"}),
		[]want{{"CONSULT", "042", "planned", "hollande", "riyadh", ""}},
	}, {
		"conditional attack is hypothetical",
		article("إذا هاجمت إسرائيل إيران فإن المنطقة ستشتعل.", [3]string{L, "إسرائيل", "israel"}, [3]string{L, "إيران", "iran"}),
		[]want{{"ASSAULT", "190", "hypothetical", "israel", "iran", ""}},
	}, {
		"a denial negates what follows it",
		article("نفى الجيش الإسرائيلي أنه قصف مدرسة في غزة.", [3]string{O, "الجيش الإسرائيلي", "idf"}, [3]string{L, "غزة", "gaza"}),
		[]want{{"ASSAULT", "190", "negated", "idf", "", "gaza"}},
	}, {
		"objective noun: the arrested is the target",
		article("أعلنت الشرطة التركية اعتقال القيادي في داعش أبو محمد.",
			[3]string{O, "الشرطة التركية", "tnp"}, [3]string{O, "داعش", "isis"}, [3]string{P, "أبو محمد", "abu"}),
		[]want{{"COERCE", "173", "asserted", "tnp", "abu", ""}},
	}, {
		"relative clause names the attacker",
		article("أدانت المملكة الهجوم الذي شنه تنظيم داعش على مسجد في الكويت.",
			[3]string{L, "المملكة", "ksa"}, [3]string{O, "تنظيم داعش", "isis"}, [3]string{L, "الكويت", "kuwait"}),
		[]want{{"ACCUSE", "111", "asserted", "ksa", "", ""}, {"ASSAULT", "190", "asserted", "isis", "", "kuwait"}},
	}, {
		"a statement is a quote, not an event",
		article("قال وزير الخارجية عادل الجبير إن العلاقات مع مصر قوية.", [3]string{P, "عادل الجبير", "jubeir"}, [3]string{L, "مصر", "egypt"}),
		nil,
	}, {
		"a trigger word inside a name is not a trigger",
		article("اجتمع مجلس التعاون لدول الخليج العربية أمس.", [3]string{O, "مجلس التعاون لدول الخليج العربية", "gcc"}),
		nil,
	}, {
		"congratulations are not coded",
		article("بعث خادم الحرمين الشريفين برقية تهنئة للرئيس التونسي الباجي قائد السبسي.",
			[3]string{P, "خادم الحرمين الشريفين", "salman"}, [3]string{P, "الباجي قائد السبسي", "essebsi"}),
		nil,
	}, {
		"no actor, no event",
		article("قتل ثلاثة أشخاص في هجوم مسلح على سوق شعبي.", [3]string{}),
		nil,
	}, {
		"demand with the addressee after the subject",
		article("طالب رئيس البرلمان سليم الجبوري رئيس الوزراء حيدر العبادي بإقالة الوزراء.",
			[3]string{P, "سليم الجبوري", "jubouri"}, [3]string{P, "حيدر العبادي", "abadi"}),
		[]want{{"DEMAND", "100", "asserted", "jubouri", "abadi", ""}},
	}, {
		"a circumstantial participle takes the main clause's subject",
		article("أكد وزير الخارجية عادل الجبير أن المملكة ماضية في دعم اليمن، مطالبا الميليشيات الحوثية بالانسحاب من المدن.",
			[3]string{P, "عادل الجبير", "jubeir"}, [3]string{L, "المملكة", "ksa"}, [3]string{L, "اليمن", "yemen"}, [3]string{O, "الميليشيات الحوثية", "houthis"}),
		[]want{{"DEMAND", "100", "asserted", "jubeir", "houthis", ""}},
	}, {
		"a verb joined by و after a comma shares the main clause's subject",
		article("في عام 1990 غزا صدام الكويت، ودخل الحدود، وأطلق على الرياض صواريخ سكود.",
			[3]string{P, "صدام", "saddam"}, [3]string{L, "الكويت", "kuwait"}, [3]string{L, "الرياض", "riyadh"}),
		[]want{{"ASSAULT", "190", "asserted", "saddam", "riyadh", ""}},
	}, {
		"a verb's subject after a long title",
		article("ندد الرئيس العام لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ الدكتور عبدالرحمن السند بالتفجير الإرهابي.",
			[3]string{P, "عبدالرحمن السند", "sanad"}),
		[]want{{"ACCUSE", "111", "asserted", "sanad", "", ""}},
	}, {
		"a place after the verb comes before its subject",
		article("وصل إلى الرياض مساء أمس وزير الخارجية الأمريكي جون كيري في زيارة رسمية.",
			[3]string{L, "الرياض", "riyadh"}, [3]string{P, "جون كيري", "kerry"}),
		[]want{{"CONSULT", "042", "asserted", "kerry", "", ""}},
	}, {
		"a particle's feminine pronoun is the country, not the speaker",
		article("قال رئيس الوزراء أحمد داود أوغلو إنه ليس لدى تركيا خطط لذلك ولكنها اتفقت مع الولايات المتحدة على توفير غطاء جوي.",
			[3]string{P, "أحمد داود أوغلو", "davutoglu"}, [3]string{L, "تركيا", "turkey"}, [3]string{L, "الولايات المتحدة", "usa"}),
		[]want{{"AGREE", "030", "asserted", "turkey", "usa", ""}},
	}, {
		"a verb with no subject in a chain of clauses keeps the sentence's",
		article("غادر الأمير محمد بن سلمان القاهرة بعد زيارة عمل التقى خلالها بالرئيس عبدالفتاح السيسي.",
			[3]string{P, "محمد بن سلمان", "mbs"}, [3]string{L, "القاهرة", "cairo"}, [3]string{P, "عبدالفتاح السيسي", "sisi"}),
		[]want{{"CONSULT", "040", "asserted", "mbs", "sisi", ""}},
	}, {
		"a relative clause on the subject: the object comes after it",
		article("اتهمت المؤسسة الوطنية للنفط التي يرأسها مصطفى صنع الله الحكومة المؤقتة بقصف ناقلات النفط.",
			[3]string{O, "المؤسسة الوطنية للنفط", "noc"}, [3]string{P, "مصطفى صنع الله", "sanalla"}, [3]string{O, "الحكومة المؤقتة", "gov"}),
		[]want{{"ACCUSE", "112", "asserted", "noc", "gov", ""}},
	}, {
		"the agent of a verbal noun after من قبل",
		article("تم اعتقال الصحفي محمد علي من قبل السلطات المصرية أمس.",
			[3]string{P, "محمد علي", "ali"}, [3]string{O, "السلطات المصرية", "egypt-auth"}),
		[]want{{"COERCE", "173", "asserted", "egypt-auth", "ali", ""}},
	}, {
		"a passive participle with its agent after من",
		article("وصلت إلى عدن قافلة مساعدات طبية جديدة مقدمة من مركز الملك سلمان للإغاثة.",
			[3]string{L, "عدن", "aden"}, [3]string{O, "مركز الملك سلمان للإغاثة", "ksrelief"}),
		[]want{{"AID", "070", "asserted", "ksrelief", "", ""}},
	}, {
		"قتل with its subject named right after it is an attack",
		article("وقتل تنظيم داعش أربعة مدنيين في مدينة حلب.", [3]string{O, "تنظيم داعش", "isis"}, [3]string{L, "حلب", "aleppo"}),
		[]want{{"ASSAULT", "190", "asserted", "isis", "", "aleppo"}},
	}, {
		"قتل read as passive (no subject after it) is no event",
		article("قتل خمسة أشخاص في انفجار بالقرب من مقر حزب الدعوة.", [3]string{O, "حزب الدعوة", "dawa"}),
		nil,
	}, {
		"وزارة is a ministry, not the verb زار",
		article("قالت وزارة الخارجية الروسية إن الحكومة تستهدف شراء القمح.", [3]string{O, "وزارة الخارجية الروسية", "mfa"}),
		nil,
	}, {
		"a definite attack noun is a reference: who visits its site is not its agent",
		article("تفقد أمير المنطقة خالد الفيصل موقع التفجير الذي وقع أمس.", [3]string{P, "خالد الفيصل", "faisal"}),
		nil,
	}, {
		"a definite attack noun with its agent in a relative clause is an event",
		article("أسفرت المعارك التي خاضتها المقاومة الشعبية عن مقتل عشرين شخصا.", [3]string{O, "المقاومة الشعبية", "resistance"}),
		[]want{{"ASSAULT", "190", "asserted", "resistance", "", ""}},
	}, {
		"an objective noun after بعد names no agent: the aid giver did not liberate",
		article("أرسلت المملكة مساعدات إلى اليمن بعد تحرير المدينة من الحوثيين.",
			[3]string{L, "المملكة", "ksa"}, [3]string{L, "اليمن", "yemen"}, [3]string{O, "الحوثيين", "houthis"}),
		[]want{{"AID", "070", "asserted", "ksa", "yemen", ""}},
	}, {
		"a city the knowledge base knows is no actor",
		article("قصفت تعز مواقع جماعة الحوثي.", [3]string{L, "تعز", "taiz"}, [3]string{O, "جماعة الحوثي", "houthis"}),
		nil,
	}, {
		"a visit with no named host or place is domestic (guidelines)",
		article("زار المدير العام للجوازات اللواء سليمان اليحيى المصابين في المستشفى.", [3]string{P, "سليمان اليحيى", "yahya"}),
		nil,
	}, {
		"a tour of unnamed capitals is a foreign trip",
		article("بدأت جولة وزير الخارجية عادل الجبير لعدد من العواصم الأوروبية.", [3]string{P, "عادل الجبير", "jubeir"}),
		[]want{{"CONSULT", "042", "asserted", "jubeir", "", ""}},
	}, {
		"an invitation to visit is a planned meeting of inviter and invitee",
		article("نقل الوزير لوران فابيوس دعوة من الرئيس فرنسوا هولاند إلى نظيره الإيراني حسن روحاني لزيارة فرنسا.",
			[3]string{P, "لوران فابيوس", "fabius"}, [3]string{P, "فرنسوا هولاند", "hollande"}, [3]string{P, "حسن روحاني", "rouhani"}, [3]string{L, "فرنسا", "france"}),
		[]want{{"CONSULT", "036", "planned", "hollande", "rouhani", ""}},
	}, {
		"a person's attack on a person is verbal: ACCUSE",
		article("تواصل هجوم دونالد ترامب على جون ماكين.", [3]string{P, "دونالد ترامب", "trump"}, [3]string{P, "جون ماكين", "mccain"}),
		[]want{{"ACCUSE", "111", "asserted", "trump", "mccain", ""}},
	}, {
		"one event per actor and type: the targetless one gives way",
		article("أدانت السعودية جماعة الحوثي، واستنكرت التفجير.", [3]string{L, "السعودية", "saudi-arabia"}, [3]string{O, "جماعة الحوثي", "houthis"}),
		[]want{{"ACCUSE", "111", "asserted", "saudi-arabia", "houthis", ""}},
	}, {
		"control in a relative clause is a state, not an event",
		article("أعلن مقاتلون الولاء لتنظيم داعش الذي يسيطر على مناطق واسعة من سوريا.", [3]string{O, "تنظيم داعش", "isis"}, [3]string{L, "سوريا", "syria"}),
		nil,
	}, {
		"a capital stands for its government",
		article("قصفت طهران مواقع جماعة جند الله.", [3]string{L, "طهران", "tehran"}, [3]string{O, "جماعة جند الله", "jundallah"}),
		[]want{{"ASSAULT", "190", "asserted", "tehran", "jundallah", ""}},
	}, {
		"a plan governs its أن-clause",
		article("ومن المقرر أن يزور وزير الخارجية الكوبي برونو رودريغيز واشنطن.", [3]string{P, "برونو رودريغيز", "rodriguez"}, [3]string{L, "واشنطن", "washington"}),
		[]want{{"CONSULT", "042", "planned", "rodriguez", "washington", ""}},
	}, {
		"an unplanned visit is negated",
		article("لكن من غير المقرر أن يزور باراك أوباما كينيا.", [3]string{P, "باراك أوباما", "obama"}, [3]string{L, "كينيا", "kenya"}),
		[]want{{"CONSULT", "042", "negated", "obama", "kenya", ""}},
	}, {
		"forces loyal to a named leader act for him",
		article("سيطرت القوات الموالية للرئيس عبدربه منصور هادي على مطار عدن.", [3]string{P, "عبدربه منصور هادي", "hadi"}, [3]string{L, "عدن", "aden"}),
		[]want{{"COERCE", "192", "asserted", "hadi", "aden", ""}},
	}, {
		"forces loyal to a name with a clitic preposition",
		article("هاجمت القوات الموالية لهادي مواقع الحوثيين.", [3]string{P, "هادي", "hadi"}, [3]string{O, "الحوثيين", "houthis"}),
		[]want{{"ASSAULT", "190", "asserted", "hadi", "houthis", ""}},
	}, {
		"a coalition a state leads acts for the state",
		article("شنت القوات التي تقودها الولايات المتحدة غارات على مواقع تنظيم داعش.", [3]string{L, "الولايات المتحدة", "usa"}, [3]string{O, "تنظيم داعش", "isis"}),
		[]want{{"ASSAULT", "195", "asserted", "usa", "isis", ""}},
	}, {
		"the subject of another relative clause is still not the actor",
		article("قالت الوكالة التي يرأسها برناردينو ليون إن المفاوضات مستمرة.", [3]string{P, "برناردينو ليون", "leon"}),
		nil,
	}, {
		"a claim of responsibility reports the attack",
		article("أعلن تنظيم داعش الإرهابي مسؤوليته عن التفجير الذي استهدف مسجدا.", [3]string{O, "تنظيم داعش", "isis"}),
		[]want{{"ASSAULT", "183", "asserted", "isis", "", ""}},
	}, {
		"an attack a group claimed, in a relative clause",
		article("قتل 30 شخصا في هجوم انتحاري تبناه تنظيم داعش.", [3]string{O, "تنظيم داعش", "isis"}),
		[]want{{"ASSAULT", "183", "asserted", "isis", "", ""}},
	}, {
		"an abduction is ASSAULT",
		article("نفت جبهة النصرة اختطاف المقاتلين.", [3]string{O, "جبهة النصرة", "nusra"}),
		[]want{{"ASSAULT", "181", "negated", "nusra", "", ""}},
	}}
	c := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := c.Annotate(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, e := range tc.a.Events {
				w := want{e.Type, e.Code, e.Mode, strings.Join(e.Actors, ","), strings.Join(e.Targets, ","), e.Location}
				got = append(got, w)
				if e.Start != tc.a.Sentences[0].Start || e.End != tc.a.Sentences[0].End {
					t.Errorf("span %d-%d, want the sentence", e.Start, e.End)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("event %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestDateFromTimeExpression(t *testing.T) {
	a := article("التقى وزير الخارجية عادل الجبير نظيره الأمريكي جون كيري في الدوحة الاثنين.",
		[3]string{marsad.PERS, "عادل الجبير", "jubeir"}, [3]string{marsad.PERS, "جون كيري", "kerry"})
	i := strings.Index(a.Text, "الاثنين")
	a.Times = []marsad.TimeExpr{{Text: "الاثنين", Value: "2015-08-03", Kind: marsad.TimeDate, Start: i, End: i + len("الاثنين")}}
	a.Published = "2015-08-04"
	if err := New().Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Events) != 1 || a.Events[0].Date != "2015-08-03" {
		t.Fatalf("events %+v, want one dated 2015-08-03 (the time expression, not the publication)", a.Events)
	}
	// Without a time expression the publication date stands in.
	a.Times = nil
	New().Annotate(context.Background(), a)
	if len(a.Events) != 1 || a.Events[0].Date != "2015-08-04" {
		t.Fatalf("events %+v, want the publication date", a.Events)
	}
}

func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, p := range lx.pats {
		types[p.Type] = true
	}
	for _, want := range []string{"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "DEMAND", "REJECT", "ACCUSE", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "RETREAT"} {
		if !types[want] {
			t.Errorf("no pattern for %s", want)
		}
	}
}

// FuzzAnnotate feeds arbitrary text with arbitrary (possibly overlapping or
// out-of-range) entity mentions, sentences and times: the coder must not
// panic, and every event must have a valid span and name known entities.
func FuzzAnnotate(f *testing.F) {
	f.Add("استقبل الملك سلمان في جدة أمس رئيس الوزراء. لم تتوصل إيران إلى اتفاق.", 8, 20, 30, 40)
	f.Add("إذا هاجمت إسرائيل إيران", 0, 5, 100, -3)
	f.Add("\xff\xfe و ب ل «", 1, 2, 3, 4)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		a := marsad.NewArticle()
		a.Text = text
		a.Published = "2015-07-22"
		a.Entities = []marsad.Entity{
			{ID: "a", Type: marsad.PERS, Mentions: []marsad.Mention{{Start: s1, End: e1}}},
			{ID: "b", Type: marsad.LOC, Mentions: []marsad.Mention{{Start: s2, End: e2}, {Start: s1, End: e2}}},
		}
		a.Times = []marsad.TimeExpr{{Value: "2015-07-2x", Kind: marsad.TimeDate, Start: s2, End: e1}}
		if s1%2 == 0 {
			a.Sentences = []marsad.Span{{Start: s1, End: e2}, {Start: 0, End: len(text)}}
		}
		if err := New().Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			if !(marsad.Span{Start: e.Start, End: e.End}).Valid(len(text)) {
				t.Fatalf("event span %d-%d outside a text of %d bytes", e.Start, e.End, len(text))
			}
			for _, id := range append(append([]string{}, e.Actors...), e.Targets...) {
				if id != "a" && id != "b" {
					t.Fatalf("unknown entity %q", id)
				}
			}
			if !utf8.ValidString(e.Mode) || e.Type == "" || e.Code == "" || len(e.Actors) == 0 {
				t.Fatalf("bad event %+v", e)
			}
		}
	})
}

// BenchmarkAnnotate codes the gold articles (with their gold participants
// as entities); b.N articles.
func BenchmarkAnnotate(b *testing.B) {
	gold, arts := loadGold(b)
	var as []*marsad.Article
	for _, g := range gold {
		a := copyArticle(arts[g.Article])
		if err := InjectGold(a, g); err != nil {
			b.Fatal(err)
		}
		as = append(as, a)
	}
	c := New()
	ctx := context.Background()
	var bytes int
	for _, a := range as {
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes / len(as)))
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if err := c.Annotate(ctx, as[i%len(as)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestFifthRoundTriggers covers the trigger forms of the fifth round
// (data/triggers.tsv, source SNN) and a state organ named by a nisba as
// actor (guideline G4).
func TestFifthRoundTriggers(t *testing.T) {
	P, O, L := marsad.PERS, marsad.ORG, marsad.LOC
	for _, tc := range []struct {
		name      string
		a         *marsad.Article
		typ       string
		actor     string
		wantEvent bool
	}{
		{"دان with an attack noun", article("ودان مجلس علماء باكستان حادث التفجير الذي استهدف المسجد.", [3]string{O, "مجلس علماء باكستان", "ulema"}), "ACCUSE", "ulema", true},
		{"welcoming an agreement", article("ورحبت السعودية بالاتفاق النووي في العلن.", [3]string{L, "السعودية", "saudi-arabia"}), "SUPPORT", "saudi-arabia", true},
		{"welcoming a person is a greeting", article("ورحب خادم الحرمين الشريفين بالأمير محمد بن نايف.", [3]string{P, "خادم الحرمين الشريفين", "salman"}, [3]string{P, "محمد بن نايف", "mbn"}), "", "", false},
		{"an ambush", article("وقالت مصادر إن المقاومة الشعبية نصبت كمينا لدورية في وادي خورة.", [3]string{O, "المقاومة الشعبية", "resistance"}), "ASSAULT", "resistance", true},
		{"a withdrawal towards a town", article("وانسحبت ميليشيات الحوثي أمس إلى مدينة لودر.", [3]string{O, "ميليشيات الحوثي", "houthis"}, [3]string{L, "لودر", "lawdar"}), "RETREAT", "houthis", true},
		{"a state organ by its nisba", article("قصفت المدفعية التركية أمس مواقع حزب العمال الكردستاني في شمال العراق.", [3]string{O, "حزب العمال الكردستاني", "pkk"}, [3]string{L, "العراق", "iraq"}), "ASSAULT", "turkiye", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := New().Annotate(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			if !tc.wantEvent {
				if len(tc.a.Events) != 0 {
					t.Fatalf("got %+v, want no event", tc.a.Events)
				}
				return
			}
			for _, e := range tc.a.Events {
				if e.Type == tc.typ && len(e.Actors) == 1 && e.Actors[0] == tc.actor {
					return
				}
			}
			t.Errorf("got %+v, want %s by %s", tc.a.Events, tc.typ, tc.actor)
		})
	}
}
