package timex

import (
	"fmt"
	"time"
)

// day is a calendar day; zero fields are unknown (y == 0: year unknown).
type day struct{ y, m, d int }

func dayOf(t time.Time) day { return day{t.Year(), int(t.Month()), t.Day()} }

func (d day) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC) }

func (d day) add(n int) day { return dayOf(d.time().AddDate(0, 0, n)) }

// value formats the known part of d as a TIMEX3 value: 2015-08-03,
// 2015-08, 2015, XXXX-08-15, XXXX-XX-XX.
func (d day) value() string {
	y := "XXXX"
	if d.y != 0 {
		y = fmt.Sprintf("%04d", d.y)
	}
	switch {
	case d.m == 0 && d.d == 0:
		return y
	case d.d == 0:
		return fmt.Sprintf("%s-%02d", y, d.m)
	case d.m == 0:
		return y + "-XX-XX"
	}
	return fmt.Sprintf("%s-%02d-%02d", y, d.m, d.d)
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000 // leap year: 29 February is possible
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// weekValue names the week holding t. Saudi and most Arab weeks run from
// Sunday to Saturday, so a week is written as the ISO week of its Monday:
// "الأسبوع الماضي" said on Sunday 2015-08-09 is 2 … 8 August, 2015-W32.
func weekValue(t time.Time) string {
	sunday := t.AddDate(0, 0, -int(t.Weekday()))
	y, w := sunday.AddDate(0, 0, 1).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// isoWeekday returns 1 (Monday) … 7 (Sunday).
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// weekdayNear returns the day with ISO weekday wd relative to ref:
// dir < 0 the last one strictly before ref, dir > 0 the next one strictly
// after, dir == 0 the most recent one on or before ref, dir == 2 the next
// one on or after ref.
func weekdayNear(ref day, wd, dir int) day {
	cur := isoWeekday(ref.time())
	switch dir {
	case -1:
		diff := (cur - wd + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return ref.add(-diff)
	case 1:
		diff := (wd - cur + 7) % 7
		if diff == 0 {
			diff = 7
		}
		return ref.add(diff)
	case 2:
		return ref.add((wd - cur + 7) % 7)
	}
	return ref.add(-((cur - wd + 7) % 7))
}

// monthNear returns year/month of month m relative to ref: dir < 0 the last
// one strictly before ref's month, dir > 0 the next one strictly after,
// 0 the one in ref's year.
func monthNear(ref day, m, dir int) (int, int) {
	y := ref.y
	switch {
	case dir < 0 && m >= ref.m:
		y--
	case dir > 0 && m <= ref.m:
		y++
	}
	return y, m
}

func addMonths(y, m, n int) (int, int) {
	k := y*12 + (m - 1) + n
	return k / 12, k%12 + 1
}

// hijriNear returns the Hijri year in which Hijri month hm (day hd, or the
// middle of the month when hd == 0) lies nearest to ref, or strictly before
// (dir < 0) or after (dir > 0) it.
func hijriNear(ref day, hm, hd, dir int) (int, bool) {
	hy, _, _ := gregorianToHijri(ref.time())
	if hd == 0 {
		hd = 15
	}
	best, bestDist := 0, 1<<30
	for y := hy - 1; y <= hy+1; y++ {
		t, ok := hijriToGregorian(y, hm, min(hd, hijriMonthLen(y, hm)))
		if !ok {
			continue
		}
		diff := int(t.Sub(ref.time()).Hours() / 24)
		if dir < 0 && diff >= 0 || dir > 0 && diff <= 0 {
			continue
		}
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDist {
			best, bestDist = y, diff
		}
	}
	return best, best != 0
}

// hijriMonthValue is the Gregorian month that holds the middle of a Hijri
// month: a Hijri month has no ISO 8601 value, and most of its days fall in
// the month of its 15th.
func hijriMonthValue(hy, hm int) string {
	t, ok := hijriToGregorian(hy, hm, 15)
	if !ok {
		return "XXXX-XX"
	}
	return t.Format("2006-01")
}

// hijriYearValue is the Gregorian year that holds the middle of a Hijri year
// (its 7th month), for the same reason.
func hijriYearValue(hy int) string {
	t, ok := hijriToGregorian(hy, 7, 1)
	if !ok {
		return "XXXX"
	}
	return t.Format("2006")
}
