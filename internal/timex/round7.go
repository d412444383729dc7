package timex

import (
	"fmt"
	"strings"

	"marsad"
)

// Round 7: rules for the frequent classes a scan of the whole of
// SaudiNewsNet outside the evaluation sets found left outside every
// expression (time nouns with their neighbours, ranked by frequency;
// testdata/README.md). Each is a construction of the grammar rather than a
// list of phrases: a cycle year named by its unit and an adjective (الموسم
// الماضي، العام الدراسي الجديد), a count of seasons, a bare definite unit
// after a preposition of extent (خلال الأسبوع), the n-th day of an event
// (في اليوم الثاني), a unit in a relative clause (العام الذي سبقه), a vague
// stretch before now (قبل فترة، منذ زمن طويل), the present period (الفترة
// الحالية), an hour of a named day (في ساعة متأخرة من مساء أمس) and
// midnight.

func init() {
	grammar = append(grammar, (*ctx).rSeason, (*ctx).rSchoolYear, (*ctx).rSeasonCount, (*ctx).rThisUnit,
		(*ctx).rNthDay, (*ctx).rHourOf, (*ctx).rVaguePast, (*ctx).rMidnight)
	for _, w := range []string{"الموسم", "موسم", "موسما", "مواسم", "موسمين", "موسمان", "يومه", "يومها",
		"الساعات", "ساعه", "قبل", "منذ", "منتصف", "الفترات"} {
		startWords[w] = true
	}
}

// cycleYear is the calendar year in which a sports season or a school year
// off cycles from the current one begins; such cycles begin in late summer
// and are named by their first year (the season 2014/15 is 2014). In the
// summer break (June–August) the last one has just ended and the coming one
// is "this" one too: in August 2015 الموسم الماضي is 2014, الموسم الجديد
// and الموسم المقبل are 2015. isNew is الجديد, the one beginning now.
func (c *ctx) cycleYear(off int, isNew bool) int {
	y, m := c.ref.y, c.ref.m
	switch {
	case m >= 6 && m <= 8:
		if off < 0 {
			return y + off
		}
		return y
	case m >= 9:
		if isNew {
			return y
		}
		return y + off
	default: // January–May: the one under way began last year
		if isNew {
			return y - 1
		}
		return y - 1 + off
	}
}

// cycleMod reads the adjective that places a cycle at j: a modifier of
// modifiers.txt (الماضي، المقبل، الحالي …), الجديد, or قبل الماضي.
func (c *ctx) cycleMod(j int) (off int, isNew bool, k int, ok bool) {
	w := c.w(j)
	if !c.is(j, w) {
		return 0, false, j, false
	}
	if w == "قبل" && c.is(j+1, "الماضي", "الماضيه") {
		return -2, false, j + 2, true
	}
	if w == "الجديد" || w == "الجديده" {
		return 0, true, j + 1, true
	}
	if d, ok := lex.modifiers[w]; ok {
		return d, false, j + 1, true
	}
	return 0, false, j, false
}

// cycleYearAt reads the years that name a cycle at j — 2014-2015، 2015/16،
// 1436/1437هـ، 1435 / 1436هـ، 36/1437، 2015م — and returns the calendar
// year it begins in. A Hijri school year begins with Dhu al-Qa'da of its
// first year (1436/1437 began in August 2015); a Hijri fiscal year is
// written as its first Hijri year is (the Gregorian year holding its 7th
// month: the Saudi budget year 1436/1437 ran from December 2014 and is
// 2015's). A single Hijri year names no cycle of its own and is left out.
func (c *ctx) cycleYearAt(j int, fiscal bool) (int, int, bool) {
	y1, d1, ok := c.num(j)
	if !ok || d1 != 4 && d1 != 2 {
		return 0, j, false
	}
	k, y2 := j+1, 0
	if c.is(k, "/", "-", "–", "—", "\\") {
		if v, d2, ok := c.num(k + 1); ok && (d2 == 4 || d2 == 2) {
			y2, k = v, k+2
			switch {
			case d1 == 2 && d2 == 4 && y1 == (v-1)%100:
				y1 = v - 1
			case d1 == 4 && d2 == 2 && v == (y1+1)%100:
				y2 = y1 + 1
			case d1 == 4 && d2 == 4 && v == y1+1:
			default:
				return 0, j, false
			}
		}
	}
	if y1 < 1000 {
		return 0, j, false
	}
	hijri, greg, k := c.suffixCal(k)
	if !greg && (hijri || y1 >= 1300 && y1 <= 1500) {
		if y2 == 0 {
			return 0, j, false
		}
		if fiscal {
			t, ok := hijriToGregorian(y1, 7, 1)
			return t.Year(), k, ok
		}
		t, ok := hijriToGregorian(y1, 11, 1)
		if !ok {
			return 0, j, false
		}
		return t.Year(), k, true
	}
	if y1 < 1900 || y1 > 2100 {
		return 0, j, false
	}
	return y1, k, true
}

