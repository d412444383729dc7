package link

import (
	"context"
	"slices"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// nerArticle runs the linker behind a given NER output (type, surface text
// at its first occurrence after the previous one).
func nerArticle(t *testing.T, text, published string, ner ...[2]string) *marsad.Article {
	t.Helper()
	a := marsad.NewArticle()
	a.Text, a.Published = text, published
	from := 0
	for _, n := range ner {
		i := indexFrom(text, n[1], from)
		if i < 0 {
			t.Fatalf("%q not in text after %d", n[1], from)
		}
		a.Entities = append(a.Entities, marsad.Entity{Name: n[1], Type: n[0],
			Mentions: []marsad.Mention{{Start: i, End: i + len(n[1]), Text: n[1], Kind: KindName}}})
		from = i + len(n[1])
	}
	if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// byName returns the mentions (text/kind) of the entity with that name.
func byName(a *marsad.Article, name string) (marsad.Entity, []string) {
	for _, e := range a.Entities {
		if e.Name == name {
			var out []string
			for _, m := range e.Mentions {
				out = append(out, m.Text+"/"+m.Kind)
			}
			return e, out
		}
	}
	return marsad.Entity{}, nil
}

func TestRepairs(t *testing.T) {
	t.Run("stray words in an NER span", func(t *testing.T) {
		a := nerArticle(t, "التقى عادل الجبير السيد كيري في الدوحة.", "2015-08-03",
			[2]string{marsad.PERS, "عادل الجبير السيد كيري"})
		if got := mentionsOf(a, "adel-al-jubeir"); !slices.Equal(got, []string{"عادل الجبير/name"}) {
			t.Errorf("al-Jubeir: %v", got)
		}
		if got := mentionsOf(a, "john-kerry"); !slices.Equal(got, []string{"كيري/name"}) {
			t.Errorf("Kerry: %v", got)
		}
	})
	t.Run("a given name before a known surname is kept", func(t *testing.T) {
		a := nerArticle(t, "وصلت ميشيل أوباما إلى لندن.", "2015-08-03", [2]string{marsad.PERS, "ميشيل أوباما"})
		if got := mentionsOf(a, "barack-obama"); got != nil {
			t.Errorf("ميشيل أوباما linked to Barack Obama: %v", got)
		}
	})
	t.Run("repeated name the NER missed", func(t *testing.T) {
		a := nerArticle(t, "قال سيب بلاتر إن الاتحاد بخير. ووصل بلاتر إلى موسكو، وغادر بلاتر أمس.", "2015-07-25",
			[2]string{marsad.PERS, "سيب بلاتر"}, [2]string{marsad.PERS, "بلاتر"})
		if _, got := byName(a, "سيب بلاتر"); len(got) != 3 {
			t.Errorf("Blatter mentions: %v", got)
		}
	})
	t.Run("name after an honorific", func(t *testing.T) {
		a := nerArticle(t, "وأوضح مدير المستشفى الدكتور خالد بن سعد العتيبي أن الحالة مستقرة. وأضاف مدير المستشفى أن الفريق نجح.", "2015-08-04")
		e, got := byName(a, "خالد بن سعد العتيبي")
		if e.Type != marsad.PERS || !slices.Equal(got, []string{"خالد بن سعد العتيبي/name", "مدير المستشفى/title"}) {
			t.Errorf("got %s %v; entities %+v", e.Type, got, a.Entities)
		}
	})
	t.Run("partial name after a cue", func(t *testing.T) {
		a := nerArticle(t, "وقصفت قوات الأسد أحياء المدينة.", "2015-08-02")
		if got := mentionsOf(a, "bashar-al-assad"); !slices.Equal(got, []string{"الأسد/name"}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("ministry by portfolio and nisba", func(t *testing.T) {
		a := nerArticle(t, "وأعلنت الخارجية المصرية أن الوزير سافر. وقال وزير الخارجية المصري إن", "2015-08-10")
		// The ministry is the mined body scoped to Egypt (scope.go).
		e, got := byName(a, "وزارة الخارجية المصرية")
		if e.Type != marsad.ORG || len(got) != 1 || scopeOf(e.ID) != "EG" {
			t.Errorf("got %s %v", e.Type, got)
		}
	})
	t.Run("institution named after a place", func(t *testing.T) {
		a := nerArticle(t, "وأعلنت أمانة المنطقة الشرقية إغلاق الطريق.", "2015-07-21", [2]string{marsad.LOC, "المنطقة الشرقية"})
		e, _ := byName(a, "أمانة المنطقة الشرقية")
		if e.Type != marsad.ORG {
			t.Errorf("entities %+v", a.Entities)
		}
	})
	t.Run("generic words and title words are not names", func(t *testing.T) {
		a := nerArticle(t, "وصل ولي العهد أيده الله إلى البنك.", "2015-07-21",
			[2]string{marsad.LOC, "العهد"}, [2]string{marsad.PERS, "أيده الله"}, [2]string{marsad.ORG, "البنك"})
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Kind == KindName {
					t.Errorf("kept %q", m.Text)
				}
			}
		}
	})
	t.Run("a title cut short names the one holder in the article", func(t *testing.T) {
		a := nerArticle(t, "قال ستيفان دي ميستورا إن المحادثات مستمرة. وأضاف المبعوث الأممي أن الحل سياسي.", "2015-07-22",
			[2]string{marsad.PERS, "ستيفان دي ميستورا"})
		if got := mentionsOf(a, "staffan-de-mistura"); !slices.Equal(got, []string{"ستيفان دي ميستورا/name", "المبعوث الأممي/title"}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("a bare title in a Saudi outlet is the Saudi office", func(t *testing.T) {
		a := marsad.NewArticle()
		a.Text, a.Published, a.Source = "وأكد ولي العهد أن المملكة ماضية في الإصلاح. وقال نائب وزير الخارجية إن", "2015-07-22", "okaz"
		if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if got := mentionsOf(a, "muhammad-bin-nayef"); !slices.Equal(got, []string{"ولي العهد/title"}) {
			t.Errorf("crown prince: %v", got)
		}
		if got := mentionsOf(a, "adel-al-jubeir"); got != nil {
			t.Errorf("a deputy minister linked to the minister: %v", got)
		}
		a.Entities, a.Source, a.URL = nil, "", "https://www.example.com/x"
		if err := New(kb.MustDefault()).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Entities) > 1 {
			t.Errorf("outlet of unknown country: %+v", a.Entities)
		}
	})
	t.Run("pronoun after a particle", func(t *testing.T) {
		a := nerArticle(t, "وأعلن جون كيري أنه لن يزور القاهرة.", "2015-08-10", [2]string{marsad.PERS, "جون كيري"})
		if got := mentionsOf(a, "john-kerry"); !slices.Equal(got, []string{"جون كيري/name", "أنه/pronoun"}) {
			t.Errorf("got %v", got)
		}
		a = nerArticle(t, "وأعلن جون كيري أنه لم يتم الاتفاق.", "2015-08-10", [2]string{marsad.PERS, "جون كيري"})
		if got := mentionsOf(a, "john-kerry"); len(got) != 1 {
			t.Errorf("expletive أنه لم يتم linked: %v", got)
		}
	})
}

func TestOutletCountry(t *testing.T) {
	for _, c := range []struct{ source, url, want string }{
		{"okaz", "", "SA"},
		{"", "https://www.alriyadh.com/1234", "SA"},
		{"", "https://www.albayan.ae/x", "AE"},
		{"", "https://www.bbc.com/arabic", ""},
		{"", "::bad", ""},
	} {
		a := marsad.NewArticle()
		a.Source, a.URL = c.source, c.url
		if got := OutletCountry(a); got != c.want {
			t.Errorf("%q %q: got %q, want %q", c.source, c.url, got, c.want)
		}
	}
}

// TestNERRepairsFromQuotes checks the NER faults the quote stage reported
// (issue 5, eighth session): a name cut at an initial's dot, an honorific
// of address tagged as a person, a title run into a person's name.
func TestNERRepairsFromQuotes(t *testing.T) {
	a := nerArticle(t, "وقال وزير الخارجية السنغافوري كيه. شانموجام إن بلاده تدعم الاتفاق.", "2015-08-01",
		[2]string{marsad.PERS, "شانموجام"})
	if _, ms := byName(a, "كيه. شانموجام"); len(ms) != 1 {
		t.Errorf("initial: %+v", a.Entities)
	}
	a = nerArticle(t, "وقال سماحة المفتي إن الصلاة واجبة.", "2015-08-01", [2]string{marsad.PERS, "سماحة"})
	if _, ms := byName(a, "سماحة"); ms != nil {
		t.Errorf("honorific as a person: %+v", a.Entities)
	}
	a = nerArticle(t, "وقال السناتور بوب كروكر إن الاتفاق سيئ. وأضاف كروكر أن المجلس سيصوت.", "2015-08-01",
		[2]string{marsad.PERS, "السناتور بوب كروكر"}, [2]string{marsad.PERS, "كروكر"})
	if _, ms := byName(a, "بوب كروكر"); !slices.Equal(ms, []string{"بوب كروكر/name", "كروكر/name"}) {
		t.Errorf("title in a name: %+v", a.Entities)
	}
}

// TestArticleInstitutions checks the in-article institution finder: names
// at any corpus frequency by the grammar, descriptions left out.
func TestArticleInstitutions(t *testing.T) {
	a := nerArticle(t, "أعلنت لجنة تقييم المنشآت والإيواء السياحي نتائجها، وقدمت جمعية أصدقاء المرضى عسلا للجنة المحلية للانتخابات البلدية. واحتل النادي مركز الصدارة وقال مجلس الإدارة إن الإدارة المالية جاهزة.", "2015-08-01")
	want := []string{"لجنة تقييم المنشآت والإيواء السياحي", "جمعية أصدقاء المرضى", "اللجنة المحلية للانتخابات البلدية"}
	var got []string
	for _, e := range a.Entities {
		got = append(got, e.Name)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s not found: %v", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("extra names: %v", got)
	}
}

// BenchmarkAnnotateLocal measures the linker on local news full of
// institution heads (the in-article finder's work), gazetteer as the
// mention source.
func BenchmarkAnnotateLocal(b *testing.B) {
	benchmarkLinker(b, strings.Repeat("أعلنت لجنة التنمية السياحية بمنطقة الباحة أن مستشفى الرس العام وجمعية البر الخيرية بالباحة وقعتا اتفاقية مع المؤسسة العامة للتدريب التقني والمهني، وقال مدير إدارة التدريب والابتعاث إن مجلس الإدارة وافق على البرنامج. ", 4), "2015-08-01")
}

// TestArticlePlaces: the word after a place classifier is a place in one
// article; المحافظة على "keeping" is not.
func TestArticlePlaces(t *testing.T) {
	a := nerArticle(t, "زار الوفد قرية رغدان في محافظة بلجرشي، مع المحافظة على البيئة.", "2015-08-01")
	var got []string
	for _, e := range a.Entities {
		got = append(got, e.Type+" "+e.Name)
	}
	if !slices.Contains(got, "LOC رغدان") || !slices.Contains(got, "LOC بلجرشي") || len(got) != 2 {
		t.Errorf("places: %v", got)
	}
}
