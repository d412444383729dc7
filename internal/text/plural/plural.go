// Package plural writes a count with its noun the way Arabic grammar
// agrees them: a singular with "one" after it for 1, the dual for 2, the
// plural for 3 to 10, and the singular (as a tamyiz) from 11 on — by the
// last two digits, so 103 takes the plural and 111 the singular, as
// CLDR's Arabic plural rules have it. Interface labels such as "3 مقالات"
// and "11 مقالة" come from here, never from a fixed "%d مقالات".
package plural

import "strconv"

// Noun is one noun's forms. One is the singular (مقالة); Dual the dual in
// the nominative (مقالتان); Plural the plural (مقالات); Tamyiz the
// accusative singular used after 11–99 when it differs in writing from
// One (حرفاً after حرف); Feminine picks واحدة over واحد for a count of one.
type Noun struct {
	One, Dual, Plural, Tamyiz string
	Feminine                  bool
}

// Count returns n with the noun in the form Arabic uses after it, with
// Western digits (the interface's digits elsewhere). Zero takes the plural:
// "0 مقالات" reads as "no articles" in a list heading.
func (w Noun) Count(n int) string {
	switch form(n) {
	case one:
		if w.Feminine {
			return w.One + " واحدة"
		}
		return w.One + " واحد"
	case two:
		return w.Dual
	case few:
		return strconv.Itoa(n) + " " + w.Plural
	case many:
		if w.Tamyiz != "" {
			return strconv.Itoa(n) + " " + w.Tamyiz
		}
	}
	return strconv.Itoa(n) + " " + w.One
}

type category int

const (
	other category = iota // 100, 101, 102, 200 …: singular in the genitive
	one
	two
	few  // n % 100 in 3..10: plural
	many // n % 100 in 11..99: accusative singular
)

// form is CLDR's Arabic cardinal plural category of n (negative counts
// are treated as their absolute value).
func form(n int) category {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 0:
		return few // the plural, see Count
	case n == 1:
		return one
	case n == 2:
		return two
	}
	switch r := n % 100; {
	case r >= 3 && r <= 10:
		return few
	case r >= 11:
		return many
	}
	return other
}
