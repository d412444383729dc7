package timex

import (
	"fmt"
	"regexp"
	"strings"

	"marsad"
)

// Rules of round 3 (testdata/README.md): the same period a year before
// (الفترة نفسها من العام الماضي), coordinated weekdays (يومي الجمعة والسبت),
// a month or day with a relative year (سبتمبر من العام الماضي), the part of a
// named day carried to a clock time after it, a Hijri year without its
// suffix after a name (مهرجان صيف الباحة ١٤٣٦).

// samePeriodUnit: the units that name a period of a year in a same-period
// anaphor (M a month, Q a quarter, H a half).
var samePeriodUnit = map[string]byte{"الشهر": 'M', "الربع": 'Q', "النصف": 'H'}

// sameUnitAdj: the masculine adjectives of samePeriodAdj (الشهر المماثل).
var sameUnitAdj = map[string]bool{"نفسه": true, "ذاته": true, "المماثل": true, "المقابل": true, "المناظر": true}

// samePeriodAdj make الفترة an anaphor: الفترة نفسها، الفترة المماثلة.
var samePeriodAdj = map[string]bool{
	"نفسها": true, "ذاتها": true, "المماثله": true, "المقابله": true, "المناظره": true, "ذاتها،": true,
}

// rSamePeriod: الفترة نفسها من العام الماضي، نفس الفترة من العام السابق،
// الفترة المماثلة من عام 2014. Economic news compares a quarter, half or
// month with the same one a year before; the value is the period named last
// before the anaphor (2015-Q2) moved to the year the anaphor names
// (2014-Q2), or that year when no period was named (resolveSame).
func (c *ctx) rSamePeriod(i int, s stem) []hit {
	k := i
	if s.s == "الفتره" && c.is(i+1, "الصباحيه", "المسائيه") {
		// في الفترة الصباحية: the morning of the day named last (an
		// anaphoric day, resolved as اليوم نفسه)
		return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, ana: 'D'})
	}
	var unit byte // the kind of period the anaphor takes over; 0: any
	switch {
	case s.s == "الفتره" && samePeriodAdj[c.w(i+1)] && c.is(i+1, c.w(i+1)):
		k = i + 2
	case (s.s == "نفس" || s.s == "ذات") && c.is(i+1, "الفتره"):
		k = i + 2
	// round 7: نفس الشهر من العام الماضي، للشهر المقابل من العام الماضي،
	// الربع المماثل من العام السابق — the same with a named unit
	case (s.s == "نفس" || s.s == "ذات") && samePeriodUnit[c.w(i+1)] != 0 && c.is(i+1, c.w(i+1)):
		unit, k = samePeriodUnit[c.w(i+1)], i+2
	case samePeriodUnit[s.s] != 0 && sameUnitAdj[c.w(i+1)] && c.is(i+1, c.w(i+1)):
		unit, k = samePeriodUnit[s.s], i+2
	default:
		return nil
	}
	switch {
	case c.is(k, "من"):
		k++
	case c.is(k, "لعام", "للعام", "لسنه"):
		// الفترة ذاتها لعام 2014 (round 7)
	default:
		// خلال الفترة نفسها: the period named last itself (round 7)
		if s.s == "الفتره" && sameWords[c.w(i+1)] {
			return one(hit{i: i, j: k, pre: s.pre, kind: marsad.TimeDate, ana: 'S'})
		}
		return nil
	}
	var year string
	var j int
	if y, j2, hijri, _, ok := c.yearAfter(k); ok && !hijri {
		year, j = fmt.Sprintf("%04d", y), j2
	} else if c.is(k, "العام", "السنه") && c.is(k+1, "السابق", "السابقه") && c.hasRef {
		// الفترة المماثلة من العام السابق: the year before the reference's
		// (round 7; السابق is otherwise a step from the year named last)
		year, j = fmt.Sprintf("%04d", c.ref.y-1), k+2
	} else {
		w := c.w(k)
		if w == "للعام" {
			w = "العام"
		}
		h := c.rRelUnit(k, stem{w, 0})
		if len(h) != 1 || len(h[0].value) != 4 || !allDigits(h[0].value) {
			return nil
		}
		year, j = h[0].value, h[0].j
	}
	return one(hit{i: i, j: j, pre: s.pre, kind: marsad.TimeDate, value: year, ana: 'P', perUnit: unit})
}

