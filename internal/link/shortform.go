package link

import (
	"sort"
	"strings"

	"marsad"
	"marsad/internal/kb"
)

// mergeShortForms joins an organisation's shortened name to its full name
// in the same article: news drops words from a long name after giving it
// in full (الائتلاف الوطني السوري → الائتلاف السوري; لجنة التنمية
// الاجتماعية الأهلية → اللجنة الاجتماعية الأهلية, the head made definite).
// The short form keeps the head word and the order of the words it keeps,
// has two words or more, and fits one longer name of the article. A name
// the curated knowledge base knows is left alone (الاتحاد الأوروبي is not
// the shortening of الاتحاد الأوروبي لكرة القدم).
func (l *Linker) mergeShortForms(d *doc) {
	type org struct {
		c     *cluster
		words []string
	}
	var orgs []org
	for _, c := range d.clusters {
		if len(c.mentions) == 0 || (c.e != nil && c.e.Trusted()) {
			continue
		}
		typ := c.typ
		if c.e != nil {
			typ = c.e.Type
		}
		if typ != marsad.ORG {
			continue
		}
		long := ""
		for _, m := range c.mentions {
			if m.kind == KindName && len(m.key) > len(long) {
				long = m.key
			}
		}
		if strings.Count(long, " ") < 1 {
			continue
		}
		orgs = append(orgs, org{c, bareWords(long)})
	}
	for i, s := range orgs {
		var into *cluster
		n := 0
		for j, f := range orgs {
			if i == j || len(f.c.mentions) == 0 || len(f.words) <= len(s.words) || f.words[0] != s.words[0] || !subsequence(s.words, f.words) {
				continue
			}
			if into != f.c {
				n++
			}
			into = f.c
		}
		if n != 1 || into == s.c {
			continue
		}
		for _, m := range s.c.mentions {
			l.join(into, m)
		}
		s.c.mentions = nil
	}
}

// bareWords splits a name key into words without the article ال (and لل
// read as ل + ال), so that a definite and an indefinite head compare equal.
func bareWords(key string) []string {
	ws := strings.Fields(key)
	for i, w := range ws {
		switch {
		case strings.HasPrefix(w, "لل") && len(w) > len("لل")+2:
			ws[i] = "ل" + w[len("لل"):]
		case strings.HasPrefix(w, "ال") && len(w) > len("ال")+2:
			ws[i] = w[len("ال"):]
		}
	}
	return ws
}

// headAnaphora adds the bare definite head of an organisation's name used
// alone later in the article (الديوان after ديوان المظالم، الائتلاف after
// الائتلاف الوطني السوري) as a mention of it: news refers back to an
// institution by its head noun. Only when one organisation of the article
// is named with that head, and the head is not followed by a definite word
// (الهيئة العامة … is another name).
func (l *Linker) headAnaphora(d *doc) {
	byHead := map[string]*cluster{}
	first := map[*cluster]int{}
	for _, c := range d.clusters {
		typ := c.typ
		if c.e != nil {
			typ = c.e.Type
		}
		if len(c.mentions) == 0 || typ != marsad.ORG {
			continue
		}
		start := -1
		for _, m := range c.mentions {
			if m.kind != KindName || !strings.Contains(m.key, " ") || m.local {
				continue
			}
			h := bareWords(m.key)[0]
			if !kb.InstitutionHead(h) {
				continue
			}
			if o, ok := byHead[h]; ok && o != c {
				byHead[h] = nil // two organisations with one head: ambiguous
				continue
			}
			byHead[h] = c
			if start < 0 || m.span.Start < start {
				start = m.span.Start
			}
		}
		if start >= 0 {
			first[c] = start
		}
	}
	if len(byHead) == 0 {
		return
	}
	var added []*mention
	for wi := range d.words {
		tok := d.toks[d.words[wi]]
		for _, r := range d.readings(wi) {
			if !strings.HasPrefix(r.key, "ال") || generic[r.key] {
				continue // البنك never names a bank on its own (data/generic.txt)
			}
			c := byHead[strings.TrimPrefix(r.key, "ال")]
			if c == nil || tok.Start <= first[c] {
				continue
			}
			if wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) && definite(d.wkey(wi+1)) {
				break
			}
			sp := marsad.Span{Start: tok.Start + r.skip, End: tok.End}
			if r.prefix != "" {
				sp.Start = tok.Start
			}
			clash := false
			for _, m := range d.mentions {
				if m.span.Overlaps(sp) {
					clash = true
					break
				}
			}
			if !clash {
				m := &mention{span: sp, key: r.key, kind: KindName}
				added = append(added, m)
				l.join(c, m)
			}
			break
		}
	}
	d.mentions = append(d.mentions, added...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
}
