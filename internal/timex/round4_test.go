package timex

import (
	"testing"

	"marsad"
)

// Cases for the rules of round 4 (testdata/README.md): kinds found missing in
// the Wojood sample and by a frequency scan of SaudiNewsNet. ref2025 is
// Friday 15 August 2025.
func TestExtractRound4(t *testing.T) {
	d, du, tm := marsad.TimeDate, marsad.TimeDuration, marsad.TimeTime
	for _, c := range []struct {
		text string
		want []want
	}{
		// a bare part of the day takes the day named shortly before
		{"وذكرت المصادر صباح أمس الخميس أن قوات الاحتلال اعتقلت 15 فلسطينياً فجراً في الضفة.",
			[]want{{"صباح أمس الخميس", "2025-08-14", d, ""}, {"فجراً", "2025-08-14", d, ""}}},
		{"تشهد المنطقة اليوم السبت تراجعا في درجات الحرارة ليلا.",
			[]want{{"اليوم السبت", "2025-08-16", d, ""}, {"ليلا", "2025-08-16", d, ""}}},
		// … and is no day without one, said of every day, or after a clock
		{"وصل الوفد مساءً إلى جدة.", nil},
		{"افتتح المعرض أمس ويعمل ليلاً ونهاراً.", []want{{"أمس", "2025-08-14", d, ""}}},
		{"افتتح المعرض أمس ويستقبل الزوار من الساعة 8 صباحا حتى 10 مساءً.",
			[]want{{"أمس", "2025-08-14", d, ""}, {"الساعة 8 صباحا", "2025-08-14T08:00", tm, ""}, {"10 مساءً", "2025-08-14T22:00", tm, ""}}},
		{"حطم أمس الرقم القياسي في سباق 50 مترا ظهرا.", []want{{"أمس", "2025-08-14", d, ""}}},
		// بعد أيام in a clause about the future; after an event a duration
		{"وبعد أيام ستصل طائرة جديدة.", []want{{"بعد أيام", "FUTURE_REF", d, ""}}},
		{"وقع الحادث بعد أيام من الاتفاق.", []want{{"أيام", "PXD", du, ""}}},
		// counts in brackets, definite compound counts, vague many
		{"ويستمر التسجيل لمدة (21) يوماً عدا أيام الجمع.", []want{{"لمدة (21) يوماً", "P21D", du, ""}}},
		{"ولمدة (خمسة) أيام وفقاً للخطة.", []want{{"لمدة (خمسة) أيام", "P5D", du, ""}}},
		{"لقي 20 شخصا حتفهم خلال الأربعة والعشرين ساعة الماضية.", []want{{"الأربعة والعشرين ساعة", "PT24H", du, ""}}},
		{"ارتفعت الأسعار خلال الاثني عشر شهرا الماضية.", []want{{"الاثني عشر شهرا", "P12M", du, ""}}},
		{"يعود تاريخها إلى آلاف السنين.", []want{{"آلاف السنين", "PXY", du, ""}}},
		{"قتل آلاف الأشخاص.", nil},
		// elliptical counts: the first of a range, an alternative
		{"تستغرق الرحلة من ثلاثة إلى خمسة أيام.", []want{{"ثلاثة", "P3D", du, ""}, {"خمسة أيام", "P5D", du, ""}}},
		{"تتراوح أعمارهم بين 14 و16 عاماً.", []want{{"14", "P14Y", du, ""}, {"16 عاماً", "P16Y", du, ""}}},
		{"أنجز المشروع خلال سنة واحدة بدلا من ثلاث، ويبلغ طوله 72 كم.", []want{{"سنة واحدة", "P1Y", du, ""}, {"ثلاث", "P3Y", du, ""}}},
		{"يتم تفريغهم لمدة أسبوعين أو ثلاثة بعد توجيههم.", []want{{"لمدة أسبوعين", "P2W", du, ""}, {"ثلاثة", "P3W", du, ""}}},
		{"يحتاج يومين أو ثلاثة أشخاص.", []want{{"يومين", "P2D", du, ""}}},
		{"قتل من 3 إلى 5 أشخاص.", nil},
		// a month or day of every year is a set
		{"يقام المهرجان في نهاية شهر يونيو من كل سنة ميلادية.", []want{{"نهاية شهر يونيو من كل سنة ميلادية", "XXXX-06", marsad.TimeSet, "END"}}},
		{"يحتفل به في الأول من يناير من كل عام.", []want{{"الأول من يناير من كل عام", "XXXX-01-01", marsad.TimeSet, ""}}},
		// عصراً the noun "era"; centuries are counted further than decades
		{"انتصر أمس وبدأ عصرًا يسميه المؤرخون الدولة الحديثة.", []want{{"أمس", "2025-08-14", d, ""}}},
		{"منذ خمسة وثلاثين قرنًا انحسرت مياه البحر.", []want{{"خمسة وثلاثين قرنًا", "P35CE", du, ""}}},
		// years gone by
		{"عاشت تلك النسبة مخاضا قاسيا في سنوات مضت.", []want{{"سنوات مضت", "PAST_REF", d, ""}}},
		// the rest of the current unit; not of an academic year
		{"قد يتباطأ الاقتصاد خلال بقية العام.", []want{{"العام", "2025", d, ""}}},
		{"ويستمر العمل حتى باقي العام الدراسي.", nil},
		// Gulf and Levantine forms
		{"شو المواضيع هاي السنة؟", []want{{"هاي السنة", "2025", d, ""}}},
		{"الشهر الجاي رح نسافر.", []want{{"الشهر الجاي", "2025-09", d, ""}}},
		{"ننظر إلى المستقبل بتفاؤل.", []want{{"إلى المستقبل", "FUTURE_REF", d, ""}}},
		// no year in a decimal amount, no decades of contracts, per day
		{"صعد المؤشر إلى 2093.69 نقطة.", nil},
		{"سجلت المحاكم نحو 102757 عقد نكاح.", nil},
		{"تبلغ المبيعات خلال اليوم الواحد 30 مليون ريال.", nil},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

// The weekend told of early in the week is the one just past, unless the
// clause is about the future. 11 August 2025 is a Monday.
func TestExtractWeekendPast(t *testing.T) {
	d := marsad.TimeDate
	mon := ref2025.AddDate(0, 0, -4)
	check(t, "وقد التقت المرأتان خلال عطلة نهاية الأسبوع في البلدة.", mon, true, []want{{"نهاية الأسبوع", "2025-W32-WE", d, ""}})
	check(t, "إن توفر له الوقت نهاية الأسبوع فسيسبح في البحر.", mon, true, []want{{"نهاية الأسبوع", "2025-W33-WE", d, ""}})
	check(t, "تستمر الموجة حتى نهاية الأسبوع.", mon, true, []want{{"نهاية الأسبوع", "2025-W33-WE", d, ""}})
}
