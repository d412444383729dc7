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

// BodyName reports whether a speaker_name the attributor could not link
// names a body — two to eight words opening with an institution noun
// (data/bodies.txt: جهاز الأمن الداخلي الإسرائيلي، وحدة التوثيق في مؤسسة
// الضمير), none of them a verb of saying or complementizer — rather than
// an unnamed source (مصادر مطلعة، مسؤول في الوزارة) or a bare noun
// (الجهاز). The pipeline can make an organisation entity of such a
// speaker, as it makes a person of a PersonName, so that the quote's
// speaker is an entity id as DESIGN.md asks.
func (q *Attributor) BodyName(name string) bool {
	words := strings.Fields(normalize.Search(name))
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	// وحدة starts with و itself: try the word as written first.
	body := func(w string) bool { return q.lx.bodies[strings.TrimPrefix(w, "ال")] }
	if !body(words[0]) && !(strings.HasPrefix(words[0], "و") && body(words[0][len("و"):])) {
		return false
	}
	for _, w := range words {
		if _, _, ok := q.lx.lookupCue(w, false); ok || q.lx.isComplementizer(w) {
			return false
		}
	}
	return true
}
