package timex

import (
	"testing"
	"time"

	"marsad"
)

// Cases for the rules of round 10 (testdata/README.md, Round 10): the classes
// of the pooled first-contact errors of test6–test9. ref is Thursday 6
// August 2015.
func TestExtractRound10(t *testing.T) {
	ref := time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)
	d, du := marsad.TimeDate, marsad.TimeDuration
	for _, c := range []struct {
		text string
		want []want
	}{
		// era words
		{"موازناً بين عصور خلت وبين هذا العصر.", []want{{"عصور خلت", "PAST_REF", d, ""}, {"هذا العصر", "PRESENT_REF", d, ""}}},
		{"المعنى الحقيقي للمواطنة في الإسلام وفي العصر الحديث", []want{{"العصر الحديث", "PRESENT_REF", d, ""}}},
		{"التي بدأت في الانقراض في عصرنا الحاضر", []want{{"عصرنا الحاضر", "PRESENT_REF", d, ""}}},
		{"بعد صلاة العصر في المسجد", nil},
		// phases, like الفترة; not the final phase, nor a phase of a process
		{"بعد التدريبات الشاقة خلال المرحلة الماضية", []want{{"المرحلة الماضية", "PAST_REF", d, ""}}},
		{"ستعمل الوزارة خلال المرحلة المقبلة على", []want{{"المرحلة المقبلة", "FUTURE_REF", d, ""}}},
		{"أعلنت الشركة انتهاء المرحلة الأخيرة من الاكتتاب", nil},
		{"للإشراف على المرحلة الحالية من التحضيرات", nil},
		// a vague past with قليلة, after حتى
		{"هذا الشرط الذي كان حتى سنوات قليلة مضت في متناول", []want{{"سنوات قليلة مضت", "PAST_REF", d, ""}}},
		// a bare unit after a verb of lasting
		{"الدورة التي تستمر أسبوعا. وستحمل الجوائز", []want{{"أسبوعا", "P1W", du, ""}}},
		{"ونظم الصيادلة إضرابا استمر يوما واحدا", []want{{"يوما واحدا", "P1D", du, ""}}},
		{"الهدنة ستستمر شهرا", []want{{"شهرا", "P1M", du, ""}}},
		{"ينتج 80 ألف متر مكعب يوماً", nil},
		{"سيستمر يوما ما", nil},
	} {
		check(t, c.text, ref, true, c.want)
	}
}
