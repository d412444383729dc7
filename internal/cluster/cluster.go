// Package cluster assigns each arriving article to a story — an existing one
// or a new one — in one pass over the stream, without ever re-clustering
// what is stored.
//
// The method follows the streaming news clusterers of Miranda et al. (2018,
// "Multilingual clustering of streaming news", EMNLP) and their
// predecessors in topic detection and tracking: an article is represented by
// several TF-IDF sub-vectors (here: content terms of the lead, title terms,
// linked entities) and a timestamp; a story by the sums of its articles'
// vectors and its time span. The article's similarity to each candidate
// story is a weighted sum of the sub-vector cosines, damped by the time
// between the article and the story; the best story above a threshold takes
// the article, otherwise the article starts a story.
//
// Candidate stories come from an inverted index from a story's strongest
// terms to the story, probed with the article's strongest terms, and stories
// leave the index when no article has joined them for Window. The cost of one
// assignment therefore depends on how many stories are active and share a
// rare term with the article, not on how many articles are stored.
package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"sync"
	"time"
)

// Options tune the clusterer. The defaults were tuned on the development
// part of testdata/ (see eval_test.go); the held-out part was not used.
type Options struct {
	// Threshold is the lowest score that joins an article to a story.
	Threshold float64
	// Title and Entities weigh the title and entity cosines against the
	// content cosine (weight 1).
	Title, Entities float64
	// TimeScale is how fast similarity fades with the time between an
	// article and a story (score × exp(-Δ/TimeScale) beyond Slack).
	TimeScale time.Duration
	// Slack is the time difference that costs nothing: outlets publish the
	// same event the same day or the next morning.
	Slack time.Duration
	// Window is how long a story stays open after its last article.
	Window time.Duration
	// Probe is how many of the article's strongest terms look up candidates.
	Probe int
	// Keep is how many of a story's strongest terms it keeps (and is indexed
	// under); the rest of its vector is dropped.
	Keep int
	// MinIDF drops terms so common they carry no event (و, في, المملكه).
	MinIDF float64
	// Miss penalizes an article whose distinctive title terms (IDF at least
	// RareIDF) the story has never used: "يهنئ حاكم جامايكا" against a
	// story of "يهنئ رئيس النيجر" shares everything but the one word that
	// makes it another event. The score loses Miss × the share of that
	// weight the story lacks.
	Miss, RareIDF float64
	// MaxPosting bounds how many stories one term indexes (the most recent
	// ones), so a burst of similar stories cannot make lookups slow.
	MaxPosting int
}

// DefaultOptions returns the tuned options.
func DefaultOptions() Options {
	return Options{
		Threshold:  0.30,
		Title:      0.5,
		Entities:   0.25,
		TimeScale:  36 * time.Hour,
		Slack:      24 * time.Hour,
		Window:     4 * 24 * time.Hour,
		Probe:      12,
		Keep:       100,
		MinIDF:     1.5,
		MaxPosting: 128,
		Miss:       0.3,
		RareIDF:    3,
	}
}

// vec is a sparse L2-normalized (for articles) or summed (for stories)
// weight vector.
type vec map[string]float64

func (v vec) norm() float64 {
	s := 0.0
	for _, w := range v {
		s += w * w
	}
	return math.Sqrt(s)
}

// centroid is the sum of its members' vectors, pruned to its strongest
// terms, with the norm kept up to date.
type centroid struct {
	w    vec
	norm float64
}

func (c *centroid) add(v vec, keep int) {
	if c.w == nil {
		c.w = vec{}
	}
	for t, x := range v {
		c.w[t] += x
	}
	if keep > 0 && len(c.w) > keep {
		c.w = top(c.w, keep)
	}
	c.norm = c.w.norm()
}

func (c *centroid) cos(v vec) float64 {
	if c.norm == 0 || len(v) == 0 {
		return 0
	}
	small, large := v, c.w
	if len(large) < len(small) {
		small, large = large, small
	}
	dot := 0.0
	for t, x := range small {
		dot += x * large[t]
	}
	return dot / c.norm // v is unit length
}

