package timex

import (
	"fmt"
	"strconv"
	"strings"

	"marsad"
)

// Anaphoric calendar units: في اليوم نفسه، الشهر ذاته، العام نفسه، الثامن من
// الشهر نفسه. They take the day, month or year of the last expression before
// them that names one (TimeML resolves them the same way, against the
// closest preceding time); with none, they are left out.

var sameWords = map[string]bool{"نفسه": true, "ذاته": true, "نفسها": true, "ذاتها": true}

// sameUnit reads اليوم/الشهر/العام/السنة + نفسه/ذاته at k and returns the
// anaphor's unit (D, M, Y) and the token after it.
func (c *ctx) sameUnit(k int, w string) (byte, int, bool) {
	if !sameWords[c.w(k+1)] || !c.is(k+1, c.w(k+1)) {
		return 0, 0, false
	}
	return unitLetter(w, k+2)
}

func unitLetter(w string, j int) (byte, int, bool) {
	switch w {
	case "اليوم":
		return 'D', j, true
	case "الشهر":
		return 'M', j, true
	case "العام", "السنه":
		return 'Y', j, true
	}
	return 0, 0, false
}

// stepWords make a unit the one before or after the unit named last: اليوم
// التالي (the next day), الشهر السابق (the month before). الماضي and المقبل
// count from the publication day instead (modifiers.txt).
var clauseStep = map[string]int{"سبقه": -1, "سبقها": -1, "قبله": -1, "قبلها": -1, "يليه": 1, "يليها": 1, "تلاه": 1, "تلاها": 1, "بعده": 1, "بعدها": 1}

var stepWords = map[string]int{"السابق": -1, "السابقه": -1, "التالي": 1, "التاليه": 1}

func (c *ctx) rSame(i int, s stem) []hit {
	if (s.s == "العام" || s.s == "السنه") && c.generalAdj(i) {
		return nil // المدير العام السابق: the former director-general
	}
	u, j, ok := c.sameUnit(i, s.s)
	if ok {
		return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, ana: u})
	}
	// العام الذي سبقه، الشهر الذي يليه: the month or year before or after the
	// one named last, said with a relative clause (اليوم الذي يليه is an
	// event's, left out as in test6)
	if c.is(i+1, "الذي", "التي") && s.s != "اليوم" {
		if step, ok := clauseStep[c.w(i+2)]; ok && c.is(i+2, c.w(i+2)) {
			if u, j, ok := unitLetter(s.s, i+3); ok {
				return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, ana: u, anaStep: step})
			}
		}
	}
	if step, isStep := stepWords[c.w(i+1)]; isStep && c.is(i+1, c.w(i+1)) {
		if u, j, ok := unitLetter(s.s, i+2); ok {
			return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, ana: u, anaStep: step})
		}
	}
	return nil
}

