package link

import (
	"slices"
	"testing"

	"marsad"
)

// A made-up sports item (not from any gold set): the club word after a cue
// is the club, typed ORG even where the NER said LOC, and its other
// mentions join it; a word after a cue that is the team's part is not.
func TestRecoverClubs(t *testing.T) {
	a := nerArticle(t, "وصلت بعثة الشعلة إلى القاهرة، وقال مدرب الفريق إن الشعلة جاهز. وتحدث لاعب الوسط عن المباراة.", "2015-08-03",
		[2]string{marsad.LOC, "القاهرة"}, [2]string{marsad.LOC, "الشعلة"})
	e, ms := byName(a, "الشعلة")
	if e.Type != marsad.ORG || !slices.Equal(ms, []string{"الشعلة/name", "الشعلة/name"}) {
		t.Errorf("club: %s %v", e.Type, ms)
	}
	for _, x := range a.Entities {
		if x.Name == "الوسط" || x.Name == "الفريق" {
			t.Errorf("%s taken for a club", x.Name)
		}
	}
}
