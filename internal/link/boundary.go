package link

import (
	"sort"
	"strings"

	"marsad"
	"marsad/internal/kb"
)

// unglue moves the boundary between two names the NER ran together where
// the article itself shows where one ends:
//
//   - a person's span that starts with the last word(s) of another name the
//     article uses (مؤسسة اسباير زون حسين القحطاني, the NER's span زون حسين
//     القحطاني, اسباير زون named elsewhere): the words go back to that name;
//   - an organisation's or place's span that is a knowledge-base name
//     followed by a person's name (طالبان ذبيح الله مجاهد): the person's name
//     starts with a given name (data/given-names.txt) or is a theophoric
//     compound (ذبيح الله، نصر الله) that names no organisation;
//   - a kunya word before a known organisation's name in its span (أبو حركة
//     طالبان, a nickname) is dropped.
func (l *Linker) unglue(d *doc) {
	names := map[string]string{} // multi-word names of the article's organisations and places → type
	for _, m := range d.mentions {
		if m.kind == KindName && m.typ != marsad.PERS && m.typ != "" && strings.Contains(m.key, " ") {
			names[m.key] = m.typ
		}
	}
	var added []*mention
	for _, m := range d.mentions {
		if m.kind != KindName {
			continue
		}
		ws := wordsIn(d, m.span)
		switch {
		case m.typ == marsad.PERS && len(ws) >= 3 && len(names) > 0:
			if g := l.gluedBefore(d, m, ws, names); g != nil {
				added = append(added, g)
			}
		case m.typ == marsad.ORG && len(ws) >= 4 && royalTitles[d.wkey(ws[1])] && isHead(d, ws[0]):
			// An institution named after a king (جامعة الملك سعود) that the
			// NER ran into the next person's name: cut after the namesake
			// when a given name follows.
			if p := l.namesakeEnd(d, d.toks[d.words[ws[1]]].Start, m, true); p != nil {
				m.key = kb.Key(d.a.Text[m.span.Start:m.span.End])
				added = append(added, p)
			}
		case (m.typ == marsad.ORG || m.typ == marsad.LOC) && len(ws) >= 2:
			if p := l.personAfter(d, m, ws); p != nil {
				added = append(added, p)
			} else if w := d.wkey(ws[0]); (w == "ابو" || w == "ام") && d.toks[d.words[ws[0]]].Start == m.span.Start {
				// أبو حركة طالبان ("the father of the Taliban") is a
				// nickname of a person, not the movement's name: the
				// movement is the rest when it is a known organisation.
				key := kb.Key(d.a.Text[d.toks[d.words[ws[1]]].Start:m.span.End])
				if e := trustedName(key, l.kb.LookupKey(key)); e != nil && e.Type == marsad.ORG {
					m.span.Start, m.key, m.typ = d.toks[d.words[ws[1]]].Start, key, e.Type
				}
			}
		}
	}
	if len(added) == 0 {
		return
	}
	d.mentions = append(d.mentions, added...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
}

// wordsIn returns the indexes of the words a span covers (the first may
// hold a proclitic outside the span).
func wordsIn(d *doc, sp marsad.Span) []int {
	i := sort.Search(len(d.words), func(i int) bool { return d.toks[d.words[i]].End > sp.Start })
	var out []int
	for ; i < len(d.words) && d.toks[d.words[i]].Start < sp.End; i++ {
		out = append(out, i)
	}
	return out
}

// gluedBefore cuts off the start of person mention m (words ws) when one or
// two of its first words end, with one or two words before the span, a
// name in names; at least two words stay the person's, and they start with
// a given name (data/given-names.txt). It returns the
// mention of the other name when no mention covers it yet.
func (l *Linker) gluedBefore(d *doc, m *mention, ws []int, names map[string]string) *mention {
	for k := 1; k <= 2 && len(ws)-k >= 2; k++ {
		switch w := d.wkey(ws[k]); {
		case !givenNames[w], w == "بن", w == "ابن", w == "بنت", w == "ال":
			continue // the person's name must start with a given name (not الملك فيصل | بن عبدالعزيز)
		}
		for j := 1; j <= 2; j++ {
			from := ws[0] - j
			if from < 0 {
				break
			}
			key, ok := "", true
			for wi := from; wi < ws[k]; wi++ {
				if wi > from && !adjacent(d, d.words[wi-1], d.words[wi]) {
					ok = false
					break
				}
				if key != "" {
					key += " "
				}
				key += d.wkey(wi)
			}
			typ, known := names[key]
			if !ok || !known {
				continue
			}
			sp := marsad.Span{Start: d.toks[d.words[from]].Start, End: d.toks[d.words[ws[k-1]]].End}
			m.span.Start = d.toks[d.words[ws[k]]].Start
			m.key = kb.Key(d.a.Text[m.span.Start:m.span.End])
			for _, o := range d.mentions {
				if o != m && o.span.Overlaps(sp) {
					return nil
				}
			}
			return &mention{span: sp, key: key, typ: typ, kind: KindName}
		}
	}
	return nil
}

// personAfter cuts a person's name off the end of organisation or place
// mention m (words ws) whose start is a trusted name: the rest must open
// with a given name and have two words, or be a theophoric compound (X
// الله) that no knowledge-base entity is called. A two-word rest is
// followed into the next word when that can be a name part (ذبيح الله
// مجاهد). It returns the person's mention.
func (l *Linker) personAfter(d *doc, m *mention, ws []int) *mention {
	for i := len(ws) - 1; i >= 1; i-- {
		key := kb.Key(d.a.Text[m.span.Start:d.toks[d.words[ws[i-1]]].End])
		e := trustedName(key, l.kb.LookupKey(key))
		if e == nil || e.Type == marsad.PERS {
			continue
		}
		rest := ws[i:]
		w0 := d.wkey(rest[0])
		theophoric := len(rest) == 2 && d.wkey(rest[1]) == "الله" && len(l.kb.LookupKey(w0+" الله")) == 0 && !generic[w0] && w0 != "عبد"
		if !(theophoric || (givenNames[w0] && len(rest) >= 2)) {
			return nil
		}
		end := rest[len(rest)-1]
		if len(rest) == 2 && end+1 < len(d.words) && adjacent(d, d.words[end], d.words[end+1]) && nameWord(d.wkey(end+1)) {
			end++
		}
		p := &mention{span: marsad.Span{Start: d.toks[d.words[rest[0]]].Start, End: d.toks[d.words[end]].End}, typ: marsad.PERS, kind: KindName}
		for _, o := range d.mentions {
			if o != m && o.span.Overlaps(p.span) {
				return nil
			}
		}
		p.key = kb.Key(d.a.Text[p.span.Start:p.span.End])
		m.span.End = d.toks[d.words[ws[i-1]]].End
		m.key = key
		return p
	}
	return nil
}

// nameWord reports whether a word after a given name can be the next part
// of the name (مجاهد) rather than a verb, particle or title (إن، قال،
// المتحدث).
func nameWord(w string) bool {
	return !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ال") && !notGiven[w] && !titleHeads[w] && !generic[w] &&
		!honorifics[w] && !verbLike(w) && !perfectLike2(w) && !junkTail(w) && len([]rune(w)) >= 3
}

// isHead reports whether word wi is an institution head (جامعة، مستشفى),
// proclitics allowed.
func isHead(d *doc, wi int) bool {
	_, ok := headAt(d, wi)
	return ok && !placeHeads[d.wkey(wi)]
}

// recoverRoyalInstitutions finds the institutions and streets named after
// a king, prince or imam (مستشفى الملك فهد، جامعة الإمام محمد بن سعود
// الإسلامية، طريق الملك عبدالعزيز) where the NER found no person to widen
// (it may have run the name into the next word: فهد بتبوك): an institution
// head, a royal title, a given name with its nasab (بن X, آل X), and for an
// institution the adjectives that agree with it. Mentions inside the name
// are replaced; a mention that crosses its edge is left to institutions.
func (l *Linker) recoverRoyalInstitutions(d *doc) {
	var added []*mention
	drop := map[*mention]bool{}
	for wi := 0; wi+2 < len(d.words); wi++ {
		r, ok := headAt(d, wi)
		facility := false
		if !ok {
			r, facility = facilityAt(d, wi)
			ok = facility
		}
		if !ok && dualOfHead(d.wkey(wi)) {
			r, ok = rkey{key: dualHead}, true
		}
		if !ok || personHeads[r.key] || !royalTitles[d.wkey(wi+1)] || !adjacent(d, d.words[wi], d.words[wi+1]) ||
			!adjacent(d, d.words[wi+1], d.words[wi+2]) {
			continue
		}
		end := l.namesakeWords(d, wi+2)
		if end == wi+2 {
			continue
		}
		if r.key == dualHead {
			// جامعتي الملك عبدالعزيز وجدة: two bodies, neither named
			// whole (the gold's convention); the king's name in it is no
			// person of the article.
			sp := marsad.Span{Start: d.toks[d.words[wi+1]].Start, End: d.toks[d.words[end-1]].End}
			for _, m := range d.mentions {
				if m.typ == marsad.PERS && sp.Contains(m.span) {
					drop[m] = true
				}
			}
			wi = end - 1
			continue
		}
		typ := marsad.ORG
		if facility {
			// مطار الملك خالد الدولي، مدينة الملك عبدالعزيز الرياضية; a
			// medical city is an organisation (مدينة الملك عبدالله الطبية).
			typ = marsad.LOC
			for end < len(d.words) && adjacent(d, d.words[end-1], d.words[end]) && nisbaAdjective(d.wkey(end)) && !l.nisbaOfCountry(d.wkey(end)) {
				if d.wkey(end) == "الطبيه" {
					typ = marsad.ORG
				}
				end++
			}
		} else if placeHeads[r.key] || r.key == "مخيم" {
			typ = marsad.LOC
		} else {
			for end < len(d.words) && adjacent(d, d.words[end-1], d.words[end]) && nisbaAdjective(d.wkey(end)) && !l.nisbaOfCountry(d.wkey(end)) {
				end++
			}
		}
		sp := marsad.Span{Start: d.toks[d.words[wi]].Start + r.skip, End: d.toks[d.words[end-1]].End}
		clash := false
		var inner []*mention
		for _, m := range d.mentions {
			switch {
			case !m.span.Overlaps(sp):
			case sp.Contains(m.span) && m.span != sp:
				inner = append(inner, m)
			default:
				clash = true
			}
		}
		if clash {
			continue
		}
		for _, m := range inner {
			drop[m] = true
		}
		added = append(added, &mention{span: sp, key: kb.Key(d.a.Text[sp.Start:sp.End]), typ: typ, kind: KindName})
		wi = end - 1
	}
	if len(added) > 0 {
		d.replaceMentions(drop, added)
	}
}

// facilityHeads are the nouns of places named after a king or prince: the
// place nouns most frequent before الملك/الأمير in SaudiNewsNet (25
// occurrences or more: مطار 483, مدينة 481, حديقة 106, ملعب 70, جامع 59,
// متنزه 46, منتزه 37, مخطط 32, ميناء 32, استاد 27; roads and bridges are
// placeHeads already).
var facilityHeads = wordSet("مطار مدينة حديقة ملعب جامع متنزه منتزه مخطط ميناء استاد")

// dualHead marks a dual institution head (جامعتي، مستشفيي) in
// recoverRoyalInstitutions.
const dualHead = "<dual>"

// dualOfHead reports whether a word key is the dual construct form of an
// institution head (جامعتي of جامعة).
func dualOfHead(k string) bool {
	stem, ok := strings.CutSuffix(k, "تي")
	return ok && institutionHeads[stem+"ه"]
}

// facilityAt returns the reading of word wi that is a facility head.
func facilityAt(d *doc, wi int) (rkey, bool) {
	for _, r := range d.readings(wi) {
		if r.prefix == "" && facilityHeads[r.key] {
			return r, true
		}
	}
	return rkey{}, false
}

// namesakeWords returns the end (exclusive word index) of a royal's name
// starting at word wi: a given name (عبد and أبو compounds whole), then
// بن/ابن X and آل X; wi when no given name is there.
func (l *Linker) namesakeWords(d *doc, wi int) int {
	next := func(j int) bool { return j < len(d.words) && adjacent(d, d.words[j-1], d.words[j]) }
	given := func(j int) int {
		w := d.wkey(j)
		if strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "و") || notGiven[w] || titleHeads[w] || honorifics[w] || generic[w] ||
			len([]rune(w)) < 2 || strings.ContainsAny(w, "0123456789") || junkTail(w) {
			return j
		}
		if (w == "عبد" || w == "ابو") && next(j+1) {
			return j + 2
		}
		if !givenNames[w] && strings.ContainsRune("بلك", []rune(w)[0]) && l.kb.LookupKey(w) == nil {
			// بتبوك is a preposition's phrase, not a king's name; only a
			// known given name may start so (بندر، لؤي …).
			if len(d.readings(j)) > 1 {
				return j
			}
		}
		return j + 1
	}
	end := given(wi)
	if end == wi {
		return wi
	}
	for next(end) && next(end+1) {
		switch d.wkey(end) {
		case "بن", "ابن":
			if e := given(end + 1); e > end+1 {
				end = e
				continue
			}
		case "ال":
			end += 2
		}
		break
	}
	return end
}
