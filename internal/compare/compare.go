// Package compare lines up what the outlets of one story say, claim by
// claim: which statements two or more sources carry (agreements), which
// only one source reports (exclusives), and where they contradict each other
// (different numbers, dates or durations for the same fact; the same words
// given to different speakers; one speaker quoted with different wording).
//
// Claims come from what the pipeline found in each article: sentences
// (compared by their content terms — search-normalized, clitic-stripped,
// weighted by how rare they are in news), the entities they mention, the
// quotes and characterizations (وصف … بأنها "مثمرة") with their speakers,
// the resolved time expressions, and the numbers with what they count.
// Nothing is matched by exact string: two outlets rarely write a fact the
// same way, and a wire story re-run by three papers differs in its edits.
// The better the earlier stages (entities linked across spellings, quote
// speakers resolved), the better the comparison, with no change here.
package compare

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

// Limits that keep a comparison readable: a reader scans a dozen claims,
// not a hundred. Claims are ranked by salience before the cut.
const (
	MaxAgreements = 20
	MaxUnique     = 15
	MaxConflicts  = 10
	// MaxArticles is how many articles of a story are compared (the first
	// ones given): which articles carry a term is kept in 64-bit sets, and
	// a reader compares a handful of outlets, not hundreds.
	MaxArticles = 64
	// maxPerArticle bounds the evidence one article gives for one claim.
	maxPerArticle = 2
	// claimRunes bounds the length of a claim's text.
	claimRunes = 180
)

// Thresholds of the weighted cosine between two sentences, set on the
// development stories of testdata (see eval_test.go).
const (
	// alignSim: two sentences state the same claim.
	alignSim = 0.34
	// relatedSim: two sentences are about the same fact, close enough
	// that different numbers or dates in them contradict each other.
	relatedSim = 0.22
	// minTerms: a sentence with fewer content terms (a dateline, "واس")
	// carries no claim of its own.
	minTerms = 3
)

// unit is one sentence of one article, with what it says.
type unit struct {
	art   int
	span  marsad.Span
	terms []term
	vec   []wterm // distinct term ids with weights, sorted by id
	norm  float64
	ents  map[string]bool
	nums  []numFact
	times []int // indexes into the article's Times inside the sentence
}

type wterm struct {
	id int32
	w  float64
}

// story is the working state of one comparison.
type story struct {
	lx    *lexicon
	arts  []*marsad.Article
	units []*unit
	byArt [][]int // unit indexes per article
	ids   map[string]int32
	// artTerms is, per term id, the set of articles (bitset over the
	// first 64 articles) whose text contains it.
	artTerms map[int32]uint64
	entArts  map[string]uint64
	entName  map[string]string
	// surf is, per search-normalized surface form (without و/ف), the
	// articles that write it; keys lists every term key once.
	surf map[string]uint64
	keys []string
	// detailDone marks entities already listed as an exclusive detail.
	detailDone map[string]bool
	// sharedUnits are the sentences carrying a date, duration or quantity
	// another article also gives: not exclusives, whatever else differs.
	sharedUnits map[int]bool
}

// Compare compares the articles of one story. Articles must carry Text;
// every other annotation is used when present. Articles with the same id
// are counted once.
func Compare(arts []*marsad.Article) marsad.Comparison {
	out := marsad.Comparison{Agreements: []marsad.Claim{}, Unique: []marsad.Claim{}, Conflicts: []marsad.Conflict{}}
	s := newStory(arts)
	if s == nil {
		return out
	}
	groups := s.align()
	out.Agreements = s.agreements(groups)
	out.Unique = s.unique(groups)
	out.Conflicts = s.conflicts(groups)
	return out
}

