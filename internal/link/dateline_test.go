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
		// Not datelines.
		{"سبق- الدمام: قالت", ""},                         // a city whose country the KB lacks: the outlet's
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
