package timex

import (
	"time"

	"marsad"
)

// monthDays is one calendar month, Gregorian or Hijri, as its days in the
// Gregorian calendar.
type monthDays struct {
	first time.Time
	n     int
}

func (m monthDays) day(d int) day { return dayOf(m.first.AddDate(0, 0, d-1)) }

// monthRef reads a month with its year at k (أغسطس، سبتمبر المقبل، رمضان
// 1436هـ، شهر شوال الماضي) and returns its days; j is the token after it.
func (c *ctx) monthRef(k int) (monthDays, int, bool) {
	if c.is(k, "الشهر") && c.hasRef {
		// الأسبوع الأخير من الشهر (الجاري، الماضي، المقبل)
		j, off := k+1, 0
		if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
			off, j = d, j+1
		}
		y, m := addMonths(c.ref.y, c.ref.m, off)
		t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return monthDays{t, t.AddDate(0, 1, -1).Day()}, j, true
	}
	if c.is(k, "شهر") {
		k++
	}
	if k >= len(c.toks) {
		return monthDays{}, 0, false
	}
	m, j, ok := c.monthAt(k, c.w(k))
	if !ok {
		return monthDays{}, 0, false
	}
	j = c.altMonth(j, m)
	if m.hijri && c.is(j, "المبارك", "الكريم", "المعظم", "الحرام", "الفضيل") {
		j++
	}
	y, j2, hijriSuffix, _, hasY := c.yearAfter(j)
	dir := 0
	if hasY {
		j = j2
	} else if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
		dir = d
		j++
	}
	if !hasY && !c.hasRef {
		return monthDays{}, 0, false
	}
	if m.hijri {
		hy := y
		if !hasY || !(y < 1600 || hijriSuffix) {
			if hy, ok = hijriNear(c.ref, m.month, 0, dir); !ok {
				return monthDays{}, 0, false
			}
		}
		t, ok := hijriToGregorian(hy, m.month, 1)
		if !ok {
			return monthDays{}, 0, false
		}
		return monthDays{t, hijriMonthLen(hy, m.month)}, j, true
	}
	if !hasY {
		y, _ = monthNear(c.ref, m.month, dir)
	}
	t := time.Date(y, time.Month(m.month), 1, 0, 0, 0, 0, time.UTC)
	return monthDays{t, t.AddDate(0, 1, -1).Day()}, j, true
}

// rNthInMonth: الثلاثاء الأول من سبتمبر، الجمعة الأخيرة من رمضان، الأسبوع
// الأول من أغسطس، اليوم الأول من شوال — a day or week counted inside a
// month. The n-th week is the Sunday-to-Saturday week holding day 7n−3, the
// middle of the month's n-th seven days.
func (c *ctx) rNthInMonth(i int, s stem) []hit {
	k := i
	w := s.s
	if w == "يوم" {
		k++
		w = c.w(k)
	}
	wd, isWd := lex.weekdays[w]
	week, oneDay := w == "الاسبوع", w == "اليوم"
	if !isWd && !week && !oneDay || k >= len(c.toks) {
		return nil
	}
	k++
	n := 0
	switch o := c.w(k); {
	case o == "الاخير" || o == "الاخيره":
		n = -1
	default:
		v, ok := lex.ordinals[o]
		if !ok || v < 1 || v > 5 || !c.is(k, o) {
			return nil
		}
		n = v
	}
	k++
	if !c.is(k, "من", "في") {
		return nil
	}
	md, j, ok := c.monthRef(k + 1)
	if !ok {
		return nil
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate}
	switch {
	case oneDay:
		if n < 0 {
			n = md.n
		}
		h.day = md.day(n)
	case week:
		d := 7*n - 3
		if n < 0 {
			d = md.n - 3
		}
		if d > md.n {
			return nil
		}
		h.value = weekValue(md.day(d).time())
		return one(h)
	default:
		var days []day
		for d := 1; d <= md.n; d++ {
			if x := md.day(d); isoWeekday(x.time()) == wd {
				days = append(days, x)
			}
		}
		switch {
		case n < 0:
			h.day = days[len(days)-1]
		case n <= len(days):
			h.day = days[n-1]
		default:
			return nil
		}
	}
	h.hasDay = true
	h.value = h.day.value()
	return one(h)
}
