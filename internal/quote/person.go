package quote

import (
	_ "embed"
	"strings"
	"sync"

	"marsad/internal/text/normalize"
)

//go:embed data/given-names.txt
var givenNamesData string

// givenNames are the words that open a personal name (data/given-names.txt).
var givenNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(givenNamesData, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
})

// PersonName reports whether a speaker_name the attributor could not link
// is a personal name — two to six words opening with a known given name
// (data/given-names.txt), each a possible name word or a name link (بن،
// أبو، آل), none a title, institution word, cue or function word — and
// not a descriptive phrase such as «مسؤول في المطار» or «مصادر
// يمنية». The pipeline makes a person entity of such a speaker, so that
// the quote has an entity to point to; an unnamed source stays a phrase.
func (q *Attributor) PersonName(name string) bool {
	words := strings.Fields(normalize.Search(name))
	if len(words) < 2 || len(words) > 6 || !givenNames()[words[0]] || nameLinks[words[len(words)-1]] {
		return false
	}
	d := &doc{lx: q.lx}
	for _, w := range words {
		if !nameLinks[w] && !d.nameLike(w) {
			return false
		}
	}
	return true
}
