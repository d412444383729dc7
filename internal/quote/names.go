package quote

import (
	"strings"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// This file repairs the speaker names the NER hands over, from the text
// around them: the speaker slot of a cue verb has a predictable shape
// (title words, then a personal name: given name, nasab chain, family name),
// so a name mention cut short (فيصل for المهندس فيصل الفضل), one with a
// title or a place glued on (المحلل روتيج، مدير وحدة كهرباء فيفاء سليمان
// الفيفي) and a later reference by family name alone that the NER missed
// (وأضاف الفضل) can be put right before the statements are attributed.
// Nothing is invented: a name is only extended by a word the article
// itself uses as a speaker's name, or by the words of a nasab chain.

// nameLinks chain the parts of an Arabic name: the nasab (بن), the kunya
// (أبو، أبي، أبا) and the family (آل, whose search form is ال). ابن and
// بنت are left out: they are as often the nouns 'son' and 'daughter' (ابن
// عم الشهيد).
var nameLinks = map[string]bool{"بن": true, "ابو": true, "ابي": true, "ابا": true, "ال": true}

// weekdays stand after a subject as adverbials of time (قال أوباما
// الثلاثاء إن); as family names (عبدرب الرسول الخميس) the NER or the
// article's own use of them must tell.
var weekdays = map[string]bool{"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true, "الخميس": true, "الجمعه": true, "السبت": true}

// nameLike reports whether the search-form word w may be part of a
// personal name: not a function word, title, institution word, adverbial,
// complementizer or cue, and not a preposition with the article (للوزير).
func (d *doc) nameLike(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	lx := d.lx
	if lx.notNames[w] || lx.adverbials[w] || lx.governors[w] || lx.honorifics[w] || lx.compPreps[w] ||
		lx.isSpeakerHead(w) || lx.isTitle(w) || lx.isComplementizer(w) || lx.isAttitude(w, "") {
		return false
	}
	if _, _, ok := lx.lookupCue(w, false); ok {
		return false
	}
	return !strings.HasPrefix(w, "لل") && !strings.HasPrefix(w, "بال")
}

// slotWords are the words the article puts in the subject slot right after
// a finite cue verb (وأضاف الفضل، وأشارت التاروتي): where news Arabic
// names a speaker already introduced by his family name alone.
func (d *doc) slotWords() map[string]bool {
	out := map[string]bool{}
	for i := 0; i+1 < len(d.toks); i++ {
		t, n := d.toks[i], d.toks[i+1]
		if t.kind != word || n.kind != word || d.inQuote[i] {
			continue
		}
		if c, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok && c.form.finite() && d.nameLike(n.norm) {
			out[n.norm] = true
		}
	}
	return out
}

// repairNames adjusts the token ranges of the person-name mentions (not
// titles or pronouns the linker added) and works out, per entity, the name
// to show as speaker_name: the entity's name, or the longest repaired
// mention when a repair changed one. Family names then stand for their
// person in a speaker slot where the NER found nothing.
func (d *doc) repairNames() {
	d.display = make([]string, len(d.a.Entities))
	slot := d.slotWords()
	// One-word names of places and bodies: a person mention starting with
	// one has taken the end of a title (مدير وحدة كهرباء [فيفاء سليمان الفيفي]).
	other := map[string]bool{}
	for _, m := range d.ments {
		if m.typ != "PERS" && m.kind != "pronoun" && m.tok0 == m.tok1 {
			other[d.toks[m.tok0].norm] = true
		}
	}
	repaired := make([]bool, len(d.a.Entities))
	for mi := range d.ments {
		m := &d.ments[mi]
		if m.typ != "PERS" || (m.kind != "" && m.kind != "name") {
			continue
		}
		t0, t1 := m.tok0, m.tok1
		// A title or place before a word without the article, where a
		// personal name starts (رئيس الوزراء التركي stays whole: a title).
		for t0 < t1 && (d.lx.isTitle(d.toks[t0].norm) || other[d.toks[t0].norm]) && !strings.HasPrefix(d.toks[t0+1].norm, "ال") &&
			!nameLinks[d.toks[t0+1].norm] { // مالك بن أنس is a name
			t0++
		}
		// An eponym glued on before the name (بجامعة الملك [سعود] مشعل
		// الوعيل): the name of the institution ends there.
		if t0 < t1 && d.eponymAt(t0) && !nameLinks[d.toks[t0+1].norm] && t1-t0 >= 2 {
			t0++
		}
		// A verb of saying, an adverbial, a title or a kinship glued on
		// after the name (فوزي قائلا، بوتين أمس، خالد الدولاني مالك،
		// إبراهيم بن عبدالله أحمد ابن عم): never part of a name.
		for t1 > t0 && d.toks[t1].kind == word {
			w := d.toks[t1].norm
			switch {
			case d.lx.adverbials[w] || d.isCueWord(t1):
				t1--
				continue
			case d.lx.isTitle(w) && !nameLinks[d.toks[t1-1].norm] && t1-t0 >= 2:
				t1--
				continue
			case d.lx.kinship[w] && t1-1 > t0 && hasNorm(d.toks[t1-1], "ابن", "ابنه", "بنت", "شقيق", "شقيقه"):
				t1 -= 2
				continue
			case hasNorm(d.toks[t1], "ابن", "بنت") && t1-t0 >= 2 && !(t1+1 < len(d.toks) && d.toks[t1+1].kind == word && d.nameLike(d.toks[t1+1].norm) && !d.lx.kinship[d.toks[t1+1].norm]):
				// A name ends with no link word: the NER cut "ابن عم
				// الشهيد" after ابن (إبراهيم بن عبدالله أحمد [ابن] عم).
				t1--
				continue
			}
			break
		}
		// A given name the NER left out, right after the cue verb: يرى
		// [عاصم] حسين أن. The slot right after a verb of saying opens with
		// the subject; a word there without the article that is no title
		// or function word starts the name.
		if t0 == m.tok0 && t0 >= 2 && d.toks[t0-1].kind == word && d.mentAt[t0-1] < 0 && d.sent[t0-1] == d.sent[t0] &&
			!strings.HasPrefix(d.toks[t0-1].norm, "ال") && d.nameLike(d.toks[t0-1].norm) && d.cueAround(t0-2) {
			t0--
		}
		for {
			k := t1 + 1
			// An initial and its dot before the name (كيه. | شانموجام).
			if k+1 < len(d.toks) && isAbbreviation(d.toks[t1]) && d.toks[k].norm == "." && d.toks[k+1].kind == word &&
				d.mentAt[k+1] < 0 && d.sent[k+1] == d.sent[t1] && d.nameLike(d.toks[k+1].norm) {
				t1 = k + 1
				continue
			}
			if k >= len(d.toks) || d.toks[k].kind != word || d.sent[k] != d.sent[t1] || (d.mentAt[k] >= 0 && d.mentAt[k] != mi) {
				break
			}
			w := d.toks[k].norm
			if nameLinks[d.toks[t1].norm] && d.nameLike(w) { // عبدالله بن | محمد
				t1 = k
				continue
			}
			if nameLinks[w] && k+1 < len(d.toks) && d.toks[k+1].kind == word && d.sent[k+1] == d.sent[k] &&
				d.mentAt[k+1] < 0 && d.nameLike(d.toks[k+1].norm) { // محمد | بن عبدالله
				t1 = k + 1
				continue
			}
			if slot[w] { // فيصل | الفضل (وأضاف الفضل)
				t1 = k
				continue
			}
			// After a nasab chain, the family name (عبدالله بن زايد
			// [الفريدي]): a word with the article that may be a name.
			// Not after a family name already there (آل الشيخ [المسلمين]:
			// the object of the verb).
			if t1 > t0 && nameLinks[d.toks[t1-1].norm] && !strings.HasPrefix(d.toks[t1].norm, "ال") && strings.HasPrefix(w, "ال") && d.nameLike(w) {
				t1 = k
				continue
			}
			// The subject ends where the complement starts (verb–subject
			// order): a name-like word right before the complementizer of
			// the cue before it belongs to the name (د. سالم [باعجاجه] أنه).
			// Not after a verb that takes an object first (وصف نيكولاس
			// هايسوم [الحادث] بأنه): there the word is the object.
			if d.nameLike(w) && k+1 < len(d.toks) && d.toks[k+1].kind == word && d.lx.isComplementizer(d.toks[k+1].norm) &&
				!d.lx.notComp[w] && !weekdays[w] && d.cueBefore(t0) && !(strings.HasPrefix(w, "ال") && d.objectCueBefore(t0)) {
				t1 = k
				continue
			}
			// The subject ends where its verb starts (subject–verb order):
			// a name-like word between the name and a cue verb belongs to
			// the name (المغرد فراس [بقنة] إذ قال).
			if d.nameLike(w) && !strings.HasPrefix(w, "و") && (d.cueAround(k+1) ||
				(k+2 < len(d.toks) && hasNorm(d.toks[k+1], "قد", "فقد", "لقد", "اذ", "حيث") && d.cueAround(k+2))) {
				t1 = k
				continue
			}
			break
		}
		if t0 == m.tok0 && t1 == m.tok1 {
			continue
		}
		for t := m.tok0; t < t0; t++ {
			if d.mentAt[t] == mi {
				d.mentAt[t] = -1
			}
		}
		for t := t0; t < m.tok0; t++ {
			d.mentAt[t] = mi
		}
		for t := t1 + 1; t <= m.tok1; t++ {
			if d.mentAt[t] == mi {
				d.mentAt[t] = -1
			}
		}
		for t := m.tok1 + 1; t <= t1; t++ {
			d.mentAt[t] = mi
		}
		if t0 != m.tok0 {
			m.start = d.toks[t0].start
		}
		if t1 != m.tok1 {
			m.end = min(m.end, d.toks[t1].end)
			if t1 > m.tok1 {
				m.end = d.toks[t1].end
			}
		}
		m.tok0, m.tok1 = t0, t1
		repaired[m.ent] = true
	}
	// The name to show, and the family names (last words) of the persons.
	family := map[string]int{}
	best := make([]int, len(d.a.Entities)) // words of the longest name mention
	for _, m := range d.ments {
		if m.typ != "PERS" || (m.kind != "" && m.kind != "name") {
			continue
		}
		text := d.text[m.start:m.end]
		n := len(strings.Fields(text))
		if repaired[m.ent] && n > best[m.ent] {
			d.display[m.ent] = text
		}
		best[m.ent] = max(best[m.ent], n)
	}
	for ei, e := range d.a.Entities {
		if e.Type != "PERS" {
			continue
		}
		name := d.display[ei]
		if name == "" {
			name = e.Name
		}
		f := strings.Fields(normalize.Search(name))
		if len(f) < 2 {
			continue
		}
		last := f[len(f)-1]
		if prev, ok := family[last]; ok && prev != ei {
			family[last] = -1 // two persons of one family: no guess
			continue
		}
		family[last] = ei
	}
	// Persons the NER missed altogether: a family name the article uses in
	// a speaker slot, after given names somewhere (وقال المذيع … حسن
	// الساعي إن … أضاف الساعي). Each full name becomes a person of this
	// article with no entity (an index past a.Entities, shown as written).
	for k, t := range d.toks {
		if t.kind != word || !slot[t.norm] || d.mentAt[k] >= 0 || d.inQuote[k] {
			continue
		}
		if j := d.givenNamesBefore(k); j < k && (d.inSpeakerRegion(j, k) || d.titleBefore(j)) {
			d.addTextName(family, j, k)
		}
	}
	// The same, from one occurrence, in the subject of a cue verb headed by
	// a person's title when the NER found no person there: the name is
	// the given and family names that close the subject, right before the
	// complementizer (أكد كبير المحللين في إحدى شركات البورصة رائد الخضر
	// بأن).
	for i, t := range d.toks {
		if t.kind != word || d.inQuote[i] || i+1 >= len(d.toks) || !d.lx.isTitle(d.toks[i+1].norm) {
			continue
		}
		c, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta)
		if !ok || !c.form.finite() {
			continue
		}
		comp := d.findComplement(i, c)
		if comp.kind == compNone || comp.kind == compPrep {
			continue
		}
		k := comp.regionEnd - 1
		if k > i+1 && d.toks[k].kind == punct && (d.toks[k].norm == "،" || d.toks[k].norm == ",") {
			k--
		}
		// A family name may be a title word (غرم الله [المرشد]) when given
		// names stand before it.
		if k <= i+2 || d.toks[k].kind != word || d.mentAt[k] >= 0 ||
			!d.nameLike(d.toks[k].norm) && !(d.lx.isTitle(d.toks[k].norm) && strings.HasPrefix(d.toks[k].norm, "ال") && d.givenNamesBefore(k) < k) {
			continue
		}
		person := false
		for m := i + 1; m < comp.regionEnd; m++ {
			if mi := d.mentAt[m]; mi >= 0 && d.ments[mi].typ == "PERS" && d.named(mi) {
				person = true
			}
		}
		if j := d.givenNamesBefore(k); !person && j < k && j > i+1 {
			d.addTextName(family, j, k)
		}
	}
	// The same, in subject–verb order: a name the NER missed, at the start
	// of a clause, with its title in apposition before a verb of saying
	// (لكن حنيفة أمان وزير الخارجية الماليزي قال إنّ).
	for i, t := range d.toks {
		if t.kind != word || d.inQuote[i] || !d.cueAround(i) {
			continue
		}
		for ti := i - 1; ti >= 2 && ti > i-6 && d.sent[ti] == d.sent[i] && d.toks[ti].kind == word; ti-- {
			if !d.lx.isTitle(d.toks[ti].norm) {
				continue
			}
			k := ti - 1
			if d.toks[k].kind != word || d.mentAt[k] >= 0 || !d.nameLike(d.toks[k].norm) {
				break
			}
			j := d.givenNamesBefore(k)
			if j < k && (j == 0 || d.sent[j-1] != d.sent[j] || d.toks[j-1].kind != word ||
				hasNorm(d.toks[j-1], "لكن", "ولكن", "بينما", "فيما", "اما", "واما")) {
				d.addTextName(family, j, k)
			}
			break
		}
	}
	// …and in verb–subject order: a name the NER missed right after a
	// verb of saying, opening with a known given name and followed by its
	// title in apposition (دعا هادي إليامي رئيس لجنة حقوق الإنسان
	// العربية; a comma is not enough: وتكشف قوة الممثل، وأكمل).
	for i, t := range d.toks {
		if t.kind != word || d.inQuote[i] || !d.cueAround(i) || i+2 >= len(d.toks) || !givenNames()[d.toks[i+1].norm] ||
			!d.nameLike(d.toks[i+1].norm) { // أمين is a given name and a title
			continue
		}
		k := i + 1
		for k+1 < len(d.toks) && k < i+4 && d.toks[k+1].kind == word && d.mentAt[k+1] < 0 && d.sent[k+1] == d.sent[i] &&
			!d.lx.isTitle(d.toks[k+1].norm) && (nameLinks[d.toks[k+1].norm] || d.nameLike(d.toks[k+1].norm)) {
			k++
		}
		next := k + 1
		if k == i+1 || next >= len(d.toks) || d.mentAt[i+1] >= 0 || d.mentAt[k] >= 0 || nameLinks[d.toks[k].norm] {
			continue
		}
		if d.toks[next].kind == word && d.lx.isTitle(d.toks[next].norm) {
			d.addTextName(family, i+1, k)
		}
	}
	// A family name alone in a speaker slot, right after or before a cue
	// verb (وأضاف الفضل، الفضل أكد), where the NER found nothing.
	for k, t := range d.toks {
		if t.kind != word || d.mentAt[k] >= 0 {
			continue
		}
		ei, ok := family[t.norm]
		if !ok || ei < 0 || !(d.cueAround(k-1) || d.cueAround(k+1)) {
			continue
		}
		d.mentAt[k] = len(d.ments)
		d.ments = append(d.ments, ment{start: t.start, end: t.end, ent: ei, typ: "PERS", kind: "name", tok0: k, tok1: k})
	}
}

// givenNamesBefore returns where the given names before the family name
// at k start: the words before it in its sentence that may be names and do
// not take the article (حسن الساعي، رائد الخضر), with nasab links (محمد بن
// علي الغامدي); k itself when there are none.
func (d *doc) givenNamesBefore(k int) int {
	j := k
	for j > 0 && k-j < 4 && d.toks[j-1].kind == word && d.mentAt[j-1] < 0 && d.sent[j-1] == d.sent[k] {
		w := d.toks[j-1].norm
		// الله closes a theophoric given name written apart (غرم الله،
		// عبد الله، ضيف الله): a name when a name-like word is before it.
		if w == "الله" && j >= 2 && d.toks[j-2].kind == word && d.mentAt[j-2] < 0 && d.sent[j-2] == d.sent[k] &&
			!strings.HasPrefix(d.toks[j-2].norm, "ال") && !strings.HasPrefix(d.toks[j-2].norm, "و") && d.nameLike(d.toks[j-2].norm) {
			j -= 2
			continue
		}
		// A word with و is far more often a conjunction and a verb or noun
		// (ويطلق الرجل) than a name: taken only when it is a known given
		// name (وليد، وائل) or opens the subject slot right after a verb
		// of saying (واعتبر وحيد مزهدة), where no conjunction stands.
		wName := !strings.HasPrefix(w, "و") || givenNames()[w] || d.cueAround(j-2)
		if !nameLinks[w] && (strings.HasPrefix(w, "ال") || !wName || !d.nameLike(w) || d.lx.notComp[w]) {
			break
		}
		j--
	}
	for j < k && nameLinks[d.toks[j].norm] {
		j++ // a name does not start with بن
	}
	return j
}

// addTextName makes tokens j…k, a person's name the NER missed, a person
// of this article with no entity (an index past a.Entities, shown as
// written), and its last word his family name, unless another person has
// it.
func (d *doc) addTextName(family map[string]int, j, k int) {
	last := d.toks[k].norm
	if _, known := family[last]; known {
		return
	}
	ei := len(d.a.Entities) + len(d.textNames)
	family[last] = ei
	d.textNames = append(d.textNames, d.text[d.toks[j].start:d.toks[k].end])
	mi := len(d.ments)
	d.ments = append(d.ments, ment{start: d.toks[j].start, end: d.toks[k].end, ent: ei, typ: "PERS", kind: "name", tok0: j, tok1: k})
	for m := j; m <= k; m++ {
		d.mentAt[m] = mi
	}
}

// inSpeakerRegion reports whether tokens j…k lie where a cue verb's
// subject does: after a finite cue verb of their sentence with no
// complementizer between, and shortly before the complementizer, colon or
// quotation that opens the statement (وقال المذيع في إذاعة قطر القطري حسن
// الساعي إن).
func (d *doc) inSpeakerRegion(j, k int) bool {
	if d.cueAround(j - 1) {
		return true // right after the verb: صرح صائب عريقات القائم بأعمال …
	}
	back := false
	for m := j - 1; m >= 0 && m >= j-maxPrepGap && d.sent[m] == d.sent[j]; m-- {
		t := d.toks[m]
		if t.kind == word && d.lx.isComplementizer(t.norm) {
			return false
		}
		if d.cueAround(m) {
			back = true
			break
		}
	}
	if !back {
		return false
	}
	for m := k + 1; m < len(d.toks) && m <= k+4 && d.sent[m] == d.sent[k]; m++ {
		t := d.toks[m]
		if t.kind == mark || t.norm == ":" || (t.kind == word && d.lx.isComplementizer(t.norm)) ||
			(t.kind == word && d.lx.compPreps[t.norm] && m+1 < len(d.toks) && d.lx.isComplementizer(d.toks[m+1].norm)) {
			return true
		}
	}
	return false
}

// isCueWord reports whether token k is a cue of any form (قائلا، مضيفا).
func (d *doc) isCueWord(k int) bool {
	c, _, ok := d.lx.lookupCue(d.toks[k].norm, d.toks[k].taMarbuta)
	return ok && !c.suffixed
}

// cueBefore reports whether a finite cue verb stands shortly before token
// k in its sentence, with no complementizer between: k is in its subject.
// objectCueBefore reports whether the nearest cue before token k in its
// sentence is a verb that takes an object before its content (وصف، اعتبر).
func (d *doc) objectCueBefore(k int) bool {
	for m := k - 1; m >= 0 && m >= k-maxPrepGap && d.sent[m] == d.sent[k]; m-- {
		if t := d.toks[m]; t.kind == word {
			if c, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok {
				return c.object
			}
		}
	}
	return false
}

func (d *doc) cueBefore(k int) bool {
	for m := k - 1; m >= 0 && m >= k-maxPrepGap && d.sent[m] == d.sent[k]; m-- {
		if d.toks[m].kind == word && d.lx.isComplementizer(d.toks[m].norm) {
			return false
		}
		if d.cueAround(m) {
			return true
		}
	}
	return false
}

// titleBefore reports whether a person's title stands shortly before token
// j in its sentence (وزير حقوق الإنسان، عزالدين الأصبحي): j starts the name
// of the title's holder.
func (d *doc) titleBefore(j int) bool {
	for m := j - 1; m >= 0 && m >= j-5 && d.sent[m] == d.sent[j]; m-- {
		if d.toks[m].kind == word && d.lx.isTitle(d.toks[m].norm) {
			return true
		}
		if d.toks[m].kind == word && d.mentAt[m] >= 0 && d.ments[d.mentAt[m]].typ == "PERS" {
			return false
		}
	}
	return false
}

// cueAround reports whether token k is a finite cue verb.
func (d *doc) cueAround(k int) bool {
	if k < 0 || k >= len(d.toks) || d.toks[k].kind != word {
		return false
	}
	c, _, ok := d.lx.lookupCue(d.toks[k].norm, d.toks[k].taMarbuta)
	return ok && c.form.finite()
}

// speakerName is the name shown for entity ei.
func (d *doc) speakerName(ei int) string {
	if ei >= len(d.a.Entities) {
		return d.textNames[ei-len(d.a.Entities)]
	}
	if n := d.display[ei]; n != "" {
		return n
	}
	return d.a.Entities[ei].Name
}
