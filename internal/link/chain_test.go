package link

import (
	"slices"
	"testing"
)

// TestChainedTitle: a title that another title separates from the name is
// a title mention of the person; a title directly before the name, after a
// deputy's word, or before a counterpart is not.
func TestChainedTitle(t *testing.T) {
	tests := []struct {
		name, text, id string
		want           []string
	}{
		{"two titles before the name",
			"وحضر اللقاء نائب الرئيس اليمني رئيس مجلس الوزراء، خالد محفوظ بحاح، في الرياض.", "khaled-bahah",
			[]string{"نائب الرئيس اليمني/title", "بحاح/name"}},
		{"a counterpart is another person",
			"جمع وزير الخارجية السعودي بنظيره الروسي سيرغي لافروف في الدوحة.", "sergey-lavrov",
			[]string{"سيرغي لافروف/name"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := nerArticle(t, tc.text, "2015-07-26")
			if got := mentionsOf(a, tc.id); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
