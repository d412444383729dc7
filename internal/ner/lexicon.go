package ner

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Names learned from unlabeled news. The word right after a typed head noun
// (نادي الفتح، صحيفه الاندبندنت، محافظه القطيف، الامير فيصل) is a name of
// the head's type — the seed rules of Collins & Singer (1999). Counted over
// all of SaudiNewsNet, a word becomes a name of type T when it follows
// T-heads at least lexMinCount times, in at least lexMinShare of all its
// occurrences and in lexPurity of its head occurrences. The share is the
// precision threshold that head-context statistics over every word lacked
// (EXPERIMENTS.md #48: common words follow heads too, جامعه الرياض);
// its level (under or over one half) is a feature. A second round that
// learns new contexts from these names found only noise (left words such
// as وافق، هبوب with a high share of known names), so there is one round.

// lexEntry is a mined name: its type bit and confidence level (1, 2).
type lexEntry struct {
	typ   uint8
	level uint8
}

// lexHeads are the seed head nouns, by type (search forms, with the
// article where the head carries it).
var lexHeads = map[string][]string{
	"ORG":  strings.Fields("نادي فريق صحيفه جريده وكاله شركه حزب حركه منظمه قناه مجله بنك مصرف"),
	"LOC":  strings.Fields("مدينه محافظه قريه ولايه عاصمه جزيره مقاطعه بلده"),
	"PERS": strings.Fields("اللاعب المدرب الرئيس الامير الشيخ السيد المهاجم الحارس الفنان"),
	"MISC": strings.Fields("بطوله مهرجان مسلسل فيلم عمله طائرات صواريخ"),
}

const (
	lexMinCount = 3
	lexMinShare = 0.2
	lexPurity   = 0.7
)

// MineLexicon finds typed names in docs (each a list of search-form
// tokens).
func MineLexicon(docs [][]string) map[string]lexEntry {
	ctx := map[string]uint8{}
	for t, hs := range lexHeads {
		for _, h := range hs {
			ctx[bare(h)] = typeBit(t)
		}
	}
	total := map[string]int{}
	after := map[string]*[4]int{}
	for _, d := range docs {
		prev := ""
		for _, w := range d {
			k := bare(w)
			total[k]++
			if t, ok := ctx[prev]; ok && isWordKey(k) {
				c := after[k]
				if c == nil {
					c = new([4]int)
					after[k] = c
				}
				c[bitIndex(t)]++
			}
			prev = k
		}
	}
	lex := map[string]lexEntry{}
	for w, c := range after {
		if _, head := ctx[w]; head {
			continue
		}
		best, sum := 0, 0
		for i, v := range c {
			sum += v
			if v > c[best] {
				best = i
			}
		}
		n := c[best]
		share := float64(n) / float64(total[w])
		if n < lexMinCount || share < lexMinShare || float64(n) < lexPurity*float64(sum) {
			continue
		}
		e := lexEntry{typ: 1 << best, level: 1}
		if share >= 0.5 {
			e.level = 2
		}
		lex[w] = e
	}
	return lex
}

func bitIndex(b uint8) int {
	for i := 0; i < 4; i++ {
		if b == 1<<i {
			return i
		}
	}
	return 0
}

// lexLines lists the lexicon as sorted "mask level word" lines, for the
// model file.
func lexLines(lex map[string]lexEntry) []string {
	out := make([]string, 0, len(lex))
	for w, e := range lex {
		out = append(out, fmt.Sprintf("%d %d %s", e.typ, e.level, w))
	}
	sort.Strings(out)
	return out
}

// parseLexLines is the inverse of lexLines.
func parseLexLines(lines []string) (map[string]lexEntry, error) {
	if len(lines) == 0 {
		return nil, nil
	}
	lex := make(map[string]lexEntry, len(lines))
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 {
			return nil, fmt.Errorf("lexicon line %q", l)
		}
		t, err1 := strconv.Atoi(f[0])
		lv, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || t <= 0 || t > 15 || lv < 1 || lv > 2 {
			return nil, fmt.Errorf("lexicon line %q", l)
		}
		lex[f[2]] = lexEntry{typ: uint8(t), level: uint8(lv)}
	}
	return lex, nil
}
