package link

import (
	"context"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// annotate runs the gazetteer as the NER, then the linker.
func annotate(t testing.TB, text, published string) *marsad.Article {
	t.Helper()
	a := marsad.NewArticle()
	a.Text, a.Published = text, published
	k := kb.MustDefault()
	if err := NewGazetteer(k).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New(k).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if a.Text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %q does not match its span", m.Text)
			}
		}
	}
	return a
}

// mentionsOf returns the mention texts (kind-tagged) of the entity with id.
func mentionsOf(a *marsad.Article, id string) []string {
	var out []string
	for _, e := range a.Entities {
		if e.ID == id {
			for _, m := range e.Mentions {
				out = append(out, m.Text+"/"+m.Kind)
			}
		}
	}
	return out
}

func TestLinking(t *testing.T) {
	tests := []struct {
		name, text, date, id string
		want                 []string
	}{
		{"clitics and partial names",
			"التقى الرئيس فلاديمير بوتين وفدا أمريكيا، وقال مقربون لبوتين إن وبوتين", "2025-08-16", "vladimir-putin",
			[]string{"فلاديمير بوتين/name", "بوتين/name", "بوتين/name"}},
		{"spelling variants ترمب/ترامب",
			"قال دونالد ترامب إن الاتفاق قريب. وأضاف ترمب أن", "2025-08-16", "donald-trump",
			[]string{"دونالد ترامب/name", "ترمب/name"}},
		{"spelling variant زيلنسكي",
			"وصل فولوديمير زيلينسكي إلى واشنطن، والتقى زيلنسكي بالرئيس", "2025-08-18", "volodymyr-zelenskyy",
			[]string{"فولوديمير زيلينسكي/name", "زيلنسكي/name"}},
		{"title alone resolved by date: Trump in 2025",
			"وأوضح الرئيس الأميركي أن القمة كانت مثمرة.", "2025-08-16", "donald-trump",
			[]string{"الرئيس الأميركي/title"}},
		{"title alone resolved by date: Biden in 2023",
			"وأوضح الرئيس الأمريكي أن الدعم مستمر.", "2023-05-01", "joe-biden",
			[]string{"الرئيس الأمريكي/title"}},
		{"title alone resolved by date: Obama in 2015",
			"وأعلن الرئيس الأمريكي أن الاتفاق مع إيران تاريخي.", "2015-07-22", "barack-obama",
			[]string{"الرئيس الأمريكي/title"}},
		{"counterpart نظيره الروسي",
			"بحث وزير الخارجية السعودي عادل الجبير مع نظيره الروسي الأزمة السورية.", "2015-08-11", "sergey-lavrov",
			[]string{"نظيره الروسي/title"}},
		{"defence minister title",
			"وقال وزير الدفاع الروسي إن القوات انسحبت.", "2025-08-16", "andrey-belousov",
			[]string{"وزير الدفاع الروسي/title"}},
		{"former president is not the holder",
			"انتقد الرئيس الأمريكي السابق القرار.", "2025-08-16", "donald-trump", nil},
		{"pronoun subject after a speech verb",
			"التقى دونالد ترامب الصحفيين. وأشار ترامب إلى أنه سيتشاور مع الحلفاء.", "2025-08-16", "donald-trump",
			[]string{"دونالد ترامب/name", "ترامب/name", "أنه/pronoun"}},
		{"expletive pronoun is not a mention",
			"التقى دونالد ترامب الصحفيين، وأشار إلى أنه تم الاتفاق.", "2025-08-16", "donald-trump",
			[]string{"دونالد ترامب/name"}},
		{"apposition: the name is the mention, the title is not",
			"استقبل الرئيس الروسي فلاديمير بوتين ضيفه.", "2025-08-16", "vladimir-putin",
			[]string{"فلاديمير بوتين/name"}},
		{"الوزير + nisba: the minister of that country named before",
			"قال وزير الخارجية السعودي عادل الجبير إنه سيزور موسكو، وتأتي زيارة الوزير السعودي بعد القمة.", "2015-08-08", "adel-al-jubeir",
			[]string{"عادل الجبير/name", "إنه/pronoun", "الوزير السعودي/title"}},
		{"king by literal title",
			"بعث خادم الحرمين الشريفين برقية تهنئة.", "2015-07-22", "king-salman-bin-abdulaziz",
			[]string{"خادم الحرمين الشريفين/title"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := annotate(t, tc.text, tc.date)
			got := mentionsOf(a, tc.id)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("mentions of %s = %v, want %v\nall: %+v", tc.id, got, tc.want, a.Entities)
			}
		})
	}
}

