package timex

import (
	"testing"

	"marsad"
)

// Cases for the rules of round 2 (testdata/README.md): deictic words in
// reported speech, clock ranges, weekday direction, ordinals, quarters,
// centuries and decades, seasons, numeric dates after a clitic.

func TestExtractSpeechDay(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		// the quotation's اليوم is the day the minister spoke
		{`وقال الوزير أمس: "سنوقع الاتفاق اليوم".`, []want{{"أمس", "2025-08-14", d, ""}, {"اليوم", "2025-08-14", d, ""}}},
		{"وأكد الوزير يوم الأربعاء أن الوفد سيصل غداً.", []want{{"يوم الأربعاء", "2025-08-13", d, ""}, {"غداً", "2025-08-14", d, ""}}},
		// the reporting clause after the quotation
		{"«نوقع الاتفاق غدا»، قال الوزير أمس.", []want{{"غدا", "2025-08-15", d, ""}, {"أمس", "2025-08-14", d, ""}}},
		// no day in the reporting clause: the publication day
		{"وقال الوزير إن الوفد وصل اليوم.", []want{{"اليوم", "2025-08-15", d, ""}}},
		// a day outside any quotation is not moved
		{"وصل الوفد أمس، ويغادر اليوم.", []want{{"أمس", "2025-08-14", d, ""}, {"اليوم", "2025-08-15", d, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

func TestExtractQuotedSpans(t *testing.T) {
	// the pipeline's quotation (from the quote stage) without quotation marks
	text := "وذكر المسؤول أمس، في بيان، أن الاجتماع سيعقد غداً في الرياض."
	q := marsad.Span{Start: len("وذكر المسؤول أمس، في بيان، أن "), End: len(text) - 1}
	got := ExtractQuoted(text, ref2025, true, []marsad.Span{q})
	if len(got) != 2 || got[1].Text != "غداً" || got[1].Value != "2025-08-15" {
		t.Errorf("got %v, want غداً = 2025-08-15 (the day after the statement)", got)
	}
}

func TestExtractClockRange(t *testing.T) {
	tm := marsad.TimeTime
	for _, c := range []struct {
		text string
		want []want
	}{
		{"يقام الحفل من 8 إلى 10 مساءً", []want{{"8", "2025-08-15T20:00", tm, ""}, {"10 مساءً", "2025-08-15T22:00", tm, ""}}},
		{"الدوام من الساعة 4 إلى الساعة 9 مساء", []want{{"الساعة 4", "2025-08-15T16:00", tm, ""}, {"الساعة 9 مساء", "2025-08-15T21:00", tm, ""}}},
		// an explicit morning is kept, and pm is not carried past noon order
		{"من الساعة 9 صباحا حتى 11 ليلا", []want{{"الساعة 9 صباحا", "2025-08-15T09:00", tm, ""}, {"11 ليلا", "2025-08-15T23:00", tm, ""}}},
		{"من الساعة 10 إلى 2 ظهرا", []want{{"الساعة 10", "2025-08-15T10:00", tm, ""}, {"2 ظهرا", "2025-08-15T14:00", tm, ""}}},
		{"بين الساعة 7 و11 مساء أمس", []want{{"الساعة 7", "2025-08-14T19:00", tm, ""}, {"11 مساء أمس", "2025-08-14T23:00", tm, ""}}},
		// a bare number before a range word without a part of the day is no
		// time: it shares the unit of the second count (round 4)
		{"من 5 إلى 7 دقائق", []want{{"5", "PT5M", marsad.TimeDuration, ""}, {"7 دقائق", "PT7M", marsad.TimeDuration, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

func TestExtractWeekdayDirection(t *testing.T) {
	d := marsad.TimeDate
	// ref2015 is Monday 3 August 2015
	for _, c := range []struct {
		text string
		want []want
	}{
		// a scheduled event in the imperfect is the coming day
		{"يلتقي الفريقان يوم الأربعاء في الرياض", []want{{"يوم الأربعاء", "2015-08-05", d, ""}}},
		{"المباراة المرتقبة الخميس بين الفريقين", []want{{"الخميس", "2015-08-06", d, ""}}},
		// a past report keeps the last one
		{"وقال الوزير يوم الأربعاء إن الاتفاق وقع", []want{{"يوم الأربعاء", "2015-07-29", d, ""}}},
		{"التقى الفريقان يوم الأحد", []want{{"يوم الأحد", "2015-08-02", d, ""}}},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractCountedAndLong(t *testing.T) {
	d := marsad.TimeDate
	ref := ref2015 // Monday 3 August 2015
	for _, c := range []struct {
		text string
		want []want
	}{
		{"يوم الثلاثاء الأول من سبتمبر المقبل", []want{{"يوم الثلاثاء الأول من سبتمبر المقبل", "2015-09-01", d, ""}}},
		{"في الجمعة الأخيرة من رمضان", []want{{"الجمعة الأخيرة من رمضان", "2015-07-10", d, ""}}},
		{"اليوم الأول من شوال", []want{{"اليوم الأول من شوال", "2015-07-17", d, ""}}},
		// an ordinal day of the month that is not that weekday: the n-th weekday
		{"الخميس الثاني من شهر يوليو 2014", []want{{"الخميس الثاني من شهر يوليو 2014", "2014-07-10", d, ""}}},
		{"خلال الأسبوع الأول من أغسطس", []want{{"الأسبوع الأول من أغسطس", "2015-W32", d, ""}}},
		{"في الأسبوع الأخير من الشهر الجاري", []want{{"الأسبوع الأخير من الشهر الجاري", "2015-W35", d, ""}}},
		{"الربع الثاني من العام الحالي", []want{{"الربع الثاني من العام الحالي", "2015-Q2", d, ""}}},
		{"مقارنة بالربع الثاني من العام الماضي", []want{{"الربع الثاني من العام الماضي", "2014-Q2", d, ""}}},
		{"في النصف الأول من عام 2014", []want{{"النصف الأول من عام 2014", "2014-H1", d, ""}}},
		// round 8: a bare quarter in a sentence about money is the last such
		// quarter begun (the third, under way on 3 August)
		{"نتائج الربع الثالث", []want{{"الربع الثالث", "2015-Q3", d, ""}}},
		{"سجل الفريق 20 نقطة في الربع الثالث", nil},
		{"القرن العشرين", []want{{"القرن العشرين", "19", d, ""}}},
		{"مطلع القرن الحادي والعشرين", []want{{"القرن الحادي والعشرين", "20", d, ""}}},
		{"منذ القرن الماضي", []want{{"القرن الماضي", "19", d, ""}}},
		{"القرن الأفريقي", nil},
		{"في ثمانينيات القرن الماضي", []want{{"ثمانينيات القرن الماضي", "198", d, ""}}},
		{"التسعينيات من القرن التاسع عشر", []want{{"التسعينيات من القرن التاسع عشر", "189", d, ""}}},
		{"في الثمانينات", []want{{"الثمانينات", "198", d, ""}}},
	} {
		check(t, c.text, ref, true, c.want)
	}
}

func TestExtractSeasons(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"صيف هذا العام", []want{{"صيف هذا العام", "2015-SU", d, ""}}},
		{"في صيف عام 2013", []want{{"صيف عام 2013", "2013-SU", d, ""}}},
		{"ربيع العام الماضي", []want{{"ربيع العام الماضي", "2014-SP", d, ""}}},
		// said in August: the coming winter begins this December, last summer was 2014's
		{"فصل الشتاء المقبل", []want{{"فصل الشتاء المقبل", "2015-WI", d, ""}}},
		{"الصيف الماضي", []want{{"الصيف الماضي", "2014-SU", d, ""}}},
		{"ترتفع الحرارة في فصل الصيف", nil},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractRound2Small(t *testing.T) {
	d, du := marsad.TimeDate, marsad.TimeDuration
	for _, c := range []struct {
		text string
		want []want
	}{
		{"و٢٠١٥/٣/١٢", []want{{"٢٠١٥/٣/١٢", "2015-03-12", d, ""}}},
		{"بتاريخ بـ15-4-1416هـ", []want{{"15-4-1416هـ", "1995-09-11", d, ""}}},
		{"في 12/3/2015", []want{{"12/3/2015", "2015-03-12", d, ""}}},
		{"الموافق 011 أغسطس 2015 م", []want{{"011 أغسطس 2015 م", "2015-08-11", d, ""}}},
		{"بواقع 7.5 عام", []want{{"7.5 عام", "P7.5Y", du, ""}}},
		{"بعد مضي عام ونصف", []want{{"عام ونصف", "P1.5Y", du, ""}}},
		{"خمسة الأعوام المقبلة", []want{{"خمسة الأعوام المقبلة", "P5Y", du, ""}}},
		{"عقب إجازة اليومين", []want{{"اليومين", "P2D", du, ""}}},
		{"ظل الذهب قريبا من أدنى مستوى", nil},
		{"كلام قرأته فلامس عواطفي", nil},
		{"يجلسون عشر ساعات في اليوم", []want{{"عشر ساعات", "PT10H", du, ""}}},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractBracketYears(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"عام ( 1931 / 1932 )", []want{{"عام ( 1931", "1931", d, ""}, {"1932 )", "1932", d, ""}}},
		{"ثورة فلسطين ( 1936 - 1939 )", []want{{"1936", "1936", d, ""}, {"1939 )", "1939", d, ""}}},
		{"من ( 1343 ) هجري", []want{{"1343 ) هجري", "1925", d, ""}}},
		{"الانتفاضة الأولى 1987 صادر", []want{{"1987", "1987", d, ""}}},
		{"الحلقة الثانية 2000 ريال", nil},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractHijriAndEdges(t *testing.T) {
	d, du := marsad.TimeDate, marsad.TimeDuration
	ref := ref2015 // 18 Shawwal 1436
	for _, c := range []struct {
		text string
		want []want
	}{
		{"غرة ذي الحجة", []want{{"غرة ذي الحجة", "2015-09-14", d, ""}}},
		{"في أواخر رمضان", []want{{"أواخر رمضان", "2015-07", d, "END"}}},
		{"وقال محمد رمضان", nil},
		{"رمضان المقبل", []want{{"رمضان المقبل", "2016-06", d, ""}}},
		{"ربيع الأول 1437هـ", []want{{"ربيع الأول 1437هـ", "2015-12", d, ""}}},
		{"خلال الساعات الـ24 الماضية", []want{{"الساعات الـ24 الماضية", "PT24H", du, ""}}},
		{"منتصف الشهر الجاري", []want{{"منتصف الشهر الجاري", "2015-08", d, "MID"}}},
		{"العام الجاري", []want{{"العام الجاري", "2015", d, ""}}},
		{"العام المقبل", []want{{"العام المقبل", "2016", d, ""}}},
	} {
		check(t, c.text, ref, true, c.want)
	}
}

func TestExtractSameUnit(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"في 3 سبتمبر المقبل ثم في الثامن من الشهر نفسه", []want{{"3 سبتمبر المقبل", "2015-09-03", d, ""}, {"الثامن من الشهر نفسه", "2015-09-08", d, ""}}},
		{"وقع الحادث أمس، وفي اليوم ذاته اعتقل", []want{{"أمس", "2015-08-02", d, ""}, {"اليوم ذاته", "2015-08-02", d, ""}}},
		{"تأسس عام 1990 وفي العام نفسه", []want{{"عام 1990", "1990", d, ""}, {"العام نفسه", "1990", d, ""}}},
		// no antecedent, and "meanwhile"
		{"وفي اليوم نفسه وصل، وفي الوقت نفسه", nil},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractStepUnit(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"خلال يوليو الحالي مقارنة بالشهر السابق", []want{{"يوليو الحالي", "2015-07", d, ""}, {"الشهر السابق", "2015-06", d, ""}}},
		{"وصل يوم الخميس 6 أغسطس، وفي اليوم التالي غادر", []want{{"يوم الخميس 6 أغسطس", "2015-08-06", d, ""}, {"اليوم التالي", "2015-08-07", d, ""}}},
		{"تأسس عام 1990 وفي العام التالي", []want{{"عام 1990", "1990", d, ""}, {"العام التالي", "1991", d, ""}}},
		// no antecedent: counted from the publication day
		{"مقارنة بالعام السابق", []want{{"العام السابق", "2014", d, ""}}},
		{"قال المدير العام السابق للشركة", nil},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractSpeechDayLimits(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		// the day belongs to the main clause, the participle starts a new statement
		{"أكدت المؤسسة انتظام الرحلات أمس، موضحة أن القطار توقف اليوم.", []want{{"أمس", "2025-08-14", d, ""}, {"اليوم", "2025-08-15", d, ""}}},
		// a day after publication is the event's, not the speech's
		{"وأشار إلى المباراة التي سيخوضها بعد غد بقوله: «سنلعب بعد غد».", []want{{"بعد غد", "2025-08-17", d, ""}, {"بعد غد", "2025-08-17", d, ""}}},
		// a day far before the quotation is of another clause
		{"تريد البلاد إنهاء المحادثات بحلول 20 أغسطس المقبل في ظل أزمة حادة تمر بها البلاد منذ أشهر طويلة، مشيرا إلى أن الحكومة ستقرر الأسبوع المقبل.",
			[]want{{"20 أغسطس المقبل", "2025-08-20", d, ""}, {"أشهر طويلة", "PXM", marsad.TimeDuration, ""}, {"الأسبوع المقبل", "2025-W34", d, ""}}},
		{"شارك المتحمسون، بحسب شبكة “روسيا اليوم” الإخبارية.", nil},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}
