package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"marsad"
	"marsad/internal/text/normalize"
)

// yearAfter reads an explicit year after a month or a day: 2015، من عام
// 2015، 1436هـ، (2015)، "، من عام 2013". ok is false, and k == j, when there is none.
func (c *ctx) yearAfter(j int) (y, k int, hijri, greg, ok bool) {
	k = j
	// a comma before the year, or before "من عام 2013" (أبريل/ نيسان، من عام 2013)
	if c.is(k, "،", ",") && (c.isYearNum(k+1) || c.is(k+1, "من") && c.is(k+2, "عام", "العام", "سنه", "السنه") && c.isYearNum(k+3)) {
		k++
	}
	if c.is(k, "من") {
		k++
	}
	if c.is(k, "عام", "العام", "سنه", "السنه", "لعام", "للعام", "لسنه") {
		k++
	}
	paren := false
	if c.is(k, "(") {
		paren = true
		k++
	}
	if !c.isYearNum(k) {
		return 0, j, false, false, false
	}
	y = c.toks[k].num
	k++
	if paren {
		if !c.is(k, ")") {
			return 0, j, false, false, false
		}
		k++
	}
	hijri, greg, k = c.suffixCal(k)
	return y, k, hijri, greg, true
}

func (c *ctx) isYearNum(k int) bool {
	v, d, ok := c.num(k)
	return ok && d == 4 && v >= 1000 && v <= 2200
}

var rangeWords = map[string]bool{"-": true, "–": true, "الي": true, "حتي": true, "و": true, "/": false}

// rDayMonth: 15 أغسطس 2015، 15 آب/أغسطس، الخامس عشر من أغسطس، 29 شوال 1436هـ،
// and ranges (من 10 إلى 12 أغسطس → two dates, as TimeML marks each end).
func (c *ctx) rDayMonth(i int, s stem) []hit {
	d, k, ok := c.dayNumber(i, s.s)
	if !ok {
		return nil
	}
	var first *hit
	firstD := 0
	if rangeWords[c.w(k)] && k+1 < len(c.toks) {
		if d2, k2, ok := c.dayNumber(k+1, c.w(k+1)); ok && d2 > d {
			first = &hit{i: i, j: k, pre: s.pre}
			firstD = d
			i, d, k = k+1, d2, k2
			s = stem{c.w(i), 0}
		}
	}
	if c.is(k, "من") {
		k++
	}
	if c.is(k, "شهر") {
		k++
	}
	if k >= len(c.toks) {
		return nil
	}
	// الثامن من الشهر نفسه: a day of the month named before
	if u, j, ok := c.sameUnit(k, c.w(k)); ok && u == 'M' && first == nil {
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, ana: 'd', mins: d})
	}
	// 24 من نفس الشهر، في 3 من ذات الشهر (round 8): the same, the
	// demonstrative first; not نفس الشهر من العام الماضي (rSamePeriod)
	if c.is(k, "نفس", "ذات") && c.is(k+1, "الشهر") && !c.is(k+2, "من", "لعام", "للعام") && first == nil && k > i+1 {
		return one(hit{i: i, j: k + 2, pre: s.pre, kind: marsad.TimeDate, ana: 'd', mins: d})
	}
	// round 10: الثامن من الشهر المقبل، 15 من الشهر الجاري، غرة الشهر
	// القادم — a day of a month named relative to the reference (134 such
	// phrases in SaudiNewsNet, none read before; test9 had one).
	// An ordinal after a definite noun is its adjective (الأسبوع الثاني من
	// الشهر المقبل), not a day.
	// A coordinated ordinal (العاشر والثالث عشر) is a day; a bare عشر is the
	// tail of one.
	adj := c.toks[i].digits == 0 && s.pre == 0 && strings.HasPrefix(c.w(i-1), "ال") && !c.is(i-1, "اليوم") || c.is(i, "عشر", "عشره")
	if first == nil && c.hasRef && !adj && c.is(k, "الشهر") && (c.is(k-1, "من") || s.s == "اول" || s.s == "مستهل" || s.s == "غره") {
		if off, ok := lex.modifiers[c.w(k+1)]; ok && c.is(k+1, c.w(k+1)) {
			y, m := addMonths(c.ref.y, c.ref.m, off)
			if h := c.dateHit(i, k+2, s.pre, y, m, d, false); h != nil {
				return h
			}
		}
	}
	// الـ 28 من كل شهر: a monthly day (round 10; a test8 first-contact error)
	if first == nil && !adj && c.is(k-1, "من") && c.is(k, "كل") && c.is(k+1, "شهر") {
		return one(hit{i: i, j: k + 2, pre: s.pre, kind: marsad.TimeSet, value: fmt.Sprintf("XXXX-XX-%02d", d)})
	}
	m, j, ok := c.monthAt(k, c.w(k))
	if !ok {
		return nil
	}
	j = c.altMonth(j, m)
	y, j2, hijriSuffix, _, hasY := c.yearAfter(j)
	if hasY {
		j = j2
	} else if ry, j3, ok := c.relYearAfter(j); ok && !m.hijri {
		// الحادي والعشرين من سبتمبر من العام الماضي
		y, j, hasY = ry, j3, true
	}
	// 1 سبتمبر المقبل، 14 يوليو الماضي، 17 أغسطس الجاري
	dir := 0
	if !hasY {
		if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
			dir = d
			j++
		}
	}
	hijri := m.hijri || hijriSuffix && y < 1600
	var out []hit
	mk := func(i, j, pre, d int) bool {
		switch {
		case hasY:
			if hijri {
				h := c.dateHit(i, j, pre, y, m.month, d, true)
				if h == nil {
					return false
				}
				out = append(out, h...)
				return true
			}
			h := c.dateHit(i, j, pre, y, m.month, d, false)
			if h == nil {
				return false
			}
			out = append(out, h...)
			return true
		case !c.hasRef:
			if !m.hijri && !validDay(0, m.month, d) || d > 30 && m.hijri {
				return false
			}
			v := "XXXX-XX-XX"
			if !m.hijri {
				v = fmt.Sprintf("XXXX-%02d-%02d", m.month, d)
			}
			out = append(out, hit{i: i, j: j, pre: pre, kind: marsad.TimeDate, value: v})
			return true
		case m.hijri:
			hy, ok := hijriNear(c.ref, m.month, d, dir)
			if !ok {
				return false
			}
			h := c.dateHit(i, j, pre, hy, m.month, d, true)
			if h == nil {
				return false
			}
			out = append(out, h...)
			return true
		}
		yy := c.ref.y
		if dir != 0 {
			// the last/next such day, not merely the month: "14 يوليو الماضي"
			// said on 3 August is this July
			t := time.Date(c.ref.y, time.Month(m.month), d, 0, 0, 0, 0, time.UTC)
			rt := c.ref.time()
			if dir < 0 && !t.Before(rt) {
				yy--
			} else if dir > 0 && !t.After(rt) {
				yy++
			}
		}
		h := c.dateHit(i, j, pre, yy, m.month, d, false)
		if h == nil {
			return false
		}
		out = append(out, h...)
		return true
	}
	if first != nil && !mk(first.i, first.j, first.pre, firstD) {
		return nil
	}
	if !mk(i, j, s.pre, d) {
		return nil
	}
	return out
}

var monthPrep = map[string]bool{
	"في": true, "خلال": true, "منذ": true, "قبل": true, "بعد": true, "حتي": true, "طوال": true, "طيله": true,
}

// rMonth: أغسطس 2015، شهر أغسطس، أغسطس الماضي، آب/أغسطس، رمضان المبارك، شوال 1436هـ.
func (c *ctx) rMonth(i int, s stem) []hit {
	k := i
	name := s.s
	shahr := false
	if s.s == "شهر" || s.s == "شهري" {
		if k+1 >= len(c.toks) {
			return nil
		}
		k, name, shahr = i+1, c.w(i+1), true
	}
	m, j, ok := c.monthAt(k, name)
	if !ok {
		return nil
	}
	j0 := j
	j = c.altMonth(j, m)
	alt := j != j0
	adj := false
	if m.hijri && c.is(j, "المبارك", "الكريم", "المعظم", "الحرام", "الفضيل") {
		j++
		adj = true
	}
	y, j2, hijriSuffix, _, hasY := c.yearAfter(j)
	if hasY {
		j = j2
	} else if ry, j3, ok := c.relYearAfter(j); ok && !m.hijri {
		// مارس من العام الماضي، يونيو العام الماضي
		y, j, hasY = ry, j3, true
	} else if ry, j3, ok := c.relYearAfter(j); ok && m.hijri {
		// round 9: صفر من هذا العام (1436 هـ), رجب من العام الماضي — the
		// Hijri year of the reference, moved as the Gregorian one is, or
		// the Hijri year written after it
		hy, _, _ := gregorianToHijri(c.ref.time())
		y, j, hasY, hijriSuffix = hy+ry-c.ref.y, j3, true, true
		if y2, j4, h2, _, ok := c.yearAfter(j); ok && y2 < 1600 && (h2 || y2 >= 1300) {
			y, j = y2, j4
		}
	}
	dir, hasMod := 0, false
	if !hasY {
		if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
			dir, hasMod = d, true
			j++
		}
	}
	if m.strict && !(shahr || hasY || hasMod || adj || alt || c.afterEdgeMod(i)) {
		if !(m.month == 9 && m.hijri && i > 0 && monthPrep[c.w(i-1)]) {
			return nil
		}
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate}
	switch {
	case m.hijri && hasY && (y < 1600 || hijriSuffix):
		h.value = hijriMonthValue(y, m.month)
	case m.hijri && hasY:
		if hy, ok := hijriNear(day{y, 7, 1}, m.month, 0, 0); ok {
			h.value = hijriMonthValue(hy, m.month)
		}
	case m.hijri && c.hasRef:
		if hy, ok := hijriNear(c.ref, m.month, 0, dir); ok {
			h.value = hijriMonthValue(hy, m.month)
		}
	case m.hijri:
		h.value = "XXXX-XX"
	case hasY:
		if y >= 1300 && y < 1600 && hijriSuffix {
			return nil
		}
		h.value = fmt.Sprintf("%04d-%02d", y, m.month)
	case c.hasRef:
		yy, mm := monthNear(c.ref, m.month, dir)
		h.value = fmt.Sprintf("%04d-%02d", yy, mm)
	default:
		h.value = fmt.Sprintf("XXXX-%02d", m.month)
	}
	if h.value == "" {
		return nil
	}
	return one(h)
}