// TestNisba: a nisba adjective is not a mention of the country (package
// doc); the country's name is.
func TestNisba(t *testing.T) {
	a := annotate(t, "أكدت الحكومة السعودية أن السعودية والشعب الروسي وروسيا شركاء. الحرب الروسية مستمرة.", "2025-08-16")
	if got := mentionsOf(a, "saudi-arabia"); strings.Join(got, ",") != "السعودية/name" {
		t.Errorf("Saudi Arabia mentions = %v, want the second السعودية only", got)
	}
	if got := mentionsOf(a, "russia"); strings.Join(got, ",") != "روسيا/name" {
		t.Errorf("Russia mentions = %v, want روسيا only", got)
	}
}

// TestStableIDs: the same name gets the same id in every article, known to
// the KB or not, and one entity keeps one id within an article.
func TestStableIDs(t *testing.T) {
	ner := func(text string, names ...string) *marsad.Article {
		a := marsad.NewArticle()
		a.Text = text
		for _, n := range names {
			i := strings.Index(text, n)
			a.Entities = append(a.Entities, marsad.Entity{Name: n, Type: marsad.PERS,
				Mentions: []marsad.Mention{{Start: i, End: i + len(n), Text: n}}})
		}
		if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a1 := ner("قال مطلق الهاجري إن الانتخابات قريبة.", "مطلق الهاجري")
	a2 := ner("أوضح المتحدث مطلق الهاجري أن التسجيل بدأ، وأكد الهاجري أن", "مطلق الهاجري", "الهاجري")
	if len(a1.Entities) != 1 || len(a2.Entities) != 1 {
		t.Fatalf("want one entity each, got %+v / %+v", a1.Entities, a2.Entities)
	}
	if a1.Entities[0].ID != a2.Entities[0].ID || !strings.HasPrefix(a1.Entities[0].ID, "x-pers-") {
		t.Errorf("ids %q / %q: want the same name-derived id", a1.Entities[0].ID, a2.Entities[0].ID)
	}
	if a1.Entities[0].NameEn == "" {
		t.Error("no transliterated name_en")
	}
	if id := kb.NameID(marsad.PERS, "مطلق الهاجري"); id != a1.Entities[0].ID {
		t.Errorf("NameID = %s, entity id %s", id, a1.Entities[0].ID)
	}
}

// TestBadInput: spans out of range, empty text, overlapping NER spans never
// panic and never produce mentions outside the text.
func TestBadInput(t *testing.T) {
	a := marsad.NewArticle()
	a.Text = "بوتين"
	a.Entities = []marsad.Entity{{Name: "x", Type: marsad.PERS, Mentions: []marsad.Mention{{Start: -1, End: 3}, {Start: 2, End: 99}, {Start: 0, End: 10}, {Start: 0, End: 3}}}}
	if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if !m.Span().Valid(len(a.Text)) {
				t.Errorf("invalid span %+v", m)
			}
		}
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("اجتمع الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي دونالد ترامب في ألاسكا. وأشار إلى أنه سيزور موسكو.", 13, 40)
	f.Add("للأمم المتحدة وبوتين", 0, 5)
	f.Add("يلتقي الجبير السيد كيري ولافروف في الدوحة", 37, 60)
	f.Add("وأوضح مدير المستشفى الدكتور خالد بن سعد العتيبي أنه لن يزور. وأعلنت الخارجية المصرية وقوات الأسد", 0, 10)
	f.Add("وأكد ولي العهد أن المملكة ماضية، وقال وزير الخارجية إن نائب وزير الدفاع والإنتاج الحربي وصل", 0, 10)
	f.Add("وقال عضو هيئة التدريس بجامعة الملك سعود مشعل الوعيل: إن", 64, 94)
	f.Add("وقال المتحدث باسم طالبان ذبيح الله مجاهد إن", 33, 63)
	f.Add("في مؤسسة اسباير زون. وقال مدير مؤسسة اسباير زون حسين القحطاني", 79, 111)
	f.Add("وأكدت قوات التحالف في كابول، وقال المتحدث باسم قوات التحالف", 86, 109)
	f.Add("", 0, 0)
	k := kb.MustDefault()
	l, g := New(k), NewGazetteer(k)
	f.Fuzz(func(t *testing.T, text string, s, e int) {
		a := marsad.NewArticle()
		a.Text, a.Published = text, "2025-08-16"
		if s%2 == 0 {
			a.Source = "okaz" // bare titles of the outlet's country
		}
		if err := g.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		typ := []string{marsad.PERS, marsad.LOC, marsad.ORG, marsad.MISC}[(s%4+4)%4]
		a.Entities = append(a.Entities, marsad.Entity{Name: "x", Type: typ, Mentions: []marsad.Mention{{Start: s, End: e}}})
		if err := l.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, en := range a.Entities {
			for _, m := range en.Mentions {
				if !m.Span().Valid(len(a.Text)) || a.Text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}

func FuzzLoadGold(f *testing.F) {
	f.Add("## a dev\nPERS\tX\t\tبوتين|t:الرئيس الروسي|p:أنه سيزور\n")
	f.Add("PERS\tX\n")
	f.Fuzz(func(t *testing.T, s string) {
		gold, err := LoadGold(strings.NewReader(s))
		if err != nil {
			return
		}
		for i := range gold {
			gold[i].Mentions("قال بوتين إن الرئيس الروسي أنه سيزور")
		}
	})
}

// BenchmarkAnnotate measures the linker (with the gazetteer as the mention
// source) on a news article of ~2,400 bytes.
func BenchmarkAnnotate(b *testing.B) {
	benchmarkLinker(b, strings.Repeat("اجتمع الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي دونالد ترامب في ولاية ألاسكا، بينما غاب عنها صوت أوكرانيا. وأشار ترامب إلى أنه سيتشاور مع حلف الناتو والرئيس الأوكراني فولوديمير زيلينسكي. ", 4), "2025-08-16")
}

// benchmarkLinker runs the gazetteer and the linker over text, as one
// article published on the day given.
func benchmarkLinker(b *testing.B, text, published string) {
	k := kb.MustDefault()
	l, g := New(k), NewGazetteer(k)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a := marsad.NewArticle()
		a.Text, a.Published = text, published
		_ = g.Annotate(ctx, a)
		_ = l.Annotate(ctx, a)
	}
}

// TestNERTypeNoise: one name typed differently by the NER in one article is
// one entity, with the majority type.
func TestNERTypeNoise(t *testing.T) {
	text := "أعلنت شركة بوناتي أن بوناتي تتابع القضية، وقالت بوناتي إن"
	a := marsad.NewArticle()
	a.Text = text
	var ms []marsad.Mention
	for i := 0; ; {
		j := strings.Index(text[i:], "بوناتي")
		if j < 0 {
			break
		}
		ms = append(ms, marsad.Mention{Start: i + j, End: i + j + len("بوناتي"), Text: "بوناتي"})
		i += j + len("بوناتي")
	}
	a.Entities = []marsad.Entity{
		{Name: "بوناتي", Type: marsad.ORG, Mentions: ms[:2]},
		{Name: "بوناتي", Type: marsad.PERS, Mentions: ms[2:]},
	}
	if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Entities) != 1 || a.Entities[0].Type != marsad.ORG || len(a.Entities[0].Mentions) != 3 {
		t.Errorf("got %+v, want one ORG entity with 3 mentions", a.Entities)
	}
}

// TestSplitJoined: an NER span that ran two known people together is split;
// a nasab (بن عبدالله) is not a second person.
func TestSplitJoined(t *testing.T) {
	for _, tc := range []struct {
		text, span string
		want       []string
	}{
		{"يلتقي الجبير السيد كيري ولافروف في الدوحة", "كيري ولافروف", []string{"john-kerry", "sergey-lavrov"}},
		{"حضر الأمير عبدالعزيز بن عبدالله بن عبدالعزيز الاستقبال", "عبدالعزيز بن عبدالله بن عبدالعزيز", []string{"x-pers-"}},
	} {
		a := marsad.NewArticle()
		a.Text = tc.text
		i := strings.Index(tc.text, tc.span)
		a.Entities = []marsad.Entity{{Name: tc.span, Type: marsad.PERS, Mentions: []marsad.Mention{{Start: i, End: i + len(tc.span)}}}}
		l := New(kb.MustDefault())
		l.Recover = false
		if err := l.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range a.Entities {
			got = append(got, e.ID)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.span, got, tc.want)
			continue
		}
		for j := range got {
			if !strings.HasPrefix(got[j], tc.want[j]) {
				t.Errorf("%s: got %v, want %v", tc.span, got, tc.want)
			}
		}
	}
}

func TestSameEntity(t *testing.T) {
	e := func(typ, name string) marsad.Entity {
		return marsad.Entity{ID: kb.NameID(typ, name), Type: typ, Name: name}
	}
	putin := marsad.Entity{ID: "vladimir-putin", Type: marsad.PERS, Name: "فلاديمير بوتين", Wikidata: "Q7747"}
	for _, tc := range []struct {
		a, b marsad.Entity
		want bool
	}{
		{e(marsad.PERS, "عبدالله المعلمي"), e(marsad.PERS, "المعلمي"), true},
		{e(marsad.PERS, "عبد الله المعلمي"), e(marsad.PERS, "عبدالله المعلمي"), true},
		{e(marsad.PERS, "خالد العيسى"), e(marsad.PERS, "فهد العيسى"), false},
		// Given name and nasab, then the full name; a lone given name is not enough.
		{e(marsad.PERS, "خالد بن محمد"), e(marsad.PERS, "خالد بن محمد اليوسف"), true},
		{e(marsad.PERS, "خالد"), e(marsad.PERS, "خالد بن محمد اليوسف"), false},
		{e(marsad.PERS, "خالد بن فهد"), e(marsad.PERS, "خالد بن محمد اليوسف"), false},
		{e(marsad.PERS, "المعلمي"), e(marsad.ORG, "المعلمي"), false},
		{e(marsad.ORG, "المرصد السوري لحقوق الإنسان"), e(marsad.ORG, "المرصد"), true},
		{putin, putin, true},
		{putin, e(marsad.PERS, "بوتين"), false},
		// Middle names left out, بن written or not, compounds split or joined,
		// ال on the family name or not; a different middle name is another man.
		{e(marsad.PERS, "خالد طاهر"), e(marsad.PERS, "خالد بن عبدالقادر طاهر"), true},
		{e(marsad.PERS, "محسن سلمان الدوسري"), e(marsad.PERS, "محسن بن سلمان الدوسري"), true},
		{e(marsad.PERS, "عمر البرناوي"), e(marsad.PERS, "عمر برناوي"), true},
		{e(marsad.PERS, "وعبد الله الزهراني"), e(marsad.PERS, "وعبدالله الزهراني"), true},
		{e(marsad.PERS, "ثامر أحمد العبد المحسن"), e(marsad.PERS, "ثامر أحمد العبدالمحسن"), false}, // family name split: the skeleton rule's, not this one
		{e(marsad.PERS, "محمد بن حمد العمري"), e(marsad.PERS, "محمد بن علي العمري"), false},
		{e(marsad.PERS, "علي صالح"), marsad.Entity{ID: "ali-abdullah-saleh", Type: marsad.PERS, Name: "علي عبدالله صالح", Wikidata: "Q152"}, true},
		{e(marsad.PERS, "أحمد"), e(marsad.PERS, "أحمد جعفر المجيشي"), false},
	} {
		if got := SameEntity(tc.a, tc.b); got != tc.want {
			t.Errorf("SameEntity(%s, %s) = %v", tc.a.Name, tc.b.Name, got)
		}
	}
}
