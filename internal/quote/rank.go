package quote

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"marsad/internal/text/normalize"
)

// The speaker ranker is the learned part of the attributor: the rules of
// speaker.go propose a speaker for each statement, and the ranker chooses
// among that proposal and the other persons and bodies around the cue (the
// last speaker, names before the cue in its sentence or the one before, names
// in the speaker region after it). Each candidate is described by sparse
// features (which rule proposed it, direction and distance from the cue,
// sentence boundary, cue form, gender of the cue verb against the entity
// type, whether it was the last speaker, whether a preposition governs it …)
// and scored by an averaged perceptron trained on the annotated statements
// of the tuning sets (testdata/quotes-gold.txt), with gold entities. The
// model file data/speaker-ranker.json carries its provenance; TestRankerModel
// rebuilds it byte for byte (RANKER_WRITE=1 writes it).

// candidate is one possible speaker of a statement and its features.
type candidate struct {
	sp    speaker
	feats []string
}

// decision is one statement's speaker choice: kept for training.
type decision struct {
	s, e  int // content span in bytes
	cands []candidate
}

// ranker scores candidates with a linear model over string features.
type ranker struct {
	W map[string]float64
	// skip leaves features out (the learned-alone variant of the
	// comparison in rank_test.go); nil uses all.
	skip func(string) bool
}

// RankerModel is the stored form of the speaker ranker, with provenance.
type RankerModel struct {
	Provenance RankerProvenance   `json:"provenance"`
	Weights    map[string]float64 `json:"weights"`
}

// RankerProvenance says how the ranker was built and how it measured.
type RankerProvenance struct {
	Data    string             `json:"data"`
	Splits  []string           `json:"splits"`
	Seed    uint64             `json:"seed"`
	Epochs  int                `json:"epochs"`
	Train   int                `json:"train_instances"`
	CV      map[string]float64 `json:"cv,omitempty"`
	Command string             `json:"command"`
}

//go:embed data/speaker-ranker.json
var rankerJSON []byte

// loadRanker reads the embedded model; a model with no weights (the rules
// alone) gives nil.
func loadRanker(b []byte) (*ranker, error) {
	var m RankerModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("speaker ranker: %w", err)
	}
	if len(m.Weights) == 0 {
		return nil, nil
	}
	return &ranker{W: m.Weights}, nil
}

func (r *ranker) score(c candidate) float64 {
	s := 0.0
	for _, f := range c.feats {
		if r.skip != nil && r.skip(f) {
			continue
		}
		s += r.W[f]
	}
	return s
}

// best is the highest-scoring candidate; ties keep the earlier one (the
// rules' proposal is always first).
func (r *ranker) best(cs []candidate) int {
	b, bs := 0, r.score(cs[0])
	for i := 1; i < len(cs); i++ {
		if s := r.score(cs[i]); s > bs {
			b, bs = i, s
		}
	}
	return b
}

// Limits of the candidate search around a cue, in tokens.
const (
	rankBack  = 60 // before the cue: its sentence and the one before
	rankAhead = 24 // after the cue, inside the speaker region
)