// afterEdgeMod: the word before i is مطلع، منتصف، أواخر … (أواخر رمضان), which
// makes a month name that is also a common word or name a month.
func (c *ctx) afterEdgeMod(i int) bool {
	if i == 0 || c.toks[i].brk {
		return false
	}
	for _, mp := range lex.modPhrase[strings.TrimPrefix(c.toks[i-1].norm, "و")] {
		if len(mp.words) == 1 && (mp.mod == "START" || mp.mod == "MID" || mp.mod == "END") {
			return true
		}
	}
	return false
}

var yearTriggers = map[string]bool{
	"عام": true, "العام": true, "سنه": true, "السنه": true, "عامي": true, "سنتي": true, "العامين": true,
}

var yearPrep = map[string]bool{
	"منذ": true, "حتي": true, "في": true, "خلال": true, "قبل": true, "بعد": true, "مطلع": true,
	"منتصف": true, "نهايه": true, "بدايه": true, "اواخر": true, "اوائل": true, "بحلول": true, "الي": true,
	"عامي": true, "موسم": true, "ميزانيه": true, "رؤيه": true, "لعام": true, "لسنه": true,
	"من": true, "بين": true, "مواليد": true,
}

// quantityBefore: words after which a four-digit number is an amount
// (بلغ 2000، رقم 2015، بنحو 1990).
var quantityBefore = map[string]bool{
	"رقم": true, "الرقم": true, "بلغ": true, "بلغت": true, "نحو": true, "بنحو": true, "حوالي": true,
	"قرابه": true, "اكثر": true, "اقل": true, "مبلغ": true, "عدد": true, "بقيمه": true, "بواقع": true,
	"مستوي": true, "عند": true, "اجمالي": true, "بمعدل": true, "قيمه": true, "قدرها": true, "قدره": true,
	"الي": true, "وصل": true, "يبلغ": true, "تبلغ": true, "حتي": false,
}

// countWords are common nouns counted by a number that begin like a clitic
// preposition (لاعب، لتر), so they are not taken for one.
var countWords = map[string]bool{
	"لاعب": true, "لاعبا": true, "لاعبين": true, "لتر": true, "لترا": true, "ليره": true, "بلاغ": true,
	"بلاغا": true, "برميل": true, "بيت": true, "بئر": true, "بنك": true, "باحث": true, "بحث": true,
}

func (c *ctx) yearValue(y int, hijri bool) string {
	if hijri {
		return hijriYearValue(y)
	}
	return fmt.Sprintf("%04d", y)
}

// rYear: عام 2015، العام 1436هـ، 2015م، عامي 2014 و2015، منذ 2011، (1948).
func (c *ctx) rYear(i int, s stem) []hit {
	k := i
	trig := yearTriggers[s.s]
	if trig {
		k++
		if c.is(k, "(") && c.isYearNum(k+1) && c.is(k+2, ")") {
			// عام (1948)
		}
	}
	paren := c.is(k, "(")
	if paren && trig {
		k++
	}
	if !trig && c.is(k-1, "(") {
		paren = true
		if c.is(k+1, ")") {
			// ( 1343 ) هجري: the calendar after the bracket
			if hijri, _, j := c.suffixCal(k + 2); hijri && c.toks[k].num >= 1 && c.toks[k].num < 1600 && c.toks[k].digits >= 3 {
				return one(hit{i: k, j: j, kind: marsad.TimeDate, value: c.yearValue(c.toks[k].num, true)})
			}
		}
	}
	if !c.isYearNum(k) || (!trig && s.pre != 0) {
		return nil
	}
	y := c.toks[k].num
	// 1436/1437هـ names an academic year, not a year
	if !trig && (c.is(k-1, "/") && c.isYearNum(k-2) || c.is(k+1, "/") && c.isYearNum(k+2)) {
		return nil
	}
	j := k + 1
	var second *hit
	if paren && (trig || c.is(k-1, "(")) && c.is(j, "/", "-", "–") && c.isYearNum(j+1) && c.is(j+2, ")") {
		// عام ( 1931 / 1932 )، ( 1936 - 1939 ): two years in one bracket
		if y2 := c.toks[j+1].num; y2 > y && y2-y < 200 {
			second = &hit{i: j + 1, j: j + 2, kind: marsad.TimeDate}
			j++
		}
	}
	if paren && trig || second != nil {
		if !c.is(j, ")") && second == nil {
			return nil
		}
		if second != nil {
			j = second.j
		}
		j++
	}
	hijri, greg, j2 := c.suffixCal(j)
	j = j2
	// 1436هـ/1437هـ: an academic year, as 1436/1437هـ above
	if !trig && (c.is(j, "/") && c.isYearNum(j+1) || c.is(k-1, "/") && k > 2 && c.toks[k-2].word && c.isYearNum(k-3)) {
		return nil
	}
	if !trig && !hijri && !greg && second == nil && !c.bareYear(k) {
		if !c.hijriAfterName(k) {
			return nil
		}
		hijri = true
	}
	if !hijri && !greg && y >= 1300 && y <= 1500 && trig {
		hijri = true
	}
	if !hijri && (y < 1700 || y > 2200) || hijri && (y < 1 || y > 1700) {
		return nil
	}
	if second != nil {
		second.value = c.yearValue(c.toks[second.i].num, hijri)
		second.j = j
		return []hit{{i: i, j: second.i - 1, pre: s.pre, kind: marsad.TimeDate, value: c.yearValue(y, hijri)}, *second}
	}
	out := []hit{{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: c.yearValue(y, hijri)}}
	// عامي 2014 و2015، من 2010 إلى 2015
	if (rangeWords[c.w(j)] || trig && c.is(j, "/")) && c.isYearNum(j+1) {
		y2 := c.toks[j+1].num
		h2, _, j3 := c.suffixCal(j + 2)
		if y2 > y && y2-y < 200 {
			out = append(out, hit{i: j + 1, j: j3, kind: marsad.TimeDate, value: c.yearValue(y2, hijri || h2)})
		}
	}
	return out
}

// bareYear says whether a lone four-digit number at k is a year: after a
// preposition of time (منذ 2011، في 2015) or in brackets, and not counting
// something (2000 ريال).
func (c *ctx) bareYear(k int) bool {
	y := c.toks[k].num
	if y < 1900 || y > 2100 {
		return false
	}
	if k > 0 && c.toks[k-1].digits > 0 || c.is(k-1, ".", ",", "٫") && k > 1 && c.toks[k-2].digits > 0 {
		return false
	}
	// 2093.69 نقطة: the whole part of a decimal amount
	if c.is(k+1, ".", ",", "٫") && k+2 < len(c.toks) && c.toks[k+2].digits > 0 && !c.toks[k+1].space && !c.toks[k+2].space {
		return false
	}
	prev := ""
	if k > 0 && !c.toks[k].brk {
		prev = c.toks[k-1].norm
	}
	next := c.w(k + 1)
	nextWord := k+1 < len(c.toks) && c.toks[k+1].word && !c.toks[k+1].brk
	if prev == "(" && next == ")" {
		return true
	}
	// an event named with an ordinal and its year: الانتفاضة الأولى 1987
	if v, ok := lex.ordinals[prev]; ok && v <= 10 && k > 1 && c.toks[k-2].word && !measureNouns[strings.TrimPrefix(next, "و")] {
		return true
	}
	if yearPrep[strings.TrimPrefix(prev, "و")] {
		// round 10: after a preposition of time a number of recent years is
		// a year unless a measure noun follows (في 2013 لرجل الأعمال، في 2013
		// قال: the count-noun guess missed short words)
		if y >= 1950 && y <= 2030 {
			return !nextWord || !measureNouns[strings.TrimPrefix(next, "و")] && !c.countNoun(k+1) || !measureNouns[next] && len([]rune(next)) <= 4
		}
		return !nextWord || !c.countNoun(k+1)
	}
	// a year after a name: أولمبياد 2020، كأس العالم 2018، موسم 2012-2013
	if y >= 1900 && y <= 2035 && k > 0 && c.toks[k-1].word && !quantityBefore[strings.TrimPrefix(prev, "و")] {
		return !nextWord || !c.countNoun(k+1)
	}
	// round 9: … or after a quoted name (مهرجان «تيميتار» 2015), the
	// quote closing a word right before it
	if y >= 1900 && y <= 2035 && k > 1 && (prev == "»" || prev == "”") && c.toks[k-2].word && c.toks[k].space {
		return !nextWord || !c.countNoun(k+1)
	}
	return false
}

