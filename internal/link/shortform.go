package link

import (
	"strings"

	"marsad"
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
