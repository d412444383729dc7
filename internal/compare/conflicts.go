package compare

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"marsad"
	"marsad/internal/text/normalize"
)

// conflictEdge says that two spans of two articles give one fact
// incompatibly. Edges about the same fact are merged into one Conflict.
type conflictEdge struct {
	kind  string // what the fact is: "num:<head>", "date", "duration", "desc:<speaker>", "said:<word>"
	about string
	a, b  marsad.Evidence
	score float64
}

func (s *story) conflicts(groups []*group) []marsad.Conflict {
	var edges []conflictEdge
	pairs := s.relatedPairs(groups)
	for _, p := range pairs {
		edges = append(edges, s.numberConflicts(p[0], p[1])...)
		edges = append(edges, s.timeConflicts(p[0], p[1])...)
	}
	edges = append(edges, s.tollConflicts(pairs)...)
	edges = append(edges, s.descriptorConflicts()...)
	edges = append(edges, s.quoteConflicts()...)
	_, evEdges := s.eventClaims()
	edges = append(edges, evEdges...)
	return mergeConflicts(edges)
}

// relatedPairs are the cross-article sentence pairs close enough to be
// about the same fact: in one agreement group, or similar above relatedSim.
func (s *story) relatedPairs(groups []*group) [][2]int {
	seen := map[[2]int]bool{}
	var out [][2]int
	add := func(i, j int) {
		if s.units[i].art == s.units[j].art {
			return
		}
		if i > j {
			i, j = j, i
		}
		k := [2]int{i, j}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, g := range groups {
		if g.nArts < 2 {
			continue
		}
		for _, i := range g.units {
			for _, j := range g.units {
				add(i, j)
			}
		}
	}
	for i := range s.units {
		for j := i + 1; j < len(s.units); j++ {
			if s.units[i].art != s.units[j].art && sim(s.units[i], s.units[j]) >= relatedSim {
				add(i, j)
			}
		}
	}
	return out
}

// artHasNum reports whether article ai states this quantity of this head
// anywhere: then a different number beside it is another fact (a part, a
// total), not a contradiction.
func (s *story) artHasNum(ai int, head string, v float64) bool {
	for _, ui := range s.byArt[ai] {
		for _, n := range s.units[ui].nums {
			if n.head == head && compatible(n.val, v, false) {
				return true
			}
		}
	}
	return false
}

func (s *story) numberConflicts(i, j int) []conflictEdge {
	u, v := s.units[i], s.units[j]
	var out []conflictEdge
	for _, f := range u.nums {
		if f.head == "" || s.artHasNum(v.art, f.head, f.val) {
			continue
		}
		for _, g := range v.nums {
			if g.head != f.head || (f.toll != "" && g.toll != "") || factsCompatible(f, g) || s.artHasNum(u.art, g.head, g.val) {
				continue // two tolls are tollConflicts' to compare
			}
			ea, eb := s.spanEvidence(u.art, f.span), s.spanEvidence(v.art, g.span)
			out = append(out, conflictEdge{kind: "num:" + f.head, about: "أرقام مختلفة: " + ea.Text + " / " + eb.Text, a: ea, b: eb, score: 2 + sim(u, v)})
		}
	}
	return out
}

// tollConflicts compares the casualty tolls of different articles. A
// story is one event, so two outlets giving its dead or injured different
// counts contradict each other even when their sentences share little else
// ("استشهاد 12 من منسوبي القوات" against "عشرة من منسوبي قوات الطوارئ
// استشهدوا"). Two figures are compared when they count the same group (the
// same head noun) or are both a sentence's total: its stated total
// (إجمالي الوفيات 13), the sum of figures added to one another (12 من
// منسوبي القوات إضافة إلى ثلاثة من العاملين: 15), or its only figure. As
// with other numbers, an article that states the other's figure anywhere
// (an update, a part) does not contradict it; a figure its outlet gives as
// provisional, earlier or a range is compared with nothing.
//
// Articles also recall the tolls of earlier events (40 ألف شخص since
// 1984, the last attack's dead) or report a second incident (وفي حادثة
// منفصلة … وأصيب ثمانية جنود), so each article's first tally of a kind (the
// story's own event comes first in news writing) is compared with the
// other articles' first, and later tallies only with later ones in related
// sentences (pairs).
func (s *story) tollConflicts(pairs [][2]int) []conflictEdge {
	related := map[[2]int]bool{}
	for _, p := range pairs {
		related[p] = true
	}
	type tally struct {
		unit  int
		toll  string
		figs  []numFact // the sentence's firm figures of this toll
		total numFact   // its total; val < 0 when it has none
		lead  bool      // the first tally of this toll in its article
	}
	var tallies []tally
	leads := map[[2]any]bool{}
	has := map[[2]int]map[string]bool{} // (article, value) → tolls stated
	for ui, u := range s.units {
		for _, toll := range []string{"dead", "injured"} {
			t := tally{unit: ui, toll: toll, total: numFact{val: -1}}
			var chain []numFact
			for _, f := range u.nums {
				if f.toll != toll || f.tentative {
					continue
				}
				t.figs = append(t.figs, f)
				k := [2]int{u.art, int(math.Round(f.val))}
				if has[k] == nil {
					has[k] = map[string]bool{}
				}
				has[k][toll] = true
				if !f.added {
					chain = chain[:0]
				}
				chain = append(chain, f)
				if f.total {
					t.total = f
				}
			}
			if len(t.figs) == 0 {
				continue
			}
			t.lead = !leads[[2]any{u.art, toll}]
			leads[[2]any{u.art, toll}] = true
			if t.total.val < 0 && len(chain) == len(t.figs) {
				t.total = sumFacts(chain)
				k := [2]int{u.art, int(math.Round(t.total.val))}
				if has[k] == nil {
					has[k] = map[string]bool{}
				}
				has[k][toll] = true
			}
			tallies = append(tallies, t)
		}
	}
	stated := func(art int, toll string, v float64) bool {
		return v == math.Round(v) && has[[2]int{art, int(v)}][toll]
	}
	differ := func(a, b numFact, ua, ub *unit, toll string) bool {
		return !factsCompatible(a, b) && !stated(ub.art, toll, a.val) && !stated(ua.art, toll, b.val)
	}
	var out []conflictEdge
	edge := func(u, v *unit, toll string, f, g numFact) {
		ea, eb := s.spanEvidence(u.art, f.span), s.spanEvidence(v.art, g.span)
		what := "أعداد القتلى مختلفة: "
		if toll == "injured" {
			what = "أعداد المصابين مختلفة: "
		}
		// The description gives the figures, one per value: the variants
		// carry each outlet's wording ("24" and "24 جريحاً" are one value).
		out = append(out, conflictEdge{kind: "toll:" + toll, about: what + tollValue(f) + " / " + tollValue(g), a: ea, b: eb, score: 2.5 + sim(u, v)})
	}
	// Each tally is compared, in each other article, with the one tally
	// its sentence is closest to: a story's articles often report a second,
	// smaller incident too (وفي حادثة منفصلة … وجرح أربعة آخرون), whose
	// count is not the main one's.
	best := map[[2]int]int{} // (tally, article) → tally
	for x, a := range tallies {
		for y, b := range tallies {
			u, v := s.units[a.unit], s.units[b.unit]
			if u.art == v.art || a.toll != b.toll || a.lead != b.lead || !a.lead && !related[[2]int{min(a.unit, b.unit), max(a.unit, b.unit)}] {
				continue
			}
			k := [2]int{x, v.art}
			if z, ok := best[k]; !ok || sim(u, v) > sim(u, s.units[tallies[z].unit]) {
				best[k] = y
			}
		}
	}
	keys := make([][2]int, 0, len(best))
	for k := range best {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	done := map[[2]int]bool{}
	for _, k := range keys {
		x, y := k[0], best[k]
		if done[[2]int{min(x, y), max(x, y)}] {
			continue
		}
		done[[2]int{min(x, y), max(x, y)}] = true
		a, b := tallies[x], tallies[y]
		u, v := s.units[a.unit], s.units[b.unit]
		byHead := false
		for _, f := range a.figs {
			for _, g := range b.figs {
				if f.head != "" && f.head == g.head && !f.total && !g.total && differ(f, g, u, v, a.toll) {
					edge(u, v, a.toll, f, g)
					byHead = true
				}
			}
		}
		if !byHead && a.total.val >= 0 && b.total.val >= 0 && differ(a.total, b.total, u, v, a.toll) {
			edge(u, v, a.toll, a.total, b.total)
		}
	}
	return out
}

// tollValue writes a toll figure for a conflict's description, in Arabic
// words for its kind: نحو 17، أكثر من 20، 15.
func tollValue(f numFact) string {
	v := strconv.FormatFloat(f.val, 'f', -1, 64)
	switch {
	case f.bound == ">":
		return "أكثر من " + v
	case f.bound == "<":
		return "أقل من " + v
	case f.approx:
		return "نحو " + v
	}
	return v
}

// sumFacts is the figure that figures added to one another make, spanning
// them all; it is approximate if one of them is.
func sumFacts(chain []numFact) numFact {
	sum := chain[0]
	for _, f := range chain[1:] {
		sum.val += f.val
		sum.approx = sum.approx || f.approx
		sum.span.End = f.span.End
		if f.bound != "" {
			sum.bound = f.bound
		}
	}
	return sum
}

func (s *story) timeConflicts(i, j int) []conflictEdge {
	u, v := s.units[i], s.units[j]
	A, B := s.arts[u.art], s.arts[v.art]
	var out []conflictEdge
	for _, ti := range u.times {
		x := A.Times[ti]
		for _, tj := range v.times {
			y := B.Times[tj]
			if x.Kind != y.Kind {
				continue
			}
			var kind, about string
			switch x.Kind {
			case marsad.TimeDate:
				// Only days: a month and a day in it do not contradict.
				if len(x.Value) != len("2006-01-02") || len(y.Value) != len(x.Value) || x.Value == y.Value ||
					s.artHasTime(v.art, x) || s.artHasTime(u.art, y) || deicticNeighbours(x, y) {
					continue
				}
				kind, about = "date", "تاريخ مختلف: "
			case marsad.TimeDuration:
				dx, okx := durationSeconds(x.Value)
				dy, oky := durationSeconds(y.Value)
				if !okx || !oky || compatible(dx, dy, x.Mod != "" || y.Mod != "") || s.artHasTime(v.art, x) || s.artHasTime(u.art, y) {
					continue
				}
				kind, about = "duration", "مدة مختلفة: "
			default:
				continue
			}
			ea := s.spanEvidence(u.art, marsad.Span{Start: x.Start, End: x.End})
			eb := s.spanEvidence(v.art, marsad.Span{Start: y.Start, End: y.End})
			out = append(out, conflictEdge{kind: kind, about: about + ea.Text + " / " + eb.Text, a: ea, b: eb, score: 2 + sim(u, v)})
		}
	}
	return out
}

// deicticWords are the words that date an event only from the moment of
// publication (search forms).
var deicticWords = []string{"اليوم", "امس", "البارحه", "غدا", "الليله", "الان"}

// deicticNeighbours reports whether x and y are both dated only from
// their articles' publication (اليوم، أمس، البارحة) and land a day apart.
// That is no contradiction: an online outlet's "today" is a morning
// paper's "yesterday", and a feed's publication date is often the day a
// story was fetched, not written.
func deicticNeighbours(x, y marsad.TimeExpr) bool {
	dx, errx := time.Parse("2006-01-02", x.Value)
	dy, erry := time.Parse("2006-01-02", y.Value)
	if errx != nil || erry != nil || !deictic(x.Text) || !deictic(y.Text) {
		return false
	}
	d := dx.Sub(dy)
	return d <= 24*time.Hour && d >= -24*time.Hour
}

// deictic reports whether a time expression is a deictic word with no
// date of its own (no digit, so not "أمس 15 أغسطس").
func deictic(text string) bool {
	if strings.ContainsFunc(text, unicode.IsDigit) {
		return false
	}
	k := normalize.Search(text)
	for _, w := range deicticWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// artHasTime reports whether article ai gives the same or a compatible
// value anywhere.
func (s *story) artHasTime(ai int, t marsad.TimeExpr) bool {
	dt, okt := durationSeconds(t.Value)
	for _, x := range s.arts[ai].Times {
		if x.Kind != t.Kind {
			continue
		}
		if x.Value == t.Value {
			return true
		}
		if t.Kind == marsad.TimeDuration && okt {
			if dx, ok := durationSeconds(x.Value); ok && compatible(dx, dt, x.Mod != "" || t.Mod != "") {
				return true
			}
		}
	}
	return false
}

var durationRE = regexp.MustCompile(`^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)

// durationSeconds reads an ISO 8601 duration (PT3H, P2D, P1Y6M) as an
// approximate number of seconds, enough to compare two durations.
func durationSeconds(v string) (float64, bool) {
	m := durationRE.FindStringSubmatch(v)
	if m == nil || v == "P" || v == "PT" {
		return 0, false
	}
	unit := []float64{365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1}
	var total float64
	any := false
	for i, x := range m[1:] {
		if x == "" {
			continue
		}
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return 0, false
		}
		total += f * unit[i]
		any = true
	}
	return total, any
}

// descriptorConflicts compares the characterizations of the articles: the
// same word given to different speakers, or one speaker given different
// words (Putin calls the talks "مثمرة" in one outlet, "بناءة" in another,
// where "مثمر للغاية" is Trump's).
func (s *story) descriptorConflicts() []conflictEdge {
	var ds []descriptor
	for ui := range s.units {
		ds = append(ds, s.descriptors(ui)...)
	}
	has := func(art int, speaker string, words map[string]bool) bool {
		for _, d := range ds {
			if d.art == art && d.speaker == speaker && overlap(d.words, words) {
				return true
			}
		}
		return false
	}
	var out []conflictEdge
	for i, x := range ds {
		for _, y := range ds[i+1:] {
			if x.art == y.art {
				continue
			}
			same := overlap(x.words, y.words)
			switch {
			case same && x.speaker != y.speaker:
				if has(y.art, x.speaker, x.words) || has(x.art, y.speaker, y.words) {
					continue
				}
				ea, eb := s.spanEvidence(x.art, x.span), s.spanEvidence(y.art, y.span)
				out = append(out, conflictEdge{kind: "said", about: fmt.Sprintf("من وصفها بـ«%s»: %s / %s", ea.Text, x.name, y.name), a: ea, b: eb, score: 3})
			case !same && x.speaker == y.speaker:
				if has(y.art, x.speaker, x.words) || has(x.art, y.speaker, y.words) {
					continue
				}
				ea, eb := s.spanEvidence(x.art, x.span), s.spanEvidence(y.art, y.span)
				out = append(out, conflictEdge{kind: "said", about: fmt.Sprintf("وصف %s: «%s» / «%s»", x.name, ea.Text, eb.Text), a: ea, b: eb, score: 3})
			}
		}
	}
	return out
}

func overlap(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func (s *story) spanEvidence(ai int, sp marsad.Span) marsad.Evidence {
	a := s.arts[ai]
	return marsad.Evidence{Article: a.ID, Text: a.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
}

// mergeConflicts joins edges of the same kind that share a span into one
// conflict with every variant, and ranks conflicts by how many outlets
// disagree and how sure the evidence is.
// joinAbout adds an edge's description to a merged conflict's. Edges that
// say the same thing about other values ("أعداد القتلى مختلفة: 12 / 10"
// and "أعداد القتلى مختلفة: 12 / عشرة") become one list of the values
// ("أعداد القتلى مختلفة: 12 / 10 / عشرة"); others are joined by "؛".
func joinAbout(have, add string) string {
	if strings.Contains(have, add) {
		return have
	}
	hp, hv, ok1 := strings.Cut(have, ": ")
	ap, av, ok2 := strings.Cut(add, ": ")
	if !ok1 || !ok2 || hp != ap || strings.Contains(hv, "؛") {
		return have + "؛ " + add
	}
	values := strings.Split(hv, " / ")
	for _, v := range strings.Split(av, " / ") {
		if !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	return hp + ": " + strings.Join(values, " / ")
}

func mergeConflicts(edges []conflictEdge) []marsad.Conflict {
	type evKey struct {
		art        string
		start, end int
	}
	parent := map[string]string{}
	find := func(x string) string {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	key := func(kind string, e marsad.Evidence) string {
		k := fmt.Sprintf("%s|%s|%d|%d", kind, e.Article, e.Start, e.End)
		if _, ok := parent[k]; !ok {
			parent[k] = k
		}
		return k
	}
	for _, e := range edges {
		ra, rb := find(key(e.kind, e.a)), find(key(e.kind, e.b))
		if ra != rb {
			parent[ra] = rb
		}
	}
	type merged struct {
		c     marsad.Conflict
		seen  map[evKey]bool
		score float64
		first int
	}
	byRoot := map[string]*merged{}
	var order []*merged
	for n, e := range edges {
		r := find(key(e.kind, e.a))
		m := byRoot[r]
		if m == nil {
			m = &merged{c: marsad.Conflict{About: e.about}, seen: map[evKey]bool{}, first: n}
			byRoot[r] = m
			order = append(order, m)
		}
		m.c.About = joinAbout(m.c.About, e.about)
		for _, ev := range []marsad.Evidence{e.a, e.b} {
			k := evKey{ev.Article, ev.Start, ev.End}
			if !m.seen[k] {
				m.seen[k] = true
				m.c.Variants = append(m.c.Variants, ev)
			}
		}
		m.score = math.Max(m.score, e.score)
	}
	// A conflict shown once: drop one whose variants all lie inside
	// another's (the same contradiction found through two facts).
	for _, m := range order {
		arts := map[string]bool{}
		for _, v := range m.c.Variants {
			arts[v.Article] = true
		}
		m.score += float64(len(arts))
		sort.SliceStable(m.c.Variants, func(i, j int) bool { return m.c.Variants[i].Article < m.c.Variants[j].Article })
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	out := []marsad.Conflict{}
	for _, m := range order {
		if len(out) == MaxConflicts {
			break
		}
		if dup(out, m.c) {
			continue
		}
		out = append(out, m.c)
	}
	return out
}

func dup(have []marsad.Conflict, c marsad.Conflict) bool {
	for _, h := range have {
		inside := true
		for _, v := range c.Variants {
			found := false
			for _, w := range h.Variants {
				if v.Article == w.Article && (marsad.Span{Start: w.Start, End: w.End}).Overlaps(marsad.Span{Start: v.Start, End: v.End}) {
					found = true
					break
				}
			}
			if !found {
				inside = false
				break
			}
		}
		if inside {
			return true
		}
	}
	return false
}