func newStory(in []*marsad.Article) *story {
	lx := mustLexicon()
	s := &story{lx: lx, ids: map[string]int32{}, artTerms: map[int32]uint64{}, entArts: map[string]uint64{}, entName: map[string]string{}, surf: map[string]uint64{}, detailDone: map[string]bool{}, sharedUnits: map[int]bool{}}
	seen := map[string]bool{}
	for _, a := range in {
		if a == nil || strings.TrimSpace(a.Text) == "" || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		s.arts = append(s.arts, a)
	}
	if len(s.arts) == 0 {
		return nil
	}
	if len(s.arts) > MaxArticles {
		s.arts = s.arts[:MaxArticles]
	}
	s.byArt = make([][]int, len(s.arts))
	var buf []tokenize.Token
	for ai, a := range s.arts {
		bit := uint64(1) << (ai % 64)
		sents := a.Sentences
		if len(sents) == 0 {
			sents = sentence.Split(a.Text)
		}
		for _, e := range a.Entities {
			k := entityKey(e)
			if k == "" {
				continue
			}
			s.entArts[k] |= bit
			if _, ok := s.entName[k]; !ok {
				s.entName[k] = e.Name
			}
		}
		for _, sp := range sents {
			if !sp.Valid(len(a.Text)) || sp.Len() == 0 {
				continue
			}
			u := &unit{art: ai, span: sp}
			u.terms, buf = lx.contentTerms(a.Text, sp.Start, sp.End, buf)
			for _, tk := range buf {
				if tk.Kind == tokenize.Word {
					s.surf[stripConj(normalize.Search(tk.Text))] |= bit
				}
			}
			for _, t := range u.terms {
				s.artTerms[s.id(t.key)] |= bit
			}
			if len(u.terms) < minTerms || !claimLike(lx, a.Text[sp.Start:sp.End], buf) {
				continue
			}
			u.ents = sentenceEntities(a, sp)
			// The speaker of a statement in the sentence counts as
			// mentioned: "وأكد أن …" is about its speaker as much as a
			// sentence naming him.
			for _, q := range a.Quotes {
				if q.Speaker != "" && sp.Overlaps(marsad.Span{Start: q.Start, End: q.End}) {
					if u.ents == nil {
						u.ents = map[string]bool{}
					}
					u.ents[q.Speaker] = true
				}
			}
			u.times = sentenceTimes(a, sp)
			u.nums = lx.numbers(a, sp, buf)
			s.vectorize(u)
			s.byArt[ai] = append(s.byArt[ai], len(s.units))
			s.units = append(s.units, u)
		}
	}
	return s
}

func (s *story) id(k string) int32 {
	if i, ok := s.ids[k]; ok {
		return i
	}
	i := int32(len(s.ids))
	s.ids[k] = i
	s.keys = append(s.keys, k)
	return i
}

// entityKey identifies an entity across articles: its linked id, or its
// normalized name when linking gave none.
func entityKey(e marsad.Entity) string {
	if e.ID != "" {
		return e.ID
	}
	if e.Name == "" {
		return ""
	}
	return "name:" + searchKey(e.Name)
}

func sentenceEntities(a *marsad.Article, sp marsad.Span) map[string]bool {
	var m map[string]bool
	for _, e := range a.Entities {
		k := entityKey(e)
		if k == "" {
			continue
		}
		for _, mn := range e.Mentions {
			if sp.Contains(mn.Span()) {
				if m == nil {
					m = map[string]bool{}
				}
				m[k] = true
				break
			}
		}
	}
	return m
}

func sentenceTimes(a *marsad.Article, sp marsad.Span) []int {
	var out []int
	for i, t := range a.Times {
		if sp.Contains(marsad.Span{Start: t.Start, End: t.End}) && t.Value != "" {
			out = append(out, i)
		}
	}
	return out
}

// vectorize weighs the sentence's distinct terms by background IDF, and
// adds its entities and numbers as terms of their own: a shared linked
// entity or a shared "125 قاضيا" is strong evidence of the same claim.
func (s *story) vectorize(u *unit) {
	w := map[int32]float64{}
	for _, t := range u.terms {
		w[s.id(t.key)] = s.lx.idf(t.key)
	}
	for e := range u.ents {
		w[s.id("ent:"+e)] = 0.5 * s.lx.maxIDF()
	}
	for _, n := range u.nums {
		w[s.id("num:"+n.valueKey())] = 0.5 * s.lx.maxIDF()
	}
	u.vec = u.vec[:0]
	for id, x := range w {
		u.vec = append(u.vec, wterm{id, x})
		u.norm += x * x
	}
	u.norm = math.Sqrt(u.norm)
	sort.Slice(u.vec, func(i, j int) bool { return u.vec[i].id < u.vec[j].id })
}

