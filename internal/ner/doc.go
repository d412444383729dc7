package ner

import (
	"marsad/internal/text/normalize"
)

// Names recur in a news article: the first mention is often the full name in
// a clear context (المدرب البرتغالي مانويل جوزيه), later ones are bare
// (جوزيه). A second-stage model sees, for every token, how the first stage
// tagged the same word (its clitic-stripped search form) in the other
// sentences around it — the "extended prediction history" of Ratinov & Roth
// (2009). The second stage is trained on first-stage predictions made by
// models that did not see those sentences (jackknifing), so it learns how
// far to trust them.

// bioLabels is the fixed label order of docCounts.
var bioLabels = labelsFor("BIO")

func bioIndex(tag string) int {
	for i, l := range bioLabels {
		if l == tag {
			return i
		}
	}
	return 0
}

// docCounts counts first-stage labels per word over a window of sentences.
type docCounts struct {
	m map[string]*[9]int32
}

func newDocCounts() *docCounts { return &docCounts{m: map[string]*[9]int32{}} }

// docSent is one sentence's keys and first-stage tags.
type docSent struct {
	keys []string
	tags []string
}

func newDocSent(tokens, tags []string) docSent {
	d := docSent{keys: make([]string, len(tokens)), tags: tags}
	for i, t := range tokens {
		d.keys[i] = bare(normalize.Search(t))
	}
	return d
}

func (d *docCounts) add(s docSent, sign int32) {
	for i, k := range s.keys {
		c := d.m[k]
		if c == nil {
			c = new([9]int32)
			d.m[k] = c
		}
		c[bioIndex(s.tags[i])] += sign
	}
}

// window yields, for each sentence of a document in turn, the counts over
// the sentences at most w away (all of them when w <= 0), without the
// sentence itself. fn must not keep the counts.
func eachWindow(sents []docSent, w int, fn func(i int, c *docCounts)) {
	c := newDocCounts()
	n := len(sents)
	if w <= 0 || w >= n {
		w = n
	}
	hi := 0 // sentences [lo, hi) are in c
	lo := 0
	for i := 0; i < n; i++ {
		for ; hi < n && hi <= i+w; hi++ {
			c.add(sents[hi], 1)
		}
		for ; lo < i-w; lo++ {
			c.add(sents[lo], -1)
		}
		c.add(sents[i], -1)
		fn(i, c)
		c.add(sents[i], 1)
	}
}

// features appends the document features of a token whose key is k.
func (d *docCounts) features(dst []fhash, k string) []fhash {
	return d.featuresAs(dst, k, tDoc)
}

// featuresAs appends the features with templates t0 … t0+4.
func (d *docCounts) featuresAs(dst []fhash, k string, t0 byte) []fhash {
	tDoc, tDocFrac, tDocType, tDocMaj, tDocEnt := t0, t0+1, t0+2, t0+3, t0+4
	c := d.m[k]
	if c == nil {
		return append(dst, newHash(tDoc).num(99))
	}
	var total int32
	for _, v := range c {
		total += v
	}
	if total == 0 {
		return append(dst, newHash(tDoc).num(99))
	}
	var ent int32
	best := 0
	for y, v := range c {
		if v == 0 {
			continue
		}
		if y > 0 {
			ent += v
		}
		if v > c[best] {
			best = y
		}
		frac := int(4 * v / total) // 0..4
		dst = append(dst, newHash(tDoc).num(y), newHash(tDocFrac).num(y).num(frac))
	}
	// The entity types seen, merged over B and I.
	for t := 0; t < 4; t++ {
		if v := c[1+2*t] + c[2+2*t]; v > 0 {
			dst = append(dst, newHash(tDocType).num(t).num(int(4*v/total)))
		}
	}
	return append(dst, newHash(tDocMaj).num(best), newHash(tDocEnt).num(int(4*ent/total)).num(min(int(total), 3)))
}
