package timex

import (
	"strings"

	"marsad"
)

// Rules of round 10 (testdata/README.md, Round 10), from the pooled
// first-contact errors of test6–test9, sized on SaudiNewsNet.

func init() {
	grammar = append(grammar, (*ctx).rLastingUnit, (*ctx).rLately, (*ctx).rAtTheTime)
	startWords["اخيرا"] = true
	startWords["حج"] = true // حج هذا العام (rHajjSeason)
}

// finallyVerbs begin the verbs after which أخيراً is "at last" (search forms).
var finallyVerbs = []string{"نجح", "ينجح", "تنجح", "تمكن", "يتمكن", "استطاع", "يستطيع", "تستطيع", "توصل", "يتوصل", "التوصل",
	"اضطر", "يضطر", "رضخ", "سمح", "يسمح", "تسمح", "وافق", "يوافق", "حقق", "يحقق", "تحقق"}

// rLately: a bare أخيراً after a word of its clause is "recently" in the
// Saudi press (نشر أخيرا، أعلنت أخيرا، الصادرة أخيرا: about three in four
// of 40 corpus uses read), TIMEX3 PAST_REF like مؤخراً; وأخيراً and a
// أخيراً opening a clause or after أولاً are "finally", an enumeration's
// last item, and stay out.
func (c *ctx) rLately(i int, s stem) []hit {
	if s.pre != 0 || !c.is(i, "اخيرا") || i == 0 || !c.toks[i-1].word || c.is(i-1, "اولا", "و") {
		return nil
	}
	// "at last" after a verb of success, ability, permission or compulsion
	// (نجح مهندس أخيرا، سيسمح أخيرا، اضطر أخيرا، استطاع … أخيرًا) or a negation
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := strings.TrimPrefix(strings.TrimPrefix(c.w(k), "و"), "ف")
		if w == "لم" || w == "لن" {
			return nil
		}
		for _, v := range finallyVerbs {
			if strings.HasPrefix(w, v) || strings.HasPrefix(w, "س"+v) || strings.HasPrefix(w, "ل"+v) {
				return nil
			}
		}
	}
	return one(hit{i: i, j: i + 1, kind: marsad.TimeDate, value: "PAST_REF"})
}

// lastingVerbs govern a stretch of time as their object: تستمر أسبوعا "lasts a
// week", قضى يوما "spent a day". Search forms, without و/ف.
var lastingVerbs = map[string]bool{
	"استمر": true, "استمرت": true, "يستمر": true, "تستمر": true,
	"دام": true, "دامت": true, "يدوم": true, "تدوم": true,
	"امتد": true, "امتدت": true, "يمتد": true, "تمتد": true,
	"استغرق": true, "استغرقت": true, "يستغرق": true, "تستغرق": true,
	"مكث": true, "مكثت": true, "يمكث": true, "تمكث": true,
	"قضي": true, "قضت": true, "يقضي": true, "تقضي": true, "قضيت": true, "قضينا": true,
}

// rLastingUnit: a bare singular accusative unit after a verb of lasting is a
// duration of one unit (الدورة التي تستمر أسبوعا → P1W); TIMEX3 annotates
// the stretch whatever the tense. A bare يوماً elsewhere is "per day" or an
// adverb (يوماً ما) and stays out.
func (c *ctx) rLastingUnit(i int, s stem) []hit {
	if s.pre != 0 || !c.is(i, "يوما", "اسبوعا", "شهرا", "عاما") {
		return nil
	}
	un := lex.units[s.s]
	prev := strings.TrimPrefix(strings.TrimPrefix(c.w(i-1), "و"), "ف")
	if p := strings.TrimPrefix(prev, "س"); p != prev && (strings.HasPrefix(p, "ي") || strings.HasPrefix(p, "ت")) {
		prev = p // سيستمر، ستستغرق
	}
	if !lastingVerbs[prev] || !c.is(i-1, c.w(i-1)) || c.is(i+1, "ما") {
		return nil
	}
	j := i + 1
	if c.is(j, "واحدا", "كاملا") {
		j++ // استمر يوماً واحداً
	}
	return one(hit{i: i, j: j, kind: marsad.TimeDuration, value: "P1" + un.code})
}

// rAtTheTime: في حينه "at the time" in a past clause is PAST_REF like حينها
// (test6 and test7 each lost one at first contact; 85 uses in SaudiNewsNet,
// most of them past). In a clause about what is to be done it is "in due
// course" (سيتم الرد عليها في حينه، ليتم ضبطها في حينه) and stays out.
func (c *ctx) rAtTheTime(i int, s stem) []hit {
	if s.s != "في" || !c.is(i+1, "حينه") || c.futureContext(i) {
		return nil
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if c.toks[k+1].brk || c.is(k, ".", "،", ",") {
			break
		}
		w := strings.TrimPrefix(strings.TrimPrefix(c.w(k), "و"), "ف")
		if w == "يتم" || w == "تتم" || w == "ان" || w == "لكي" || len([]rune(w)) > 3 && (strings.HasPrefix(w, "لي") || strings.HasPrefix(w, "لت")) {
			return nil
		}
	}
	return one(hit{i: i, j: i + 2, pre: s.pre, kind: marsad.TimeDate, value: "PAST_REF"})
}