// candidates lists the speakers the statement whose cue is token i may
// have: the rules' proposal rule first, then the last speaker, then every
// person or body named near the cue.
func (d *doc) candidates(i int, c cue, conj bool, regionEnd int, rule speaker) []candidate {
	formName := [...]string{"past", "present", "participle", "masdar"}[c.form]
	fem := feminineCue(d.toks[i], c)
	var cs []candidate
	at := map[int]int{} // entity → index in cs
	get := func(sp speaker) *candidate {
		if sp.ent >= 0 {
			if k, ok := at[sp.ent]; ok {
				return &cs[k]
			}
			at[sp.ent] = len(cs)
		}
		cs = append(cs, candidate{sp: sp})
		return &cs[len(cs)-1]
	}
	addf := func(cd *candidate, fs ...string) {
		for _, f := range fs {
			cd.feats = append(cd.feats, f, f+"|"+formName)
		}
	}
	r := get(rule)
	addf(r, "rule", "rule|why="+d.why)
	if rule.ent < 0 {
		addf(r, "rule|phrase")
		if !strings.HasPrefix(strings.TrimPrefix(normalize.Search(rule.phrase), "و"), "ال") {
			// An indefinite source (مصدر تركي، مسؤول حكومي، مصادر
			// مطلعة) is unnamed on purpose: no name nearby is its
			// speaker.
			return cs
		}
	}
	if d.last.valid() {
		l := get(d.last)
		switch {
		case d.lastSent == d.sent[i]:
			addf(l, "last|same")
		case d.lastSent == d.sent[i]-1:
			addf(l, "last|prev")
		default:
			addf(l, "last|far")
		}
	}
	counts := map[int]int{}
	for _, m := range d.ments {
		counts[m.ent]++
	}
	seen := map[int]bool{}
	nth := 0
	visit := func(k int, dir string) {
		mi := d.mentAt[k]
		if mi < 0 {
			return
		}
		m := d.ments[mi]
		if m.kind == "pronoun" || m.typ == "LOC" || seen[m.ent] || k != m.tok0 && k != m.tok1 {
			return // a place is no speaker unless the rules say so (أعلنت السعودية)
		}
		seen[m.ent] = true
		if d.governed(mi) || m.tok0 > 0 && d.toks[m.tok0-1].kind == word && prepositions[d.toks[m.tok0-1].norm] {
			return // the object of a preposition is no subject (تحدث عن الرئيس، قال لرويترز)
		}
		nth++
		dist := i - k
		if dir == "after" {
			dist = k - i
		}
		sent := "same"
		if d.sent[k] != d.sent[i] {
			sent = "prev"
		}
		cd := get(speaker{ent: m.ent})
		addf(cd, "m|"+dir+"|"+sent, "m|"+dir+"|d="+bucket(dist), "m|"+dir+"|n="+bucket(nth), "m|typ="+m.typ,
			"m|"+dir+"|typ="+m.typ, "m|fem="+strconv.FormatBool(fem)+"|typ="+m.typ, "m|kind="+m.kind)
		if dist == 1 {
			addf(cd, "m|adjacent|"+dir)
		}
		if strings.HasPrefix(d.toks[m.tok0].norm, "ل") || strings.HasPrefix(d.toks[m.tok0].norm, "ب") {
			addf(cd, "m|proclitic")
		}
		if d.inQuote[k] {
			addf(cd, "m|inquote")
		}
		if k == 0 || d.sent[k-1] != d.sent[k] || k > 0 && d.sentenceStartWithin(k, 3) {
			addf(cd, "m|sentstart")
		}
		if d.relativeBetween(min(i, k), max(i, k)) {
			addf(cd, "m|relative-between")
		}
		if counts[m.ent] == 1 {
			addf(cd, "m|once")
		} else if counts[m.ent] >= 4 {
			addf(cd, "m|salient")
		}
	}
	for k := i + 1; k < len(d.toks) && k < regionEnd && k <= i+rankAhead; k++ {
		visit(k, "after")
	}
	nth = 0
	lo := i - 1
	for lo >= 0 && i-lo <= rankBack && (d.sent[lo] == d.sent[i] || d.sent[lo] == d.sent[i]-1) {
		visit(lo, "before")
		lo--
	}
	for k := range cs {
		cd := &cs[k]
		if conj {
			addf(cd, "conj|"+strings.Join(srcs(cd.feats), "+"))
		}
		addf(cd, "src="+strings.Join(srcs(cd.feats), "+"))
	}
	return cs
}

// srcs names where a candidate came from: the rules, the last speaker, a
// mention before or after the cue.
func srcs(fs []string) []string {
	var out []string
	has := func(p string) bool {
		for _, f := range fs {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"rule", "last|", "m|after", "m|before"} {
		if has(p) {
			out = append(out, strings.TrimSuffix(p, "|"))
		}
	}
	return out
}

// sentenceStartWithin reports whether token k is within n tokens of its
// sentence's start (the subject of a verb-initial sentence).
func (d *doc) sentenceStartWithin(k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n; j-- {
		if d.sent[j] != d.sent[k] {
			return true
		}
	}
	return k < n
}

// prepositions that govern a following name, which is then no subject.
var prepositions = map[string]bool{"عن": true, "مع": true, "من": true, "الى": true, "على": true, "في": true, "حول": true, "بشان": true, "لدى": true}

func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 6:
		return "4-6"
	case n <= 12:
		return "7-12"
	case n <= 24:
		return "13-24"
	}
	return "25+"
}

// feminineCue reports whether the cue word agrees with a feminine subject:
// قالت، أكدت (past ت), تقول (present ت), مؤكدة (participle ة).
func feminineCue(t token, c cue) bool {
	w := strings.TrimPrefix(strings.TrimPrefix(t.norm, "و"), "ف")
	switch c.form {
	case past:
		return strings.HasSuffix(w, "ت")
	case present:
		return strings.HasPrefix(w, "ت")
	case participle:
		return t.taMarbuta
	}
	return false
}

// trainRanker fits an averaged perceptron on ranking instances: each is a
// candidate list and the index of the right speaker. Instances are visited
// in an order shuffled with seed, every epoch.
func trainRanker(inst []rankInstance, epochs int, seed uint64, skip func(string) bool) *ranker {
	w := map[string]float64{}
	u := map[string]float64{} // sum of updates weighted by time, for averaging
	order := make([]int, len(inst))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	t := 1.0
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			in := inst[k]
			r := ranker{W: w, skip: skip}
			p := r.best(in.cands)
			if p != in.gold {
				for _, f := range in.cands[in.gold].feats {
					if skip == nil || !skip(f) {
						w[f]++
						u[f] += t
					}
				}
				for _, f := range in.cands[p].feats {
					if skip == nil || !skip(f) {
						w[f]--
						u[f] -= t
					}
				}
			}
			t++
		}
	}
	avg := make(map[string]float64, len(w))
	for f, v := range w {
		if a := v - u[f]/t; a != 0 {
			avg[f] = round6(a)
		}
	}
	return &ranker{W: avg, skip: skip}
}

func round6(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}

// rankInstance is one training example: candidates and the right one.
type rankInstance struct {
	cands []candidate
	gold  int
}
