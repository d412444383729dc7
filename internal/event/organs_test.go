package event

import (
	"testing"

	"marsad/internal/kb"
)

// TestFindOrgans checks the state-organ phrases of guideline G4: definite
// forces and services with a country nisba, and the phrases that are not
// (a title's genitive, a party's name, a possessor after ل, an indefinite
// phrase, a nisba on an action noun, a movement's nisba).
func TestFindOrgans(t *testing.T) {
	base, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, want, country string
	}{
		{"قصفت المدفعية التركية أمس مواقع الحزب", "المدفعية التركية", "TR"},
		{"غارات نفذها الطيران التركي على مواقع", "الطيران التركي", "TR"},
		{"ألقت قوات الأمن التونسي القبض على عنصر", "قوات الأمن التونسي", "TN"},
		{"أعلنت القوات المسلحة المصرية مقتل 20 إرهابيا", "القوات المسلحة المصرية", "EG"},
		{"وألقت الأجهزة الأمنية الكويتية القبض على شخص", "الأجهزة الأمنية الكويتية", "KW"},
		{"اقتحمت قوات الاحتلال الإسرائيلى باحة المسجد", "قوات الاحتلال الإسرائيلى", "IL"},
		{"ورد الجيش التركي بقصف مواقع", "الجيش التركي", "TR"},
		{"وقال قائد القوات الأمريكية في العراق", "", ""},
		{"استقبل الملك رئيس حزب القوات اللبنانية سمير جعجع", "", ""},
		{"أسقط طائرة مروحية للجيش العراقي", "", ""},
		{"قصفت طائرات حربية تركية مواقع", "", ""},
		{"لإيقاف القصف التركي لقرى الإقليم", "", ""},
		{"تطلقها الميليشيات الحوثية على المناطق", "", ""},
		{"في مقر الحكومة اليمنية المؤقت بالرياض", "", ""},
	} {
		got := findOrgans(c.text, base)
		if c.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: got %q, want none", c.text, c.text[got[0].start:got[0].end])
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%q: got %d organs, want %q", c.text, len(got), c.want)
			continue
		}
		if s := c.text[got[0].start:got[0].end]; s != c.want || got[0].country.Country != c.country {
			t.Errorf("%q: got %q (%s), want %q (%s)", c.text, s, got[0].country.Country, c.want, c.country)
		}
	}
}

// FuzzFindOrgans checks that any text gives state-organ spans inside it,
// in order, each with a country.
func FuzzFindOrgans(f *testing.F) {
	f.Add("قصفت المدفعية التركية أمس مواقع الحزب")
	f.Add("ولقوات الأمن التونسي، والطيران الروسي")
	f.Add("لل القوات")
	base, err := kb.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, o := range findOrgans(text, base) {
			if o.start < end || o.end <= o.start || o.end > len(text) || o.country == nil {
				t.Fatalf("bad organ span %d-%d in %q", o.start, o.end, text)
			}
			end = o.end
		}
	})
}
