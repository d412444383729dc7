package timex

import (
	"testing"
	"time"

	"marsad"
)

// Cases for the rules of round 9 (testdata/README.md, Round 9). ref is
// Thursday 6 August 2015 (21 Shawwal 1436).
func TestExtractRound9(t *testing.T) {
	ref := time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)
	d, du := marsad.TimeDate, marsad.TimeDuration
	for _, c := range []struct {
		text string
		want []want
	}{
		// decades over a stretch; a definite dual only with its adjective
		{"سئمت قسوة الحياة التي عشتها على مدى تسعة عقود", []want{{"تسعة عقود", "P9DE", du, ""}}},
		{"قدم الكثير خلال مسيرته في العقدين الماضيين", []want{{"العقدين الماضيين", "P2DE", du, ""}}},
		{"وقع النادي العقدين مع اللاعبين", nil},
		{"ذكر ذو القرنين في السورة", nil},
		{"نفذت الغارات على مدى عام في سوريا", []want{{"عام", "P1Y", du, ""}}},
		{"ربما كان مناسبا لعقود مضت عندما كان المجتمع", []want{{"عقود مضت", "PAST_REF", d, ""}}},
		// بكرة "with a ball", عن بكرة أبيهم; newspapers named اليوم، الغد
		{"المولع بكرة القدم سجل بكرة مشتركة، والملاعب تمتلئ عن بكرة أبيها", nil},
		{"ونقلت صحيفة \"الغد\" الأردنية عن رئيس القسم الرياضي بصحيفة اليوم", nil},
		// a Hijri month of this year; the superlative أمسّ
		{"قيمة صفقات شهر صفر من هذا العام 1436 هـ للعقار السكني", []want{{"شهر صفر من هذا العام 1436 هـ", "2014-12", d, ""}}},
		{"وقعت الحادثة في رجب من العام الماضي", []want{{"رجب من العام الماضي", "2014-05", d, ""}}},
		{"وأضاف أن العراق بأمس الحاجة إلى علاقات متوازنة", nil},
		// يوم أمس الأول is the day before yesterday
		{"قلده رتبته الجديدة يوم أمس الأول", []want{{"يوم أمس الأول", "2015-08-04", d, ""}}},
		// a year after a quoted name
		{"واختتمت حفلات مهرجان «تيميتار» 2015 في أغادير", []want{{"2015", "2015", d, ""}}},
		{"شارك في «الجنادرية» 2000 زائر", nil},
		// a sound plural after a year is not what it counts
		{"واعتقل المتهمون في 2012 متهمين بالتخطيط", []want{{"2012", "2012", d, ""}}},
		{"لتصبح 1445 مليون ريال", nil},
		// a stretch of years of something
		{"مكنها من اختزال سنوات من البحث والجهد", []want{{"سنوات", "PXY", du, ""}}},
		{"ويصبح أمره أشهر من الصباح", nil},
		// قديماً "in the old days", not the adjective "old"
		{"ولئن مثلت اللغة قديما أهم وسيلة اتصال", []want{{"قديما", "PAST_REF", d, ""}}},
		{"بغض النظر عما إذا كان العقار جديدا أو قديما", nil},
		{"فكثير من السلاح يصبح قديماً بمجرد اكتشاف سلاح أحدث", nil},
		// the eve of a feast; the Eid's days as one stretch
		{"من الفترة ما بين ليلة عيد الفطر وحتى نهاية أيام العيد", []want{{"ليلة عيد الفطر", "2015-07-16", d, ""}, {"أيام العيد", "2015-07-17", d, ""}}},
		{"تقضي أيام العيد في منزلها", nil},
		// a part of the Hijri year: the Gregorian quarter holding its middle
		{"كما أن الربع الثالث من العام الهجري شهد تجاوزاً", []want{{"الربع الثالث من العام الهجري", "2015-Q2", d, ""}}},
		{"في الربع الأول من العام الهجري الحالي", []want{{"الربع الأول من العام الهجري الحالي", "2014-Q4", d, ""}}},
		// weekly markets
		{"افتتح مهرجان البر في سوق الاثنين بمركز بللسمر", nil},
		{"على إحدى واجهات سوق الثلاثاء الشعبي", nil},
		// a month compared with is no antecedent
		{"تراجعت المبيعات خلال تموز (يوليو) الماضي مقارنة بالشهر السابق، و9.5 في المائة مقارنة بالشهر المقابل من عام 2014",
			[]want{{"تموز (يوليو) الماضي", "2015-07", d, ""}, {"الشهر السابق", "2015-06", d, ""}, {"الشهر المقابل من عام 2014", "2014-07", d, ""}}},
		// the year to date: a same period after "until the end of June"
		{"بلغ العدد حتى نهاية شهر يونيو من العام الحالي 6 ملايين مقارنة بنفس الفترة من عام 2014، وبعدد الركاب لعام 2014 لنفس الفترة",
			[]want{{"نهاية شهر يونيو من العام الحالي", "2015-06", d, "END"}, {"نفس الفترة من عام 2014", "2014-H1", d, ""}, {"عام 2014 لنفس الفترة", "2014-H1", d, ""}}},
		{"في الربع الممتد من أول أبريل حتى نهاية يونيو بلغت 3.9 مليار مقابل 3.35 مليار خلال الفترة نفسها من العام الماضي",
			[]want{{"أول أبريل", "2015-04-01", d, ""}, {"نهاية يونيو", "2015-06", d, "END"}, {"الفترة نفسها من العام الماضي", "2014-06", d, ""}}},
	} {
		check(t, c.text, ref, true, c.want)
	}
}

// Bare weekdays (round 9): an imperfect vocalized with يُ governs as the
// future; a weekday in a relative clause in the past keeps its direction
// whatever future verb follows it.
func TestWeekdayGoverningVerb(t *testing.T) {
	ref := time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)
	d := marsad.TimeDate
	check(t, "يُفتح الأربعاء الصندوق الذي يحتوي على جناح الطائرة", ref, true, []want{{"الأربعاء", "2015-08-12", d, ""}})
	check(t, "وقال مصدر إن الصندوق الذي نقل إلى فرنسا السبت سيفتح في مختبر", ref, true, []want{{"السبت", "2015-08-01", d, ""}})
	// a relative clause in the imperfect still looks ahead
	check(t, "في اللقاء الذي يجمع الفريقين الأربعاء في لندن، كما سيقلد الفائز", ref, true, []want{{"الأربعاء", "2015-08-12", d, ""}})
	// نُشرت is a past passive: no future
	check(t, "كشفت والدته في مقابلة نُشرت السبت", ref, true, []want{{"السبت", "2015-08-01", d, ""}})
}
