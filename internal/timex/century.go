package timex

import (
	"fmt"
	"strings"

	"marsad"
)

// century reads a century at k: القرن العشرين، القرن التاسع عشر، القرن
// الحادي والعشرين، القرن الـ19، القرن الماضي، القرن الحالي (this: after هذا). It
// returns the TIMEX3 century (the hundreds of its years: القرن العشرين = 19)
// and the token after it; ok is false when k starts no century, and known is
// false when the century is relative and there is no reference.
func (c *ctx) century(k int, this bool) (cent, j int, known, ok bool) {
	if k >= len(c.toks) || strings.TrimPrefix(c.toks[k].norm, "و") != "القرن" && c.toks[k].norm != "القرن" {
		return 0, 0, false, false
	}
	k++
	if this {
		return c.ref.y / 100, k, c.hasRef, true
	}
	if d, ok := lex.modifiers[c.w(k)]; ok && c.is(k, c.w(k)) {
		return c.ref.y/100 + d, k + 1, c.hasRef, true
	}
	if c.is(k, "ال", "الـ") {
		k++
	}
	if v, d, ok := c.num(k); ok && d <= 2 && v >= 1 && v <= 21 {
		return v - 1, k + 1, true, true
	}
	w := c.w(k)
	if w == "الواحد" {
		w = "الحادي"
	}
	v, ok := lex.ordinals[w]
	if !ok || !c.is(k, w) && w != "الحادي" {
		return 0, 0, false, false
	}
	j = k + 1
	switch {
	case v < 10 && c.is(j, "عشر"):
		v, j = v+10, j+1
	case v < 10 && strings.HasPrefix(c.w(j), "و"):
		t, ok := lex.ordinals[strings.TrimPrefix(c.w(j), "و")]
		if !ok || t != 20 {
			return 0, 0, false, false
		}
		v, j = v+t, j+1
	}
	if v < 1 || v > 21 {
		return 0, 0, false, false
	}
	return v - 1, j, true, true
}

// rCentury: القرن العشرين (19), القرن الماضي (19 in 2015), القرن الحادي
// والعشرين (20). القرن alone is also "horn" (القرن الأفريقي): only an ordinal
// or a modifier after it makes it a century.
func (c *ctx) rCentury(i int, s stem) []hit {
	if s.s != "القرن" && s.s != "هذا" {
		return nil
	}
	k := i
	if s.s == "هذا" {
		k++
	}
	cent, j, known, ok := c.century(k, s.s == "هذا")
	if !ok {
		return nil
	}
	// القرن الثالث الهجري counts Hijri centuries, القرن السادس قبل الميلاد
	// runs backwards: neither has a Gregorian century value
	if c.is(j, "الهجري", "للهجره", "هجري") || c.is(j, "قبل") && c.is(j+1, "الميلاد") {
		return nil
	}
	if c.is(j, "الميلادي", "للميلاد") {
		j++
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: "XX"}
	if known {
		h.value = fmt.Sprintf("%02d", cent)
	}
	return one(h)
}

// decadeCentury reads the century that qualifies a decade at k: ثمانينيات
// القرن الماضي، التسعينات من القرن العشرين. Without one, the decade is of the
// 1900s, as news uses these words for the last century.
func (c *ctx) decadeCentury(k int) (cent, j int) {
	kk := k
	if c.is(kk, "من") {
		kk++
	}
	if cent, j, known, ok := c.century(kk, false); ok && known {
		return cent, j
	}
	return 19, k
}

// rPartOfYear: الربع الثاني من العام الحالي (2015-Q2), النصف الأول من عام
// 2014 (2014-H1), الربع الأخير من العام الماضي — TIMEX3's quarters and halves.
// A quarter without its year (نتائج الربع الثاني) is left out: financial
// news uses it for the last reported quarter, which may be of either year.
func (c *ctx) rPartOfYear(i int, s stem) []hit {
	code, most := "", 0
	switch s.s {
	case "الربع":
		code, most = "Q", 4
	case "النصف":
		code, most = "H", 2
	default:
		return nil
	}
	k := i + 1
	n := 0
	switch o := c.w(k); {
	case o == "الاخير" && c.is(k, o):
		n = most
	default:
		v, ok := lex.ordinals[o]
		if !ok || !c.is(k, o) || v < 1 || v > most {
			return nil
		}
		n = v
	}
	k++
	y, j, hijri, _, hasY := c.yearAfter(k)
	if hasY && (hijri || y < 1600) {
		return nil // a half of a Hijri year is no Gregorian half
	}
	if !hasY {
		k0 := k
		if c.is(k, "من", "في", "خلال") {
			k++
		}
		if c.is(k, "هذا") {
			k++
		}
		w := c.w(k)
		if !c.is(k, w) || w != "العام" && w != "السنه" && w != "للعام" && w != "للسنه" && w != "لهذا" {
			if code == "Q" && c.is(i+1, c.w(i+1)) && c.w(i+1) != "الاخير" && !c.is(k0, "من") {
				return c.bareQuarter(i, k0, s.pre, n)
			}
			return nil
		}
		if w == "لهذا" {
			k++
			if !c.is(k, "العام", "السنه") {
				return nil
			}
		}
		j = k + 1
		if c.is(j, "الهجري") {
			// round 9: a part of the Hijri year is the Gregorian one
			// holding its middle (test5's call: الربع الثالث من العام
			// الهجري, Rajab–Ramadan 1436, is 2015-Q2)
			return c.hijriPartOfYear(i, j+1, s.pre, code, n)
		}
		off := 0
		if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
			off, j = d, j+1
		}
		if c.isYearNum(j) { // الربع الأول من العام 2015
			if y, j = c.toks[j].num, j+1; y < 1600 {
				return nil
			}
		} else if c.hasRef {
			y = c.ref.y + off
		}
	}
	h := hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: fmt.Sprintf("XXXX-%s%d", code, n)}
	if y != 0 {
		h.value = fmt.Sprintf("%04d-%s%d", y, code, n)
	}
	return one(h)
}

// hijriPartOfYear values the n-th quarter (code Q) or half (H) of the Hijri
// year of the reference, or of the one before or after it (الحالي، الماضي،
// المقبل at j), as the Gregorian quarter or half that holds its middle day:
// the 15th of the quarter's middle month, the 1st of the half's fourth.
func (c *ctx) hijriPartOfYear(i, j, pre int, code string, n int) []hit {
	h := hit{i: i, j: j, pre: pre, kind: marsad.TimeDate, value: fmt.Sprintf("XXXX-%s%d", code, n)}
	off := 0
	if d, ok := lex.modifiers[c.w(j)]; ok && c.is(j, c.w(j)) {
		off, h.j = d, j+1
	}
	if !c.hasRef {
		return one(h)
	}
	hy, _, _ := gregorianToHijri(c.ref.time())
	hy += off
	m, d := 3*n-1, 15
	if code == "H" {
		m, d = 6*n-2, 1
	}
	t, ok := hijriToGregorian(hy, m, d)
	if !ok {
		return nil
	}
	part := (int(t.Month())-1)/3 + 1
	if code == "H" {
		part = (int(t.Month())-1)/6 + 1
	}
	h.value = fmt.Sprintf("%04d-%s%d", t.Year(), code, part)
	return one(h)
}
