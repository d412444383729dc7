package link

import (
	"marsad"
	"marsad/internal/kb"
)

// NameEntity is the entity a personal name refers to when a later stage
// finds the name in the text (a quoted speaker the NER missed): the
// knowledge base's entity when the name is one of its trusted names of
// that type, otherwise the entity every article gives that name, with the
// same id and transliteration the linker itself would give. Mentions are
// left to the caller.
func (l *Linker) NameEntity(typ, name string) marsad.Entity {
	key := kb.Key(name)
	if e := trustedName(key, l.kb.LookupKey(key)); e != nil && e.Type == typ {
		return marsad.Entity{ID: e.ID, Name: e.Name, NameEn: e.NameEn, Wikidata: e.Wikidata, Type: e.Type}
	}
	ent := marsad.Entity{ID: kb.NameID(typ, key), Name: name, Type: typ}
	if l.tr != nil {
		ent.NameEn = l.tr.Name(key)
	}
	return ent
}
