package link

import (
	"strings"

	"marsad/internal/kb"
)

// fits reports whether knowledge-base entity e may be what the name key
// means in the article. An entity with a context (kb.Entity.Context: the
// Saudi-led coalition's is Yemen, the Houthis, Sanaa, Aden) is named by its
// descriptions (قوات التحالف) and partial names (التحالف) only in an
// article that names one of its context entities; its proper names
// (التحالف العربي) always name it.
func (l *Linker) fits(d *doc, key string, e *kb.Entity) bool {
	if len(e.Context) == 0 {
		return true
	}
	contextual := false
	for _, n := range append(append([]string(nil), e.Contextual...), e.Partial...) {
		if kb.Key(n) == key {
			contextual = true
			break
		}
	}
	if !contextual {
		return true
	}
	ctx := l.articleContext(d)
	for _, id := range e.Context {
		if ctx[id] {
			return true
		}
	}
	return false
}

// articleContext returns the ids of the knowledge-base entities the
// article's words name (one or two words, proclitics allowed) or whose
// nisba it uses (اليمنية → Yemen), computed once per article.
func (l *Linker) articleContext(d *doc) map[string]bool {
	if d.context != nil {
		return d.context
	}
	d.context = map[string]bool{}
	mark := func(key string) {
		for _, e := range l.kb.LookupKey(key) {
			d.context[e.ID] = true
		}
		if cc, ok := l.kb.NisbaCountry(key); ok {
			if c, ok := l.kb.Country(cc); ok {
				d.context[c.ID] = true
			}
		}
	}
	for wi := range d.words {
		for _, r := range d.readings(wi) {
			mark(r.key)
			if wi+1 < len(d.words) && adjacent(d, d.words[wi], d.words[wi+1]) {
				mark(r.key + " " + d.wkey(wi+1))
			}
		}
	}
	return d.context
}

// titleFits reports whether a literal title's words hold no description
// of a knowledge-base entity out of its context (المتحدث باسم قوات التحالف
// in a story about Afghanistan is not the Saudi-led coalition's spokesman).
func (l *Linker) titleFits(d *doc, key string) bool {
	for _, c := range l.contextual {
		if strings.Contains(" "+key+" ", " "+c.key+" ") && !l.fits(d, c.key, c.e) {
			return false
		}
	}
	return true
}

// contextualName is a description of an entity with a context.
type contextualName struct {
	key string
	e   *kb.Entity
}