// measureNouns are what an amount counts (2000 ريال), so the number before
// them is no year even after a name.
var measureNouns = map[string]bool{
	"ريال": true, "ريالا": true, "دولار": true, "دولارا": true, "يورو": true, "جنيه": true, "جنيها": true,
	"درهم": true, "دينار": true, "دينارا": true, "شخص": true, "شخصا": true, "متر": true, "مترا": true,
	"كيلو": true, "كيلومتر": true, "طن": true, "نقطه": true, "سهم": true, "برميل": true, "مليون": true,
	"الف": true, "مليار": true, "وحده": true, "حاله": true, "طالب": true, "طالبا": true, "موظف": true,
	"قدم": true, "حبه": true, "قطعه": true, "عبوه": true, "كيس": true, "قرص": true, "صنف": true, "عينه": true, // round 10
}

// countNoun guesses that the word at k is what a number counts (ريال،
// شخص) rather than the start of a new phrase: an indefinite word that is not a
// verb, a preposition or a conjunction.
func (c *ctx) countNoun(k int) bool {
	w := c.w(k)
	if strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		return false
	}
	if (strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ب")) && len([]rune(w)) > 4 && !countWords[w] {
		return false // لأسباب، بعد … : a new phrase
	}
	switch w {
	case "في", "من", "الي", "علي", "عن", "حتي", "بعد", "قبل", "عندما", "حين", "كما", "لكن", "ثم", "اي", "او", "ام", "وهو", "وهي", "حيث", "بين", "مع",
		// complementizers and particles open a clause (قال في 2014 إن …)
		"ان", "انه", "انها", "انهم", "لان", "اذ", "اذا", "قد", "لم", "لن",
		// round 8: adverbial prepositions and particles, a closed class that
		// counts nothing (انتقل حتى 2019 مقابل 75 مليون يورو)
		"مقابل", "ضد", "عبر", "ضمن", "دون", "عقب", "اثر", "رغم", "وسط", "نحو", "حسب", "وفق", "وفقا", "لدي", "عند",
		"منذ", "خلال", "لكي", "كي", "وذلك", "ايضا", "كذلك", "فقط", "تقريبا", "تحديدا":
		return false
	}
	// a past or present verb often follows the year (2015 شهد، 2011 تم)
	if strings.HasPrefix(w, "ت") || strings.HasPrefix(w, "ي") {
		return false
	}
	// round 9: a number from eleven up counts a singular noun (2012 متهما),
	// so a sound plural after it is not what it counts (في 2012 متهمين
	// بالتخطيط: arrested in 2012, accused of …)
	// (not -ون: مليون، قانون are singular)
	if len([]rune(w)) > 4 && (strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ات")) {
		return false
	}
	return true
}

// decades: الثمانينات = the 1980s (TimeML decade value 198); the century is
// the 1900s, as news uses these words for the last century.
var decades = map[string]int{
	"العشرينات": 2, "الثلاثينات": 3, "الاربعينات": 4, "الخمسينات": 5, "الستينات": 6,
	"السبعينات": 7, "الثمانينات": 8, "التسعينات": 9,
	"العشرينيات": 2, "الثلاثينيات": 3, "الاربعينيات": 4, "الخمسينيات": 5, "الستينيات": 6,
	"السبعينيات": 7, "الثمانينيات": 8, "التسعينيات": 9,
}

var unitDef = map[string]string{
	"العقد": "DE",
	"العام": "Y", "السنه": "Y", "الشهر": "M", "الاسبوع": "W",
	"الصيف": "SU", "الشتاء": "WI", "الربيع": "SP", "الخريف": "FA",
}

var pluralDef = map[string]string{
	"الايام": "D", "الاسابيع": "W", "الاشهر": "M", "الشهور": "M", "السنوات": "Y", "الاعوام": "Y",
	"السنين": "Y", "الساعات": "H", "العقود": "DE", "الدقائق": "MIN",
	"اليومين": "D2", "الاسبوعين": "W2", "الشهرين": "M2", "العامين": "Y2", "السنتين": "Y2", "الساعتين": "H2",
	"العقدين": "DE2", "القرنين": "CE2", // round 9: العقدين الماضيين (P2DE); only with an adjective, see rPlural
}

// rRelUnit: العام الماضي، الشهر المقبل، هذا الأسبوع، الأسبوع الجاري، صيف 2015،
// السنوات الخمس الماضية (P5Y), الأيام الماضية (PXD), الفترة المقبلة.
func (c *ctx) rRelUnit(i int, s stem) []hit {
	k := i
	this := false
	// هذي، هاي، هاذي: the Gulf and Levantine demonstratives (هاي السنة)
	if s.s == "هذا" || s.s == "هذه" || s.s == "هذي" || s.s == "هاي" || s.s == "هاذي" {
		this = true
		k++
	}
	if d, ok := decades[s.s]; ok && k == i {
		cent, j := c.decadeCentury(i + 1)
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: fmt.Sprintf("%02d%d", cent, d)})
	}
	if d, ok := decades["ال"+s.s]; ok && k == i {
		// ثمانينيات القرن الماضي: the indefinite form needs its century
		if cent, j := c.decadeCentury(i + 1); j > i+1 {
			return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: fmt.Sprintf("%02d%d", cent, d)})
		}
		return nil
	}
	if s.s == "المرحله" && k == i {
		return c.rPlural(i, s) // round 10: a phase, like الفترة
	}
	u := ""
	if k == i {
		u = unitDef[s.s]
	} else {
		u = unitDef[c.w(k)]
	}
	if u == "" {
		if code, ok := seasons[s.s]; ok && k == i {
			return c.seasonOfYear(i, s, code)
		}
		if s.s == "فصل" && k == i {
			// فصل الصيف الحالي، فصل الشتاء المقبل: the season with its modifier
			if u := unitDef[c.w(i+1)]; len(u) == 2 && u != "DE" && c.is(i+1, c.w(i+1)) {
				if d, ok := lex.modifiers[c.w(i+2)]; ok && c.is(i+2, c.w(i+2)) {
					return one(c.unitHit(i, i+3, s.pre, u, d))
				}
			}
			return nil
		}
		if k == i {
			return c.rPlural(i, s)
		}
		return nil
	}
	j := k + 1
	off := 0
	if u == "Y" && !this && c.generalAdj(k) {
		return nil
	}
	if !this {
		d, ok := lex.modifiers[c.w(j)]
		if !ok || !c.is(j, c.w(j)) {
			return nil
		}
		if _, step := stepWords[c.w(j)]; step && (u == "M" || u == "Y") {
			return nil // الشهر السابق: the month before the one named (rSame)
		}
		off = d
		j++
	}
	if u == "Y" && c.isYearNum(j) {
		// العام الماضي 2014، العام الحالي 2015م: the year itself is given
		// and the unit with its adjective is part of the expression
		y, e, hijri, greg, ok := c.yearAfter(j)
		if !ok || c.is(e, "/", "-") && c.isYearNum(e+1) {
			return nil // لهذا العام 1436/1437هـ: a pair of years, read by rYear
		}
		hijri = hijri || !greg && y >= 1300 && y <= 1500
		return one(hit{i: i, j: e, pre: s.pre, kind: marsad.TimeDate, value: c.yearValue(y, hijri)})
	}
	return one(c.unitHit(i, j, s.pre, u, off))
}

var seasons = map[string]string{"صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA"}

// seasonOfYear: صيف 2014، صيف عام 2014، شتاء هذا العام، ربيع العام الماضي.
func (c *ctx) seasonOfYear(i int, s stem, code string) []hit {
	if y, j, _, _, ok := c.yearAfter(i + 1); ok {
		if !c.isYearNum(i+1) && !c.is(i+1, "عام", "العام", "سنه") {
			return nil
		}
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: fmt.Sprintf("%04d-%s", y, code)})
	}
	k := i + 1
	this := c.is(k, "هذا")
	if this {
		k++
	}
	if !c.is(k, "العام", "السنه") {
		return nil
	}
	j, off := k+1, 0
	if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
		off, j = d, j+1
	} else if !this {
		return nil // صيف العام alone is generic
	}
	h := c.unitHit(i, j, s.pre, code, 0)
	if c.hasRef {
		h.value = fmt.Sprintf("%04d-%s", c.ref.y+off, code)
	}
	return one(h)
}

// unitHit resolves a calendar unit off units away from the reference.
func (c *ctx) unitHit(i, j, pre int, u string, off int) hit {
	h := hit{i: i, j: j, pre: pre, kind: marsad.TimeDate}
	if !c.hasRef {
		switch u {
		case "Y":
			h.value = "XXXX"
		case "M":
			h.value = "XXXX-XX"
		case "W":
			h.value = "XXXX-WXX"
		case "DE":
			h.value = "XXX"
		default:
			h.value = "XXXX-" + u
		}
		return h
	}
	switch u {
	case "Y":
		h.value = fmt.Sprintf("%04d", c.ref.y+off)
	case "M":
		y, m := addMonths(c.ref.y, c.ref.m, off)
		h.value = fmt.Sprintf("%04d-%02d", y, m)
	case "W":
		h.value = weekValue(c.ref.add(7 * off).time())
	case "DE":
		h.value = fmt.Sprintf("%03d", c.ref.y/10+off)
	default:
		h.value = fmt.Sprintf("%04d-%s", c.seasonYear(u, off), u)
	}
	return h
}

