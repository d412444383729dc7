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
func SameEntity(a, b marsad.Entity) bool {
	if a.ID == b.ID {
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