// top returns the k heaviest entries of v (ties broken by term, so the
// result does not depend on map order). It keeps a small heap instead of
// sorting all of v: k is a dozen to a hundred, v a few hundred.
func top(v vec, k int) vec {
	if len(v) <= k {
		out := make(vec, len(v))
		for t, w := range v {
			out[t] = w
		}
		return out
	}
	type tw struct {
		t string
		w float64
	}
	// worse reports whether a ranks below b.
	worse := func(a, b tw) bool { return a.w < b.w || (a.w == b.w && a.t > b.t) }
	h := make([]tw, 0, k) // min-heap by rank: h[0] is the worst kept
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && worse(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && worse(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for t, w := range v {
		x := tw{t, w}
		if len(h) < k {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !worse(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if worse(h[0], x) {
			h[0] = x
			down(0)
		}
	}
	out := make(vec, len(h))
	for _, x := range h {
		out[x.t] = x.w
	}
	return out
}

// story is one open story.
type story struct {
	id                string
	body, title, ents centroid
	size              int
	first, last       time.Time
	lastSeq           uint64 // arrival number of its last article, for expiry without dates
	indexed           map[string]bool
	closed            bool
}

// Clusterer is the online story assigner. It is safe for concurrent use;
// assignments are serialized, as the stream's order defines the stories.
type Clusterer struct {
	opt Options
	idf *IDF

	mu      sync.Mutex
	stories map[string]*story
	index   map[string][]*story // term or entity → stories indexed under it
	seq     uint64
	latest  time.Time // newest article time seen: the stream's clock
	sweepAt uint64
}

// New returns a clusterer using idf (nil: the embedded background model).
func New(opt Options, idf *IDF) (*Clusterer, error) {
	if idf == nil {
		var err error
		if idf, err = DefaultIDF(); err != nil {
			return nil, err
		}
	}
	return &Clusterer{opt: opt, idf: idf, stories: map[string]*story{}, index: map[string][]*story{}}, nil
}

// Assignment is where an article went.
type Assignment struct {
	Story string  // story id
	New   bool    // the article started the story
	Score float64 // similarity to the story it joined (0 when New)
}

// weigh turns terms into a unit-length TF-IDF vector with sublinear term
// frequency, leaving out terms below MinIDF.
func (c *Clusterer) weigh(terms []string) vec {
	if len(terms) == 0 {
		return nil
	}
	tf := map[string]int{}
	for _, t := range terms {
		tf[t]++
	}
	v := make(vec, len(tf))
	c.idf.mu.RLock()
	defer c.idf.mu.RUnlock()
	for t, n := range tf {
		idf := c.idf.weight(t)
		if idf < c.opt.MinIDF {
			continue
		}
		v[t] = (1 + math.Log(float64(n))) * idf
	}
	if n := v.norm(); n > 0 {
		for t := range v {
			v[t] /= n
		}
	}
	return v
}

func unit(ids []string) vec {
	if len(ids) == 0 {
		return nil
	}
	v := vec{}
	for _, id := range ids {
		v["@"+id] = 1 // "@" keeps entity ids apart from terms in the index
	}
	n := v.norm()
	for t := range v {
		v[t] /= n
	}
	return v
}

// StoryID is the id of a story started by the article with this id.
func StoryID(articleID string) string {
	h := sha256.Sum256([]byte(articleID))
	return "s" + hex.EncodeToString(h[:8])
}

// Assign places one article, identified by articleID, into a story and
// updates the stories with it.
func (c *Clusterer) Assign(articleID string, f Features) Assignment {
	body := c.weigh(append(append([]string(nil), f.Title...), f.Body...))
	title := c.weigh(f.Title)
	ents := unit(f.Entities)
	rare := c.rare(f.Title)

	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	if f.Time.After(c.latest) {
		c.latest = f.Time
	}
	best, score := c.best(body, title, ents, rare, f.Time)
	var a Assignment
	if best == nil || score < c.opt.Threshold {
		best = &story{id: StoryID(articleID), first: f.Time, last: f.Time, indexed: map[string]bool{}}
		c.stories[best.id] = best
		a = Assignment{Story: best.id, New: true}
	} else {
		a = Assignment{Story: best.id, Score: score}
	}
	c.join(best, body, title, ents, f.Time)
	// IDF learns from the stream after the article is placed, so that an
	// article is never compared with weights its own words changed.
	c.idf.Add(f.Title, f.Body)
	if c.seq >= c.sweepAt {
		c.sweep()
	}
	return a
}

// Restore adds an article already assigned to storyID (read back from the
// store when a process starts) without choosing.
func (c *Clusterer) Restore(storyID string, f Features) {
	body := c.weigh(append(append([]string(nil), f.Title...), f.Body...))
	title := c.weigh(f.Title)
	ents := unit(f.Entities)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seq++
	if f.Time.After(c.latest) {
		c.latest = f.Time
	}
	s := c.stories[storyID]
	if s == nil {
		s = &story{id: storyID, first: f.Time, last: f.Time, indexed: map[string]bool{}}
		c.stories[storyID] = s
	}
	c.join(s, body, title, ents, f.Time)
	c.idf.Add(f.Title, f.Body)
	if c.seq >= c.sweepAt {
		c.sweep()
	}
}

// shortlist is how many candidates, ranked by their partial content
// similarity from the index, are scored in full.
const shortlist = 10

// best finds the highest-scoring open story for an article. Candidates are
// ranked the way a search engine ranks documents: walking the postings of
// the article's strongest terms accumulates each story's content
// similarity over those terms (one lookup per posting); only the shortlist
// of best-ranked stories is then scored with every feature.
func (c *Clusterer) best(body, title, ents, rare vec, t time.Time) (*story, float64) {
	probe := top(body, c.opt.Probe)
	acc := map[*story]float64{}
	for term, w := range probe {
		for _, s := range c.index[term] {
			if s.closed || c.expired(s, t) {
				continue
			}
			acc[s] += w * s.body.w[term] / s.body.norm
		}
	}
	for e := range ents {
		for _, s := range c.index[e] {
			if !s.closed && !c.expired(s, t) {
				acc[s] += 1 // an entity in common always earns a full look
			}
		}
	}
	type cand struct {
		s *story
		v float64
	}
	cands := make([]cand, 0, len(acc))
	for s, v := range acc {
		cands = append(cands, cand{s, v})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].v != cands[j].v {
			return cands[i].v > cands[j].v
		}
		return cands[i].s.id < cands[j].s.id
	})
	if len(cands) > shortlist {
		cands = cands[:shortlist]
	}
	var best *story
	bestScore := 0.0
	for _, x := range cands {
		sc := c.score(x.s, body, title, ents, rare, t)
		if sc > bestScore || (sc == bestScore && best != nil && x.s.id < best.id) {
			best, bestScore = x.s, sc
		}
	}
	return best, bestScore
}

func (c *Clusterer) score(s *story, body, title, ents, rare vec, t time.Time) float64 {
	sc := s.body.cos(body)
	wsum := 1.0
	if len(title) > 0 && s.title.norm > 0 {
		sc += c.opt.Title * s.title.cos(title)
		wsum += c.opt.Title
	}
	// Entities count only when both sides have them: articles from a
	// pipeline without linking must not be punished for it.
	if len(ents) > 0 && s.ents.norm > 0 {
		sc += c.opt.Entities * s.ents.cos(ents)
		wsum += c.opt.Entities
	}
	sc /= wsum
	if c.opt.Miss > 0 && len(rare) > 0 {
		total, missing := 0.0, 0.0
		for term, w := range rare {
			total += w
			if _, ok := s.body.w[term]; !ok {
				missing += w
			}
		}
		sc -= c.opt.Miss * missing / total
	}
	return sc * c.decay(s, t)
}

// rare is the distinctive terms of a title with their IDF.
func (c *Clusterer) rare(title []string) vec {
	if c.opt.Miss <= 0 {
		return nil
	}
	var v vec
	for _, t := range title {
		if w := c.idf.Weight(t); w >= c.opt.RareIDF {
			if v == nil {
				v = vec{}
			}
			v[t] = w
		}
	}
	return v
}

// decay is the time factor: 1 within Slack of the story's span, fading
// exponentially beyond. Unknown times cost nothing.
func (c *Clusterer) decay(s *story, t time.Time) float64 {
	if t.IsZero() || s.first.IsZero() {
		return 1
	}
	var d time.Duration
	switch {
	case t.Before(s.first):
		d = s.first.Sub(t)
	case t.After(s.last):
		d = t.Sub(s.last)
	}
	d -= c.opt.Slack
	if d <= 0 || c.opt.TimeScale <= 0 {
		return 1
	}
	return math.Exp(-float64(d) / float64(c.opt.TimeScale))
}

// expired reports whether s is past its window, by the article's time or,
// for undated streams, by arrival count.
func (c *Clusterer) expired(s *story, t time.Time) bool {
	if !t.IsZero() && !s.last.IsZero() {
		return t.Sub(s.last) > c.opt.Window
	}
	return false
}

// join adds an article's vectors to s and indexes s under its new
// strongest terms.
func (c *Clusterer) join(s *story, body, title, ents vec, t time.Time) {
	s.body.add(body, c.opt.Keep)
	s.title.add(title, c.opt.Keep)
	s.ents.add(ents, c.opt.Keep)
	s.size++
	s.lastSeq = c.seq
	if !t.IsZero() {
		if s.first.IsZero() || t.Before(s.first) {
			s.first = t
		}
		if t.After(s.last) {
			s.last = t
		}
	}
	// Index under the story's strongest terms (as many as an article
	// probes with, plus some) and all its entities.
	want := top(s.body.w, 2*c.opt.Probe)
	for e := range s.ents.w {
		want[e] = 1
	}
	for term := range want {
		if s.indexed[term] {
			continue
		}
		s.indexed[term] = true
		p := append(c.index[term], s)
		if c.opt.MaxPosting > 0 && len(p) > c.opt.MaxPosting {
			p[0].indexed[term] = false
			p = p[1:]
		}
		c.index[term] = p
	}
}

// sweep drops stories past their window from the index and the story map,
// so memory follows the number of open stories. It runs after a number of
// assignments proportional to the open stories, so its cost per article is
// constant on average.
func (c *Clusterer) sweep() {
	for id, s := range c.stories {
		if !c.latest.IsZero() && !s.last.IsZero() && c.latest.Sub(s.last) > c.opt.Window {
			s.closed = true
			delete(c.stories, id)
		}
	}
	for term, p := range c.index {
		q := p[:0]
		for _, s := range p {
			if !s.closed && s.indexed[term] {
				q = append(q, s)
			}
		}
		if len(q) == 0 {
			delete(c.index, term)
		} else {
			c.index[term] = q
		}
	}
	c.sweepAt = c.seq + uint64(len(c.stories)) + 1000
}

// Open is the number of stories currently open to new articles.
func (c *Clusterer) Open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.stories)
}
