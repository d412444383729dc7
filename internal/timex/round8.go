package timex

import (
	"fmt"
	"strconv"
	"strings"

	"marsad"
)

// Round 8: general constructions read from the tuning sets' errors and
// checked on SaudiNewsNet samples outside every set (testdata/README.md):
//
//   - the past, present and future of a person or a people (ماضيهم،
//     حاضره، مستقبلها), and the nouns الماضي/الحاضر/المستقبل where a clitic
//     preposition or a coordination shows they are nouns, not adjectives
//     (الاشتياق للماضي، الماضي والحاضر): TIMEX3 PAST_REF, PRESENT_REF,
//     FUTURE_REF;
//   - a company's quarters named from the one reported (الربع الحالي،
//     الربع السابق) or from the publication day (الربع الماضي، الربع المقبل).

func init() {
	grammar = append(grammar, (*ctx).rLifeTime, (*ctx).rQuarterRel)
	for w := range possessedTime {
		startWords[w] = true
	}
	for _, w := range []string{"الماضي", "الحاضر", "المستقبل"} {
		startWords[w] = true
	}
}

// possessedTime: the time nouns ماضٍ، حاضر، مستقبل with a possessive
// pronoun ("his past, their present, our future") are TIMEX3 vague
// references. Left out: مستقبلي (mostly "the receivers of", مستقبلي
// الضيوف) and the bare first person, which is the adjective ماضي.
var possessedTime = func() map[string]string {
	m := map[string]string{}
	for _, p := range []string{"ه", "ها", "هم", "هن", "هما", "نا", "ك", "كم"} {
		m["ماضي"+p] = "PAST_REF"
		m["حاضر"+p] = "PRESENT_REF"
		m["مستقبل"+p] = "FUTURE_REF"
	}
	return m
}()

var lifeNoun = map[string]string{"الماضي": "PAST_REF", "الحاضر": "PRESENT_REF", "المستقبل": "FUTURE_REF"}

// rLifeTime: ماضيهم، حاضره، مستقبلنا; للماضي، بالمستقبل; الماضي والحاضر.
func (c *ctx) rLifeTime(i int, s stem) []hit {
	if v, ok := possessedTime[s.s]; ok {
		raw := c.text[c.toks[i].start:c.toks[i].end]
		// the search form folds ة into ه: حاضرة (a city), ماضية (going on),
		// مستقبلة (receiving) are other words
		if strings.HasSuffix(s.s, "ه") && strings.HasSuffix(strings.TrimRight(raw, "ًٌٍَُِّْ"), "ة") {
			return nil
		}
		return one(hit{i: i, j: i + 1, pre: s.pre, kind: marsad.TimeDate, value: v})
	}
	v, ok := lifeNoun[s.s]
	if !ok {
		return nil
	}
	// a clitic preposition on the word itself (للماضي، بالمستقبل): a noun;
	// an adjective never carries one
	if w := c.w(i); w != s.s {
		rest := strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
		if strings.HasPrefix(rest, "لل") || strings.HasPrefix(rest, "بال") || strings.HasPrefix(rest, "كال") {
			return one(hit{i: i, j: i + 1, pre: s.pre, kind: marsad.TimeDate, value: v})
		}
	}
	// الماضي والحاضر، الحاضر والمستقبل: two of the three coordinated, not
	// after a unit they would qualify (العام الماضي والحالي)
	if unitDef[c.w(i-1)] != "" {
		return nil
	}
	if k := i + 1; k < len(c.toks) && !c.toks[k].brk {
		nw := c.w(k)
		if strings.HasPrefix(nw, "و") && lifeNoun[nw[len("و"):]] != "" && nw[len("و"):] != s.s {
			return one(hit{i: i, j: i + 1, pre: s.pre, kind: marsad.TimeDate, value: v})
		}
	}
	if w := c.w(i); strings.HasPrefix(w, "و") && w[len("و"):] == s.s && i > 0 {
		if pw := c.w(i - 1); lifeNoun[pw] != "" && pw != s.s && c.is(i-1, pw) && unitDef[c.w(i-2)] == "" {
			return one(hit{i: i, j: i + 1, pre: s.pre, kind: marsad.TimeDate, value: v})
		}
	}
	return nil
}

