package link

import (
	"context"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// TestDateline: the city a story is filed from gives its country; a list
// or a sentence that opens with a city does not (dateline.go).
func TestDateline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"القاهرة - واس\nوافق مجلس الوزراء على", "EG"},
		{"القاهرة - واس وافق مجلس الوزراء على", "EG"},
		{"الرياض – أ ف ب: قال وزير", "SA"},
		{"واشنطن: قال مسؤولون", "US"},
		{"(رويترز) - بيروت - قال", "LB"},
		{"لندن: محمد علي\nقال وزير الخارجية", "GB"},
		{"عمر عريبي- سبق- القاهرة: أعلن", "EG"},
		{"واس- دمشق:\u00a0التقى", "SY"},
		{"\u00a0\u200fبغداد (أ ف ب) - أعلن", "IQ"},
		{"رويترز- بنغازي (ليبيا): قال", "LY"},
		{"عين اليوم – متابعات\nطهران – أعلنت", "IR"},
		{"سبق- الدمام: قالت", "SA"},                   // a listed dateline city (data/datelines.tsv)
		{"دبي - رويترز: قال وزير النفط الإيراني", ""}, // a regional wire hub: no country
		{"إسطنبول (رويترز) - قال", "TR"},              // listed
		{"جنيف - أ ف ب: قال المبعوث", ""},             // a city of international stories: no country
		{"نيويورك: قال الأمين العام", ""},             // the same
		// Not datelines.
		{"سبق- تيماء: قالت", ""},                          // a city whose country the KB lacks: the outlet's
		{"القاهرة تستضيف القمة - واس", ""},                // a sentence
		{"الرياض - جدة - الدمام: رحلات يومية", ""},        // a list of places
		{"- القاهرة - بيروت\n- عمان - دمشق", ""},          // list items
		{"القاهرة: 30 درجة\nدمشق: 28 درجة", ""},           // a list of cities
		{"قال وزير الخارجية في القاهرة - أمس", ""},        // not at the start
		{"1 - القاهرة: الاجتماع الأول", ""},               // numbered item
		{"حدد رئيس الوزراء البريطاني ديفيد كاميرون،", ""}, // no dateline
		{"", ""},
	}
	l := New(kb.MustDefault())
	for _, tc := range tests {
		if got := l.Dateline(tc.text); got != tc.want {
			t.Errorf("Dateline(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestDatelineScope: a Saudi outlet's story filed from Cairo names Egypt's
// cabinet and foreign minister by their bare names.
func TestDatelineScope(t *testing.T) {
	cabinet := kb.MustDefault().Lookup("مجلس الوزراء")[0].ID
	l := New(kb.MustDefault())
	for _, tc := range []struct{ text, want string }{
		{"القاهرة - واس\nووافق مجلس الوزراء على مشروع القانون.", ScopedID(cabinet, "EG")},
		{"الرياض - واس\nووافق مجلس الوزراء على مشروع القانون.", ScopedID(cabinet, "SA")},
		{"ووافق مجلس الوزراء على مشروع القانون في القاهرة - أمس.", ScopedID(cabinet, "SA")},
	} {
		a := marsad.NewArticle()
		a.Text, a.Published, a.URL = tc.text, "2015-08-01", "https://www.okaz.com.sa/x"
		if err := l.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, e := range a.Entities {
			if e.Type == marsad.ORG {
				got = e.ID
			}
		}
		if got != tc.want {
			t.Errorf("%q: cabinet %q, want %q", tc.text, got, tc.want)
		}
	}
}

func FuzzDateline(f *testing.F) {
	for _, s := range []string{"القاهرة - واس\n", "(رويترز) - بيروت - قال", "رويترز- بنغازي (ليبيا): قال", "(", "فلان (", "-", "\u00a0"} {
		f.Add(s)
	}
	l := New(kb.MustDefault())
	f.Fuzz(func(t *testing.T, s string) {
		_ = l.Dateline(s)
	})
}

// TestDatelineTitles: a bare title in a story filed abroad is the dateline
// country's office when the article names its holder, else the outlet's;
// a body in a person's chain of titles is the person's country's.
func TestDatelineTitles(t *testing.T) {
	k := kb.MustDefault()
	id := func(name string) string { return k.Lookup(name)[0].ID }
	cabinet := id("مجلس الوزراء")
	l := New(k)
	for _, tc := range []struct {
		text, mention, want string
	}{
		// The dateline's holder named: the bare title is his.
		{"عمان - واس\nوكان في استقباله وزير الخارجية ناصر جودة. وقال وزير الخارجية إن البلدين متفقان.", "وزير الخارجية", id("ناصر جودة")},
		// The outlet's holder named in a story from abroad: his.
		{"أبوظبي - واس\nاستقبل الشيخ محمد بن زايد وزير الخارجية السعودي عادل الجبير. ونقل وزير الخارجية خلال الاستقبال تحيات الملك.", "وزير الخارجية", id("عادل الجبير")},
		// Unnamed: the outlet's (a bare الرئيس in Paris may be a federation's).
		{"باريس - أ ف ب\nويبدو بلاتيني مرشحا ليصبح الرئيس التاسع للفيفا.", "الرئيس", ""},
		// A chain of titles after a Saudi prince in a story from Cairo.
		{"القاهرة - واس\nغادر الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع القاهرة.", "مجلس الوزراء", ScopedID(cabinet, "SA")},
		// Another country's prime minister's chain in a Saudi paper.
		{"وصل خالد محفوظ بحاح نائب الرئيس اليمني رئيس مجلس الوزراء إلى عدن.", "مجلس الوزراء", ScopedID(cabinet, "YE")},
		// Not across a preposition: the prince's title, not Putin's.
		{"وأكدها الرئيس فلاديمير بوتين خلال استقباله لولي ولي العهد النائب الثاني لرئيس مجلس الوزراء.", "مجلس الوزراء", ScopedID(cabinet, "SA")},
	} {
		a := marsad.NewArticle()
		a.Text, a.Published, a.URL = tc.text, "2015-08-04", "https://www.okaz.com.sa/x"
		if err := l.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		got, last := "", -1 // the entity of the mention's last occurrence
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if tc.text[m.Start:m.End] == tc.mention && m.Start > last {
					got, last = e.ID, m.Start
				}
			}
		}
		if got != tc.want {
			t.Errorf("%q: %s is %q, want %q", tc.text, tc.mention, got, tc.want)
		}
	}
}
