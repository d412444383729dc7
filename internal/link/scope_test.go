package link

import (
	"context"
	"testing"

	"marsad"
	"marsad/internal/kb"
)

// TestScopeBodies: a generic government body is the body of the country
// its nisba, the nearest earlier nisba or the outlet gives (scope.go).
func TestScopeBodies(t *testing.T) {
	cabinet := kb.MustDefault().Lookup("مجلس الوزراء")[0].ID
	interior := kb.MustDefault().Lookup("وزارة الداخلية")[0].ID
	tests := []struct {
		name, text, url string
		want            map[string][]string // id → mention texts
	}{
		{"a Saudi outlet's bare cabinet is Saudi; a nisba names another country",
			"وافق مجلس الوزراء على النظام. ورحب مجلس الوزراء المصري بالقرار.", "https://www.okaz.com.sa/x",
			map[string][]string{ScopedID(cabinet, "SA"): {"مجلس الوزراء"}, ScopedID(cabinet, "EG"): {"مجلس الوزراء"}}},
		{"a bare name after a nisba goes on naming that country's body",
			"وأعلنت وزارة الداخلية المصرية القبض على خلية. وقالت وزارة الداخلية إن التحقيق مستمر.", "https://www.okaz.com.sa/x",
			map[string][]string{ScopedID(interior, "EG"): {"وزارة الداخلية", "وزارة الداخلية"}}},
		{"no outlet, no nisba: unscoped",
			"وافق مجلس الوزراء على النظام.", "",
			map[string][]string{cabinet: {"مجلس الوزراء"}}},
		{"no outlet: the article's nisba scopes a bare name before it",
			"وافق مجلس الوزراء على النظام. وقال بيان لمجلس الوزراء الأردني إن", "",
			map[string][]string{ScopedID(cabinet, "JO"): {"مجلس الوزراء", "مجلس الوزراء"}}},
	}
	l := New(kb.MustDefault())
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := marsad.NewArticle()
			a.Text, a.Published, a.URL = tc.text, "2015-08-01", tc.url
			if err := l.Annotate(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, e := range a.Entities {
				for _, m := range e.Mentions {
					if _, ok := tc.want[e.ID]; ok || scopeOf(e.ID) != "" || e.ID == cabinet || e.ID == interior {
						got[e.ID] = append(got[e.ID], m.Text)
					}
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for id, w := range tc.want {
				if len(got[id]) != len(w) {
					t.Errorf("%s: got %v, want %v", id, got[id], w)
				}
			}
		})
	}
}

func TestScopedSameEntity(t *testing.T) {
	id := kb.MustDefault().Lookup("مجلس الوزراء")[0].ID
	sa := marsad.Entity{ID: ScopedID(id, "SA"), Type: marsad.ORG, Name: "مجلس الوزراء السعودي"}
	eg := marsad.Entity{ID: ScopedID(id, "EG"), Type: marsad.ORG, Name: "مجلس الوزراء"}
	if SameEntity(sa, eg) {
		t.Error("two countries' cabinets are one entity")
	}
	if !SameEntity(sa, sa) {
		t.Error("a cabinet is not itself")
	}
}
