package agreement

import (
	"math"
	"strings"
	"testing"

	"marsad/internal/quote"
)

func TestKappa(t *testing.T) {
	// 50 items: 20 both yes, 15 both no, 5 A yes/B no, 10 A no/B yes:
	// observed 0.7, expected 0.5·0.6 + 0.5·0.4 = 0.5, kappa 0.4.
	var a, b []string
	add := func(n int, x, y string) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, "y", "y")
	add(15, "n", "n")
	add(5, "y", "n")
	add(10, "n", "y")
	k, err := Kappa(a, b)
	if err != nil || math.Abs(k-0.4) > 1e-9 {
		t.Fatalf("Kappa = %v, %v; want 0.4", k, err)
	}
	if k, err := Kappa([]string{"x", "x"}, []string{"x", "x"}); err != nil || k != 1 {
		t.Errorf("one shared label: %v, %v; want 1", k, err)
	}
	if _, err := Kappa([]string{"x"}, nil); err == nil {
		t.Error("different lengths: no error")
	}
	if _, err := Kappa(nil, nil); err == nil {
		t.Error("no items: no error")
	}
}

func TestMatchSpans(t *testing.T) {
	a := []span{{0, 10}, {20, 30}, {40, 50}}
	b := []span{{5, 25}, {22, 28}, {60, 70}}
	got := matchSpans(a, b)
	want := []int{0, 1, -1} // {20,30} takes {22,28}: {5,25} is used
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("matchSpans = %v, want %v", got, want)
		}
	}
	if p := (Pair{A: 3, B: 3, Matched: 2}); math.Abs(p.F1()-2.0/3) > 1e-9 {
		t.Errorf("F1 = %v", p.F1())
	}
	if (Pair{}).F1() != 1 || (Rate{}).Value() != 1 {
		t.Error("empty pair or rate is not full agreement")
	}
}

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"علي صالح", "علي عبدالله صالح", true},
		{"المقاومة", "المقاومة الشعبية", true},
		{"عبدالله", "عبد الله", true},
		{"جبل \"يسوف\"", "جبل يسوف", true},
		{"جون كيري", "بندر بن سلطان", false},
		{"الحوثي", "الحوثيين", false},
		{"", "x", false},
	} {
		if got := sameName(c.x, c.y); got != c.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

func TestResolveStatements(t *testing.T) {
	text := "وقال الوزير أحمد إن الاجتماع كان مفيداً جداً. وأضاف أن العمل مستمر."
	g := quote.GoldArticle{ID: "t", Entities: []quote.GoldEntity{{ID: "E1", Type: "PERS", Names: []string{"أحمد"}}},
		Items: []quote.GoldItem{{Speaker: "E1", Pattern: "الاجتماع كان … جدا"}, {Speaker: "E1", Pattern: "العمل مستمر"}}}
	st, err := ResolveStatements(text, g)
	if err != nil {
		t.Fatal(err)
	}
	if got := text[st[0].Start:st[0].End]; got != "الاجتماع كان مفيداً جداً" {
		t.Errorf("first = %q", got)
	}
	if got := text[st[1].Start:st[1].End]; got != "العمل مستمر" || st[1].Speaker != "أحمد" {
		t.Errorf("second = %q by %q", got, st[1].Speaker)
	}
	g.Items = append(g.Items, quote.GoldItem{Speaker: "E1", Pattern: "غير موجود"})
	if _, err := ResolveStatements(text, g); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing pattern: %v", err)
	}
}

// FuzzResolveStatements: patterns come from hand-edited files; no input may
// panic, and every span found lies inside the text.
func FuzzResolveStatements(f *testing.F) {
	f.Add("قال إن الأمر مهم جداً.", "الأمر … جدا")
	f.Add("  ", "…")
	f.Add("abc", "b … ")
	f.Fuzz(func(t *testing.T, text, pattern string) {
		g := quote.GoldArticle{ID: "f", Items: []quote.GoldItem{{Ignore: true, Pattern: pattern}, {Ignore: true, Pattern: pattern}}}
		st, err := ResolveStatements(text, g)
		if err != nil {
			return
		}
		for _, s := range st {
			if s.Start < 0 || s.Start > s.End || s.End > len(text) {
				t.Fatalf("span %v outside %d bytes", s.Span, len(text))
			}
		}
	})
}
