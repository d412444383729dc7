package timex

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"marsad/internal/dataset"
)

// wojoodSentence is one sentence of the Wojood sample with its DATE and TIME
// spans as byte ranges into the sentence joined with spaces.
type wojoodSentence struct {
	text  string
	spans [][2]int
	types []string
}

// readWojood reads Wojood's nested IOB format (token, then one or more tags)
// and keeps the outermost DATE and TIME spans.
func readWojood(path string) ([]wojoodSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []wojoodSentence
	var cur wojoodSentence
	var b strings.Builder
	open := map[string]int{}
	flush := func() {
		for typ, st := range open {
			cur.spans = append(cur.spans, [2]int{st, b.Len()})
			cur.types = append(cur.types, typ)
		}
		open = map[string]int{}
		if b.Len() > 0 {
			cur.text = b.String()
			out = append(out, cur)
		}
		cur = wojoodSentence{}
		b.Reset()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		tags := map[string]string{}
		for _, t := range f[1:] {
			if len(t) > 2 && (t[2:] == "DATE" || t[2:] == "TIME") {
				tags[t[2:]] = t[:1]
			}
		}
		end := b.Len()
		for typ, st := range open {
			if tags[typ] != "I" {
				cur.spans = append(cur.spans, [2]int{st, end})
				cur.types = append(cur.types, typ)
				delete(open, typ)
			}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for typ, bi := range tags {
			if bi == "B" {
				open[typ] = b.Len()
			}
		}
		b.WriteString(f[0])
	}
	flush()
	return out, sc.Err()
}

// TestWojoodRecall measures span recall of Wojood's DATE and TIME
// annotations (its guidelines also mark ages and bare numbers of years, so
// recall, not precision, is the comparable figure). No reference date:
// Wojood sentences have none.
func TestWojoodRecall(t *testing.T) {
	dir, err := dataset.Dir("wojood-sample")
	if err != nil {
		t.Fatal(err)
	}
	var gold, found int
	var missed []string
	for _, name := range []string{"wojood_sample_train.txt", "wojood_sample_val.txt"} {
		ss, err := readWojood(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			pred := Extract(s.text, time.Time{}, false)
			for _, sp := range s.spans {
				gold++
				ok := false
				for _, p := range pred {
					if p.Start < sp[1] && sp[0] < p.End {
						ok = true
						break
					}
				}
				if ok {
					found++
				} else {
					missed = append(missed, s.text[sp[0]:sp[1]])
				}
			}
		}
	}
	r := float64(found) / float64(gold)
	t.Logf("Wojood DATE+TIME span recall %.3f (%d of %d)", r, found, gold)
	if testing.Verbose() && os.Getenv("TIMEX_SHOW_MISSED") != "" {
		for _, m := range missed {
			t.Logf("  missed %q", m)
		}
	}
	// measured 0.915 (593 of 648) on train+val in round 1, 0.946 (613) in
	// round 2 (bracketed year pairs, (1343) هجري, a year after an ordinal),
	// 0.948 in round 3, 0.952 (617) in round 4 (the rest of a unit, Gulf and
	// Levantine هاي السنة، السنة الجاية)
	if r < 0.94 {
		t.Errorf("Wojood span recall %.3f below floor 0.94", r)
	}
}