// periodValue matches the values a same-period anaphor can take over: a
// quarter, half, month, week or season of a year.
var periodValue = regexp.MustCompile(`^\d{4}-(Q[1-4]|H[12]|\d\d|W\d\d|SU|WI|SP|FA)$`)

// relYearAfter reads a year given relative to the reference after a month
// or a day of a month: (من) العام الماضي، من العام المقبل، من هذا العام.
func (c *ctx) relYearAfter(j int) (int, int, bool) {
	if !c.hasRef {
		return 0, j, false
	}
	k := j
	if c.is(k, "من") {
		k++
	}
	this := c.is(k, "هذا")
	if this {
		k++
	}
	if !c.is(k, "العام", "السنه") {
		return 0, j, false
	}
	k++
	if this {
		return c.ref.y, k, true
	}
	d, ok := lex.modifiers[c.w(k)]
	if !ok || !c.is(k, c.w(k)) {
		return 0, j, false
	}
	if _, step := stepWords[c.w(k)]; step {
		return 0, j, false // العام السابق: the year before the one named, not before ref
	}
	return c.ref.y + d, k + 1, true
}

// pairMods follow two coordinated weekdays: الأحد والاثنين الماضيين.
var pairMods = map[string]int{
	"الماضيين": -1, "المنصرمين": -1, "الفائتين": -1, "السابقين": -1,
	"المقبلين": 1, "القادمين": 1,
}

// coordWeekday extends a weekday hit h (ISO weekday wd, ending at token j)
// with a second weekday joined by و: يومي الجمعة والسبت، الأحد والاثنين
// الماضيين. The second is the first such day after the first one; a plural
// modifier after the pair sets the direction of both.
func (c *ctx) coordWeekday(h hit, wd int) []hit {
	j := h.j
	if j >= len(c.toks) || c.toks[j].brk || !c.toks[j].word {
		return nil
	}
	w := c.toks[j].norm
	if !strings.HasPrefix(w, "و") {
		return nil
	}
	wd2, ok := lex.weekdays[strings.TrimPrefix(w, "و")]
	if !ok || wd2 == wd {
		return nil
	}
	delta := (wd2 - wd + 7) % 7
	second := hit{i: j, j: j + 1, pre: len("و"), kind: marsad.TimeDate}
	if dir, ok := pairMods[c.w(j+1)]; ok && c.is(j+1, c.w(j+1)) {
		second.j++
		if c.hasRef {
			if dir < 0 {
				second.day = weekdayNear(c.ref, wd2, -1)
				h.day = second.day.add(-delta)
			} else {
				h.day = weekdayNear(c.ref, wd, 1)
				second.day = h.day.add(delta)
			}
			h.value = h.day.value()
		}
	} else if c.hasRef {
		second.day = h.day.add(delta)
	}
	if !c.hasRef {
		second.value = fmt.Sprintf("XXXX-WXX-%d", wd2)
		return []hit{h, second}
	}
	second.hasDay = true
	second.value = second.day.value()
	return []hit{h, second}
}

// hijriAfterName: a four-digit number of the present Hijri century after a
// name, with no suffix, is the Hijri year of an event (أبها يجمعنا 1436،
// مهرجان صيف الباحة ١٤٣٦، موسم 1436). Counts (1420 حالة) and numbers after
// quantity words are not.
func (c *ctx) hijriAfterName(k int) bool {
	y := c.toks[k].num
	if y < 1410 || y > 1450 || k == 0 || c.toks[k].brk {
		return false
	}
	p := c.toks[k-1]
	if !p.word || quantityBefore[strings.TrimPrefix(p.norm, "و")] || measureNouns[p.norm] {
		return false
	}
	switch strings.TrimPrefix(p.norm, "و") {
	case "في", "من", "الي", "علي", "عن", "حتي", "بعد", "قبل", "منذ", "مع", "بين", "او", "ب", "ل", "الساعه", "لاعاده", "مقتل", "اصابه":
		return false
	}
	if k+1 < len(c.toks) && c.toks[k+1].word && !c.toks[k+1].brk && c.countNoun(k+1) {
		return false
	}
	// 1436-1437هـ، 1436 1437ه: an academic or electoral year of two years
	if c.isYearNum(k+1) || c.is(k+1, "-", "–", "/") && c.isYearNum(k+2) {
		return false
	}
	switch p.norm {
	case "الدراسي", "الجامعي", "المالي", "التدريبي":
		return false
	}
	return true
}

