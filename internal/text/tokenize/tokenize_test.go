package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"اجتمع الرئيس الروسي فلاديمير بوتين، ونظيره الأمريكي.", "اجتمع|الرئيس|الروسي|فلاديمير|بوتين|،|ونظيره|الأمريكي|."},
		{"يوم الجمعة 15 أغسطس 2025", "يوم|الجمعة|15|أغسطس|2025"},
		{"١٥ آب ٢٠٢٥، نحو 3.5 مليار", "١٥|آب|٢٠٢٥|،|نحو|3.5|مليار"},
		{"قال: “اتفقنا.”", "قال|:|“|اتفقنا|.|”"},
		{"«بناءة» و”قائمة”", "«|بناءة|»|و|”|قائمة|”"},
		{"إلمندورف‑ريتشاردسون", "إلمندورف|‑|ريتشاردسون"},
		{"الأمـــريكي مُثمِرة", "الأمـــريكي|مُثمِرة"},
		{"O'Brien said 1,000", "O'Brien|said|1,000"},
		{"في 15/8/2025؟", "في|15/8/2025|؟"},
	}
	for _, tt := range tests {
		got := strings.Join(texts(Tokens(tt.in)), "|")
		if got != tt.want {
			t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		word string
		want string // the reading to find among Segments: prefixes+stem+suffix joined by +
	}{
		{"لبوتين", "ل+بوتين"},
		{"وبوتين", "و+بوتين"},
		{"وبالأمس", "و+ب+ال+أمس"},
		{"للرئيس", "ل+ال+رئيس"},
		{"وموسكو", "و+موسكو"},
		{"سيجري", "س+يجري"},
		{"ونظيره", "و+نظير+ه"},
		{"بوتين", "بوتين"},
	}
	for _, tt := range tests {
		tok := Tokens(tt.word)[0]
		var all []string
		found := false
		for _, s := range Segments(tok) {
			parts := append(append([]string{}, s.Prefixes...), s.Stem.Text)
			if s.Suffix != "" {
				parts = append(parts, s.Suffix)
			}
			r := strings.Join(parts, "+")
			all = append(all, r)
			if r == tt.want {
				found = true
			}
			if tt.word[s.Stem.Start:s.Stem.End] != s.Stem.Text {
				t.Errorf("%s: stem offsets %d:%d do not cover %q", tt.word, s.Stem.Start, s.Stem.End, s.Stem.Text)
			}
		}
		if !found {
			t.Errorf("Segments(%s) = %v, missing %s", tt.word, all, tt.want)
		}
	}
}

func TestSegmentConservative(t *testing.T) {
	tests := []struct{ word, stem string }{
		{"بوتين", "بوتين"}, // a name, not ب+وتين
		{"ولاية", "ولاية"}, // a word, not و+لاية
		{"والولايات", "ولايات"},
		{"للرئيس", "رئيس"},
		{"بالرمزية", "رمزية"},
	}
	for _, tt := range tests {
		if got := Segment(Tokens(tt.word)[0]).Stem.Text; got != tt.stem {
			t.Errorf("Segment(%s).Stem = %s, want %s", tt.word, got, tt.stem)
		}
	}
}

func TestOffsetsSurviveBrokenUTF8(t *testing.T) {
	in := "بوتين\xff\xfeترامب \xd8"
	for _, tok := range Tokens(in) {
		if in[tok.Start:tok.End] != tok.Text || !utf8.ValidString(tok.Text) {
			t.Errorf("bad token %q at %d:%d", tok.Text, tok.Start, tok.End)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "بوتين، ترامب.", "١٥٫٥ «قال»", "a'b 1,2,3", "\xff\xd8", "وللرئيس"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokens(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			prev = tok.End
			for _, seg := range Segments(tok) {
				if seg.Stem.Start < tok.Start || seg.Stem.End > tok.End || s[seg.Stem.Start:seg.Stem.End] != seg.Stem.Text {
					t.Fatalf("bad stem %+v of %+v", seg.Stem, tok)
				}
			}
		}
	})
}
