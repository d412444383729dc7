package timex

import (
	"fmt"

	"marsad"
)

// Rules of round 9 (testdata/README.md, Round 9) that need a recogniser of
// their own; the others are small changes in the existing ones.

func init() {
	grammar = append(grammar, (*ctx).rYearSamePeriod)
}

// rYearSamePeriod: عام 2014 لنفس الفترة، لعام 2014م للفترة ذاتها — the same
// period as الفترة نفسها من عام 2014, the year written first: the period named
// last moved to that year (resolveSame, ana 'P').
func (c *ctx) rYearSamePeriod(i int, s stem) []hit {
	if s.s != "عام" && s.s != "العام" && s.s != "سنه" {
		return nil
	}
	y, k, hijri, _, ok := c.yearAfter(i + 1)
	if !ok || hijri {
		return nil
	}
	switch {
	case c.is(k, "لنفس", "لذات") && c.is(k+1, "الفتره"):
	case c.is(k, "للفتره") && (sameWords[c.w(k+1)] || samePeriodAdj[c.w(k+1)]) && c.is(k+1, c.w(k+1)):
	default:
		return nil
	}
	return one(hit{i: i, j: k + 2, pre: s.pre, kind: marsad.TimeDate, value: fmt.Sprintf("%04d", y), ana: 'P'})
}

// yearToDate: "until the end of June" (حتى نهاية شهر يونيو) names the stretch
// from the year's start, so a same-period anaphor after it takes that stretch
// (the first half), not the month: the end of March, June or December is the
// first quarter, the first half or the year. Other months keep the month, and
// so does a range with a start of its own (من أول أبريل حتى نهاية يونيو is the
// second quarter) unless the start is the year's (من بداية العام حتى …).
func (c *ctx) yearToDate(prev *hit, h hit, v string) string {
	if h.mod != "END" || len(v) != 7 || !c.is(h.i-1, "حتي") {
		return v
	}
	if prev != nil && prev.j >= h.i-1 && !(prev.mod == "START" && len(prev.value) == 4) {
		return v
	}
	switch v[5:] {
	case "03":
		return v[:4] + "-Q1"
	case "06":
		return v[:4] + "-H1"
	case "12":
		return v[:4]
	}
	return v
}