// seasonYear is the year of the season u (SP, SU, FA, WI) off seasons of
// that name from the reference: الشتاء المقبل said in August 2015 is the
// winter that begins in December 2015, الصيف الماضي said then is 2014's. A
// winter is written with the year of its December.
func (c *ctx) seasonYear(u string, off int) int {
	start := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[u]
	if start == 0 {
		return c.ref.y + off
	}
	begin := func(y int) time.Time { return time.Date(y, time.Month(start), 1, 0, 0, 0, 0, time.UTC) }
	rt := c.ref.time()
	y := c.ref.y
	if rt.Before(begin(y)) && !rt.Before(begin(y-1).AddDate(0, 3, 0)) || rt.Before(begin(y-1).AddDate(0, 3, 0)) {
		y-- // the latest season of that name that has begun is last year's
	}
	if off == 0 { // هذا الصيف: the one of the reference's year
		if u == "WI" && c.ref.m <= 2 {
			return c.ref.y - 1
		}
		return c.ref.y
	}
	switch {
	case off > 0:
		return y + 1
	case off < 0 && rt.Before(begin(y).AddDate(0, 3, 0)):
		return y - 1 // in the season now: the last one is a year back
	}
	return y
}

// titleNouns take العام as the adjective "general": المدير العام السابق is
// the former director-general, not last year.
var titleNouns = map[string]bool{
	"مدير": true, "رئيس": true, "امين": true, "نائب": true, "مشرف": true, "مراقب": true, "منسق": true,
	"مفتش": true, "قائد": true, "مدعي": true, "النائب": true, "الراي": true, "المدير": true, "الرئيس": true,
	"الامين": true, "المشرف": true, "المراقب": true, "المنسق": true, "المفتش": true, "القائد": true,
	"المدعي": true, "المؤتمر": true, "الاتحاد": true, "الامن": true, "النظام": true, "القطاع": true,
}

// generalAdj: العام at k follows a noun it qualifies (المدير العام، الأمين العام).
func (c *ctx) generalAdj(k int) bool {
	if k == 0 || c.toks[k].brk {
		return false
	}
	p := strings.TrimPrefix(c.toks[k-1].norm, "و")
	return titleNouns[p]
}

var pastAdj = map[string]bool{"الماضيه": true, "المنقضيه": true, "الاخيره": true, "السابقه": true, "المنصرمه": true, "الماضيين": true, "الاخيرين": true, "السابقين": true, "المنصرمين": true, "الفائته": true,
	"الماضيتين": true, "الاخيرتين": true, "السابقتين": true, "المنصرمتين": true} // السنتين الماضيتين
var futureAdj = map[string]bool{"المقبله": true, "القادمه": true, "المقبلين": true, "القادمين": true, "المقبلتين": true, "القادمتين": true}

// rPlural: الأيام الماضية (PXD), السنوات الخمس الماضية (P5Y), العامين الماضيين
// (P2Y), الفترة الماضية (PAST_REF). TimeML marks "the past few days" as a
// duration with an unknown count.
func (c *ctx) rPlural(i int, s stem) []hit {
	// round 10: المرحلة الماضية/المقبلة/الحالية (a phase just over, to come,
	// under way) are vague references like الفترة (test9's المرحلة الماضية).
	if s.s == "الفتره" || s.s == "الفترات" || s.s == "المرحله" {
		// الفترة الماضية، الفترات السابقة، الفترة القليلة الماضية، الفترة
		// القريبة المقبلة، الفترة الحالية (PRESENT_REF, as هذه الفترة)
		j := i + 1
		if c.is(j, "القليله", "القريبه") && (pastAdj[c.w(j+1)] || futureAdj[c.w(j+1)]) {
			j++
		}
		switch w := c.w(j); {
		case !c.is(j, w):
		case s.s == "المرحله" && (w == "الاخيره" || c.is(j+1, "من")):
			// المرحلة الأخيرة is the final phase, المرحلة الحالية من التحضيرات
			// a phase of a process, not a time
			return nil
		case pastAdj[w] || w == "الماضيه":
			return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDate, value: "PAST_REF"})
		case futureAdj[w]:
			return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDate, value: "FUTURE_REF"})
		case j == i+1 && s.s == "المرحله" && (w == "الحاليه" || w == "الراهنه"):
			return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDate, value: "PRESENT_REF"})
		case j == i+1 && s.s == "الفتره" && (w == "الحاليه" || w == "الراهنه" || w == "الجاريه"):
			// in a report of a quarter or half, the current period is the
			// one reported (resolveSame: ana 'C')
			return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDate, value: "PRESENT_REF", ana: 'C'})
		}
		return nil
	}
	u, ok := pluralDef[s.s]
	if !ok {
		return nil
	}
	n := "X"
	if strings.HasSuffix(u, "2") {
		u, n = u[:len(u)-1], "2"
	}
	j := i + 1
	if n == "X" {
		// السنوات الخمس الماضية، الأيام الخمسة الماضية، الساعات الـ24 الماضية
		if c.is(j, "ال") && j+1 < len(c.toks) && c.toks[j+1].digits > 0 {
			j++
		}
		if v, k, ok := c.numberW(j, strings.TrimPrefix(c.w(j), "ال")); ok {
			n, j = fmt.Sprint(v), k
		}
		// الأعوام القليلة المقبلة، الساعات القليلة الماضية
		if n == "X" && c.is(j, "القليله", "القريبه", "القلائل") && (pastAdj[c.w(j+1)] || futureAdj[c.w(j+1)]) {
			j++
		}
		// الأيام الثلاثة الأولى: a counted stretch at the start of something
		if n != "X" && c.is(j, "الاولي", "الاول") {
			return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDuration, value: durValue(n, u)})
		}
	}
	if !c.is(j, c.w(j)) || !(pastAdj[c.w(j)] || futureAdj[c.w(j)]) {
		// إجازة اليومين، خلال الأسبوعين: a definite dual counts by itself,
		// unless it names years given after it (العامين 2014 و2015)
		if n == "2" && u != "Y" && u != "DE" && u != "CE" {
			return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDuration, value: durValue(n, u)})
		}
		// العقود الثلاثة، الأيام الخمسة: a definite plural counted by a
		// definite number after it is that many units without an adjective too
		// (العقود are also contracts: decades only after a time preposition)
		if n != "X" && n != "2" && strings.HasPrefix(c.w(i+1), "ال") && (u != "DE" || i > 0 && c.is(i-1, "خلال", "طوال", "طيله", "مدي")) {
			return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDuration, value: durValue(n, u)})
		}
		return nil
	}
	return one(hit{i: i, j: j + 1, pre: s.pre, kind: marsad.TimeDuration, value: durValue(n, u)})
}

func durValue(n, u string) string {
	switch u {
	case "H":
		return "PT" + n + "H"
	case "MIN":
		return "PT" + n + "M"
	case "S":
		return "PT" + n + "S"
	}
	return "P" + n + u
}

// rModWrap: مطلع العام، منتصف أيار، نهاية الشهر الماضي، أواخر 2014 — the unit
// with TIMEX3's START/MID/END mod. نهاية الأسبوع is the weekend (2015-W32-WE).
func (c *ctx) rModWrap(i int, s stem) []hit {
	for _, mp := range lex.modPhrase[s.s] {
		if mp.mod != "START" && mp.mod != "MID" && mp.mod != "END" {
			continue
		}
		if !c.seq(i+1, mp.words[1:]) {
			continue
		}
		k := i + len(mp.words)
		if k >= len(c.toks) || c.toks[k].brk {
			return nil
		}
		ks := c.stems(k)[0]
		for _, r := range []recognizer{(*ctx).rSeason, (*ctx).rSchoolYear, (*ctx).rMonth, (*ctx).rRelUnit, (*ctx).rYear} {
			if h := r(c, k, ks); len(h) == 1 {
				h[0].i, h[0].pre, h[0].mod = i, s.pre, mp.mod
				if mp.words[0] == "نهايه" && strings.Contains(h[0].value, "-W") && c.w(k) == "الاسبوع" {
					h[0].value += "-WE"
					h[0].mod = ""
				}
				return h
			}
		}
		if u, ok := unitDef[c.w(k)]; ok {
			if c.is(k+1, "الدراسي", "المالي", "الهجري", "التدريبي", "الاكاديمي", "الرياضي") {
				return nil // academic and fiscal years are not calendar years
			}
			h := c.unitHit(i, k+1, s.pre, u, 0)
			h.mod = mp.mod
			if mp.words[0] == "نهايه" && u == "W" {
				// the weekend (Friday–Saturday) told of early in the week,
				// not in a clause about the future, is the one just past
				if c.hasRef && c.ref.time().Weekday() <= time.Wednesday && !c.futureContext(i) && !c.futureVerbAt(k+1) && !c.futureVerbAt(k+2) && !c.is(i-1, "حتي", "بحلول", "قبل") {
					h = c.unitHit(i, k+1, s.pre, u, -1)
				}
				h.value += "-WE"
				h.mod = ""
			}
			return one(h)
		}
		if c.isYearNum(k) && c.bareYearAfterMod(k) {
			hijri, _, j := c.suffixCal(k + 1)
			return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, mod: mp.mod, value: c.yearValue(c.toks[k].num, hijri)})
		}
		return nil
	}
	return nil
}