var seasonAdjs = map[string]bool{"الرياضي": true, "الكروي": true, "الزراعي": true, "الدراسي": true}

// rSeason: الموسم الماضي (2014 in August 2015), للموسم الجديد، هذا الموسم،
// الموسم الرياضي المقبل، موسم 2014-2015 — a season named by the year it
// begins in (testdata/README.md, round 7). A season with no adjective or
// year (في الموسم، موسم الحج) is generic and left out.
func (c *ctx) rSeason(i int, s stem) []hit {
	k, this := i, false
	if s.s == "هذا" {
		if !c.is(i+1, "الموسم") {
			return nil
		}
		k, this = i+1, true
	} else if s.s != "الموسم" && s.s != "موسم" {
		return nil
	}
	j := k + 1
	if seasonAdjs[c.w(j)] && c.is(j, c.w(j)) {
		j++
	}
	h := hit{i: i, pre: s.pre, kind: marsad.TimeDate, cycle: true}
	if y, e, ok := c.cycleYearAt(j, false); ok {
		h.j, h.value = e, fmt.Sprintf("%04d", y)
		return one(h)
	}
	if s.s == "موسم" {
		return nil
	}
	off, isNew, e := 0, false, j
	if !this {
		var ok bool
		if off, isNew, e, ok = c.cycleMod(j); !ok {
			return nil
		}
	}
	h.j, h.value = e, "XXXX"
	if c.hasRef {
		h.value = fmt.Sprintf("%04d", c.cycleYear(off, isNew))
	}
	return one(h)
}

var schoolAdjs = map[string]bool{"الدراسي": true, "الدراسيه": true, "الجامعي": true, "الجامعيه": true, "الاكاديمي": true,
	"الاكاديميه": true, "التدريبي": true, "التدريبيه": true}
var fiscalAdjs = map[string]bool{"المالي": true, "الماليه": true}

// rSchoolYear: العام الدراسي الجديد، للعام الدراسي 1436/1437هـ، العام
// الجامعي المقبل (school years, named by the year they begin in, as
// seasons), العام المالي الماضي، السنة المالية 2013 (fiscal years, named
// by their calendar year).
func (c *ctx) rSchoolYear(i int, s stem) []hit {
	k := i
	if s.s == "هذا" {
		k = i + 1
		if !c.is(k, "العام", "السنه") {
			return nil
		}
	} else if s.s != "العام" && s.s != "السنه" && s.s != "عام" && s.s != "سنه" {
		return nil
	}
	a := c.w(k + 1)
	school, fiscal := schoolAdjs[a], fiscalAdjs[a]
	if !school && !fiscal || !c.is(k+1, a) {
		return nil
	}
	j := k + 2
	h := hit{i: i, pre: s.pre, kind: marsad.TimeDate, cycle: school}
	if y, e, ok := c.cycleYearAt(j, fiscal); ok {
		h.j, h.value = e, fmt.Sprintf("%04d", y)
		return one(h)
	}
	if y, e, hijri, _, ok := c.yearAfter(j); ok && fiscal && !hijri && y >= 1900 {
		h.j, h.value = e, fmt.Sprintf("%04d", y)
		return one(h)
	}
	off, isNew, e := 0, false, j
	if k == i {
		var ok bool
		if off, isNew, e, ok = c.cycleMod(j); !ok {
			return nil
		}
	}
	// العام المالي الماضي 2014/2015، للعام الدراسي القادم 1437/1436هـ:
	// the years given after the adjective name it
	if y, e2, ok := c.cycleYearAt(e, fiscal); ok {
		h.j, h.value = e2, fmt.Sprintf("%04d", y)
		return one(h)
	}
	h.j, h.value = e, "XXXX"
	if c.hasRef {
		switch {
		case school:
			h.value = fmt.Sprintf("%04d", c.cycleYear(off, isNew))
		case isNew:
			h.value = fmt.Sprintf("%04d", c.ref.y+1)
		default:
			h.value = fmt.Sprintf("%04d", c.ref.y+off)
		}
	}
	return one(h)
}

