package plural

import "testing"

func TestCount(t *testing.T) {
	article := Noun{One: "مقالة", Dual: "مقالتان", Plural: "مقالات", Feminine: true}
	letter := Noun{One: "حرف", Dual: "حرفان", Plural: "أحرف", Tamyiz: "حرفاً"}
	tests := []struct {
		w    Noun
		n    int
		want string
	}{
		{article, 0, "0 مقالات"},
		{article, 1, "مقالة واحدة"},
		{letter, 1, "حرف واحد"},
		{article, 2, "مقالتان"},
		{article, 3, "3 مقالات"},
		{article, 10, "10 مقالات"},
		{article, 11, "11 مقالة"},
		{letter, 11, "11 حرفاً"},
		{letter, 99, "99 حرفاً"},
		{article, 100, "100 مقالة"},
		{letter, 100, "100 حرف"},
		{article, 102, "102 مقالة"},
		{article, 103, "103 مقالات"},
		{article, 111, "111 مقالة"},
		{letter, 2167, "2167 حرفاً"},
		{article, 1000, "1000 مقالة"},
	}
	for _, tt := range tests {
		if got := tt.w.Count(tt.n); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
