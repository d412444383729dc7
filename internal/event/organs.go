package event

import (
	"regexp"
	"slices"
	"strings"

	"marsad"
	"marsad/internal/kb"
	"marsad/internal/text/normalize"
)

// State organs named by a nisba (guideline G4, testdata/README.md step
// 11): a definite phrase naming a state's force or institution by the
// state's nisba adjective — الطيران التركي، القوات المسلحة المصرية، قوات
// الأمن التونسي، أجهزة الأمن الروسية — names that state's organ, and an
// event it carries out has the state as actor (GDELT and the PETRARCH
// dictionaries code "Turkish military" as Turkey). NER and linking leave
// these phrases without an entity (the nisba is an adjective, the head a
// common noun), so the coder adds, for its own use, a nominal mention of
// the country for each such phrase; a mention no event uses is removed
// again (organMentions.drop). An indefinite phrase (طائرات حربية تركية) or
// a nisba on an action noun (القصف التركي) does not say which body acted
// and is not read.

// organHeads are the heads of a state organ: forces, services and
// authorities (search form: ا for أ, ه for ة).
var organHeads = map[string]bool{
	"القوات": true, "قوات": true, "الجيش": true, "الطيران": true, "الشرطه": true,
	"الامن": true, "السلطات": true, "الحكومه": true, "المدفعيه": true, "البحريه": true,
	"المقاتلات": true, "الطائرات": true, "الاستخبارات": true, "المخابرات": true,
	"الاجهزه": true, "اجهزه": true, "الدبابات": true, "البوارج": true,
}

// organModifiers may stand between the head and the nisba: the genitive or
// adjective that says which force (قوات الأمن، القوات المسلحة، الطائرات
// الحربية، قوات الاحتلال، الجيش الوطني).
var organModifiers = map[string]bool{
	"الامن": true, "الامنيه": true, "المسلحه": true, "الحربيه": true, "الجويه": true,
	"الخاصه": true, "البريه": true, "الحكوميه": true, "النظاميه": true, "الاحتلال": true,
	"الشرطه": true, "العسكريه": true, "الاتحاديه": true, "الوطني": true, "البحريه": true,
}

// organBlockers before the head make the phrase a genitive of a person, an
// office or a place (قائد القوات الأمريكية، باسم الجيش الليبي، قيادة القوات
// البرية، مقر الحكومة اليمنية), or the name of a party or a company (حزب
// القوات اللبنانية، شركات الطيران السعودية): the person, office, party or
// company is the participant, not the state.
var organBlockers = map[string]bool{
	"قائد": true, "رئيس": true, "وزير": true, "مدير": true, "باسم": true, "المتحدث": true,
	"الناطق": true, "قياده": true, "مسؤول": true, "ضابط": true, "ضباط": true, "مصادر": true,
	"مصدر": true, "اركان": true, "اسم": true, "صفوف": true, "مقر": true,
	"حزب": true, "حركه": true, "تيار": true, "شركات": true, "شركه": true,
}

var organWord = regexp.MustCompile(`[^\s،؛,.:!?؟()«»"'\[\]{}\-–—/]+`)

// organSpan is a state-organ phrase and the country entity it names.
type organSpan struct {
	start, end int
	country    *kb.Entity
}

// findOrgans returns the state-organ phrases of text.
func findOrgans(text string, base *kb.KB) []organSpan {
	locs := organWord.FindAllStringIndex(text, -1)
	norm := make([]string, len(locs))
	for i, l := range locs {
		norm[i] = normalize.Search(text[l[0]:l[1]])
	}
	// gap reports whether anything but spaces stands between words i and j.
	gap := func(i, j int) bool { return strings.TrimSpace(text[locs[i][1]:locs[j][0]]) != "" }
	var out []organSpan
	for i := 0; i < len(locs); i++ {
		head := stripProclitics(norm[i])
		if !organHeads[head] {
			continue
		}
		// A head with the preposition ل is a possessor (مروحية للجيش
		// العراقي، التابعة للقوات): the organ owns something, it does not act.
		if head != norm[i] && (strings.HasPrefix(norm[i], "ل") || strings.HasPrefix(norm[i], "ول") || strings.HasPrefix(norm[i], "فل")) {
			continue
		}
		if i > 0 && !gap(i-1, i) && organBlockers[stripProclitics(norm[i-1])] {
			continue
		}
		j := i + 1
		for n := 0; n < 2 && j < len(locs) && !gap(j-1, j) && organModifiers[norm[j]]; n++ {
			j++
		}
		if j >= len(locs) || gap(j-1, j) || !strings.HasPrefix(norm[j], "ال") {
			continue
		}
		code, ok := base.NisbaCountry(kb.Key(text[locs[j][0]:locs[j][1]]))
		if !ok {
			continue
		}
		c, ok := base.Country(code)
		if !ok {
			continue
		}
		// The head's own proclitics (و، ب، ل) are not part of the name.
		start := locs[i][0] + len(text[locs[i][0]:locs[i][1]]) - len(organSurfaceHead(text[locs[i][0]:locs[i][1]]))
		out = append(out, organSpan{start, locs[j][1], c})
		i = j
	}
	return out
}

