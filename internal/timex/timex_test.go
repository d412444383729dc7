package timex

import (
	"testing"
	"time"

	"marsad"
)

// ref2025 is Friday 15 August 2025, the day of the seed articles' summit;
// ref2015 is Monday 3 August 2015, inside SaudiNewsNet's crawl.
var (
	ref2025 = time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	ref2015 = time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
)

type want struct{ text, value, kind, mod string }

func check(t *testing.T, text string, ref time.Time, hasRef bool, wants []want) {
	t.Helper()
	got := Extract(text, ref, hasRef)
	for _, e := range got {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("%q: span %d-%d is %q, Text %q", text, e.Start, e.End, text[e.Start:e.End], e.Text)
		}
	}
	if len(got) != len(wants) {
		t.Errorf("%q: got %d expressions %v, want %d", text, len(got), got, len(wants))
		return
	}
	for k, w := range wants {
		g := got[k]
		if g.Text != w.text || g.Value != w.value || g.Kind != w.kind || g.Mod != w.mod {
			t.Errorf("%q #%d: got {%q %s %s %q}, want {%q %s %s %q}", text, k, g.Text, g.Value, g.Kind, g.Mod, w.text, w.value, w.kind, w.mod)
		}
	}
}

func TestExtractRelative(t *testing.T) {
	d, tm, du := marsad.TimeDate, marsad.TimeTime, marsad.TimeDuration
	for _, c := range []struct {
		text string
		want []want
	}{
		{"وصل الوفد أمس إلى أنكوريج", []want{{"أمس", "2025-08-14", d, ""}}},
		{"وكان قد التقى نظيره أمس الأول", []want{{"أمس الأول", "2025-08-13", d, ""}}},
		{"وتعقد القمة اليوم في ألاسكا", []want{{"اليوم", "2025-08-15", d, ""}}},
		{"ويعود الرئيس غداً إلى موسكو", []want{{"غداً", "2025-08-16", d, ""}}},
		// a Friday-dated article: the week before is Sunday 3 … Saturday 9 August
		{"كما أعلن البيت الأبيض الأسبوع الماضي", []want{{"الأسبوع الماضي", "2025-W32", d, ""}}},
		{"وستعقد جولة ثانية الشهر المقبل", []want{{"الشهر المقبل", "2025-09", d, ""}}},
		{"وكان قد وصل يوم الجمعة الماضي", []want{{"يوم الجمعة الماضي", "2025-08-08", d, ""}}},
		// a bare weekday is the last one on or before the reference in past-tense news …
		{"وأعلن الكرملين يوم الأربعاء أن", []want{{"يوم الأربعاء", "2025-08-13", d, ""}}},
		// … and the next one when the clause speaks of the future
		{"ومن المقرر أن يلتقي الرئيسان يوم الاثنين", []want{{"يوم الاثنين", "2025-08-18", d, ""}}},
		{"وقعت الهجمات قبل ثلاثة أيام", []want{{"قبل ثلاثة أيام", "2025-08-12", d, ""}}},
		{"تبدأ المحادثات منتصف أيار", []want{{"منتصف أيار", "2025-05", d, "MID"}}},
		{"ارتفعت الأسعار منذ مطلع العام", []want{{"مطلع العام", "2025", d, "START"}}},
		{"مقارنة بالعام الماضي", []want{{"العام الماضي", "2024", d, ""}}},
		{"قتل ثلاثة أشخاص مساء أمس", []want{{"مساء أمس", "2025-08-14", d, ""}}},
		// the paper dated Friday prints Thursday's wire story: the weekday wins
		{"قالت الوكالة اليوم الخميس إن", []want{{"اليوم الخميس", "2025-08-14", d, ""}}},
		{"وفي الساعة العاشرة صباحاً بدأت الجلسة", []want{{"الساعة العاشرة صباحاً", "2025-08-15T10:00", tm, ""}}},
		{"انتهى اللقاء عند 10:30 مساءً", []want{{"10:30 مساءً", "2025-08-15T22:30", tm, ""}}},
		{"وصل أمس الساعة الثالثة عصراً", []want{{"أمس الساعة الثالثة عصراً", "2025-08-14T15:00", tm, ""}}},
		{"حالياً وقريباً ومستقبلاً", []want{{"حالياً", "PRESENT_REF", d, ""}, {"قريباً", "FUTURE_REF", d, ""}, {"مستقبلاً", "FUTURE_REF", d, ""}}},
		{"خلال الأيام الماضية", []want{{"الأيام الماضية", "PXD", du, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

func TestExtractCalendar(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"عقدت القمة في 15 آب/أغسطس 2025 في ألاسكا", []want{{"15 آب/أغسطس 2025", "2025-08-15", d, ""}}},
		{"الجمعة 15 أغسطس 2025", []want{{"الجمعة 15 أغسطس 2025", "2025-08-15", d, ""}}},
		{"في ١٥ آب ٢٠٢٥", []want{{"١٥ آب ٢٠٢٥", "2025-08-15", d, ""}}},
		{"في ۱۵ أغسطس", []want{{"۱۵ أغسطس", "2025-08-15", d, ""}}},
		{"هجمات 11 سبتمبر (أيلول) 2001", []want{{"11 سبتمبر (أيلول) 2001", "2001-09-11", d, ""}}},
		{"في كانون الثاني الماضي", []want{{"كانون الثاني الماضي", "2025-01", d, ""}}},
		{"تنعقد الدورة من 10 إلى 12 أغسطس", []want{{"10", "2025-08-10", d, ""}, {"12 أغسطس", "2025-08-12", d, ""}}},
		{"بتاريخ 15/8/2015 م", []want{{"15/8/2015 م", "2015-08-15", d, ""}}},
		{"وولد عام 1948 في حيفا", []want{{"عام 1948", "1948", d, ""}}},
		{"بين عامي 2014 و2015", []want{{"عامي 2014", "2014", d, ""}, {"2015", "2015", d, ""}}},
		{"في الثمانينات", []want{{"الثمانينات", "198", d, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

// Hijri dates are converted with the Umm al-Qura calendar; the WAS dateline
// "26 شوال 1436 هـ الموافق 11 اغسطس 2015 م" checks it.
func TestExtractHijri(t *testing.T) {
	d := marsad.TimeDate
	for _, c := range []struct {
		text string
		want []want
	}{
		{"الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", []want{{"26 شوال 1436 هـ", "2015-08-11", d, ""}, {"11 اغسطس 2015 م", "2015-08-11", d, ""}}},
		{"في 15 شعبان 1436هـ", []want{{"15 شعبان 1436هـ", "2015-06-02", d, ""}}},
		{"يبدأ التسجيل يوم 7/11/1436هـ", []want{{"7/11/1436هـ", "2015-08-22", d, ""}}},
		// a Hijri month is written as the Gregorian month holding its 15th
		{"خلال شهر رمضان الماضي", []want{{"شهر رمضان الماضي", "2015-07", d, ""}}},
		{"في رمضان", []want{{"رمضان", "2015-07", d, ""}}},
		{"في إجازة عيد الفطر المبارك", []want{{"إجازة عيد الفطر المبارك", "2015-07-17", d, ""}}}, // the holiday is the Eid (round 7)
		{"العام 1437هـ", []want{{"العام 1437هـ", "2016", d, ""}}},
	} {
		check(t, c.text, ref2015, true, c.want)
	}
}

func TestExtractDurationsAndSets(t *testing.T) {
	du, set := marsad.TimeDuration, marsad.TimeSet
	for _, c := range []struct {
		text string
		want []want
	}{
		{"استمرت القمة نحو ثلاث ساعات", []want{{"نحو ثلاث ساعات", "PT3H", du, "APPROX"}}},
		{"بعد ساعتين", []want{{"ساعتين", "PT2H", du, ""}}},
		{"لمدة يومين", []want{{"لمدة يومين", "P2D", du, ""}}},
		{"خلال أسبوعين", []want{{"أسبوعين", "P2W", du, ""}}},
		{"منذ خمسة عشر عاماً", []want{{"خمسة عشر عاماً", "P15Y", du, ""}}},
		{"قرابة 40 دقيقة", []want{{"قرابة 40 دقيقة", "PT40M", du, "APPROX"}}},
		{"لأكثر من عشر سنوات", []want{{"أكثر من عشر سنوات", "P10Y", du, "MORE_THAN"}}},
		{"ساعة ونصف", nil},
		{"لمدة ساعة ونصف", []want{{"لمدة ساعة ونصف", "PT1H30M", du, ""}}},
		{"ما بين ستة وثمانية أسابيع", []want{{"ستة", "P6W", du, ""}, {"ثمانية أسابيع", "P8W", du, ""}}},
		{"تصدر يوميا", []want{{"يوميا", "P1D", set, ""}}},
		{"حفل كل يوم جمعة", []want{{"كل يوم جمعة", "XXXX-WXX-5", set, ""}}},
		{"يزداد عددهم يوماً بعد يوم", []want{{"يوماً بعد يوم", "P1D", set, ""}}},
	} {
		check(t, c.text, ref2025, true, c.want)
	}
}

// Without a publication date nothing relative is guessed: what the text
// gives stays, the rest is X.
func TestExtractWithoutReference(t *testing.T) {
	d, tm := marsad.TimeDate, marsad.TimeTime
	for _, c := range []struct {
		text string
		want []want
	}{
		{"وصل أمس", []want{{"أمس", "XXXX-XX-XX", d, ""}}},
		{"في أغسطس", []want{{"أغسطس", "XXXX-08", d, ""}}},
		{"في 15 أغسطس", []want{{"15 أغسطس", "XXXX-08-15", d, ""}}},
		{"العام الماضي", []want{{"العام الماضي", "XXXX", d, ""}}},
		{"الأسبوع المقبل", []want{{"الأسبوع المقبل", "XXXX-WXX", d, ""}}},
		{"يوم الجمعة", []want{{"يوم الجمعة", "XXXX-WXX-5", d, ""}}},
		{"الساعة العاشرة صباحاً", []want{{"الساعة العاشرة صباحاً", "XXXX-XX-XXT10:00", tm, ""}}},
		{"15 شعبان 1436هـ", []want{{"15 شعبان 1436هـ", "2015-06-02", d, ""}}},
		{"في 15 أغسطس 2025", []want{{"15 أغسطس 2025", "2025-08-15", d, ""}}},
		{"قبل ثلاثة أيام", []want{{"قبل ثلاثة أيام", "XXXX-XX-XX", d, ""}}},
	} {
		check(t, c.text, time.Time{}, false, c.want)
	}
}

// Words that look like time expressions but are not.
func TestExtractNotTimes(t *testing.T) {
	for _, text := range []string{
		"عقيدة أهل السنة والجماعة",
		"في يوم من الأيام",
		"دفع 2000 ريال غرامة",
		"بلغ عدد الزوار 1995 زائراً",
		"عين اليوم – الرياض",
		"احتفلت المملكة باليوم الوطني",
		"قال المدير العام السابق للشركة",
		"مارس الرياضة بانتظام",
		"التقى رجب طيب أردوغان",
		"وقع الطرفان عقدا جديدا",
		"في اليوم الأول من الدورة",
		"http://example.com/2015/05/31/story",
		"صحيفة الغد الأردنية",
		"فاز الفريق 2:1 على ضيفه",
		"انتهت المباراة صفر-صفر",
		"في أمسّ الحاجة إلى الدعم",
		"وتأجير الدراجة للساعة الواحدة",
	} {
		check(t, text, ref2025, true, nil)
	}
}

// A year after في is a year even when a clause opens right after it; a
// number counting something after a noun is not.
func TestBareYearBeforeClause(t *testing.T) {
	check(t, "وقال في 2014 إن الأمر انتهى", ref2015, true, []want{{"2014", "2014", "date", ""}})
	check(t, "وبلغ عدد الحضور 2000 ما بين رجال ونساء", ref2015, true, nil)
	check(t, "وبلغت الصادرات 2015 طنا", ref2015, true, nil)
}