// rSeasonCount: موسم واحد، موسمين، أربعة مواسم، 12 موسما — a count of
// seasons is a count of years.
func (c *ctx) rSeasonCount(i int, s stem) []hit {
	switch s.s {
	case "موسمين", "موسمان":
		return one(hit{i: i, j: i + 1, pre: s.pre, kind: marsad.TimeDuration, value: "P2Y"})
	case "موسم", "موسما":
		if c.is(i+1, "واحد", "واحدا") {
			return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDuration, value: "P1Y"})
		}
		return nil
	case "المواسم":
		// المواسم الأربعة الأخيرة، المواسم الخمسة الماضية: a counted
		// stretch of seasons (an uncounted المواسم المقبلة is left out)
		n, j, ok := c.numberW(i+1, strings.TrimPrefix(c.w(i+1), "ال"))
		if !ok || n < 2 || n > 40 || !c.is(j, c.w(j)) || !(pastAdj[c.w(j)] || futureAdj[c.w(j)] || c.w(j) == "الاولي") {
			return nil
		}
		return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDuration, value: fmt.Sprintf("P%dY", n)})
	}
	n, j, ok := c.numberW(i, s.s)
	if !ok || n < 2 || n > 40 || !c.is(j, "مواسم", "موسما", "موسم") {
		return nil
	}
	return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDuration, value: fmt.Sprintf("P%dY", n)})
}

// extentWords before a bare definite unit make it the current one: خلال
// الأسبوع، ختام تعاملات الأسبوع (the market's week). طوال العام is mostly
// "all year round", not this year, and is left out.
var extentWords = map[string]bool{"خلال": true, "ختام": true, "تعاملات": true,
	"جلسات": true, "تداولات": true, "ينهي": true, "تنهي": true, "انهي": true, "انهاء": true,
	"ليختتم": true, "يختتم": true, "اختتم": true}

var bareUnits = map[string]string{"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y"}

// rThisUnit: a bare definite unit after a word of extent, ending its noun
// phrase (no adjective, number or genitive after it), is the current one:
// خلال الأسبوع، لينهي الأسبوع عند، طوال العام. After في it is mostly "per
// week" (ساعة في الأسبوع) and is left out.
func (c *ctx) rThisUnit(i int, s stem) []hit {
	u, ok := bareUnits[s.s]
	if !ok || s.pre != 0 || i == 0 || c.toks[i].brk {
		return nil
	}
	p := c.stems(i - 1)
	prev := false
	for _, ps := range p {
		if extentWords[ps.s] {
			prev = true
		}
	}
	if !prev {
		return nil
	}
	if n := i + 1; n < len(c.toks) && !c.toks[n].brk {
		t := c.toks[n]
		w := t.norm
		if t.digits > 0 || t.word && (len(w) > 4 && w[:4] == "ال" || len(w) > 6 && w[:6] == "وال" || w == "ونصف" || sameWords[w] || w == "الذي" || w == "التي" || w == "من" || w == "قبل") {
			return nil
		}
	}
	h := c.unitHit(i, i+1, s.pre, u, 0)
	// خلال الشهر in a report of July is July: a month or year named
	// before is the one meant (resolveSame), else the current one
	switch u {
	case "M":
		h.ana, h.anaRef = 'M', true
	case "Y":
		h.ana, h.anaRef = 'Y', true
	}
	return one(h)
}

