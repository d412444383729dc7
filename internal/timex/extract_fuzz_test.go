package timex

import (
	"context"
	"testing"
	"time"

	"marsad"
)

var kinds = map[string]bool{marsad.TimeDate: true, marsad.TimeTime: true, marsad.TimeDuration: true, marsad.TimeSet: true}

// FuzzExtract: on any input, spans are valid, ordered and not overlapping,
// and every expression has a value and a TIMEX3 kind.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"وصل الرئيس الجمعة 15 آب/أغسطس 2025 إلى ألاسكا واستمرت القمة نحو ثلاث ساعات",
		"الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n15:42 ت م",
		"أمس الأول، الأسبوع الماضي، قبل ثلاثة أيام، منتصف أيار، من 10 إلى 12 أغسطس",
		"الساعة (3:25) الساعة 0622 بتوقيت جرينتش 7.30 صباحاً ١٥/٨/٢٠١٥",
		"\xff\xfe أمس \x00 ١٤٣٦هـ / / 9999/99/99 الـ",
		"عامي 2014 و2015 ستة وثمانية أسابيع الأيام الخمسة الماضية",
		// round 3: anaphoric periods and days, coordinated weekdays, Eid days
		"الربع الثاني من العام الحالي، الفترة نفسها من العام الماضي، أمس الساعة 9 «وفي الفترة المسائية»",
		"يومي الجمعة والسبت المقبلين، ثاني أيام العيد، مساء يوم غد عند الساعة الـ 5:45، أبها يجمعنا 1436",
		// round 4: bare parts of the day, bracketed and definite counts, the rest of a unit
		"أمس اعتقلت 15 فلسطينياً فجراً وليلاً ونهاراً، وبعد أيام ستصل، لمدة ( 21 ) يوماً، الأربعة والعشرين ساعة الماضية",
		"بقية العام، ما تبقى من الشهر، هاي السنة الجاي، آلاف السنين، 2093.69 نقطة، 102757 عقد مساءً",
		"من ثلاثة إلى خمسة أيام، بين 14 و16 عاماً، يومين أو ثلاثة، نهاية شهر يونيو / حزيران من كل سنة ميلادية، في سنوات مضت، بدأ عصرًا",
		// round 6: weekly sets, recent past, en-dash dates, definite counts, count lists
		"بشكل أسبوعي، بصفة سنوية، في الآونة الأخيرة، قبل قليل، ٢٢ – ١٠ – ١٤٣٦هـ، أبريل/ نيسان، من عام 2013، العقود الثلاثة، أكثر من قرن من الزمان، بين 5 و 7 و 10 سنوات، بين 3 و",
		// round 7: seasons and school years, event days, bare units, same periods, midnight
		"الموسم الماضي، موسم 2014-15، للعام الدراسي 36/1437هـ، العام المالي 1435 / 1436، أربعة مواسم، المواسم الخمسة الأخيرة، موسم حج 2015",
		"مساء أمس اليوم الأول ثم اليوم الثاني، أول أيام العيد حتى اليوم الخامس، لليوم الرابع، خلال الأسبوع، لينهي الشهر.",
		"النصف الأول من 2015 الفترة الحالية الفترة نفسها الفترة ذاتها لعام 2014 نفس الشهر من العام الماضي العام الذي سبقه",
		"قبل فترة ليست بالقصيرة، منذ أمد بعيد، في ساعة متأخرة من مساء أمس حتى منتصف الليل، فترة العيد، الشهر الفضيل، قبل قرن ونصف",
		// round 8: weeks ago, from now, quarters, nostalgic nouns, month pairs, Hijri ranges, lead-day clocks
		"قبل أسبوعين، بعد ثلاثة أعوام من الآن، 24 من نفس الشهر، ماضيهم وحاضرهم، للماضي، الماضي والحاضر، الربع الحالي مقارنة مع الربع السابق، أرباح الربع الثاني",
		"20 يوليو تموز 2012، من 1 إلى 30 /11 / 1436هـ، من 8 - 15/10/1436هـ، في أمس الحاجة، على مدار اليوم، محمد الخميس، حتى 2019 مقابل",
		"هبط المؤشر أمس.\nوفي الساعة 0942 بتوقيت جرينتش\n// انتهى //\n11:02 ت م",
		// round 9: decades over a stretch, the old days, the Eid's eve and days, Hijri quarters, weekly markets, governing verbs
		"على مدى تسعة عقود، العقدين الماضيين، لعقود مضت، قديماً، ليلة عيد الفطر، طوال أيام العيد، الربع الثالث من العام الهجري الجاري، سوق الاثنين، يُفتح الأربعاء، الذي نقل السبت سيفتح",
		// round 10: eras, phases, lasting verbs, days of relative months, أخيراً، حج هذا العام، في حينه، wire clocks
		"في العصر الحديث وعصور خلت، المرحلة المقبلة، تستمر أسبوعا، الثامن من الشهر المقبل، غرة الشهر القادم، الـ 28 من كل شهر، نشر أخيرا، لحج هذا العام، قامت في حينه، الساعة 55ر09 بتوقيت جرينتش، الساعة 55ر، في 2013 قال",
	} {
		f.Add(s, int64(0), true)
	}
	f.Fuzz(func(t *testing.T, s string, days int64, hasRef bool) {
		ref := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%200000))
		last := 0
		for _, e := range Extract(s, ref, hasRef) {
			if e.Start < last || e.Start >= e.End || e.End > len(s) || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %d-%d (after %d) in %q: %+v", e.Start, e.End, last, s, e)
			}
			if e.Value == "" || !kinds[e.Kind] {
				t.Fatalf("bad expression %+v in %q", e, s)
			}
			last = e.End
		}
	})
}

func TestAnnotator(t *testing.T) {
	a := marsad.NewArticle()
	a.Text = "وصل الوفد أمس إلى أنكوريج"
	a.Published = "2025-08-15"
	if err := (Annotator{}).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 1 || a.Times[0].Value != "2025-08-14" {
		t.Fatalf("got %+v", a.Times)
	}
	a.Published = ""
	a.Text = "لا شيء هنا"
	if err := (Annotator{}).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if a.Times == nil || len(a.Times) != 0 {
		t.Fatalf("want empty non-nil Times, got %#v", a.Times)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (Annotator{}).Annotate(ctx, a); err == nil {
		t.Fatal("cancelled context not reported")
	}
}