func (c *ctx) bareYearAfterMod(k int) bool {
	y := c.toks[k].num
	return y >= 1900 && y <= 2100
}

// numberW is number with w as the search form of token i (a stem without
// its clitic).
func (c *ctx) numberW(i int, w string) (int, int, bool) {
	if v, d, ok := c.num(i); ok {
		if d > 6 {
			return 0, 0, false
		}
		// 1,5 or 2.5 are not counts of whole units
		if c.is(i+1, ".", ",", "٫") && c.toks[min(i+2, len(c.toks)-1)].digits > 0 && !c.toks[i+1].space {
			return 0, 0, false
		}
		return v, i + 1, true
	}
	if i >= len(c.toks) || !c.toks[i].word {
		return 0, 0, false
	}
	if w == "احد" || w == "احدي" || w == "اثنا" || w == "اثني" {
		if c.is(i+1, "عشر", "عشره") {
			if strings.HasPrefix(w, "اح") {
				return 11, i + 2, true
			}
			return 12, i + 2, true
		}
		return 0, 0, false
	}
	if v, ok := lex.cardinals[w]; ok {
		j := i + 1
		if v < 10 && c.is(j, "عشر", "عشره") {
			return v + 10, j + 1, true
		}
		if v < 10 && j < len(c.toks) && strings.HasPrefix(c.w(j), "و") {
			if t, ok := lex.tens[strings.TrimPrefix(c.w(j), "و")]; ok {
				return v + t, j + 1, true
			}
			// الأربعة والعشرين ساعة: the tens of a definite count
			if t, ok := lex.tens[strings.TrimPrefix(c.w(j), "وال")]; ok && strings.HasPrefix(c.w(j), "وال") && strings.HasPrefix(c.w(i), "ال") {
				return v + t, j + 1, true
			}
		}
		return v, j, true
	}
	if t, ok := lex.tens[w]; ok {
		return t, i + 1, true
	}
	return 0, 0, false
}

var vagueCount = map[string]bool{"عده": true, "بضعه": true, "بضع": true, "عشرات": true, "مئات": true, "الاف": true}

// manyCount are the vague counts that take a definite plural (آلاف السنين).
var manyCount = map[string]bool{"عشرات": true, "مئات": true, "الاف": true}

// vagueAfter: أيام قليلة، ساعات عدة، سنوات طويلة.
var vagueAfter = map[string]bool{"عده": true, "قليله": true, "عديده": true, "طويله": true, "معدوده": true}

var durTriggers = map[string]bool{
	"بعد": true, "قبل": true, "لمده": true, "مده": true, "منذ": true, "طيله": true, "طوال": true, "خلال": true, "غضون": true,
	"مدي": true, // round 9: على مدى تسعة عقود، على مدى سنوات "over (N) units"
}

// rDuration: ثلاث ساعات، ساعتين، نحو ثلاث ساعات (APPROX)، 15 يوماً، عدة أيام
// (PXD)، لساعات، نصف ساعة، ساعة ونصف، منذ عام (P1Y)، ستة وثمانية أسابيع (two
// durations). قبل ثلاثة أيام is a date: the reference minus the duration.
func (c *ctx) rDuration(i int, s stem) []hit {
	k, w := i, s.s
	trigger := ""
	if w == "في" && c.is(i+1, "غضون") {
		k++
		w = c.w(k)
	}
	if durTriggers[w] {
		trigger = w
		k++
		w = c.w(k)
	}
	start, pre := i, s.pre
	if trigger != "" && trigger != "قبل" && trigger != "لمده" {
		// the span is the duration; منذ، خلال stay outside, as in TimeML
		start, pre = k, 0
	}
	mod := ""
	for _, mp := range lex.modPhrase[w] {
		if mp.mod == "START" || mp.mod == "MID" || mp.mod == "END" || !c.seq(k+1, mp.words[1:]) {
			continue
		}
		mod = mp.mod
		k += len(mp.words)
		w = c.w(k)
		break
	}
	if k >= len(c.toks) || k > i && c.toks[k].brk {
		return nil
	}
	// a definite count: الثلاثة أسابيع، الـ 5 عقود
	if w == "ال" && c.toks[min(k+1, len(c.toks)-1)].digits > 0 {
		k++
		w = c.w(k)
	} else if v, ok := lex.cardinals[strings.TrimPrefix(w, "ال")]; ok && strings.HasPrefix(w, "ال") && v < 100 {
		// (not المئة: بالمئة يوم الخميس is "percent")
		w = strings.TrimPrefix(w, "ال")
	} else if (w == "الاثني" || w == "الاثنا" || w == "الاحدي" || w == "الاحد") && c.is(k+1, "عشر", "عشره") {
		// الاثني عشر شهراً الماضية (الأحد here is eleven, not Sunday)
		w = strings.TrimPrefix(w, "ال")
	}
	// a count in brackets, as official notices write it: لمدة (21) يوماً،
	// (خمسة) أيام
	paren := false
	if w == "(" && k+2 < len(c.toks) && c.is(k+2, ")") && !c.isYearNum(k+1) {
		if v, _, ok := c.numberW(k+1, c.w(k+1)); ok && v > 0 {
			k++
			w, paren = c.w(k), true
		}
	}
	// a clitic preposition on the first word: لساعات، لأربع سنوات، بتسع ساعات
	clitic := k == i && s.pre > 0 && (c.text[c.toks[i].start+s.pre-1] == "ل"[1] || c.text[c.toks[i].start+s.pre-1] == "ب"[1])
	n, u, j := "", "", 0
	var first *hit
	switch un, isUnit := lex.units[w]; {
	case w == "نصف" || w == "ربع":
		if c.is(k+1, "ساعه") {
			n, u, j = map[string]string{"نصف": "30", "ربع": "15"}[w], "MIN", k+2
		} else if c.is(k+1, "قرن") {
			// ربع قرن، نصف قرن: 25 and 50 years
			n, u, j = map[string]string{"نصف": "50", "ربع": "25"}[w], "Y", k+2
		}
	case vagueCount[w]:
		if un, ok := lex.units[c.w(k+1)]; ok && c.is(k+1, c.w(k+1)) && un.count == 0 {
			n, u, j = "X", un.code, k+2
		} else if pu, ok := pluralDef[c.w(k+1)]; ok && manyCount[w] && c.is(k+1, c.w(k+1)) && !strings.HasSuffix(pu, "2") {
			// آلاف السنين، عشرات السنوات، مئات الساعات: a count of
			// the definite plural
			n, u, j = "X", pu, k+2
		}
	case isUnit && un.count == 2:
		n, u, j = "2", un.code, k+1
	case isUnit && un.count == 1:
		if c.is(k+1, "واحد", "واحده") {
			n, u, j = "1", un.code, k+2
			break
		}
		// من أسبوع إلى عشرة أيام: a single unit opening a range of durations
		rangeStart := false
		if k == i && c.is(k-1, "من", "بين") && c.is(k+1, "الي", "حتي", "و") && k+2 < len(c.toks) {
			_, _, isNum := c.numberW(k+2, c.w(k+2))
			rangeStart = c.toks[k+2].digits > 0 || isNum
		}
		if rangeStart && !c.isYearNum(k+1) {
			n, u, j = "1", un.code, k+1
			break
		}
		// عاما كاملا، يوماً كاملاً، ساعة كاملة: a whole unit
		if c.is(k+1, "كاملا", "كامله") {
			return c.finishDur(start, k+2, pre, durValue("1", un.code), mod, false, "1", un.code)
		}
		if (trigger == "" && mod == "" && !(c.is(k+1, "ونصف") && un.code != "H")) || un.code == "S" || c.isYearNum(k+1) || c.namesUnit(k+1) {
			// منذ عام 2004 is a year, قبل شهر رمضان a month: not durations
			return nil
		}
		if _, ok := lex.modifiers[c.w(k+1)]; ok {
			return nil
		}
		n, u, j = "1", un.code, k+1
	case isUnit && un.count == 0:
		switch {
		case c.is(k+1, c.w(k+1)) && vagueAfter[c.w(k+1)]:
			n, u, j = "X", un.code, k+2
		case trigger != "" || mod != "" || clitic || k == i && s.pre == 0 && c.is(k+1, "من") && strings.HasPrefix(c.w(k+2), "ال") && !c.is(k+2, "الان", "اليوم", "الزمن", "الزمان") && !c.is(k-1, "من", "في") && w != "اشهر":
			// round 9: years of a definite noun (سنوات من الصدق، اختزال
			// سنوات من البحث) are a stretch of unknown count as well (not
			// أشهر, also "more famous": أشهر من نار على علم)
			if _, ok := lex.modifiers[c.w(k+1)]; ok {
				return nil
			}
			if c.constructNoun(k+1) && !c.is(k-1, "قبل", "منذ", "مند") {
				// (after قبل/منذ the word may be the verb or object: قبل سنوات التقيت)
				return nil // خلال أيام المعسكر، أعوام مراهقتهن: the days of an event, no count of days
			}
			n, u, j = "X", un.code, k+1
		}
	case c.decimalCount(k) != "":
		// 7.5 عام، 2.5 ساعة
		n, u, j = c.decimalCount(k), lex.units[c.w(k+3)].code, k+4
	default:
		if k > 1 && c.is(k-1, ".", ",", "٫") && !c.toks[k].space && !c.toks[k-1].space && c.toks[k-2].digits > 0 {
			return nil // the fraction of 3.09 عام 2013
		}
		v, k2, ok := c.numberW(k, w)
		if !ok || v == 0 {
			return nil
		}
		if paren {
			if !c.is(k2, ")") {
				return nil
			}
			k2++
		}
		// خمسة الأعوام المقبلة: a count before a definite plural
		if pu, ok := pluralDef[c.w(k2)]; ok && !strings.HasSuffix(pu, "2") && c.is(k2, c.w(k2)) && c.is(k2+1, c.w(k2+1)) && (pastAdj[c.w(k2+1)] || futureAdj[c.w(k2+1)] || c.is(k2+1, "الاولي") && strings.HasPrefix(c.w(k), "ال")) {
			return c.finishDur(start, k2+2, pre, durValue(fmt.Sprint(v), pu), mod, false, fmt.Sprint(v), pu)
		}
		// ستة وثمانية أسابيع: the first count shares the unit
		if strings.HasPrefix(c.w(k2), "و") && len(c.w(k2)) > 2 {
			if v2, k3, ok := c.numberW(k2, strings.TrimPrefix(c.w(k2), "و")); ok && v2 > 0 {
				if un, ok := lex.units[c.w(k3)]; ok && un.count != 2 && c.toks[k2].digits == 0 {
					first = &hit{i: start, j: k2, pre: pre, kind: marsad.TimeDuration, value: durValue(fmt.Sprint(v), un.code), mod: mod}
					start, pre, v, k2 = k2, 0, v2, k3
					if c.toks[start].word {
						pre = normalizeLen(c.text[c.toks[start].start:c.toks[start].end], 1)
					}
				}
			}
		}
		un, ok := lex.units[c.w(k2)]
		if !ok || !c.is(k2, c.w(k2)) || un.count == 2 {
			return nil
		}
		if un.count == 1 && v >= 3 && v <= 10 && c.toks[k].digits == 0 {
			// ثلاثة يوم is not Arabic; ثلاثة أيام is.
			return nil
		}
		n, u, j = fmt.Sprint(v), un.code, k2+1
		if c.is(k2+1, ".") && c.toks[min(k2+2, len(c.toks)-1)].digits > 0 && !c.toks[k2+1].space && !c.toks[min(k2+2, len(c.toks)-1)].space {
			return nil
		}
	}
	if n == "" {
		return nil
	}
	if (u == "DE" || u == "CE") && trigger == "" && mod == "" && !c.is(j, "من") {
		return nil // عقد "contract", قرن "horn" without a time word around
	}
	if x, err := strconv.Atoi(n); err == nil && (u == "DE" && x > 30 || u == "CE" && x > 100) {
		return nil // نحو 102757 عقد نكاح: contracts; no one counts decades so far
	}
	if (u == "DE" || u == "CE") && c.is(j, "من") && c.is(j+1, "الزمن", "الزمان") {
		j += 2
	} else if (u == "DE" || u == "CE") && n == "1" && j < len(c.toks) && c.toks[j].word && !c.toks[j].brk && !c.is(j, "ونصف", "مضي", "كامل") && !(u == "CE" && mod != "") {
		// (أكثر من قرن ستحمل: with a mod قرن is no horn)
		return nil // بعد عقد لقاء: عقد "held"
	}
	value := durValue(n, u)
	half := false
	// ساعة ونصف، ثلاث ساعات ونصف، عام ونصف
	if c.is(j, "ونصف") && n != "X" {
		j++
		var x int
		fmt.Sscan(n, &x)
		switch u {
		case "H":
			value = fmt.Sprintf("PT%dH30M", x)
		case "Y", "D", "M", "W":
			value = fmt.Sprintf("P%d.5%s", x, u)
		case "DE", "CE":
			half = true // قبل أكثر من قرن ونصف: 150 years ago
		}
	}
	// بعد ثلاثة أعوام من الآن، قبل عشر سنوات من اليوم (round 8): a date
	// counted from the publication day, in the unit counted
	if (trigger == "بعد" || trigger == "قبل") && c.is(j, "من") && c.is(j+1, "الان", "اليوم") && n != "X" && mod == "" {
		if _, err := strconv.Atoi(n); err == nil {
			if trigger == "بعد" {
				n = "-" + n
			}
			out := c.finishDur(start, j+2, pre, value, mod, true, n, u)
			if first != nil {
				out = append([]hit{*first}, out...)
			}
			return out
		}
	}
	ago := trigger == "قبل"
	if ago && c.is(j, "من") {
		// قبل أيام قليلة من انطلاق…: before an event, a duration
		ago, start, pre = false, i+1, 0
	}
	// سيعود بعد أيام "in a few days": a vague future reference in a clause
	// about the future (TimeML FUTURE_REF); after an event (بعد أيام من
	// الاتفاق) or in a narrative (وبعد أيام عاد) it stays a duration
	if trigger == "بعد" && n == "X" && mod == "" && strings.Contains("DWMY", u) && !c.is(j, "من") && (c.futureContext(i) || c.futureVerbAt(j)) {
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: "FUTURE_REF"})
	}
	out := c.finishDur(start, j, pre, value, mod, ago, n, u)
	if half && ago && c.hasRef && len(out) == 1 && out[0].kind == marsad.TimeDate {
		var x int
		fmt.Sscan(n, &x)
		if u == "CE" {
			out[0].value = fmt.Sprintf("%02d", (c.ref.y-100*x-50)/100)
		} else {
			out[0].value = fmt.Sprintf("%03d", (c.ref.y-10*x-5)/10)
		}
	}
	if first != nil {
		out = append([]hit{*first}, out...)
	}
	return out
}

