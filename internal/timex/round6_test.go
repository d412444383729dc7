package timex

import (
	"testing"

	"marsad"
)

// Cases for the rules of round 6 (testdata/README.md): kinds read in test5's
// errors once it became tuning data. ref2025 is Friday 15 August 2025.
func TestExtractRound6(t *testing.T) {
	d, du, st := marsad.TimeDate, marsad.TimeDuration, marsad.TimeSet
	for _, c := range []struct {
		text string
		want []want
	}{
		// the weekly, monthly and yearly forms of بشكل يومي
		{"تعقد اللجنة اجتماعاتها بشكل أسبوعي.", []want{{"بشكل أسبوعي", "P1W", st, ""}}},
		{"أمر يتكرر بصفة سنوية.", []want{{"بصفة سنوية", "P1Y", st, ""}}},
		// recently, a moment ago
		{"حصد الفريق الألقاب في الآونة الأخيرة.", []want{{"الآونة الأخيرة", "PAST_REF", d, ""}}},
		{"هبطت، قبل قليل، أول طائرة مدنية في المطار.", []want{{"قبل قليل", "PAST_REF", d, ""}}},
		// a numeric Hijri date written with en dashes
		{"خلال الفترة من ٢٢ – ١٠ – ١٤٣٦هـ إلى ٢٦ – ١٠ – ١٤٣٦هـ.",
			[]want{{"٢٢ – ١٠ – ١٤٣٦هـ", "2015-08-07", d, ""}, {"٢٦ – ١٠ – ١٤٣٦هـ", "2015-08-11", d, ""}}},
		// a month, a comma and "of the year 2013"
		{"توفي في شهر أبريل/ نيسان، من عام 2013، ودفن.", []want{{"شهر أبريل/ نيسان، من عام 2013", "2013-04", d, ""}}},
		// a definite plural counted by a definite number; decades only after a time word
		{"ارتفع المؤشر خلال الأشهر الستة بنسبة 5%.", []want{{"الأشهر الستة", "P6M", du, ""}}},
		{"ومع الأسواق الناشئة خلال العقود الثلاثة أو نحو ذلك.", []want{{"العقود الثلاثة", "P3DE", du, ""}}},
		{"بلغت القيمة الإجمالية للعقود الخمسة 80 مليون ريال.", nil},
		// a century with a mod, "of time" after it
		{"للمرة الأولى في أكثر من قرن ستحمل الورقة صورة امرأة.", []want{{"أكثر من قرن", "P1CE", du, "MORE_THAN"}}},
		{"بقيت مغلقة لمدة قرن من الزمان.", []want{{"لمدة قرن من الزمان", "P1CE", du, ""}}},
		// the counts of a list share the last one's unit
		{"وتراوحت آجال السندات بين 5 و 7 و 10 سنوات.",
			[]want{{"5", "P5Y", du, ""}, {"7", "P7Y", du, ""}, {"10 سنوات", "P10Y", du, ""}}},
		// a plural unit in a construct names an event's stretch, not a count
		// (round 9: after خلال/طوال the Eid's days are the nearest Eid, a date)
		{"ازدحمت الحدائق خلال أيام العيد.", []want{{"أيام العيد", "2025-06-06", d, ""}}},
		{"كنّ نشطات خلال أعوام مراهقتهن.", nil},
		{"وقعت الحادثة قبل سنوات التقيت فيها بالشهود.", []want{{"قبل سنوات", "PAST_REF", d, ""}}},
		// وقتها "its due time" after فوات، قبل، في … at a clause end
		{"طالبوا بتنفيذ التوصيات حتى لا تأتي الخدمات بعد فوات وقتها.", nil},
		{"أن تصلي الصلاة في وقتها.", nil},
		{"ووصفت السعودية وقتها التصريحات بأنها مرفوضة.", []want{{"وقتها", "PAST_REF", d, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}