// rNthDay: اليوم الأول للمهرجان، في اليوم الثاني من الزيارة، يومه الأول —
// the n-th day of an event is counted from the day named last before it
// (merge), at most a paragraph back; with none, it is left out. A streak
// (لليوم الرابع، لليوم الرابع على التوالي) counts days, it names none, and
// منذ اليوم الأول is "from day one".
func (c *ctx) rNthDay(i int, s stem) []hit {
	if s.s != "اليوم" && s.s != "يومه" && s.s != "يومها" {
		return nil
	}
	if strings.HasPrefix(strings.TrimPrefix(c.toks[i].norm, "و"), "ل") || c.is(i-1, "منذ") {
		return nil
	}
	o := c.w(i + 1)
	n, ok := lex.ordinals[o]
	if !ok || n < 1 || n > 10 || !c.is(i+1, o) {
		return nil
	}
	j := i + 2
	if w := c.w(j); len(w) > 2 && w[:2] == "و" && (lex.tens[w[2:]] > 0 || lex.ordinals[w[2:]] > 0) {
		return nil // اليوم السابع والعشرين من شهر …: a day of a month
	}
	if c.is(j, "علي", "عشر") || c.is(j, "من") && (c.is(j+1, "الشهر", "شهر", "رمضان", "العيد", "عيد", "ايام") || len(lex.months[c.w(j+1)]) > 0) {
		return nil
	}
	return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, nth: n})
}

// rHourOf: في ساعة متأخرة من مساء أمس، الساعات الأولى من صباح اليوم — an
// hour of a named day is that day.
func (c *ctx) rHourOf(i int, s stem) []hit {
	switch {
	case s.s == "ساعه" && c.is(i+1, "متاخره", "مبكره"):
	case s.s == "الساعات" && c.is(i+1, "الاولي", "الاخيره", "المبكره", "المتاخره"):
	default:
		return nil
	}
	if !c.is(i+2, "من") || i+3 >= len(c.toks) {
		return nil
	}
	in := c.longest(i + 3)
	if len(in) != 1 || !in[0].hasDay || in[0].clock || in[0].barePart {
		return nil
	}
	h := in[0]
	h.i, h.pre = i, s.pre
	return one(h)
}

var vagueSpan = map[string]bool{"فتره": true, "زمن": true, "امد": true, "وقت": true}
var farWords = map[string]bool{"بعيد": true, "بعيده": true}
var vagueLen = map[string]bool{"طويله": true, "طويل": true, "قصيره": true, "قصير": true, "وجيزه": true, "وجيز": true,
	"بعيد": true, "بعيده": true, "ليست": true, "ليس": true}

// rVaguePast: قبل فترة، قبل فترة ليست بالقصيرة، منذ زمن طويل، منذ أمد بعيد —
// a stretch before now of no given length (TIMEX3 PAST_REF, as قبل أيام
// in test3). منذ stays out of the span and needs "far" (منذ أمد بعيد):
// منذ زمن طويل، منذ فترة with a verb of the present are "for a long
// time", a duration. قبل فترة من + an event is relative to the event and
// left out.
func (c *ctx) rVaguePast(i int, s stem) []hit {
	if s.s != "قبل" && s.s != "منذ" {
		return nil
	}
	if !vagueSpan[c.w(i+1)] || !c.is(i+1, c.w(i+1)) {
		return nil
	}
	j := i + 2
	switch w := c.w(j); {
	case (w == "ليست" || w == "ليس") && c.is(j, w):
		j++
		if c.is(j, "بالقصيره", "بالقصير", "بالطويله", "بالطويل", "بالبعيده", "بالبعيد") {
			j++
		}
	case vagueLen[w] && c.is(j, w):
		j++
	}
	if c.is(j, "من") {
		if !c.is(j+1, "الزمن", "الزمان") {
			return nil
		}
		j += 2
	}
	if c.w(i+1) == "وقت" && j == i+2 {
		return nil // قبل وقت + a verb: "before the time when"
	}
	if s.s == "منذ" && !farWords[c.w(i+2)] {
		return nil
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: "PAST_REF"}
	if s.s == "منذ" {
		h.i, h.pre = i+1, 0
	}
	return one(h)
}

// rMidnight: منتصف الليل is the end of the day it belongs to (TIMEX3
// T24:00), anchored as clock times are, but only on a day named before it
// in its paragraph: without one it is mostly a rule or a habit (صائماً من
// منتصف الليل).
func (c *ctx) rMidnight(i int, s stem) []hit {
	if s.s != "منتصف" || !c.is(i+1, "الليل") {
		return nil
	}
	return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeTime, clock: true, hour: 24, needDay: true})
}

// sentenceBetween: a sentence ends between tokens a and b (a full stop,
// question or exclamation mark, or a line break).
func (c *ctx) sentenceBetween(a, b int) bool {
	for k := a; k < b && k < len(c.toks); k++ {
		if c.toks[k].brk && k > a || c.is(k, ".", "؟", "!", "?") {
			return true
		}
	}
	return b < len(c.toks) && c.toks[b].brk
}