// yearBefore says whether a year number stands in the sentence before token
// i (within 15 tokens): هذه الفترة after "بين 2005 و2009" is that stretch,
// not the present.
func (c *ctx) yearBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-15; k-- {
		if c.toks[k].norm == "." || c.toks[k+1].brk {
			return false
		}
		if c.isYearNum(k) {
			return true
		}
	}
	return false
}

// superlatives open the financial idiom "the highest in a month": أعلى
// مستوى في شهر، أول تراجع يومي في أسبوع، أفضل مكاسب في عام.
var superlatives = map[string]bool{
	"اعلي": true, "ادني": true, "افضل": true, "اسوا": true, "اكبر": true, "اصغر": true, "اقوي": true,
	"اضعف": true, "اطول": true, "اقصر": true, "اول": true, "اسرع": true, "اعنف": true, "اشد": true,
	"باعلي": true, "بادني": true, "باكبر": true, "بافضل": true, "باسوا": true, "باول": true,
}

// rInPeriod: في + a singular unit after a superlative is a duration (P1M),
// TimeML's "in a month"; في شهر رمضان، في عام 2015 name the unit instead.
func (c *ctx) rInPeriod(i int, s stem) []hit {
	if s.s != "في" || s.pre != 0 {
		return nil
	}
	k := i + 1
	un, ok := lex.units[c.w(k)]
	if !ok || un.count != 1 || un.code == "D" || un.code == "S" || !c.is(k, c.w(k)) || c.namesUnit(k+1) {
		return nil
	}
	if _, ok := lex.modifiers[c.w(k+1)]; ok {
		return nil
	}
	for p := i - 1; p >= 0 && p >= i-6; p-- {
		if c.toks[p+1].brk || !c.toks[p].word {
			return nil
		}
		if superlatives[strings.TrimPrefix(c.toks[p].norm, "و")] {
			return one(hit{i: k, j: k + 1, kind: marsad.TimeDuration, value: durValue("1", un.code)})
		}
	}
	return nil
}

// eidDayOrdinals count the days of an Eid: أول أيام العيد، ثاني أيام عيد الفطر.
var eidDayOrdinals = map[string]int{"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4}

// rEidDay: أول أيام عيد الفطر المبارك، ثاني أيام العيد. A bare العيد is the
// Eid (al-Fitr or al-Adha) nearest to the reference.
func (c *ctx) rEidDay(i int, s stem) []hit {
	n, ok := eidDayOrdinals[s.s]
	if !ok || !c.is(i+1, "ايام") {
		return nil
	}
	k := i + 2
	var cands [][2]int // Hijri month and day of the Eids the words allow
	switch {
	case c.is(k, "عيد") && c.is(k+1, "الفطر"):
		cands, k = [][2]int{{10, 1}}, k+2
	case c.is(k, "عيد") && c.is(k+1, "الاضحي"):
		cands, k = [][2]int{{12, 10}}, k+2
	case c.is(k, "العيد"):
		cands, k = [][2]int{{10, 1}, {12, 10}}, k+1
	default:
		return nil
	}
	if c.is(k, "المبارك", "السعيد") {
		k++
	}
	return c.eidHit(i, k, s.pre, n, cands)
}

// eidHit is the n-th day of the Eid among cands nearest to the reference,
// over tokens [i, k).
func (c *ctx) eidHit(i, k, pre, n int, cands [][2]int) []hit {
	h := hit{i: i, j: k, pre: pre, kind: marsad.TimeDate, value: "XXXX-XX-XX"}
	if !c.hasRef {
		return one(h)
	}
	best, bestGap := day{}, -1
	for _, e := range cands {
		hy, ok := hijriNear(c.ref, e[0], e[1], 0)
		if !ok {
			continue
		}
		t, ok := hijriToGregorian(hy, e[0], e[1])
		if !ok {
			continue
		}
		d := dayOf(t)
		gap := int(c.ref.time().Sub(d.time()).Hours() / 24)
		if gap < 0 {
			gap = -gap
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = d, gap
		}
	}
	if bestGap < 0 {
		return nil
	}
	h.day, h.hasDay = best.add(n-1), true
	h.value = h.day.value()
	h.nthBase = n
	return one(h)
}

// clauseEnd: token j closes a clause — punctuation, a line break or the end.
func (c *ctx) clauseEnd(j int) bool {
	if j >= len(c.toks) || c.toks[j].brk {
		return true
	}
	switch c.toks[j].norm {
	case ".", "،", ",", "؛", ";", ":", "!", "؟", "?", ")", "»", "\"", "”":
		return true
	}
	return false
}