// sim is the weighted cosine of two sentences' term sets.
func sim(a, b *unit) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(a.vec) && j < len(b.vec) {
		switch {
		case a.vec[i].id < b.vec[j].id:
			i++
		case a.vec[i].id > b.vec[j].id:
			j++
		default:
			dot += a.vec[i].w * b.vec[j].w
			i++
			j++
		}
	}
	cos := dot / (a.norm * b.norm)
	// One outlet often packs into one long sentence what another says in
	// a short one; the cosine then undervalues the short one, which the
	// long one contains. Containment of the smaller sentence, discounted,
	// catches that case.
	small := math.Min(a.norm, b.norm)
	return math.Max(cos, containWeight*dot/(small*small))
}

// containWeight discounts containment against the cosine: a short
// sentence inside a long one is weaker evidence than two sentences alike.
const containWeight = 0.75

// group is a set of sentences, from two or more articles or from one, that
// state one claim.
type group struct {
	units []int
	arts  uint64
	nArts int
	score float64 // mean similarity of its links
}

// align links each sentence to its best match in every other article when
// they are similar enough, and groups linked sentences (union-find).
func (s *story) align() []*group {
	n := len(s.units)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	linkSum := make([]float64, n)
	linkN := make([]int, n)
	arts := make([]uint64, n) // articles in each component, at its root
	for i, u := range s.units {
		arts[i] = 1 << (u.art % 64)
	}
	type link struct {
		i, j int
		sim  float64
	}
	var links []link
	for a := range s.arts {
		for b := range s.arts {
			if a == b {
				continue
			}
			// Best match in b of every sentence of a. Linking only best
			// matches keeps one claim from swallowing a paragraph.
			for _, ui := range s.byArt[a] {
				best, bj := 0.0, -1
				for _, vj := range s.byArt[b] {
					if x := sim(s.units[ui], s.units[vj]); x > best {
						best, bj = x, vj
					}
				}
				if bj >= 0 && best >= alignSim {
					links = append(links, link{ui, bj, best})
				}
			}
		}
	}
	// Strongest links first; a link that would put two sentences of one
	// article in one claim is refused, so that a chain of similar
	// sentences (two royal orders worded alike) does not become one claim.
	sort.SliceStable(links, func(x, y int) bool { return links[x].sim > links[y].sim })
	var refused []link
	for _, l := range links {
		ra, rb := find(l.i), find(l.j)
		if ra == rb {
			continue
		}
		if arts[ra]&arts[rb] != 0 {
			refused = append(refused, l)
			continue
		}
		parent[ra] = rb
		arts[rb] |= arts[ra]
		linkSum[l.i] += l.sim
		linkN[l.i]++
	}
	// One outlet's sentence often covers two of another's (a wire story
	// re-run with sentences joined or split). A refused link x→y where y's
	// claim already holds x's neighbour is such a merge: y also states x's
	// claim, so y joins x's claim as extra evidence.
	extra := map[int][]int{}
	for _, l := range refused {
		x, y := l.i, l.j
		rx, ry := find(x), find(y)
		if rx == ry {
			continue
		}
		nb := false
		for _, k := range s.neighbours(x) {
			if find(k) == ry {
				nb = true
				break
			}
		}
		if !nb || contains(extra[rx], y) {
			continue
		}
		extra[rx] = append(extra[rx], y)
		linkSum[x] += l.sim
		linkN[x]++
	}
	byRoot := map[int]*group{}
	var out []*group
	for i := range s.units {
		r := find(i)
		g := byRoot[r]
		if g == nil {
			g = &group{}
			byRoot[r] = g
			out = append(out, g)
		}
		g.units = append(g.units, i)
		bit := uint64(1) << (s.units[i].art % 64)
		if g.arts&bit == 0 {
			g.arts |= bit
			g.nArts++
		}
	}
	for r, ys := range extra {
		g := byRoot[r]
		for _, y := range ys {
			g.units = append(g.units, y)
			bit := uint64(1) << (s.units[y].art % 64)
			if g.arts&bit == 0 {
				g.arts |= bit
				g.nArts++
			}
		}
	}
	for _, g := range out {
		var sum float64
		var k int
		for _, i := range g.units {
			sum += linkSum[i]
			k += linkN[i]
		}
		if k > 0 {
			g.score = sum / float64(k)
		}
	}
	return out
}