func init() {
	grammar = append(grammar, (*ctx).rEidPeriod, (*ctx).rHolyMonth, (*ctx).rHajjSeason, (*ctx).rBareSeason)
	for _, w := range []string{"ايام", "فتره", "اجازه", "عطله", "الشهر", "المواسم"} {
		startWords[w] = true
	}
}

// rEidPeriod: أيام عيد الفطر، فترة العيد، إجازة العيد — the Eid's days are
// dated by its first day, as the Eid holiday is (test6's إجازة عيد الفطر
// المبارك لعام 1436هـ → 2015-07-17); a bare العيد is the Eid nearest to the
// reference.
func (c *ctx) rEidPeriod(i int, s stem) []hit {
	if s.s != "ايام" && s.s != "فتره" && s.s != "اجازه" && s.s != "عطله" {
		return nil
	}
	k := i + 1
	var cands [][2]int
	switch {
	case c.is(k, "عيد") && c.is(k+1, "الفطر"):
		cands, k = [][2]int{{10, 1}}, k+2
	case c.is(k, "عيد") && c.is(k+1, "الاضحي"):
		cands, k = [][2]int{{12, 10}}, k+2
	case c.is(k, "العيد") && (s.s != "ايام" || s.pre == 0 && c.is(i-1, "خلال", "طوال", "طيله", "نهايه", "اخر", "انتهاء")):
		// فترة العيد، إجازة العيد; a bare أيام العيد is mostly habitual
		// (تقضي أيام العيد في منزلها، أيام العيد جميلة) and left out,
		// unless a word of extent or end makes it one stretch (round 9:
		// طوال أيام العيد، خلال أيام العيد، حتى نهاية أيام العيد)
		cands, k = [][2]int{{10, 1}, {12, 10}}, k+1
	default:
		return nil
	}
	if c.is(k, "المبارك", "السعيد") {
		k++
	}
	if y, j2, _, _, ok := c.yearAfter(k); ok && y < 1600 && len(cands) == 1 {
		t, ok := hijriToGregorian(y, cands[0][0], cands[0][1])
		if !ok {
			return nil
		}
		return one(hit{i: i, j: j2, pre: s.pre, kind: marsad.TimeDate, day: dayOf(t), hasDay: true, value: dayOf(t).value()})
	}
	return c.eidHit(i, k, s.pre, 1, cands)
}

// rHolyMonth: الشهر الفضيل، الشهر الكريم، الشهر المبارك are Ramadan, the
// one nearest to the reference (as a bare رمضان).
func (c *ctx) rHolyMonth(i int, s stem) []hit {
	if s.s != "الشهر" || !c.is(i+1, "الفضيل", "الكريم", "المبارك") {
		return nil
	}
	h := hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: "XXXX-XX"}
	if c.hasRef {
		hy, ok := hijriNear(c.ref, 9, 15, 0)
		if !ok {
			return nil
		}
		h.value = hijriMonthValue(hy, 9)
	}
	return one(h)
}