// rQuarterRel: الربع الحالي/الجاري (the quarter reported, as الفترة
// الحالية is, else the publication day's), الربع السابق/التالي (the one
// before or after the quarter named last, else the publication day's), الربع
// الماضي/المقبل (from the publication day, as الشهر الماضي is).
func (c *ctx) rQuarterRel(i int, s stem) []hit {
	if s.s != "الربع" || !c.hasRef {
		return nil
	}
	w := c.w(i + 1)
	if !c.is(i+1, w) {
		return nil
	}
	q := (c.ref.m-1)/3 + 1
	if step, ok := stepWords[w]; ok {
		return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: quarterValue(c.ref.y, q+step), ana: 'q', anaStep: step})
	}
	d, ok := lex.modifiers[w]
	if !ok {
		return nil
	}
	if d == 0 {
		// the current quarter of a results report published in the first
		// two months of a quarter is the one just ended: results of a
		// quarter under way are not out yet
		if (c.ref.m-1)%3 < 2 && c.financeSentence(i) {
			q--
		}
		return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: quarterValue(c.ref.y, q), ana: 'q'})
	}
	return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: quarterValue(c.ref.y, q+d)})
}

// quarterValue writes quarter q of year y, q counted on across years.
func quarterValue(y, q int) string {
	for q < 1 {
		q += 4
		y--
	}
	for q > 4 {
		q -= 4
		y++
	}
	return fmt.Sprintf("%04d-Q%d", y, q)
}

// resolveQuarter gives an anaphoric quarter (ana 'q') its value from the
// quarter named last, qh, when that is one of this year's or last year's (a
// report); otherwise it keeps the publication day's.
func (c *ctx) resolveQuarter(h hit, qh string) hit {
	h.ana = 0
	if len(qh) != 7 || qh[5] != 'Q' {
		return h
	}
	y, err := strconv.Atoi(qh[:4])
	if err != nil || y != c.ref.y && y != c.ref.y-1 {
		return h
	}
	h.value = quarterValue(y, int(qh[6]-'0')+h.anaStep)
	return h
}

// financeWords mark a sentence about money, where a quarter is a calendar
// quarter (in sports news الربع الأول is a period of a game).
var financeWords = map[string]bool{"ارباح": true, "الارباح": true, "خسائر": true, "الخسائر": true, "ايرادات": true,
	"الايرادات": true, "مبيعات": true, "المبيعات": true, "نتائج": true, "النتائج": true, "صافي": true, "مليون": true,
	"مليار": true, "ملايين": true, "مليارات": true, "المائه": true, "بالمائه": true, "%": true, "الناتج": true,
	"الاقتصاد": true, "نمو": true, "النمو": true, "العجز": true, "عجز": true, "التضخم": true, "المؤشر": true}

// financeSentence: a word of financeWords in the sentence of token i.
func (c *ctx) financeSentence(i int) bool {
	for k := i; k >= 0 && k > i-40; k-- {
		if financeWords[strings.TrimPrefix(c.w(k), "و")] {
			return true
		}
		if c.toks[k].brk || c.is(k-1, ".", "؟", "!") {
			break
		}
	}
	for k := i + 1; k < len(c.toks) && k < i+40; k++ {
		if c.toks[k].brk || c.is(k, ".", "؟", "!") {
			break
		}
		if financeWords[strings.TrimPrefix(c.w(k), "و")] {
			return true
		}
	}
	return false
}

// bareQuarter: الربع الثاني without its year, in a sentence about money,
// is the last such quarter begun by the publication day (a report of
// results), or the next one in a clause about the future — as bare
// weekdays are read.
func (c *ctx) bareQuarter(i, j, pre, n int) []hit {
	if !c.hasRef || !c.financeSentence(i) {
		return nil
	}
	if c.is(j, "علي") && c.is(j+1, "التوالي") {
		return nil // للربع الثاني على التوالي: a streak, not a date
	}
	// a quarter not yet begun is last year's, unless the clause is about
	// the future (forecasts); one under way or ended is this year's
	y := c.ref.y
	if q := (c.ref.m-1)/3 + 1; n > q && !c.futureContext(i) {
		y--
	}
	// resolveSame moves it into the year of the quarter or half named
	// before it, when there is one
	return one(hit{i: i, j: j, pre: pre, kind: marsad.TimeDate, value: fmt.Sprintf("%04d-Q%d", y, n), ana: 'Q'})
}