// salience of a sentence: how much rare content and how many entities it
// carries. Claims about named people and places, with numbers and dates,
// are what a reader looks for first.
func (s *story) salience(u *unit) float64 {
	var x float64
	for _, w := range u.vec {
		x += w.w
	}
	x = math.Log1p(x)
	x += 0.3*float64(len(u.ents)) + 0.3*float64(len(u.nums)) + 0.2*float64(len(u.times))
	return x
}

func (s *story) evidence(u *unit) marsad.Evidence {
	a := s.arts[u.art]
	return marsad.Evidence{Article: a.ID, Text: a.Text[u.span.Start:u.span.End], Start: u.span.Start, End: u.span.End}
}

func (s *story) agreements(groups []*group) []marsad.Claim {
	type ranked struct {
		c     marsad.Claim
		score float64
		first int
	}
	var rs []ranked
	for _, g := range groups {
		if g.nArts < 2 {
			continue
		}
		rep := s.representative(g)
		c := marsad.Claim{Claim: claimText(s.arts[s.units[rep].art].Text, s.units[rep].span)}
		perArt := map[int]int{}
		sal := 0.0
		for _, i := range g.units {
			u := s.units[i]
			if perArt[u.art] >= maxPerArticle {
				continue
			}
			perArt[u.art]++
			c.Sources = append(c.Sources, s.evidence(u))
			sal = math.Max(sal, s.salience(u))
		}
		rs = append(rs, ranked{c, float64(g.nArts) * sal, g.units[0]})
	}
	facts := s.sharedFacts(groups)
	evFacts, _ := s.eventClaims()
	for _, f := range append(facts, evFacts...) {
		first := f.first
		if first < 0 {
			first = len(s.units)
		}
		rs = append(rs, ranked{f.c, f.score, first})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })
	// No near-duplicates: a claim all of whose sources lie inside a
	// stronger claim's sources says nothing new.
	// Nor the same claim twice: two groups with one representative
	// sentence (an outlet wrote it twice, in its lead and in its body) are
	// one claim with the sources of both.
	kept := rs[:0]
	for _, r := range rs {
		inside := false
		for i := range kept {
			k := &kept[i]
			if within(r.c.Sources, k.c.Sources) {
				inside = true
				break
			}
			if r.c.Claim == k.c.Claim {
				for _, ev := range r.c.Sources {
					if !within([]marsad.Evidence{ev}, k.c.Sources) {
						k.c.Sources = append(k.c.Sources, ev)
					}
				}
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, r)
		}
	}
	rs = kept
	if len(rs) > MaxAgreements {
		rs = rs[:MaxAgreements]
	}
	// Show the kept claims in reading order of the first article.
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].first < rs[j].first })
	out := make([]marsad.Claim, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.c)
	}
	return out
}

// representative is the group's sentence closest to the others: the one a
// reader sees as the claim.
func (s *story) representative(g *group) int {
	best, bi := -1.0, g.units[0]
	for _, i := range g.units {
		var x float64
		for _, j := range g.units {
			if s.units[i].art != s.units[j].art {
				x += sim(s.units[i], s.units[j])
			}
		}
		// Prefer shorter sentences at equal centrality: they read as claims.
		x -= 0.001 * float64(s.units[i].span.Len()) / 100
		if x > best {
			best, bi = x, i
		}
	}
	return bi
}

// claimText is the display text of a sentence, cut at a word boundary.
func claimText(text string, sp marsad.Span) string {
	t := strings.TrimSpace(text[sp.Start:sp.End])
	if utf8.RuneCountInString(t) <= claimRunes {
		return t
	}
	n := 0
	for i := range t {
		if n == claimRunes {
			cut := strings.LastIndexByte(t[:i], ' ')
			if cut < len(t[:i])/2 {
				cut = i
			}
			return strings.TrimSpace(t[:cut]) + " …"
		}
		n++
	}
	return t
}

func searchKey(s string) string {
	var b strings.Builder
	for _, t := range tokenize.Tokens(s) {
		if k := termKey(t); k != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k)
		}
	}
	return b.String()
}

type factClaim struct {
	c     marsad.Claim
	score float64
	first int
}