// decimalCount reads a decimal count before a unit at k (7.5 عام، 2,5
// ساعة) and returns it as written in a TIMEX3 value ("7.5"), or "".
func (c *ctx) decimalCount(k int) string {
	if k+3 >= len(c.toks) || c.toks[k].digits == 0 || c.toks[k].digits > 4 || !c.is(k+1, ".", ",", "٫") || c.toks[k+1].space || c.toks[k+2].space || c.toks[k+2].digits == 0 {
		return ""
	}
	if un, ok := lex.units[c.w(k+3)]; !ok || un.count == 2 || !c.is(k+3, c.w(k+3)) || c.namesUnit(k+4) {
		return "" // 3.09 عام 2013: an amount, then the year
	}
	frac := strings.TrimRight(c.toks[k+2].norm, "0")
	if frac == "" {
		return c.toks[k].norm
	}
	return strings.TrimLeft(c.toks[k].norm, "0") + "." + frac
}

// namesUnit says whether the word at k makes the unit before it a name
// rather than a count: شهر رمضان، يوم الجمعة، عام 2004، العام الدراسي.
func (c *ctx) namesUnit(k int) bool {
	if k >= len(c.toks) || c.toks[k].brk {
		return false
	}
	w := c.toks[k].norm
	if _, ok := lex.months[w]; ok {
		return true
	}
	if _, ok := lex.weekdays[w]; ok {
		return true
	}
	return c.toks[k].digits > 0
}

// normalizeLen returns the bytes of s's first n letters (a clitic).
func normalizeLen(s string, n int) int {
	for i, r := range s {
		if n == 0 {
			return i
		}
		if !normalize.IsDiacritic(r) {
			n--
		}
	}
	return len(s)
}

func (c *ctx) finishDur(i, j, pre int, value, mod string, ago bool, n, u string) []hit {
	h := hit{i: i, j: j, pre: pre, kind: marsad.TimeDuration, value: value, mod: mod}
	if !ago {
		return one(h)
	}
	h.kind = marsad.TimeDate
	h.mod = ""
	var k int
	if _, err := fmt.Sscan(n, &k); err != nil || !c.hasRef {
		switch u {
		case "Y":
			h.value = "XXXX"
		case "M":
			h.value = "XXXX-XX"
		default:
			h.value = "XXXX-XX-XX"
		}
		if c.hasRef && n == "X" {
			h.value = "PAST_REF"
		}
		return one(h)
	}
	switch u {
	case "Y":
		h.value = fmt.Sprintf("%04d", c.ref.y-k)
	case "M":
		y, m := addMonths(c.ref.y, c.ref.m, -k)
		h.value = fmt.Sprintf("%04d-%02d", y, m)
	case "W":
		// قبل أسبوعين is a week, not a day: TIMEX3 keeps the granularity of
		// the unit counted, as for months and years (TimeML 1.2.1 §2.2.1.2;
		// HeidelTime writes UNDEF-REF-week-MINUS-2)
		h.value = weekValue(c.ref.add(-7 * k).time())
	case "D":
		h.day, h.hasDay = c.ref.add(-k), true
		h.value = h.day.value()
	case "DE":
		h.value = fmt.Sprintf("%03d", (c.ref.y-10*k)/10)
	case "CE":
		h.value = fmt.Sprintf("%02d", (c.ref.y-100*k)/100)
	default: // hours, minutes: the same day
		h.day, h.hasDay = c.ref, true
		h.value = h.day.value()
	}
	return one(h)
}

