package link

import (
	"strings"

	"marsad"
	"marsad/internal/kb"
)

// SameEntity reports whether two entities from different articles of one
// story are the same real entity. Entities in the knowledge base carry the
// same id everywhere, but a name the knowledge base does not know gets an
// id from the name each article used, so one person can be عبدالله المعلمي
// in one article and المعلمي in another. The story layer merges such
// entities with this test: same id; or same type, neither in the knowledge
// base, and one name is the other, a spelling variant of it (consonant
// skeleton), or its surname or head (the shorter name's words end or start
// the longer one).
//
// Generic government bodies of two countries (ScopedID) are never the
// same.
//
// A person is also the same when one name is the other without some of its
// middle names (given name first, family name last), even when the longer
// one is in the knowledge base: علي صالح is علي عبدالله صالح in the story
// that names both. The caller keeps apart a short name that fits two
// longer ones (محمد العمري beside محمد بن علي العمري and محمد بن حمد
// العمري): see internal/story.
func SameEntity(a, b marsad.Entity) bool {
	if a.ID == b.ID {
		return true
	}
	if sa, sb := scopeOf(a.ID), scopeOf(b.ID); sa != "" && sb != "" && sa != sb {
		return false // مجلس الوزراء of two countries (scope.go)
	}
	if a.Type == marsad.PERS && b.Type == marsad.PERS && (unlinked(a.ID) || unlinked(b.ID)) &&
		givenAndFamily(personWords(a.Name), personWords(b.Name)) {
		return true
	}
	if a.Type != b.Type || a.Wikidata != "" || b.Wikidata != "" || !unlinked(a.ID) || !unlinked(b.ID) {
		return false
	}
	ka, kb2 := kb.Key(a.Name), kb.Key(b.Name)
	if ka == kb2 || (len([]rune(ka)) >= 5 && kb.Skeleton(ka) == kb.Skeleton(kb2)) {
		return true
	}
	wa, wb := strings.Fields(ka), strings.Fields(kb2)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == len(wb) || len([]rune(strings.Join(wa, " "))) < 4 {
		return false
	}
	if a.Type == marsad.PERS {
		// A surname: the last words (المعلمي of عبدالله المعلمي); or the
		// given name with its nasab, the first words (خالد بن محمد of
		// خالد بن محمد اليوسف) — a lone given name is too common to say.
		return hasSuffixWords(wb, wa) || (len(wa) >= 3 && wa[1] == "بن" && hasPrefixWords(wb, wa))
	}
	// An organisation or place: its head or its tail (المرصد، الشيشان).
	return hasPrefixWords(wb, wa) || hasSuffixWords(wb, wa)
}

// unlinked reports whether an id was made from a name, not taken from the
// curated knowledge base.
func unlinked(id string) bool { return strings.HasPrefix(id, "x-") }

// personWords are a person's name keys with compounds joined (عبد الله →
// عبدالله، أبو عوف → ابوعوف) and the nasab link بن dropped.
func personWords(name string) []string {
	var out []string
	words := strings.Fields(kb.Key(name))
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "بن" || w == "ابن":
			continue
		case (w == "عبد" || w == "ابو" || w == "ابي" || w == "وعبد" || w == "وابو") && i+1 < len(words):
			w += words[i+1]
			i++
		}
		out = append(out, w)
	}
	return out
}

// givenAndFamily reports whether the names a and b (personWords) are one
// name with and without some middle names: at least two words each, the
// same first word, the same last word (with or without ال: البرناوي،
// برناوي), and the shorter one's middle words in order among the longer
// one's.
func givenAndFamily(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 || a[0] != b[0] || strings.TrimPrefix(a[len(a)-1], "ال") != strings.TrimPrefix(b[len(b)-1], "ال") {
		return false
	}
	return subsequence(a[1:len(a)-1], b[1:len(b)-1])
}