// givenNames are frequent Saudi given names and titles: a definite weekday
// right after one is a family name (محمد الخميس، الأستاذ إبراهيم الخميس،
// عبدالله الجمعة), not a day.
var givenNames = map[string]bool{"محمد": true, "عبدالله": true, "احمد": true, "خالد": true, "سعد": true, "فهد": true,
	"عبدالرحمن": true, "ابراهيم": true, "صالح": true, "عبدالعزيز": true, "سعود": true, "ناصر": true, "يوسف": true,
	"حسن": true, "حسين": true, "عادل": true, "منصور": true, "سلمان": true, "فيصل": true, "عمر": true, "بن": true,
	"الاستاذ": true, "المهندس": true}

// dropNonTimes removes single words that read as times but are not, by the
// word next to them: في أمس الحاجة ("in the direst need"), على مدار اليوم
// ("round the clock", not annotated), a weekday that is a family name.
func (c *ctx) dropNonTimes(hits []hit) []hit {
	out := hits[:0]
	for _, h := range hits {
		if h.j == h.i+1 && h.pre == 0 {
			w := c.w(h.i)
			switch {
			case w == "امس" && c.is(h.i+1, "الحاجه"):
				continue
			case (w == "اليوم" || w == "الساعه") && c.is(h.i-1, "مدار"):
				continue
			case strings.HasPrefix(w, "ال") && givenNames[c.w(h.i-1)] && c.is(h.i-1, c.w(h.i-1)):
				if _, ok := lex.weekdays[w]; ok {
					continue
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// leadDay: a clock time with no day of its own in a later paragraph of a
// news story belongs to the past day the story's first sentence tells of
// (فجر أمس الأربعاء … عند الساعة الرابعة فجراً; أغلقت البورصة أمس … في
// الساعة 0942 بتوقيت جرينتش), when that is still the last day named and the
// clock's clause is not about the future. Rounds 4 and 7 anchored clocks on
// any day a paragraph back and got about half wrong (market prices of the
// issue's day, schedules); the lead's past day is the story's own.
func (c *ctx) leadDay(last *hit, i int) bool {
	if last == nil || !last.hasDay || !c.hasRef || last.day.value() >= c.ref.value() || c.sentenceBetween(0, last.i) {
		return false // only a past day: a story told afterwards, not a schedule
	}
	// the agency's own time stamp after "// انتهى //" is the issue's
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if c.is(k, "انتهي") {
			return false
		}
	}
	return !c.futureContext(i)
}

func init() {
	grammar = append(grammar, (*ctx).rNumericRange)
}

// rNumericRange: the bare first day of a range whose second end is a
// numeric date (من 8 إلى 29 / 11 / 1433هـ، من تاريخ 1 إلى 30/11/1436هـ) is
// that day of the same month, as rDayMonth reads من 10 إلى 12 أغسطس.
func (c *ctx) rNumericRange(i int, s stem) []hit {
	if s.pre != 0 || c.toks[i].digits == 0 || c.toks[i].digits > 2 || !c.is(i+1, "الي", "حتي", "-", "–") {
		return nil
	}
	if i > 0 && (c.is(i-1, "/", "-", "–", ".", ":") || c.toks[i-1].digits > 0) {
		return nil // inside a date, a clock or a list of numbers
	}
	d1 := c.toks[i].num
	second := c.rNumericDate(i+2, stem{c.w(i + 2), 0})
	if len(second) != 1 || !second[0].hasDay {
		return nil
	}
	h2 := second[0]
	d2 := c.toks[i+2].num
	if d1 < 1 || d1 >= d2 {
		return nil
	}
	h1 := hit{i: i, j: i + 1, kind: marsad.TimeDate, hasDay: true}
	if h2.day.d == d2 && c.toks[i+4].num == h2.day.m {
		h1.day = day{h2.day.y, h2.day.m, d1}
	} else {
		// a Hijri date: the same Hijri month
		hy, hm, hd := gregorianToHijri(h2.day.time())
		if hd != d2 && !(d2 == 30 && hd == 1) {
			return nil
		}
		if hd == 1 && d2 == 30 { // the 30th read as the next month's 1st
			hm--
			if hm == 0 {
				hm, hy = 12, hy-1
			}
		}
		t, ok := hijriToGregorian(hy, hm, d1)
		if !ok {
			return nil
		}
		h1.day = dayOf(t)
	}
	h1.value = h1.day.value()
	return []hit{h1, h2}
}