// resolveSame gives the anaphoric hits their values and drops those with no
// antecedent. Day-of-month anaphors (الثامن من الشهر نفسه) carry the day in
// mins.
func (c *ctx) resolveSame(hits []hit) []hit {
	out := hits[:0]
	var y, m, d string // the last year, month and day named
	per := ""          // the last quarter, half, month, week or season named
	qh := ""           // the last quarter or half named
	var last hit       // the hit before h, as found (hits is rewritten in place)
	for k, h := range hits {
		var prev *hit
		if k > 0 {
			p := last
			prev = &p
		}
		last = h
		compared := false
		if h.ana == 'q' {
			// الربع الحالي / السابق (round 8): from the quarter named last;
			// a quarter stepped to is compared with, no antecedent itself
			step := h.anaStep
			h = c.resolveQuarter(h, qh)
			if step != 0 {
				out = append(out, h)
				continue
			}
		}
		if h.ana == 'Q' {
			// a bare quarter (round 8) in the year of the quarter or half
			// named last
			if y, err := strconv.Atoi(qh[:min(4, len(qh))]); err == nil && c.hasRef && y >= c.ref.y-10 && y <= c.ref.y+1 {
				h.value = qh[:4] + h.value[4:]
			}
			h.ana = 0
		}
		if h.ana == 'S' {
			// الفترة نفسها: the quarter, half, month, week or season named
			// last; with none, it is left out
			if per == "" {
				continue
			}
			h.value, h.ana = per, 0
			out = append(out, h)
			continue
		}
		if h.ana == 'C' {
			// الفترة الحالية after a quarter or half was named: that period
			if qh != "" && c.hasRef && (qh[:4] == fmt.Sprint(c.ref.y) || qh[:4] == fmt.Sprint(c.ref.y-1)) {
				h.value = qh
			}
			h.ana = 0
			out = append(out, h)
			continue
		}
		if h.ana == 'P' {
			// الفترة نفسها من العام الماضي: the period named last, in the
			// year the anaphor names (its value so far); نفس الشهر takes a
			// month only, الربع المماثل a quarter
			if per != "" && perMatches(per, h.perUnit) {
				h.value = h.value + per[4:]
			}
			h.ana = 0
			// the period compared with is no antecedent: الشهر السابق
			// after it is still the month before the one reported
			out = append(out, h)
			continue
		}
		if h.ana != 0 && h.anaStep != 0 {
			// with no day, month or year named before, the step counts
			// from the publication day
			if !c.hasRef && (h.ana == 'D' && d == "" || h.ana == 'M' && m == "" || h.ana == 'Y' && y == "") {
				continue
			}
			ref := c.ref
			if dd, ok := parseDay(d); ok && h.ana == 'D' {
				ref = dd
			}
			if yy, err := strconv.Atoi(y); err == nil && h.ana == 'Y' {
				ref.y = yy
			}
			if len(m) == 7 && h.ana == 'M' {
				ref.y, _ = strconv.Atoi(m[:4])
				ref.m, _ = strconv.Atoi(m[5:])
			}
			switch h.ana {
			case 'D':
				h.day, h.hasDay = ref.add(h.anaStep), true
				h.value = h.day.value()
			case 'M':
				yy, mm := addMonths(ref.y, ref.m, h.anaStep)
				h.value = fmt.Sprintf("%04d-%02d", yy, mm)
				// round 9: the month before (الشهر السابق) is compared
				// with, not reported: a later الشهر المقابل من عام 2014
				// or خلال الشهر نفسه is still the reported month (as for
				// 'P' above), so it is no antecedent
				compared = true
			case 'Y':
				h.value = fmt.Sprintf("%04d", ref.y+h.anaStep)
			}
			h.ana = 0
		}
		if h.anaRef && !c.recent(h.ana, y, m) {
			// خلال العام after a year long past (1997) is still this one
			h.ana = 0
		}
		if h.ana != 0 {
			switch {
			case h.ana == 'D' && d != "":
				h.value = d
				h.day, h.hasDay = parseDay(d)
			case h.ana == 'M' && m != "":
				h.value = m
			case h.ana == 'Y' && y != "":
				h.value = y
			case h.ana == 'd' && m != "":
				h.value = fmt.Sprintf("%s-%02d", m, h.mins)
				h.day, h.hasDay = parseDay(h.value)
			case h.anaRef:
			default:
				continue
			}
			h.mins = 0
		}
		if h.cycle {
			out = append(out, h)
			continue
		}
		v := h.value
		if h.kind == marsad.TimeTime && len(v) >= 10 {
			v = v[:10]
		}
		if compared {
			out = append(out, h)
			continue
		}
		if h.kind == marsad.TimeDate && periodValue.MatchString(v) {
			per = c.yearToDate(prev, h, v) // round 9: حتى نهاية شهر يونيو → the first half
			if v[5] == 'Q' || v[5] == 'H' {
				qh = v
			}
		}
		if h.kind == marsad.TimeDate || h.kind == marsad.TimeTime {
			if len(v) >= 4 && allDigits(v[:4]) && (len(v) == 4 || v[4] == '-') {
				y = v[:4]
				m, d = "", ""
				if len(v) >= 7 && allDigits(v[5:7]) {
					m = v[:7]
					if len(v) == 10 && allDigits(v[8:10]) {
						d = v
					}
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// recent: the year y or month m named last (as resolveSame tracks them)
// lies within the year before the reference, so that a bare unit of a
// report (خلال الشهر، خلال العام) may be it.
func (c *ctx) recent(u byte, y, m string) bool {
	if !c.hasRef {
		return false
	}
	switch u {
	case 'Y':
		v, err := strconv.Atoi(y)
		return err == nil && v >= c.ref.y-1 && v <= c.ref.y
	case 'M':
		if len(m) != 7 {
			return false
		}
		yy, e1 := strconv.Atoi(m[:4])
		mm, e2 := strconv.Atoi(m[5:])
		d := (c.ref.y-yy)*12 + c.ref.m - mm
		return e1 == nil && e2 == nil && d >= 0 && d <= 12
	}
	return false
}

// perMatches: the period value per is of the unit u (M, Q, H; 0 any).
func perMatches(per string, u byte) bool {
	switch u {
	case 'M':
		return allDigits(per[5:])
	case 'Q', 'H':
		return per[5] == u
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func parseDay(v string) (day, bool) {
	f := strings.Split(v, "-")
	if len(f) != 3 {
		return day{}, false
	}
	y, e1 := strconv.Atoi(f[0])
	m, e2 := strconv.Atoi(f[1])
	d, e3 := strconv.Atoi(f[2])
	if e1 != nil || e2 != nil || e3 != nil || !validDay(y, m, d) {
		return day{}, false
	}
	return day{y, m, d}, true
}