var hourWords = map[string]int{
	"الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
	"السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه": 11,
}

// rTime: الساعة العاشرة صباحاً، 10:30 مساءً، الساعة الثامنة والنصف من مساء أمس،
// العاشرة صباحاً، تمام الساعة 9 بتوقيت مكة.
func (c *ctx) rTime(i int, s stem) []hit {
	k := i
	sa := false
	if s.s == "تمام" && c.is(k+1, "الساعه") {
		k += 2
		sa = true
	} else if s.s == "الساعه" {
		if n := strings.TrimPrefix(c.toks[i].norm, "و"); strings.HasPrefix(n, "لل") {
			return nil // للساعة الواحدة "per hour"
		}
		k++
		sa = true
	}
	hour, mins := -1, 0
	if sa && c.is(k, "ال") && c.toks[min(k+1, len(c.toks)-1)].digits > 0 {
		k++ // الساعة الـ 5:45، الساعة الـ12 ظهراً
	}
	paren := sa && c.is(k, "(")
	if paren {
		k++ // الساعة (3:25)
	}
	j := k
	if v, d, ok := c.num(k); ok && (d <= 2 && v <= 24 || d == 4 && sa && v/100 <= 24 && v%100 < 60 || d == 2 && sa && v < 60 && c.is(k+1, "ر")) {
		hour, j = v, k+1
		if d == 4 { // الساعة 0622 بتوقيت جرينتش
			hour, mins = v/100, v%100
		}
		colon := false
		if sa && d == 2 && c.is(j, "ر") {
			// round 10: الساعة 55ر09 بتوقيت جرينتش — a wire's decimal comma
			// (ر) with the minutes written first, 09:55 (15 in SaudiNewsNet,
			// a test9 first-contact error)
			if h, d2, ok := c.num(j + 1); ok && d2 == 2 && h <= 24 && !c.toks[j].space && !c.toks[j+1].space {
				hour, mins, j = h, v, j+2
			} else if v > 24 {
				return nil
			}
		}
		if c.is(j, ".") && (sa || c.partAdverb(j+2)) && !c.toks[j].space {
			// الساعة 7.30 صباحاً
			if m, d2, ok := c.num(j + 1); ok && d2 == 2 && m < 60 {
				mins, j = m, j+2
			}
		}
		if c.is(j, ":") {
			m, d2, ok := c.num(j + 1)
			if !ok || d2 != 2 || m >= 60 {
				return nil
			}
			mins, j, colon = m, j+2, true
		}
		if !sa {
			switch {
			case c.partAdverb(j):
			case colon && (c.is(k-1, "في", "عند", "حتي", "الي", "من", "(") || c.is(j, "ت", "بتوقيت", "بالتوقيت", ")") || j >= len(c.toks) || c.toks[j].brk):
				// 15:42 ت م (WAS wire footer), (01:25 بتوقيت غرينتش)
			case c.is(k-1, "من", "بين") && c.clockRangeEnd(j) != nil:
				// من 8 إلى 10 مساءً: the first end of a range of clock times
			default:
				return nil
			}
		}
	} else if hw, ok := hourWords[c.w(k)]; ok && (k != i || s.pre == 0) {
		hour, j = hw, k+1
		if hw == 11 {
			if !c.is(j, "عشره", "عشر") {
				return nil
			}
			j++
		} else if hw == 2 && c.is(j, "عشره", "عشر") {
			hour, j = 12, j+1
		}
		if !sa && !c.partAdverb(j) && !c.minuteWord(j) && !c.partNoun(j) && !(c.is(j, "من") && c.partNoun(j+1)) {
			return nil
		}
	} else {
		return nil
	}
	if paren {
		if !c.is(j, ")") {
			return nil
		}
		j++
	}
	if c.is(j, "ت") { // ت م: توقيت مكة
		j++
		if c.is(j, "م", "غ") {
			j++
		}
	}
	switch {
	case c.is(j, "والنصف", "ونصف"):
		mins, j = 30, j+1
	case c.is(j, "والربع"):
		mins, j = 15, j+1
	case c.is(j, "والثلث"):
		mins, j = 20, j+1
	case c.is(j, "الا") && c.is(j+1, "ربعا", "ربع"):
		mins, j = 45, j+2
		hour--
	case c.is(j, "و") && c.toks[min(j+1, len(c.toks)-1)].digits > 0 && c.is(j+2, "دقيقه", "دقائق"):
		mins, j = c.toks[j+1].num, j+3
	case j < len(c.toks) && strings.HasPrefix(c.w(j), "و") && c.toks[j].word:
		// الثامنة وعشر دقائق، السابعة وخمس دقائق
		if v, k2, ok := c.numberW(j, strings.TrimPrefix(c.w(j), "و")); ok && c.is(k2, "دقيقه", "دقائق") {
			mins, j = v, k2+1
		}
	}
	if mins > 59 || hour < 0 {
		return nil
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeTime}
	pm, explicitAM := false, false
	if c.partAdverb(j) {
		pm = lex.parts[c.w(j)] == "pm"
		explicitAM = !pm
		if c.w(j) == "ليلا" && hour >= 1 && hour <= 4 {
			pm = false
		}
		j++
	}
	// … من صباح/مساء اليوم، صباح أمس
	k2 := j
	if c.is(k2, "من") {
		k2++
	}
	if role, ok := lex.parts[c.w(k2)]; ok && c.w(k2) != "م" && c.w(k2) != "ص" {
		if dh := c.rPartDay(k2, stem{c.w(k2), 0}); len(dh) == 1 {
			pm, explicitAM = pm || role == "pm", explicitAM || role == "am"
			h.day, h.hasDay = dh[0].day, dh[0].hasDay
			j = dh[0].j
		} else if k2 > j || true {
			// من صباح / صباح without a day: only the part of the day
			if k2 > j || !c.partAdverb(k2) {
				pm, explicitAM = pm || role == "pm", explicitAM || role == "am"
				j = k2 + 1
			}
		}
	}
	// 11 مساء أمس: the day right after the part of the day
	if !h.hasDay && j < len(c.toks) && !c.toks[j].brk && c.toks[j].word {
		for _, r := range []recognizer{(*ctx).rPhrase, (*ctx).rWeekday} {
			if dh := r(c, j, c.stems(j)[0]); len(dh) == 1 && dh[0].hasDay {
				h.day, h.hasDay, j = dh[0].day, true, dh[0].j
				break
			}
		}
	}
	if c.is(j, "بتوقيت", "بالتوقيت") && j+1 < len(c.toks) && c.toks[j+1].word {
		j += 2
		if c.is(j, "المكرمه", "غرينتش", "جرينتش", "المنوره") {
			j++
		}
	}
	if pm && hour < 12 {
		hour += 12
	}
	h.pm, h.am = pm, explicitAM
	// من 8 إلى 10 مساءً، بين الساعة 9 و11 ليلاً: the part of the day named
	// after the second end holds for the first, when that keeps the order
	var second []hit
	if !pm && !explicitAM && !h.hasDay {
		if second = c.clockRangeEnd(j); second != nil {
			e := second[len(second)-1]
			if e.pm && hour < 12 && hour+12 <= e.hour+boolInt(e.hour == 0)*24 {
				hour += 12
			}
			if e.hasDay { // بين الساعة 7 و11 مساء أمس
				h.day, h.hasDay = e.day, true
			}
		}
	}
	h.j = j
	h.hour, h.mins = hour%24, mins
	if hour == 24 {
		h.hour = 0
	}
	if h.hasDay {
		h.value = fmt.Sprintf("%sT%02d:%02d", h.day.value(), h.hour, h.mins)
		if second != nil {
			return append([]hit{h}, second...)
		}
		return one(h)
	}
	h.clock = true
	h.value = fmt.Sprintf("XXXX-XX-XXT%02d:%02d", h.hour, h.mins)
	if second != nil {
		return append([]hit{h}, second...)
	}
	return one(h)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clockRangeEnd reads the second end of a range of clock times at j: إلى
// 10 مساءً، حتى الساعة 11 ليلاً، - 10:30 م، و11 ليلاً.
func (c *ctx) clockRangeEnd(j int) []hit {
	if j+1 >= len(c.toks) || c.toks[j+1].brk {
		return nil
	}
	k := j + 1
	switch {
	case c.is(j, "الي", "حتي", "-", "–", "و", "ولغايه", "لغايه"):
	case j < len(c.toks) && c.toks[j].word && (c.toks[j].norm == "وحتي" || c.toks[j].norm == "والي"):
	case j < len(c.toks) && c.toks[j].norm == "والساعه":
		k = j
	default:
		return nil
	}
	s := c.stems(k)[0]
	if c.toks[k].norm == "والساعه" {
		s = stem{"الساعه", len("و")}
	}
	h := c.rTime(k, s)
	if len(h) == 0 || !h[0].pm && !c.partAdverb(h[0].j-1) {
		return nil
	}
	// 8م may be eight metres: only a part of the day in words carries back
	for x := h[0].i; x < h[0].j; x++ {
		if c.is(x, "م", "ص") {
			return nil
		}
	}
	return h
}

// partAdverb: صباحاً، مساءً، ظهراً، ليلاً، ص، م after a clock time.
func (c *ctx) partAdverb(j int) bool {
	if j >= len(c.toks) || c.toks[j].brk {
		return false
	}
	switch c.w(j) {
	case "صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "فجرا", "ص", "م":
		return true
	}
	return false
}

// partNoun: صباح، مساء، عصر … as a noun (الرابعة عصر، التاسعة من مساء الأربعاء).
func (c *ctx) partNoun(j int) bool {
	if j >= len(c.toks) || c.toks[j].brk {
		return false
	}
	_, ok := lex.parts[c.w(j)]
	return ok && c.w(j) != "م" && c.w(j) != "ص"
}

func (c *ctx) minuteWord(j int) bool {
	return c.is(j, "والنصف", "والربع", "والثلث", "الا")
}

// rHoliday: عيد الفطر، عيد الأضحى، يوم عرفة — the Hijri feast days of the
// year nearest the reference, or of the year given.
func (c *ctx) rHoliday(i int, s stem) []hit {
	hm, hd := 0, 0
	j := i + 2
	switch {
	case s.s == "عيد" && c.is(i+1, "الفطر"):
		hm, hd = 10, 1
	case s.s == "عيد" && c.is(i+1, "الاضحي"):
		hm, hd = 12, 10
	case s.s == "يوم" && c.is(i+1, "عرفه", "عرفات"):
		hm, hd = 12, 9
	default:
		return nil
	}
	if c.is(j, "المبارك", "السعيد") {
		j++
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate}
	// round 9: ليلة العيد is the eve, the night before the feast day (as
	// ليلة القدر, ليلة الجمعة in the old reckoning: the night precedes its
	// day); the span starts at ليلة, clitics (وليلة، بليلة) left outside
	eve := 0
	if s.pre == 0 && i > 0 && !c.toks[i].brk {
		if n := c.w(i - 1); n == "ليله" {
			h.i, h.pre, eve = i-1, 0, -1
		} else if len(n) == len("وليله") && (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل") || strings.HasPrefix(n, "ف")) && strings.HasSuffix(n, "ليله") {
			h.i, h.pre, eve = i-1, normalize.SearchPrefixLen(c.text[c.toks[i-1].start:c.toks[i-1].end], len("و")), -1
		}
	}
	if y, j2, _, _, ok := c.yearAfter(j); ok && y < 1600 {
		t, ok := hijriToGregorian(y, hm, hd)
		if !ok {
			return nil
		}
		t = t.AddDate(0, 0, eve)
		h.j, h.day, h.hasDay, h.value = j2, dayOf(t), true, dayOf(t).value()
		return one(h)
	}
	if !c.hasRef {
		h.value = "XXXX-XX-XX"
		return one(h)
	}
	hy, ok := hijriNear(c.ref, hm, hd, 0)
	if !ok {
		return nil
	}
	t, _ := hijriToGregorian(hy, hm, hd)
	t = t.AddDate(0, 0, eve)
	h.day, h.hasDay, h.value = dayOf(t), true, dayOf(t).value()
	return one(h)
}

// merge anchors clock times on a day: the day next to them (أمس الساعة
// العاشرة، الساعة العاشرة من صباح الخميس) becomes one expression; otherwise
// the last day named before them in the same paragraph, or the reference.
func (c *ctx) merge(hits []hit) []hit {
	out := hits[:0]
	var lastDay, anchor, lastNth *hit
	for k := 0; k < len(hits); k++ {
		h := hits[k]
		if h.nth > 0 {
			// an event's first day is the day named last before it, at
			// most a paragraph back (انطلق المهرجان صباح أمس … اليوم الأول
			// للمهرجان); a later day counts on from the event's day told
			// before it (اليوم الأول … واليوم الثاني …), or is the day named
			// in its own sentence (قدمت الخيمة مساء أمس فعاليات في يومها
			// التاسع). Otherwise the event's first day is unknown: left out.
			switch {
			case lastNth != nil && lastNth.nth < h.nth && c.breaks(lastNth.j, h.i) <= 1:
				h.day = lastNth.day.add(h.nth - lastNth.nth)
			case anchor != nil && c.breaks(anchor.j, h.i) <= 1 && (h.nth == 1 || !c.sentenceBetween(anchor.j, h.i)):
				h.day = anchor.day
			default:
				continue
			}
			h.hasDay, h.value = true, h.day.value()
			hh := h
			lastNth = &hh
		}
		if h.nthBase > 0 {
			// أول أيام عيد الفطر … حتى اليوم الخامس
			hh := h
			hh.nth = h.nthBase
			lastNth = &hh
		}
		if h.clock {
			// a day just before: أمس الساعة العاشرة، يوم الخميس في الساعة 10
			// مساء يوم غد الأربعاء عند الساعة التاسعة: a day with its part
			// stays apart, and an evening makes the clock pm
			if n := len(out); n > 0 && out[n-1].hasDay && out[n-1].part != 0 && c.gapOK(out[n-1].j, h.i) {
				if out[n-1].part == 'p' && !h.pm && !h.am && h.hour >= 1 && h.hour < 12 {
					h.hour += 12
				}
				h.value = fmt.Sprintf("%sT%02d:%02d", out[n-1].day.value(), h.hour, h.mins)
				h.clock = false
				out = append(out, h)
				continue
			}
			if n := len(out); n > 0 && out[n-1].hasDay && c.gapOK(out[n-1].j, h.i) {
				p := out[n-1]
				p.j, p.kind = h.j, marsad.TimeTime
				p.value = fmt.Sprintf("%sT%02d:%02d", p.day.value(), h.hour, h.mins)
				out[n-1] = p
				continue
			}
			// a day just after: الساعة العاشرة من يوم الخميس
			if k+1 < len(hits) && hits[k+1].hasDay && c.gapOK(h.j, hits[k+1].i) {
				n := hits[k+1]
				h.j, h.clock = n.j, false
				h.value = fmt.Sprintf("%sT%02d:%02d", n.day.value(), h.hour, h.mins)
				h.day, h.hasDay = n.day, true
				out = append(out, h)
				k++
				continue
			}
			switch {
			case h.needDay && (lastDay == nil || c.breakBetween(lastDay.j, h.i)):
				continue
			case lastDay != nil && !c.breakBetween(lastDay.j, h.i):
				h.value = fmt.Sprintf("%sT%02d:%02d", lastDay.day.value(), h.hour, h.mins)
			case c.leadDay(lastDay, h.i):
				// round 8: the story's day, told in its first sentence
				h.value = fmt.Sprintf("%sT%02d:%02d", lastDay.day.value(), h.hour, h.mins)
			case c.hasRef:
				h.value = fmt.Sprintf("%sT%02d:%02d", c.ref.value(), h.hour, h.mins)
			}
		}
		if h.barePart {
			// a narrative's part of the day belongs to the day it tells of;
			// without a day named shortly before, a bare part is mostly
			// habitual (السهر ليلاً، تجتمع الأسر مساءً) and is left out
			if lastDay == nil || !lastDay.hasDay || c.breaks(lastDay.j, h.i) > 1 {
				continue
			}
			h.day, h.hasDay = lastDay.day, true
			h.value = h.day.value()
		}
		if h.hasDay {
			hh := h
			lastDay = &hh
			if h.nth == 0 {
				anchor = &hh
			}
		}
		out = append(out, h)
	}
	return out
}

// gapOK: the tokens between a and b are at most one of في، من، ، .
func (c *ctx) gapOK(a, b int) bool {
	if b == a {
		return true
	}
	return b == a+1 && c.is(a, "في", "من", "،", ",", "عند", "-")
}

func (c *ctx) breakBetween(a, b int) bool {
	for k := a; k <= b && k < len(c.toks); k++ {
		if c.toks[k].brk {
			return true
		}
	}
	return false
}

// rSet: كل يوم جمعة، كل خميس، أيام الجمعة — every such weekday (XXXX-WXX-5).
func (c *ctx) rSet(i int, s stem) []hit {
	if s.s != "كل" && s.s != "ايام" {
		return nil
	}
	k := i + 1
	if s.s == "كل" && c.is(k, "يوم") {
		k++
	}
	if !c.is(k, c.w(k)) {
		return nil
	}
	w := c.w(k)
	wd, ok := lex.weekdays[w]
	if s.s == "ايام" && !ok {
		return nil
	}
	if !ok && s.s == "كل" {
		wd, ok = lex.weekdays["ال"+w]
	} else if s.s == "كل" {
		ok = false
	}
	if !ok {
		return nil
	}
	return one(hit{i: i, j: k + 1, pre: s.pre, kind: marsad.TimeSet, value: fmt.Sprintf("XXXX-WXX-%d", wd)})
}

// constructNoun: the word at k makes the plural unit before it the first
// term of a construct (أيام المعسكر، ساعات الفجر، أعوام مراهقتهن): a definite
// noun or one with a possessive pronoun, written on the same line. Such a
// plural names the stretch of an event, not a count of units, and these
// guidelines leave event-relative periods unannotated.
func (c *ctx) constructNoun(k int) bool {
	if k >= len(c.toks) || !c.toks[k].word || c.toks[k].brk {
		return false
	}
	w := c.w(k)
	if pastAdj[w] || futureAdj[w] || vagueAfter[w] {
		return false
	}
	if strings.HasPrefix(w, "ال") && len([]rune(w)) > 3 {
		return true
	}
	r := []rune(w)
	if len(r) < 5 {
		return false
	}
	switch string(r[len(r)-2:]) {
	case "هم", "هن", "ها", "نا":
		return true
	}
	return false
}
