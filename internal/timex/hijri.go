package timex

import "time"

// Hijri dates are converted with the Umm al-Qura calendar, the official
// calendar of Saudi Arabia and the one Saudi and Gulf newspapers print
// (data/ummalqura.txt, transcribed from ICU's table of KACST's published
// month lengths). Outside the table's years (1300–1600 AH) the tabular
// (arithmetic, "Kuwaiti" type II) Islamic calendar is used, which differs
// from Umm al-Qura by at most a day or two.

const (
	uqFirst = 1300
)

// uqEpoch is 1 Muharram 1300 AH in the Umm al-Qura calendar.
var uqEpoch = time.Date(1882, 11, 12, 0, 0, 0, 0, time.UTC)

func uqHas(y int) bool { return y >= uqFirst && y < uqFirst+len(lex.uq) }

// hijriMonthLen returns the length of month m (1–12) of Hijri year y.
func hijriMonthLen(y, m int) int {
	if uqHas(y) {
		if lex.uq[y-uqFirst]&(1<<(12-m)) != 0 {
			return 30
		}
		return 29
	}
	// Tabular calendar: odd months 30 days, even 29, Dhu al-Hijjah 30 in
	// the 11 leap years of each 30-year cycle.
	if m%2 == 1 {
		return 30
	}
	if m == 12 && (14+11*y)%30 < 11 {
		return 30
	}
	return 29
}

// uqYearStart caches the day number (days since uqEpoch) of 1 Muharram of each
// table year.
var uqYearStart = func() []int {
	out := make([]int, len(lex.uq)+1)
	d := 0
	for i := range lex.uq {
		out[i] = d
		for m := 1; m <= 12; m++ {
			d += hijriMonthLen(uqFirst+i, m)
		}
	}
	out[len(lex.uq)] = d
	return out
}()

// tabularDays returns the Julian-day-like count of the tabular calendar for
// y/m/d, civil epoch (1 Muharram 1 AH = 16 July 622 Julian).
func tabularDays(y, m, d int) int {
	return d + (295*(m-1)+5)/10 + (y-1)*354 + (3+11*y)/30 + 1948439
}

// julian day number of uqEpoch (1882-11-12).
const uqEpochJDN = 2408762

// hijriToGregorian converts a Hijri date; ok is false for impossible dates.
func hijriToGregorian(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 30 || y < 1 || y > 9999 {
		return time.Time{}, false
	}
	if d > hijriMonthLen(y, m) {
		return time.Time{}, false
	}
	if uqHas(y) {
		n := uqYearStart[y-uqFirst]
		for k := 1; k < m; k++ {
			n += hijriMonthLen(y, k)
		}
		return uqEpoch.AddDate(0, 0, n+d-1), true
	}
	jdn := tabularDays(y, m, d)
	return uqEpoch.AddDate(0, 0, jdn-uqEpochJDN), true
}

// gregorianToHijri converts a Gregorian day to Umm al-Qura (or tabular
// outside the table).
func gregorianToHijri(t time.Time) (y, m, d int) {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	// days since the epoch; time.Duration overflows past 292 years
	n := int((t.Unix() - uqEpoch.Unix()) / 86400)
	if n >= 0 && n < uqYearStart[len(lex.uq)] {
		i := 0
		for i+1 < len(uqYearStart) && uqYearStart[i+1] <= n {
			i++
		}
		y = uqFirst + i
		n -= uqYearStart[i]
		m = 1
		for n >= hijriMonthLen(y, m) {
			n -= hijriMonthLen(y, m)
			m++
		}
		return y, m, n + 1
	}
	jdn := n + uqEpochJDN
	y = (30*(jdn-1948440) + 10646) / 10631
	for tabularDays(y+1, 1, 1) <= jdn {
		y++
	}
	for tabularDays(y, 1, 1) > jdn {
		y--
	}
	m = 1
	for m < 12 && tabularDays(y, m+1, 1) <= jdn {
		m++
	}
	return y, m, jdn - tabularDays(y, m, 1) + 1
}
