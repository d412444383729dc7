package link

import (
	"sort"
	"strings"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
)

// nameHonorifics introduce a person's name in Saudi and Gulf news (الأمير
// فيصل بن خالد، الشيخ عبدالله بن صالح الفواز، الدكتور عصام الخرساني،
// المهندس وحي أمان). The NER misses or cuts many such names of local
// officials that no knowledge base lists; the pattern recovers them.
var nameHonorifics = map[string]bool{"الامير": true, "الاميره": true, "الشيخ": true, "الشيخه": true,
	"الدكتور": true, "الدكتوره": true, "المهندس": true, "المهندسه": true, "اللواء": true, "العميد": true,
	"الفريق": true, "العقيد": true, "المقدم": true, "الرائد": true, "النقيب": true, "الاستاذ": true,
	"الاستاذه": true, "الملا": true, "مولانا": true}

// notGiven are words that follow an honorific without being a name: the
// honorific is then a bare title (وأكد الأمير أن، الشيخ في كلمته).
var notGiven = map[string]bool{"ان": true, "انه": true, "في": true, "من": true, "علي": false, "الي": true, "عن": true,
	"مع": true, "خلال": true, "بعد": true, "قبل": true, "امس": true, "اليوم": true, "الذي": true, "التي": true,
	"هو": true, "هي": true, "كان": true, "قد": true, "لا": true, "ما": true, "او": true, "ثم": true, "حيث": true,
	"اول": true, "ركن": true, "اركان": true, "حرب": true, "طيار": true, "بحري": true, "اما": true, "عند": true, "لدي": true, "منذ": true}

// honorificName returns the person's name after the honorific at word wi
// (further honorifics skipped): a given name, a nasab chain (بن/ابن X, عبد
// and أبو compounds kept whole), then آل X or one ال family name; or a given
// name and one more plain word. It needs two words at least.
func (l *Linker) honorificName(d *doc, wi int) (marsad.Span, int) {
	if !nameHonorifics[d.wkey(wi)] {
		return marsad.Span{}, 0
	}
	i := wi + 1
	for i < len(d.words) && (nameHonorifics[d.wkey(i)] || honorifics[d.wkey(i)]) && adjacent(d, d.words[i-1], d.words[i]) {
		i++
	}
	next := func(j int) bool { return j < len(d.words) && adjacent(d, d.words[j-1], d.words[j]) }
	if !next(i) {
		return marsad.Span{}, 0
	}
	start := i
	given := func(j int) (int, bool) { // one name part at j: its end (exclusive)
		w := d.wkey(j)
		if strings.HasPrefix(w, "ال") || notGiven[w] || titleHeads[w] || honorifics[w] || generic[w] ||
			utf8.RuneCountInString(w) < 2 || strings.ContainsAny(w, "0123456789") {
			return 0, false
		}
		if (w == "عبد" || w == "ابو" || w == "ام") && next(j+1) {
			return j + 2, true
		}
		return j + 1, true
	}
	end, ok := given(i)
	if !ok || strings.HasPrefix(d.wkey(i), "و") {
		return marsad.Span{}, 0
	}
	for next(end) {
		switch d.wkey(end) {
		case "بن", "ابن", "بنت":
			if !next(end + 1) {
				break
			}
			if e, ok := given(end + 1); ok {
				end = e
				continue
			}
			if w := d.wkey(end + 1); strings.HasPrefix(w, "ال") { // بن العاص
				end += 2
				continue
			}
		case "ال": // آل سعود
			if next(end + 1) {
				end += 2
			}
		}
		break
	}
	if next(end) {
		w := d.wkey(end)
		switch {
		case strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 && !generic[w] && !titleHeads[w] && !notGiven[w]:
			if _, nisba := l.kb.NisbaCountry(w); !nisba {
				end++ // the family name
			}
		case end == start+1 && !strings.HasPrefix(w, "و") && !verbLike(w) && !perfectLike2(w) &&
			!(strings.HasPrefix(w, "ل") && utf8.RuneCountInString(w) >= 5): // لجهود is a preposition's
			if _, ok := given(end); ok {
				end++
			}
		}
	}
	if end-start < 2 {
		return marsad.Span{}, 0
	}
	return marsad.Span{Start: d.toks[d.words[start]].Start, End: d.toks[d.words[end-1]].End}, end - wi
}

// perfectLike2 is perfectLike without the length limit's exceptions: a word
// that may be a verb after a name (قال، أكد) stops a two-word name.
func perfectLike2(w string) bool { return speechVerbs[w] || reportCues[w] }

// recoverHonorificNames adds the names after honorifics (nameHonorifics),
// replacing NER mentions they strictly contain (a name cut short) and
// leaving alone a span any mention crosses or covers.
func (l *Linker) recoverHonorificNames(d *doc) {
	drop := map[*mention]bool{}
	var added []*mention
	for wi := 0; wi < len(d.words); wi++ {
		sp, n := l.honorificName(d, wi)
		if n == 0 {
			continue
		}
		ok := true
		var inner []*mention
		for _, m := range d.mentions {
			if !m.span.Overlaps(sp) {
				continue
			}
			if sp.Contains(m.span) && m.span != sp && (m.typ == marsad.PERS || m.typ == "") {
				inner = append(inner, m)
				continue
			}
			ok = false
		}
		if !ok {
			continue
		}
		for _, m := range inner {
			drop[m] = true
		}
		added = append(added, &mention{span: sp, key: kb.Key(d.a.Text[sp.Start:sp.End]), typ: marsad.PERS, kind: KindName})
		wi += n - 1
	}
	if len(added) > 0 {
		d.replaceMentions(drop, added)
	}
}

// partialCues are words after which a person's partial name (the ~ names
// of the knowledge base: الأسد، صالح، هادي) names that person even when the
// article never gives the full name: نظام الأسد، قوات صالح، الرئيس هادي.
var partialCues = map[string]bool{"نظام": true, "قوات": true, "عائله": true, "حكومه": true, "ميليشيات": true,
	"مليشيات": true, "انصار": true, "الرئيس": true, "الملك": true, "الامير": true, "الشيخ": true, "المخلوع": true,
	"حزب": false, "جيش": true, "شبيحه": true}

// recoverCuedPartials adds the partial names after partialCues that name
// exactly one trusted person, where no mention is.
func (l *Linker) recoverCuedPartials(d *doc) {
	var added []*mention
	for wi := 1; wi < len(d.words); wi++ {
		if !adjacent(d, d.words[wi-1], d.words[wi]) {
			continue
		}
		cued := false
		for _, r := range d.readings(wi - 1) {
			if r.prefix == "" && partialCues[r.key] {
				cued = true
			}
		}
		if !cued {
			continue
		}
		tok := d.toks[d.words[wi]]
		key := d.wkey(wi)
		var found *kb.Entity
		for _, e := range l.kb.LookupPartial(key) {
			if e.Type == marsad.PERS && e.Trusted() {
				if found != nil && found != e {
					found = nil
					break
				}
				found = e
			}
		}
		if found == nil {
			continue
		}
		sp := marsad.Span{Start: tok.Start, End: tok.End}
		covered := false
		for _, m := range d.mentions {
			if m.span.Overlaps(sp) {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		// The key of the full name links the mention to the person.
		added = append(added, &mention{span: sp, key: kb.Key(found.Name), typ: marsad.PERS, kind: KindName})
	}
	d.mentions = append(d.mentions, added...)
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].span.Start < d.mentions[j].span.Start })
}
