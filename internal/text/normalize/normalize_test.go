package normalize

import "testing"

func TestSearch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أُمَّةٌ", "امه"},
		{"إسرائيل", "اسرائيل"},
		{"آلاف", "الاف"},
		{"مصطفى", "مصطفي"},
		{"القاهرة", "القاهره"},
		{"الأمـــريكي", "الامريكي"},
		{"١٥ آب ٢٠٢٥", "15 اب 2025"},
		{"۱۴۰۳", "1403"},
		{"Putin", "putin"},
		{"بو\u200cتين", "بوتين"},
	}
	for _, tt := range tests {
		if got := Search(tt.in); got != tt.want {
			t.Errorf("Search(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayKeepsLetters(t *testing.T) {
	in := "الأمـــريكي\u00a0أُمَّةٌ\u200f"
	if got, want := Display(in), "الأمريكي أُمَّةٌ"; got != want {
		t.Errorf("Display(%q) = %q, want %q", in, got, want)
	}
}

func TestSearchPrefixLen(t *testing.T) {
	s := "أُمَّةٌ كبيرة"
	n := len(Search("أُمَّةٌ"))
	if got := s[:SearchPrefixLen(s, n)]; Search(got) != "امه" {
		t.Errorf("prefix %q does not normalize to امه", got)
	}
}
