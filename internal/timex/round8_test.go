package timex

import (
	"testing"
	"time"

	"marsad"
)

// Cases for the rules of round 8 (round8.go, testdata/README.md). refAug is
// Monday 3 August 2015 (third quarter).
func TestExtractRound8(t *testing.T) {
	refAug := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		// "two weeks ago" keeps the week's granularity, as months and years do
		{"أعلنت الشركة قبل أسبوعين أنها", []want{{"قبل أسبوعين", "2015-W30", d, ""}}},
		{"سافر قبل ثلاثة أيام", []want{{"قبل ثلاثة أيام", "2015-07-31", d, ""}}},
		// counted from now
		{"سيكتمل المشروع بعد ثلاثة أعوام من الآن.", []want{{"ثلاثة أعوام من الآن", "2018", d, ""}}},
		// a day of the month named before, the demonstrative first
		{"هبط في 20 يوليو ثم في 24 من نفس الشهر", []want{{"20 يوليو", "2015-07-20", d, ""}, {"24 من نفس الشهر", "2015-07-24", d, ""}}},
		// the past, present and future of a person or a people
		{"اندمجت مع ماضيهم وحاضرهم، وانعكس على حاضره ومستقبله", []want{{"ماضيهم", "PAST_REF", d, ""}, {"حاضرهم", "PRESENT_REF", d, ""}, {"حاضره", "PRESENT_REF", d, ""}, {"مستقبله", "FUTURE_REF", d, ""}}},
		{"الاشتياق للماضي ورفض الحاضر", []want{{"للماضي", "PAST_REF", d, ""}}},
		{"بين الماضي والحاضر", []want{{"الماضي", "PAST_REF", d, ""}, {"الحاضر", "PRESENT_REF", d, ""}}},
		// not the city, the adjective or the receivers
		{"في حاضرة الدمام كان في مقدمة مستقبلي سموه", nil},
		{"خلال الأسبوع الماضي والحالي", []want{{"الأسبوع الماضي", "2015-W31", d, ""}}},
		// quarters: the one reported, the one before it, from the publication day
		{"ارتفعت الأرباح في الربع الثاني، وخلال الربع الحالي مقارنة مع الربع السابق", []want{{"الربع الثاني", "2015-Q2", d, ""}, {"الربع الحالي", "2015-Q2", d, ""}, {"الربع السابق", "2015-Q1", d, ""}}},
		{"تراجعت الأرباح 5% خلال الربع الحالي مقارنة مع الربع السابق", []want{{"الربع الحالي", "2015-Q2", d, ""}, {"الربع السابق", "2015-Q1", d, ""}}},
		{"سجل الفريق 30 نقطة في الربع الأول من المباراة", nil},
		{"خسرت الشركة مليون ريال في الربع الرابع", []want{{"الربع الرابع", "2014-Q4", d, ""}}},
		{"بلغ الفائض في الربع الأخير من العام الماضي 5 مليارات مقارنة بالربع الثالث", []want{{"الربع الأخير من العام الماضي", "2014-Q4", d, ""}, {"الربع الثالث", "2014-Q3", d, ""}}},
		{"سجل صافي تدفق سالب للربع الثاني على التوالي", nil},
		{"يتوقع نمو الطلب في الربع المقبل", []want{{"الربع المقبل", "2015-Q4", d, ""}}},
		{"يزور الوفد المدينة خلال الربع الحالي", []want{{"الربع الحالي", "2015-Q3", d, ""}}},
		// "meanwhile" is no time expression
		{"وفي هذه الأثناء وصل الوفد", nil},
	} {
		check(t, c.text, refAug, true, c.want)
	}
}

func TestDropNonTimes(t *testing.T) {
	ref := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"يركز على من هم في أمس الحاجة إليها",
		"ضعف شبكة الانترنت على مدار اليوم",
		"وأوضح محمد الخميس رئيس اللجنة أن",
		"أكد الأستاذ إبراهيم الخميس أن المشروع",
	} {
		check(t, text, ref, true, nil)
	}
	check(t, "وصل الوفد أمس الخميس", ref, true, []want{{"أمس الخميس", "2015-07-30", marsad.TimeDate, ""}})
}

func TestBareYearBeforeParticle(t *testing.T) {
	ref := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
	check(t, "انتقل إلى مانشستر يونايتد حتى 2019 مقابل 75 مليون يورو", ref, true, []want{{"2019", "2019", marsad.TimeDate, ""}})
	check(t, "بلغت الصادرات 2019 مليون", ref, true, nil)
}

func TestLeadDayClock(t *testing.T) {
	ref := time.Date(2015, 8, 6, 0, 0, 0, 0, time.UTC)
	tm := marsad.TimeTime
	check(t, "تعرض الإعلامي لإطلاق نار فجر أمس الأربعاء في بيروت.\nوتشير المعلومات إلى أن الحادث وقع عند الساعة الرابعة فجرًا.", ref, true,
		[]want{{"فجر أمس الأربعاء", "2015-08-05", marsad.TimeDate, ""}, {"الساعة الرابعة فجرًا", "2015-08-05T04:00", tm, ""}})
	// a schedule, and the agency's time stamp, keep the day
	check(t, "افتتح المعرض أمس.\nوسيفتح المعرض أبوابه الساعة التاسعة صباحا.", ref, true,
		[]want{{"أمس", "2015-08-05", marsad.TimeDate, ""}, {"الساعة التاسعة صباحا", "2015-08-06T09:00", tm, ""}})
	check(t, "افتتح المعرض أمس.\n// انتهى //\n11:02 ت م", ref, true,
		[]want{{"أمس", "2015-08-05", marsad.TimeDate, ""}, {"11:02 ت م", "2015-08-06T11:02", tm, ""}})
}

func TestRound8Dates(t *testing.T) {
	ref := time.Date(2015, 8, 9, 0, 0, 0, 0, time.UTC)
	d := marsad.TimeDate
	// both names of a month side by side (Reuters)
	check(t, "دخل السينما عند منتصف ليل 20 يوليو تموز 2012 وهو", ref, true, []want{{"20 يوليو تموز 2012", "2012-07-20", d, ""}})
	// the 30th of a 29-day Umm al-Qura month, and a range's bare first day
	check(t, "بدءًا من تاريخ 1 إلى 30 /11 / 1436هـ خلال الدوام", ref, true, []want{{"1", "2015-08-16", d, ""}, {"30 /11 / 1436هـ", "2015-09-14", d, ""}})
	check(t, "خلال المدة من 8 إلى 29 / 11 / 1433هـ، المتضمنة", ref, true, []want{{"8", "2012-09-24", d, ""}, {"29 / 11 / 1433هـ", "2012-10-15", d, ""}})
	check(t, "من 5 إلى 10/8/2015", ref, true, []want{{"5", "2015-08-05", d, ""}, {"10/8/2015", "2015-08-10", d, ""}})
}