// stripProclitics drops a leading و/ف and one of ب/ل from a search-form
// word when what is left is a head (ولقوات → قوات، بالجيش → الجيش).
func stripProclitics(w string) string {
	for _, p := range []string{"وال", "فال", "بال", "وبال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"} {
		if strings.HasPrefix(w, p) {
			rest := strings.TrimPrefix(w, p)
			if strings.HasSuffix(p, "ال") {
				rest = "ال" + rest
			}
			if organHeads[rest] || organBlockers[rest] {
				return rest
			}
		}
	}
	if w == "لل" {
		return w
	}
	if strings.HasPrefix(w, "لل") && organHeads["ال"+strings.TrimPrefix(w, "لل")] {
		return "ال" + strings.TrimPrefix(w, "لل")
	}
	return w
}

// organSurfaceHead is the written head without its proclitics, so that a
// mention starts at the head (قوات in ولقوات).
func organSurfaceHead(w string) string {
	n := stripProclitics(normalize.Search(w))
	if n == normalize.Search(w) {
		return w
	}
	// Drop written runes until the rest normalises to the head (or to the
	// head without its article, after لل).
	for i := range w {
		if i == 0 {
			continue
		}
		r := normalize.Search(w[i:])
		if r == n || "ال"+r == n || "ا"+r == n {
			return w[i:]
		}
	}
	return w
}

// organMentions records the mentions the coder added, to remove the unused
// ones after coding.
type organMentions struct {
	entities int           // len(a.Entities) before
	added    map[int][]int // entity index → indexes of added mentions
}

// addOrgans adds a nominal mention of its country for every state-organ
// phrase of a that no entity mention overlaps, creating the country entity
// when the article has none.
func addOrgans(a *marsad.Article) *organMentions {
	base, err := kb.Default()
	if err != nil {
		return nil
	}
	found := findOrgans(a.Text, base)
	if len(found) == 0 {
		return nil
	}
	om := &organMentions{entities: len(a.Entities), added: map[int][]int{}}
	for _, o := range found {
		if overlapsMention(a, o.start, o.end) {
			continue
		}
		k := -1
		for i := range a.Entities {
			if a.Entities[i].ID == o.country.ID {
				k = i
				break
			}
		}
		if k < 0 {
			a.Entities = append(a.Entities, marsad.Entity{ID: o.country.ID, Name: o.country.Name, NameEn: o.country.NameEn, Type: o.country.Type, Wikidata: o.country.Wikidata, Mentions: []marsad.Mention{}})
			k = len(a.Entities) - 1
		}
		a.Entities[k].Mentions = append(a.Entities[k].Mentions, marsad.Mention{Start: o.start, End: o.end, Text: a.Text[o.start:o.end], Kind: "nominal"})
		om.added[k] = append(om.added[k], len(a.Entities[k].Mentions)-1)
	}
	return om
}

// overlapsMention reports whether an entity mention of a overlaps
// [start, end).
func overlapsMention(a *marsad.Article, start, end int) bool {
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start < end && start < m.End {
				return true
			}
		}
	}
	return false
}

// drop removes the added mentions that no event of a uses as a
// participant (an event uses a mention when it names the mention's entity
// and the mention lies in the event's sentence span), and the added
// entities left without a mention.
func (om *organMentions) drop(a *marsad.Article) {
	if om == nil {
		return
	}
	used := func(id string, m marsad.Mention) bool {
		for _, ev := range a.Events {
			if m.Start < ev.Start || m.End > ev.End {
				continue
			}
			if slices.Contains(ev.Actors, id) || slices.Contains(ev.Targets, id) {
				return true
			}
		}
		return false
	}
	for k, idx := range om.added {
		e := &a.Entities[k]
		keep := e.Mentions[:0]
		for i, m := range e.Mentions {
			if slices.Contains(idx, i) && !used(e.ID, m) {
				continue
			}
			keep = append(keep, m)
		}
		e.Mentions = keep
	}
	out := a.Entities[:om.entities]
	for _, e := range a.Entities[om.entities:] {
		if len(e.Mentions) > 0 {
			out = append(out, e)
		}
	}
	a.Entities = out
}