// rHajjSeason: موسم حج هذا العام، موسم الحج المقبل، موسم حج 1436هـ — the
// Hajj season is written as its month, Dhu al-Hijjah (a Hijri month is the
// Gregorian month holding its 15th). A bare موسم الحج is generic.
func (c *ctx) rHajjSeason(i int, s stem) []hit {
	k := i + 2
	switch {
	case s.s == "حج" && c.is(i+1, "هذا", "لهذا", "العام", "للعام", "عام", "لعام"):
		// round 10: حج هذا العام، حج العام الماضي — the Hajj of a year is its
		// season (173 + 9 in SaudiNewsNet; test9's first-contact error)
		k = i + 1
	case s.s != "موسم" && s.s != "الموسم" || !c.is(i+1, "الحج", "حج"):
		return nil
	}
	dir, yoff := 0, 0
	switch {
	case c.is(k, "العام", "للعام") && c.is(k+1, "الماضي", "المنصرم"):
		yoff, k = -1, k+2 // the Hajj of last year, of next year
	case c.is(k, "العام", "للعام") && c.is(k+1, "المقبل", "القادم"):
		yoff, k = 1, k+2
	case c.is(k, "هذا", "لهذا") && c.is(k+1, "العام", "السنه"):
		k += 2
	case c.is(k, "العام", "للعام") && c.is(k+1, "الحالي", "الجاري"):
		k += 2
	case c.is(k, "الحالي", "الجاري"):
		k++
	case c.is(k, "المقبل", "القادم"):
		dir, k = 1, k+1
	case c.is(k, "الماضي", "المنصرم", "الفائت"):
		dir, k = -1, k+1
	default:
		y, j2, _, greg, ok := c.yearAfter(k)
		if !ok {
			return nil
		}
		hy := y
		if greg || y >= 1900 {
			// the Hajj of a Gregorian year
			hy = 0
			for cand := y - 580; cand <= y-577; cand++ {
				if t, ok := hijriToGregorian(cand, 12, 10); ok && t.Year() == y {
					hy = cand
				}
			}
		}
		if hy < 1300 || hy > 1600 {
			return nil
		}
		return one(hit{i: i, j: j2, pre: s.pre, kind: marsad.TimeDate, value: hijriMonthValue(hy, 12)})
	}
	h := hit{i: i, j: k, pre: s.pre, kind: marsad.TimeDate, value: "XXXX-XX"}
	if c.hasRef {
		hy, ok := hijriNear(c.ref, 12, 10, dir)
		if !ok {
			return nil
		}
		h.value = hijriMonthValue(hy+yoff, 12)
	}
	return one(h)
}

// seasonEdge: words of a season's course before a bare الموسم, which is
// then the current one (بداية الموسم، خلال الموسم، منافسات الموسم).
// Words of its end (نهاية الموسم، ختام الموسم) are left out: in the summer
// break they tell of the season just ended as often as of the next one.
var seasonEdge = map[string]bool{"بدايه": true, "مطلع": true, "انطلاق": true, "انطلاقه": true,
	"بدء": true, "خلال": true, "منافسات": true, "اوائل": true}

// rBareSeason: a bare الموسم after a word of its course, ending its noun
// phrase, is the current season (cycleYear).
func (c *ctx) rBareSeason(i int, s stem) []hit {
	if s.s != "الموسم" || s.pre != 0 || i == 0 || c.toks[i].brk {
		return nil
	}
	edge := false
	for _, ps := range c.stems(i - 1) {
		if seasonEdge[ps.s] {
			edge = true
		}
	}
	if !edge {
		return nil
	}
	if n := i + 1; n < len(c.toks) && !c.toks[n].brk {
		t := c.toks[n]
		w := t.norm
		if t.digits > 0 || t.word && (len(w) > 4 && w[:4] == "ال" || sameWords[w] || w == "الذي" || w == "من" || w == "قبل" || w == "بعد" || w == "حج") {
			return nil
		}
	}
	h := hit{i: i, j: i + 1, kind: marsad.TimeDate, value: "XXXX", cycle: true}
	if c.hasRef {
		h.value = fmt.Sprintf("%04d", c.cycleYear(0, false))
	}
	return one(h)
}

func init() {
	grammar = append(grammar, (*ctx).rThatUnit)
	for _, w := range []string{"ذلك", "تلك"} {
		startWords[w] = true
	}
}

// thatPeriods: the period nouns a demonstrative of distance makes a past
// reference of, as ذلك الوقت and ذلك الحين are (phrases.txt).
var thatPeriods = map[string]bool{"الفتره": true, "الفترات": true, "الحقبه": true, "الايام": true, "السنوات": true,
	"الاعوام": true, "السنين": true, "اللحظه": true, "اللحظات": true, "الاثناء": true}

// rThatUnit: تلك الفترة، تلك الأيام (PAST_REF); ذلك اليوم، ذلك العام، تلك
// السنة — the day, month or year named last, as اليوم نفسه (resolveSame;
// with none, left out).
func (c *ctx) rThatUnit(i int, s stem) []hit {
	if s.s != "ذلك" && s.s != "تلك" {
		return nil
	}
	w := c.w(i + 1)
	if !c.is(i+1, w) {
		return nil
	}
	if thatPeriods[w] && s.s == "تلك" {
		return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: "PAST_REF"})
	}
	if u, j, ok := unitLetter(w, i+2); ok && (s.s == "تلك") == (w == "السنه") {
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, ana: u})
	}
	return nil
}
