package compare

import (
	_ "embed"
	"strconv"
	"strings"

	"marsad/internal/text/normalize"
)

//go:embed data/numbers.txt
var numbersData string

//go:embed data/tolls.txt
var tollsData string

// numWord is an Arabic number word: its value, and whether it multiplies
// the number before it (ألف، مليون، مليار).
type numWord struct {
	val  float64
	mult bool
}

func (l *lexicon) readNumbers() error {
	l.numWords = map[string]numWord{}
	l.approx = map[string]string{}
	for _, line := range strings.Split(numbersData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return errorf("numbers: bad line %q", line)
		}
		switch f[0] {
		case "~", ">", "<":
			l.approx[normalize.Search(f[1])] = f[0]
			continue
		}
		v := strings.TrimSuffix(f[1], "*")
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return errorf("numbers: %q: %v", line, err)
		}
		l.numWords[normalize.Search(f[0])] = numWord{val: x, mult: strings.HasSuffix(f[1], "*")}
	}
	l.tolls, l.tollMarks = map[string]string{}, map[string]string{}
	for _, line := range strings.Split(tollsData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return errorf("tolls: bad line %q", line)
		}
		switch f[0] {
		case "dead", "injured":
			if len(f) != 2 {
				return errorf("tolls: bad line %q", line)
			}
			l.tolls[normalize.Search(f[1])] = f[0]
		case "total", "range", "tentative", "vague", "since", "part":
			if len(f) > 3 {
				return errorf("tolls: bad line %q", line)
			}
			l.tollMarks[normalize.Search(strings.Join(f[1:], " "))] = f[0]
		default:
			return errorf("tolls: bad line %q", line)
		}
	}
	return nil
}

// ParseNumber reads a number written in digits (ASCII, Arabic-Indic or
// Persian, with the separators ٫ ٬ , .) and returns its value. Thousands
// separators are told from decimal points by position: "1,500" is 1500,
// "1.5" is 1.5, "٢٬٠٠٠" is 2000, "١٫٥" is 1.5.
func ParseNumber(s string) (float64, bool) {
	var b strings.Builder
	groups := 0
	sawDigit := false
	for i, r := range s {
		if d, ok := normalize.Digit(r); ok {
			b.WriteByte(byte('0' + d))
			sawDigit = true
			continue
		}
		switch r {
		case '٫':
			b.WriteByte('.')
		case '٬':
			groups++
		case ',', '.':
			// A separator followed by exactly three digits and then the end
			// or another separator groups thousands; otherwise it is a
			// decimal point. ("." before three digits is ambiguous; Arabic
			// news writes 1.500 rarely, 1.5 often: only "," groups then.)
			rest := s[i+1:]
			if r == ',' && threeDigitGroup(rest) {
				groups++
				continue
			}
			b.WriteByte('.')
		default:
			return 0, false
		}
	}
	if !sawDigit {
		return 0, false
	}
	x, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, false
	}
	return x, true
}

func threeDigitGroup(s string) bool {
	n := 0
	for _, r := range s {
		if _, ok := normalize.Digit(r); ok {
			n++
			continue
		}
		break
	}
	return n == 3
}