// sharedFacts are the dates, durations and quantities that two or more
// articles give alike in sentences that are not otherwise aligned: both
// outlets report a three-hour summit, one in its lead, the other in a
// comment ("اللقاء الذي استمر ثلاث ساعات" / "استمرت نحو ثلاث ساعات").
func (s *story) sharedFacts(groups []*group) []factClaim {
	groupOf := make([]int, len(s.units))
	for gi, g := range groups {
		for _, ui := range g.units {
			groupOf[ui] = gi
		}
	}
	facts := map[string][]occ{}
	var order []string
	add := func(k string, o occ) {
		if _, ok := facts[k]; !ok {
			order = append(order, k)
		}
		facts[k] = append(facts[k], o)
	}
	for ui, u := range s.units {
		a := s.arts[u.art]
		for _, ti := range u.times {
			t := a.Times[ti]
			if t.Kind != marsad.TimeDate && t.Kind != marsad.TimeDuration || !strings.ContainsAny(t.Value, "0123456789") {
				continue
			}
			add(t.Kind+"|"+t.Value, occ{ui, marsad.Span{Start: t.Start, End: t.End}})
		}
		for _, n := range u.nums {
			if n.head == "" {
				continue
			}
			add("num|"+n.head+"|"+n.valueKey(), occ{ui, n.span})
		}
	}
	var out []factClaim
	for _, k := range order {
		os := facts[k]
		perArt := map[int]bool{}
		groupsSeen := map[int]bool{}
		var c marsad.Claim
		for _, o := range os {
			u := s.units[o.ui]
			if perArt[u.art] {
				continue
			}
			perArt[u.art] = true
			groupsSeen[groupOf[o.ui]] = true
			c.Sources = append(c.Sources, s.spanEvidence(u.art, o.sp))
		}
		if len(perArt) < 2 {
			continue
		}
		// A bare date is no claim: two sentences that only share "يوم
		// الاثنين" may report different things that day.
		if strings.HasPrefix(k, marsad.TimeDate+"|") && !anyRelated(s, os) {
			continue
		}
		for _, o := range os {
			s.sharedUnits[o.ui] = true
		}
		// Already shown as one aligned claim.
		if len(groupsSeen) == 1 || inOneGroup(groups, os) {
			continue
		}
		first := s.units[os[0].ui]
		c.Claim = c.Sources[0].Text + " — " + claimText(s.arts[first.art].Text, first.span)
		out = append(out, factClaim{c, float64(len(perArt)) * (1 + s.salience(first)), os[0].ui})
	}
	return out
}

// anyRelated reports whether two of the occurrences, in different
// articles, are in related sentences.
func anyRelated(s *story, os []occ) bool {
	for i, x := range os {
		for _, y := range os[i+1:] {
			u, v := s.units[x.ui], s.units[y.ui]
			if u.art != v.art && sim(u, v) >= relatedSim {
				return true
			}
		}
	}
	return false
}

// inOneGroup reports whether one group holds every unit of os (a unit
// may be in two groups when it joined one as extra evidence).
func inOneGroup[T interface{ unitIndex() int }](groups []*group, os []T) bool {
	for _, g := range groups {
		all := true
		for _, o := range os {
			if !contains(g.units, o.unitIndex()) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// neighbours are the units just before and after unit i in its article.
func (s *story) neighbours(i int) []int {
	us := s.byArt[s.units[i].art]
	for k, u := range us {
		if u != i {
			continue
		}
		var out []int
		if k > 0 {
			out = append(out, us[k-1])
		}
		if k+1 < len(us) {
			out = append(out, us[k+1])
		}
		return out
	}
	return nil
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// claimLike tells a sentence from a tag line or a heading the extractor
// left in the text ("سمات الطوارئ تفجير عسير"): a statement has function
// words, or ends like a sentence (a list item "04 - العريف مفرح علي
// عسيري." does).
func claimLike(lx *lexicon, text string, toks []tokenize.Token) bool {
	for _, t := range toks {
		if t.Kind == tokenize.Word && lx.stop[normalize.Search(t.Text)] {
			return true
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(".!?؟…»”\")", last)
}

// occ is one place a fact is stated.
type occ struct {
	ui int
	sp marsad.Span
}

func (o occ) unitIndex() int { return o.ui }

// within reports whether every evidence of a overlaps an evidence of b in
// the same article.
func within(a, b []marsad.Evidence) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x.Article == y.Article && (marsad.Span{Start: x.Start, End: x.End}).Overlaps(marsad.Span{Start: y.Start, End: y.End}) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
