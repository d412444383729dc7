package quote

import (
	"strings"

	"marsad/internal/text/normalize"
)

// resolveSpeaker finds who says the statement whose cue is token i; the
// speaker region runs from i+1 to regionEnd. ok is false when the region
// names something that cannot speak (تشير الإحصاءات أن): then there is no
// statement to attribute.
func (d *doc) resolveSpeaker(i int, c cue, conj bool, regionEnd int) (speaker, bool) {
	d.why = "" // which rule decided, a feature of the speaker ranker (rank.go)
	// نقلت الوكالة عن الناطق أن، بينت الشركة على لسان رئيسها أن.
	if sp, ok := d.voice(i+1, regionEnd, c); ok {
		d.why = "voice"
		return sp, true
	}
	// وقال سماحته، وأضاف معاليه: the one already speaking.
	if i+1 < regionEnd && d.lx.honorifics[d.toks[i+1].norm] {
		d.why = "honorific"
		return d.continuation(i), true
	}
	// A cue inside the content of another statement, after its
	// complementizer (أنه طالب بـ…، لأنها ترى أن): its subject is that
	// clause's pronoun, not a speaker of the article.
	if i > 1 && d.toks[i-1].kind == word && d.lx.isComplementizer(strings.TrimPrefix(d.toks[i-1].norm, "ل")) &&
		d.toks[i-1].norm != "ان" && d.toks[i-1].norm != "بان" && !d.lx.notComp[d.toks[i-2].norm] {
		return speaker{ent: -1}, false
	}
	switch c.form {
	case past, present:
		// A masculine verb that takes an object before a feminine noun
		// (ودعا وكالة التنمية الأميركية إلى): the verb would agree with
		// its subject (دعت الوكالة), so the noun is its object and the
		// subject is dropped.
		if c.object && i+1 < regionEnd && d.feminineObject(i) {
			d.why = "femobject"
			return d.proDrop(i), true
		}
		// Verb–subject order, the default of news Arabic: أوضح الرئيس
		// الأميركي أن، أعلن الكرملين أن.
		if sp, explicit := d.subjectAfter(i+1, regionEnd, c); explicit {
			d.why = "after"
			return sp, sp.valid()
		}
		// A relative clause on an indefinite speech noun, which takes no
		// relative pronoun: حوارا مع اللاعب قال فيه، كلمة رئيس الجمعية
		// عبدالعزيز السيف، أوضح فيها.
		if sp, ok := d.resumptive(i); ok {
			d.why = "resumptive"
			return sp, true
		}
		// A relative clause: التصريحات التي أكد فيها …، الادعاءات التي تقول.
		if sp, ok, rel := d.relative(i); rel {
			d.why = "relative"
			return sp, ok
		}
		// Subject–verb: ترامب أشار إلى أنه، أما بوتين فقال إن.
		if sp, ok := d.subjectBefore(i, conj); ok {
			d.why = "before"
			return sp, true
		}
		d.why = "prodrop"
		return d.proDrop(i), true
	case participle:
		// …، مؤكداً أن: the subject of the clause the participle hangs on —
		// the speaker of a statement earlier in this sentence, or the
		// sentence's first named subject.
		if d.last.valid() && d.lastSent == d.sent[i] {
			d.why = "plast"
			return d.last, true
		}
		if sp, ok := d.sentenceSubject(i); ok {
			d.why = "psubject"
			return sp, true
		}
		// A participle opening its sentence (⏎ مشيراً إلى أن …) hangs on
		// the main clause of the sentence before, when that sentence
		// comes after the last statement: its subject speaks (من جانبه
		// أكد الناطق … النقيب عمر الأكلبي جاهزية …. ⏎ مشيراً أن …).
		if sp, ok := d.openingParticiple(i); ok {
			d.why = "popening"
			return sp, true
		}
		d.why = "pcont"
		return d.continuation(i), true
	default: // masdar: نقلت عن الوزير قوله إن …; واستطرد بقوله …
		if k := i - 1; k > 0 {
			if mi := d.mentAt[k]; mi >= 0 && d.ments[mi].kind != "pronoun" && d.ments[mi].tok0 > 0 &&
				hasNorm(d.toks[d.ments[mi].tok0-1], "عن") {
				d.why = "masdaran"
				return speaker{ent: d.ments[mi].ent}, true
			}
		}
		d.why = "mprodrop"
		return d.proDrop(i), true
	}
}

// feminineObject reports whether the masculine verb at i is followed by a
// feminine singular noun that is no person (ة: وكالة، الحكومة، اللجنة),
// which cannot be its subject.
func (d *doc) feminineObject(i int) bool {
	v := strings.TrimPrefix(strings.TrimPrefix(d.toks[i].norm, "و"), "ف")
	if strings.HasSuffix(v, "ت") || strings.HasPrefix(v, "ت") || strings.HasSuffix(v, "وا") || strings.HasSuffix(v, "ون") {
		return false // دعت، تدعو، دعوا: feminine or plural
	}
	n := d.toks[i+1]
	if n.kind != word || !n.taMarbuta || d.lx.isTitle(n.norm) {
		return false
	}
	if mi := d.mentAt[i+1]; mi >= 0 && d.ments[mi].typ == "PERS" {
		return false
	}
	return true
}

// relative resolves a cue verb right after a relative pronoun (التي،
// الذي، الذين). When the verb agrees with the pronoun it is the subject,
// and the speaker is the noun before it, if it is a name (الادعاءات التي
// تقول بأن …: no speaker). Otherwise the pronoun is an object (القضية التي
// وصفها، التصريحات التي أكد فيها) and the speaker is the person named just
// before it (تصريحات المرشد الأعلى، آية الله علي خامنئي، التي أكد فيها أن
// …), else the usual pro-drop one. rel is false when no relative pronoun.
func (d *doc) relative(i int) (sp speaker, ok, rel bool) {
	if i == 0 {
		return sp, false, false
	}
	p := strings.TrimPrefix(d.toks[i-1].norm, "و")
	w := d.toks[i].norm
	fem := strings.HasPrefix(w, "ت") || strings.HasSuffix(w, "ت")
	plural := strings.HasSuffix(w, "وا") || strings.HasSuffix(w, "ون")
	var agrees bool
	switch p {
	case "التي", "اللتي", "اللواتي", "اللاتي":
		agrees = fem
	case "الذي":
		agrees = !fem && !plural
	case "الذين":
		agrees = plural
	default:
		return sp, false, false
	}
	k := i - 2
	for k >= 0 && d.toks[k].kind == punct && (d.toks[k].norm == "،" || d.toks[k].norm == ",") {
		k--
	}
	if agrees {
		if k >= 0 {
			if mi := d.mentAt[k]; mi >= 0 && d.named(mi) {
				return speaker{ent: d.ments[mi].ent}, true, true
			}
		}
		// A resumptive pronoun on the complementizer (الأمر الذي قال إنه
		// كفيل): the relative is the object of the verb, whose subject
		// is dropped — not the noun before it.
		if c := i + 1; c < len(d.toks) && (p == "الذي" && hasNorm(d.toks[c], "انه", "بانه") || p == "التي" && hasNorm(d.toks[c], "انها", "بانها")) &&
			!(k >= 0 && d.lx.isSpeakerHead(d.toks[k].norm)) {
			if sp := d.proDrop(i); sp.valid() {
				return sp, true, true
			}
		}
		return speaker{ent: -1}, false, true
	}
	for m := k; m >= 0 && m > k-6 && d.sent[m] == d.sent[i]; m-- {
		if mi := d.mentAt[m]; mi >= 0 && d.named(mi) && d.ments[mi].typ == "PERS" {
			return speaker{ent: d.ments[mi].ent}, true, true
		}
	}
	// With no one named before it, a relative on a thing inside another
	// statement (… تخوم مدينة زنجبار التي قال إن أخبارها ستكون مفرحة)
	// has the dropped subject of that statement: its speaker.
	if d.insideEmitted(d.toks[i].start) && d.last.valid() && d.lastSent == d.sent[i] {
		return d.last, true, true
	}
	return sp, false, false
}

// resumptive resolves a cue verb followed by في with a pronoun (قال فيه،
// أوضح فيها) and no relative pronoun before it: the clause qualifies an
// indefinite speech noun (حوار، كلمة، مقابلة: data/documents.txt) shortly
// before, and the one who spoke it is the person named after that noun, in
// its genitive or after مع (أجرت الصحيفة حوارا مع اللاعب قال فيه). ok is
// false when there is no such noun or no person after it.
func (d *doc) resumptive(i int) (speaker, bool) {
	none := speaker{ent: -1}
	if i+1 >= len(d.toks) || !hasNorm(d.toks[i+1], "فيه", "فيها") {
		return none, false
	}
	// A plural verb (قالوا فيها) has a plural subject: no one person.
	if v := d.toks[i].norm; strings.HasSuffix(v, "وا") || strings.HasSuffix(v, "ون") {
		return none, false
	}
	for k := i - 1; k >= 0 && k >= i-12 && d.sent[k] == d.sent[i]; k-- {
		t := d.toks[k]
		if t.kind != word || d.inQuote[k] {
			continue
		}
		if relativePronouns[strings.TrimPrefix(t.norm, "و")] || d.isCueWord(k) {
			return none, false
		}
		w := strings.TrimPrefix(strings.TrimPrefix(t.norm, "و"), "ال")
		if !d.lx.documents[w] && !d.lx.documents[strings.TrimSuffix(w, "ا")] {
			continue
		}
		for m := k + 1; m < i; m++ {
			if mi := d.mentAt[m]; mi >= 0 && d.ments[mi].typ == "PERS" && d.ments[mi].kind != "pronoun" {
				return d.spk(mi), true
			}
		}
		return none, false
	}
	return none, false
}

// proDrop is the speaker of a finite cue verb with no subject of its own
// (وأكد أن، لكنه شدد، فيما قالت إن): the speaker of a statement earlier in
// the sentence; after من جانبه/بدوره the one just named; else the
// sentence's first named subject (وانتقد … فلاح مصطفى القرار، شدد على أن);
// else the previous speaker.
func (d *doc) proDrop(i int) speaker {
	if d.last.valid() && d.lastSent == d.sent[i] {
		return d.last
	}
	if d.afterMarker(i) {
		if sp, ok := d.justNamed(i); ok {
			return sp
		}
	}
	if sp, ok := d.sentenceSubject(i); ok {
		return sp
	}
	// وانتقل حاكم لويزيانا بوبي جيندال إلى المدينة. ⏎ وقال في مؤتمر
	// صحافي "…": a person brought in as the subject of the sentence just
	// before, after the last statement, is the one now speaking.
	if sp, ok := d.previousSubject(i); ok {
		return sp
	}
	return d.continuation(i)
}

// previousSubject is the person who is the subject of the sentence right
// before the cue at i, when that sentence comes after the last statement
// and names him near its start, after its verb and title words (وانتقل
// حاكم لويزيانا الجمهوري بوبي جيندال): the first person it names, within
// its first eight tokens, not governed by a preposition.
func (d *doc) previousSubject(i int) (speaker, bool) {
	none := speaker{ent: -1}
	k := i - 1
	for k >= 0 && d.sent[k] == d.sent[i] {
		k--
	}
	if k < 0 {
		return none, false
	}
	end := k
	for k > 0 && d.sent[k-1] == d.sent[end] && end-k < maxLookBack {
		k--
	}
	start := k
	if d.toks[start].start <= d.lastEnd {
		return none, false
	}
	for k := start; k <= end && k < start+8; k++ {
		if d.inQuote[k] {
			return none, false
		}
		mi := d.mentAt[k]
		if mi < 0 || d.ments[mi].typ != "PERS" && d.ments[mi].kind != "pronoun" {
			continue // (a place or body in the title: حاكم لويزيانا)
		}
		if !d.named(mi) {
			return none, false
		}
		if d.prepObject(mi) {
			continue // وكرر رفض التعاون مع الرئيس الأسد: an object, not the subject
		}
		if sp := d.spk(mi); sp.ent != d.last.ent {
			return sp, true
		}
		return none, false
	}
	return none, false
}

// voice finds a speaker handed over inside the region (على لسان X، نقلا عن
// X، and after نقل a bare عن X).
func (d *doc) voice(from, to int, c cue) (speaker, bool) {
	for k := from; k < to; k++ {
		for _, seq := range d.lx.voices {
			if len(seq) == 1 && c.lemma != "نقل" {
				continue
			}
			if k+len(seq) > to || !d.endsWith(k+len(seq), seq) {
				continue
			}
			for m := k + len(seq); m < to && m < k+len(seq)+8; m++ {
				if mi := d.mentAt[m]; mi >= 0 && d.ments[mi].kind != "pronoun" {
					if d.ments[mi].typ == "PERS" || m+1 >= to {
						return speaker{ent: d.ments[mi].ent}, true
					}
					// A title naming a body before the person (الناطق باسم
					// اللجنة جانغ): keep looking for the person.
					for n := d.ments[mi].tok1 + 1; n < to && n < m+8; n++ {
						if mj := d.mentAt[n]; mj >= 0 && d.ments[mj].typ == "PERS" && d.ments[mj].kind != "pronoun" {
							return speaker{ent: d.ments[mj].ent}, true
						}
					}
					return speaker{ent: d.ments[mi].ent}, true
				}
			}
		}
	}
	return speaker{ent: -1}, false
}

// named reports whether mention mi can be a speaker: a name, title or
// nominal (not a pronoun), not governed by a preposition (مع نظيره فابيوس،
// المتحدث باسم الكرملين، لبوتين).
func (d *doc) named(mi int) bool {
	m := d.ments[mi]
	if m.kind == "pronoun" {
		return false
	}
	// A bare title alone taken for a name by the NER (وتابع [سماحة] مفتي
	// عام المملكة): the title or name after it names the speaker.
	if (m.kind == "" || m.kind == "name") && m.tok0 == m.tok1 && d.toks[m.tok0].kind == word {
		if w := strings.TrimPrefix(d.toks[m.tok0].norm, "و"); !strings.HasPrefix(w, "ال") && d.lx.titles[w] && d.text[m.start:m.end] == d.text[d.toks[m.tok0].start:d.toks[m.tok0].end] {
			return false
		}
	}
	if m.tok0 > 0 {
		prev := d.toks[m.tok0-1]
		if prev.kind == word && d.lx.governors[prev.norm] {
			return false
		}
		// Someone's deputy or spokesman (نائب رئيس الوزراء التركي).
		if prev.kind == word && d.lx.isDeputy(prev.norm) {
			return false
		}
		// The medium addressed: قال لتلفزيون رويترز، لصحيفة الحياة.
		if prev.kind == word && strings.HasPrefix(prev.norm, "ل") && d.lx.isSpeakerHead(strings.TrimPrefix(prev.norm, "ل")) {
			return false
		}
	}
	// A clitic preposition glued to the name: لبوتين، بالرئيس — outside
	// the mention, or inside it when the NER took it in (لمنظمة التحرير).
	t := d.toks[m.tok0]
	if m.start > t.start {
		pre := d.text[t.start:m.start]
		if strings.Contains(pre, "ل") || strings.Contains(pre, "ب") {
			return false
		}
	}
	if w := strings.TrimPrefix(t.norm, "و"); strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "بال") ||
		((strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ب")) && d.lx.isSpeakerHead(w[len("ل"):])) {
		return false
	}
	// A hashtag is no name; a name after a place, institution or work noun
	// is its name (بجامعة الملك سعود، مسلسل سيلفي).
	return !strings.HasPrefix(d.text[m.start:m.end], "#") && !d.eponymAt(m.tok0)
}

// eponymAt reports whether the name starting at token k is the name of a
// place, institution or work: after its noun, with a title between or not
// (جامعة [الملك] سعود، مطار [الأمير] سلطان).
func (d *doc) eponymAt(k int) bool {
	p := k - 1
	if p >= 0 && d.toks[p].kind == word && d.lx.isTitle(d.toks[p].norm) {
		p--
	}
	return p >= 0 && d.toks[p].kind == word && d.lx.isEponym(d.toks[p].norm)
}

// subjectAfter finds an explicit subject in the tokens [from, to) after a
// finite cue verb. The noun phrase right after the verb is the subject: a
// mention in it (a person preferred over the place or body in his title:
// نائب رئيس مجلس الأمن الروسي ديمتري مدفيدف), or, with no mention, the
// phrase itself when it opens with a title or institution word (مصدر
// مسؤول، المتحدث باسم الوزارة). A person named a little later (المسؤولة عن
// الركن هاجر التاروتي، المتحدث باسم طالبان ذبيح الله مجاهد) is taken when
// no word of meeting (مع، نظيره) stands between.
//
// explicit reports whether the region has a subject at all; the speaker is
// invalid when that subject cannot be one (a noun the linker did not
// recognise as a name: تشير الإحصاءات أن).
func (d *doc) subjectAfter(from, to int, c cue) (sp speaker, explicit bool) {
	none := speaker{ent: -1}
	if from >= to {
		return none, false
	}
	npEnd := d.nounPhraseEnd(from, to)
	// A document as subject (أوضح التقرير الـ51 لمؤسسة النقد، أكد بيان
	// الرئاسة): the one named in its genitive, with لـ or without, wrote
	// it and speaks.
	if ei, ok := d.documentAuthor(from, to); ok {
		return speaker{ent: ei}, true
	}
	best := -1
	for k := from; k < npEnd; k++ {
		// A relative clause on a subject named already (صحيفة واشنطن
		// تايمز التي أوردت الخبر في تقرير كتبه روان سكاربورو إن): the
		// person in it is not the subject.
		if best >= 0 && relativePronouns[d.toks[k].norm] {
			break
		}
		mi := d.mentAt[k]
		if mi < 0 || !d.named(mi) {
			continue
		}
		if d.ments[mi].typ == "PERS" {
			best = mi
			break
		}
		if best < 0 {
			best = mi
		}
	}
	if best >= 0 {
		// A person's title whose genitive names a body or place (نائب رئيس
		// مجلس إدارة سابك): the holder of the title speaks, not the body.
		// He is the person the article gives that title to (يوسف البنيان،
		// نائب رئيس مجلس إدارتها), else the title is kept as written.
		if m := d.ments[best]; m.typ != "PERS" && m.tok0 > from && d.lx.isTitle(d.toks[from].norm) {
			// The holder named in apposition after the title's phrase
			// (أمير جبهة النصرة في منطقة القلمون أبي مالك الشامي).
			if mi, ok := d.appositionAfter(npEnd, to); ok {
				return d.spk(mi), true
			}
			if ei, ok := d.titleHolder(from, m.tok0); ok {
				return speaker{ent: ei}, true
			}
			end := min(npEnd, from+6)
			return speaker{ent: -1, phrase: d.text[d.toks[from].start:d.toks[end-1].end]}, true
		}
		// An institution of a place (رئاسة إقليم كردستان، حكومة تركيا):
		// the institution speaks, not the place.
		if d.ments[best].typ == "LOC" && d.ments[best].tok0 > from && d.lx.isSpeakerHead(d.toks[from].norm) {
			end := min(npEnd, from+6)
			return speaker{ent: -1, phrase: d.text[d.toks[from].start:d.toks[end-1].end]}, true
		}
		return speaker{ent: d.ments[best].ent}, true
	}
	// A person named after the head noun or an adverbial.
	for k := npEnd; k < to; k++ {
		t := d.toks[k]
		if t.kind == word && d.meetingAt(k) {
			break
		}
		if mi := d.mentAt[k]; mi >= 0 && d.named(mi) && d.ments[mi].typ == "PERS" {
			return speaker{ent: d.ments[mi].ent}, true
		}
	}
	if npEnd == from {
		return none, false
	}
	// الأول / الثاني / الأخير: the former or the latter of the two persons
	// just named (أكد الأول أن …، شدد الثاني على …).
	if npEnd == from+1 {
		if ei, ok := d.ordinalAntecedent(from); ok {
			return speaker{ent: ei}, true
		}
	}
	head := d.toks[from]
	if head.kind != word {
		return none, false
	}
	end := npEnd
	if end-from > 6 {
		end = from + 6
	}
	phrase := d.text[head.start:d.toks[end-1].end]
	// An unlinked noun phrase: the subject if it looks like a speaker;
	// after a verb that takes an object (وصف المحادثات) it is the object.
	switch {
	case d.lx.isSpeakerHead(head.norm):
		// A definite body named earlier in full (معهد ليبنيز … وقال المعهد
		// غير الربحي، وقالت الشركة): the definite noun points back to it.
		if ei, ok := d.definiteAntecedent(from); ok {
			return speaker{ent: ei}, true
		}
		// A definite title (وشدد الوزير الفرنسي، وأضاف الرئيس): the person
		// the article introduced with that title.
		if ei, ok := d.titleAntecedent(from, npEnd); ok {
			return speaker{ent: ei}, true
		}
		// …or a body the linker does not know, speaking earlier under its
		// full name (أعلن جهاز الأمن الداخلي الإسرائيلي … وأضاف الجهاز).
		if p, ok := d.unlinkedAntecedent(from, npEnd); ok {
			return speaker{ent: -1, phrase: p}, true
		}
		// The statement itself as subject (وتابع البيان، وأضاف التقرير):
		// the one whose statement the article is quoting.
		if w := strings.TrimPrefix(head.norm, "و"); strings.HasPrefix(w, "ال") && d.lx.documents[w[len("ال"):]] && d.last.valid() && npEnd == from+1 {
			return d.last, true
		}
		return speaker{ent: -1, phrase: phrase}, true
	case c.object || !d.looksLikeName(head.norm):
		return none, false
	case len(d.a.Entities) > 0:
		// The linker ran and found no name here: not a speaker.
		return none, true
	}
	return speaker{ent: -1, phrase: phrase}, true
}

// appositionAfter finds a person named within eight tokens after the
// title phrase ending at from, before to, with no word of meeting (مع،
// نظيره) or verb of saying between: the title's holder in apposition.
func (d *doc) appositionAfter(from, to int) (int, bool) {
	for k := from; k < to && k < from+8; k++ {
		t := d.toks[k]
		if t.kind == word && (d.meetingAt(k) || d.isCueWord(k)) || t.kind == mark || t.kind == newline {
			return -1, false
		}
		if mi := d.mentAt[k]; mi >= 0 && d.ments[mi].typ == "PERS" && d.named(mi) {
			return mi, true
		}
	}
	return -1, false
}

// documentAuthor finds the author named in the genitive of a document noun
// heading the subject at from (تقرير مؤسسة النقد، التقرير السنوي للهيئة، بيان
// رئيس الإقليم مسعود برزاني): a person if any, else the first body.
func (d *doc) documentAuthor(from, to int) (int, bool) {
	w := strings.TrimPrefix(strings.TrimPrefix(d.toks[from].norm, "و"), "ال")
	if d.toks[from].kind != word || !d.lx.documents[w] {
		return -1, false
	}
	body := -1
	for k := from + 1; k < to && k <= from+8 && d.sent[k] == d.sent[from]; k++ {
		t := d.toks[k]
		if t.kind == punct && t.norm != "." && t.norm != "-" || t.kind == mark || t.kind == newline {
			break
		}
		if t.kind == word && (d.lx.adverbials[t.norm] || d.meetingAt(k)) {
			break
		}
		mi := d.mentAt[k]
		if mi < 0 || d.ments[mi].kind == "pronoun" || d.eponymAt(d.ments[mi].tok0) {
			continue
		}
		if d.ments[mi].typ == "PERS" {
			return d.ments[mi].ent, true
		}
		if body < 0 && d.ments[mi].typ != "LOC" {
			body = mi
		}
	}
	if body < 0 {
		return -1, false
	}
	return d.ments[body].ent, true
}

// ordinalAntecedent resolves الأول ('the former') and الثاني / الأخير
// ('the latter') at token k to the earlier or later of the last two
// persons named in the sentences before k (within maxLookBack tokens).
func (d *doc) ordinalAntecedent(k int) (int, bool) {
	w := strings.TrimPrefix(d.toks[k].norm, "و")
	var later bool
	switch w {
	case "الاول":
	case "الثاني", "الاخير":
		later = true
	default:
		return -1, false
	}
	var last []int // distinct persons, most recent first
	for m := k - 1; m >= 0 && m >= k-maxLookBack*2 && len(last) < 2; m-- {
		mi := d.mentAt[m]
		if mi < 0 || d.ments[mi].typ != "PERS" || d.ments[mi].kind == "pronoun" {
			continue
		}
		e := d.ments[mi].ent
		if len(last) == 0 || last[0] != e {
			last = append(last, e)
		}
		m = d.ments[mi].tok0
	}
	if len(last) < 2 {
		return -1, false
	}
	if later {
		return last[0], true
	}
	return last[1], true
}

// relativePronouns open a relative clause, which ends the noun phrase it
// qualifies (قوات التحالف [التي يقودها حلف شمال الأطلسي]).
var relativePronouns = map[string]bool{"التي": true, "الذي": true, "الذين": true, "اللذين": true, "اللتين": true, "اللذان": true, "اللتان": true, "اللواتي": true, "اللاتي": true}

// nounPhraseEnd is the end of the noun phrase starting at from: up to a
// comma, parenthesis, preposition or adverbial (قال الوزير [في تصريح]،
// قال ترامب [للصحفيين]). A quoted name stays inside (صحيفة "الحياة").
func (d *doc) nounPhraseEnd(from, to int) int {
	k := from
	for k < to {
		t := d.toks[k]
		if t.kind == punct && t.norm != "." {
			break
		}
		if t.kind == word {
			// An indefinite head in construct takes the next word as its
			// genitive, whatever it is (صحيفة صباح، وكالة الأنباء).
			construct := k == from+1 && d.toks[from].kind == word && d.lx.isSpeakerHead(d.toks[from].norm) &&
				!strings.HasPrefix(strings.TrimPrefix(d.toks[from].norm, "و"), "ال")
			if !construct && (d.lx.adverbials[t.norm] || d.lx.governors[t.norm] || relativePronouns[strings.TrimPrefix(t.norm, "و")]) {
				break
			}
			if k > from && (strings.HasPrefix(t.norm, "لل") || strings.HasPrefix(t.norm, "بال")) {
				break
			}
			if _, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok { // بقوله، قائلاً
				break
			}
		}
		if t.kind == mark {
			if qi, ok := d.qAt[k]; ok && d.qs[qi].close < to {
				k = d.qs[qi].close + 1
				continue
			}
			break
		}
		k++
	}
	return k
}

// looksLikeName is a weak test for an unlinked proper name after a verb of
// saying: not a pronoun, demonstrative or particle (data/notnames.txt).
func (d *doc) looksLikeName(w string) bool {
	return !d.lx.notNames[w] && len(w) > 2
}

// subjectBefore finds a subject named just before a finite cue verb:
// ترامب أشار إلى أنه، بوتين وصف المحادثات، أما بوتين فقال.
func (d *doc) subjectBefore(i int, conj bool) (speaker, bool) {
	k := i - 1
	// قد، فقد، لقد and إذ، حيث may stand between (فراس بقنة إذ قال).
	for k >= 0 && d.toks[k].kind == word && hasNorm(d.toks[k], "قد", "فقد", "لقد", "اذ", "حيث") {
		k--
	}
	if k < 0 || d.sent[k] != d.sent[i] {
		return speaker{ent: -1}, false
	}
	if conj && strings.HasPrefix(d.toks[i].norm, "ف") {
		if sp, ok := d.topic(i); ok {
			return sp, true
		}
	}
	if conj && !strings.HasPrefix(d.toks[i].norm, "ف") {
		return speaker{ent: -1}, false // وأكد: a new clause, not this noun's predicate
	}
	// A name with its title in apposition before the verb (حنيفة أمان
	// وزير الخارجية الماليزي قال): the name speaks.
	if t, ok := d.appositiveTitle(k); ok && !conj {
		return speaker{ent: d.ments[d.mentAt[t-1]].ent}, true
	}
	mi := d.mentAt[k]
	if mi < 0 || !d.named(mi) || d.ments[mi].tok1 != k || d.governed(mi) {
		return speaker{ent: -1}, false
	}
	// A person's title whose genitive names a body (وكان مدرب برشلونة قد
	// أعلن): the title's holder, as after the verb.
	if t0 := d.ments[mi].tok0; d.ments[mi].typ != "PERS" && t0 > 0 && d.toks[t0-1].kind == word && d.lx.isTitle(d.toks[t0-1].norm) && !conj {
		if ei, ok := d.titleHolder(t0-1, t0); ok {
			return speaker{ent: ei}, true
		}
		return speaker{ent: -1, phrase: d.text[d.toks[t0-1].start:d.toks[k].end]}, true
	}
	if conj { // فقال only after أما: أما بوتين فقال
		t0 := d.ments[mi].tok0
		if t0 == 0 || !hasNorm(d.toks[t0-1], "اما", "واما") {
			return speaker{ent: -1}, false
		}
	}
	return speaker{ent: d.ments[mi].ent}, true
}

// appositiveTitle finds a person's title phrase ending at token k (at most
// five words, no punctuation) right after a person named by his name: the
// title's first word t, with the name ending at t-1.
func (d *doc) appositiveTitle(k int) (int, bool) {
	for t := k; t >= 1 && t > k-5 && d.sent[t] == d.sent[k]; t-- {
		if d.toks[t].kind != word || d.isCueWord(t) {
			return -1, false
		}
		if !d.lx.isTitle(d.toks[t].norm) {
			if mi := d.mentAt[t]; mi >= 0 && d.ments[mi].typ == "PERS" {
				return -1, false // a name inside the phrase: no apposition
			}
			continue
		}
		mi := d.mentAt[t-1]
		if mi >= 0 && d.ments[mi].tok1 == t-1 && d.ments[mi].typ == "PERS" && d.named(mi) && (d.mentAt[t] < 0 || d.mentAt[t] != mi) {
			return t, true
		}
	}
	return -1, false
}

// topic finds the subject of أما … فـ: أما رعد جاسم (36 سنة) الموظف في
// شركة «نفط الجنوب»، فقال إن — the first name after أما in the sentence.
func (d *doc) topic(i int) (speaker, bool) {
	for k := i - 1; k >= 0 && k >= i-20 && d.sent[k] == d.sent[i]; k-- {
		if !hasNorm(d.toks[k], "اما", "واما") {
			continue
		}
		// أما عن هجوم طالبان فيقول: a topic in a prepositional phrase
		// is what is spoken of, not who speaks.
		if k+1 < i && d.lx.prepositions[d.toks[k+1].norm] {
			break
		}
		for m := k + 1; m < i; m++ {
			if mi := d.mentAt[m]; mi >= 0 && d.named(mi) {
				return speaker{ent: d.ments[mi].ent}, true
			}
		}
		// No name the linker knows: the topic as written (أما المصرف
		// المركزي الصيني فأكد).
		if end := d.nounPhraseEnd(k+1, i); end > k+1 && d.toks[k+1].kind == word {
			if end-k-1 > 6 {
				end = k + 7
			}
			return speaker{ent: -1, phrase: d.text[d.toks[k+1].start:d.toks[end-1].end]}, true
		}
		break
	}
	return speaker{ent: -1}, false
}

// afterMarker reports whether a speaker-switch marker (من جانبه، بدوره)
// stands shortly before the cue at i in its sentence.
func (d *doc) afterMarker(i int) bool {
	for k := i; k >= 0 && k >= i-5 && d.sent[k] == d.sent[i]; k-- {
		for _, seq := range d.lx.markers {
			if d.endsWith(k, seq) || d.endsWith(k, append([]string{"و" + seq[0]}, seq[1:]...)) {
				return true
			}
		}
	}
	return false
}

// justNamed is the last person (else body) named before token i, within
// the current and previous sentence.
func (d *doc) justNamed(i int) (speaker, bool) {
	fallback := -1
	for k := i - 1; k >= 0 && k >= i-maxLookBack && d.sent[k] >= d.sent[i]-1; k-- {
		if d.inQuote[k] {
			continue
		}
		mi := d.mentAt[k]
		if mi < 0 || d.ments[mi].kind == "pronoun" {
			continue
		}
		if d.ments[mi].typ == "PERS" {
			return speaker{ent: d.ments[mi].ent}, true
		}
		if fallback < 0 && d.ments[mi].typ == "ORG" {
			fallback = mi
		}
	}
	if fallback >= 0 {
		return speaker{ent: d.ments[fallback].ent}, true
	}
	return speaker{ent: -1}, false
}

// sentenceSubject is the first person named in token i's sentence before
// i, else the first body or place (حدد رئيس الوزراء كاميرون …، مؤكداً أن؛
// وكانت تركيا قد هاجمت …، فيما قالت إن).
func (d *doc) sentenceSubject(i int) (speaker, bool) {
	k := i
	for k > 0 && k > i-maxLookBack && d.sent[k-1] == d.sent[i] {
		k--
	}
	start := k
	other := -1
	// A sentence that opens with what is spoken of (وعن هجوم طالبان
	// يقول، أما عن …) names no subject there; من جهتها is no such topic.
	w0 := strings.TrimPrefix(d.toks[start].norm, "و")
	adjunct := w0 == "عن" || (w0 == "اما" && start+1 < i && d.lx.prepositions[d.toks[start+1].norm])
	for ; k < i; k++ {
		if d.inQuote[k] || d.insideEmitted(d.toks[k].start) {
			continue
		}
		mi := d.mentAt[k]
		if mi < 0 || !d.named(mi) || d.governed(mi) {
			continue
		}
		switch d.ments[mi].typ {
		case "PERS":
			return speaker{ent: d.ments[mi].ent}, true
		case "ORG", "LOC":
			// A body or place only as the sentence's opening subject
			// (وكانت تركيا قد هاجمت), not as an object further on.
			if other < 0 && k-start < 5 && !adjunct {
				other = mi
				// Right after the sentence's opening verb, before any
				// person (أشادت صحيفة جي سبورت بصفقة انتقال اللاعب
				// "جيانيس …" وعنونت): the subject, the persons after it
				// its objects.
				if d.ments[mi].typ == "ORG" && d.ments[mi].tok0 == start+1 && d.toks[start].kind == word && d.mentAt[start] < 0 && !d.lx.isTitle(w0) && !d.lx.prepositions[w0] && w0 != "اما" {
					return speaker{ent: d.ments[mi].ent}, true
				}
			}
		}
	}
	// A body the linker does not know, as the subject right after the
	// sentence's verb (توعدت قيادة المقاومة الشعبية … المتمردين الحوثيين،
	// مشيرة إلى أن): the body speaks, not a name further on.
	if h := start + 1; h < i && d.toks[start].kind == word && d.toks[h].kind == word && d.mentAt[h] < 0 &&
		!d.lx.governors[strings.TrimPrefix(d.toks[start].norm, "و")] && !d.lx.adverbials[strings.TrimPrefix(d.toks[start].norm, "و")] &&
		d.lx.isSpeakerHead(d.toks[h].norm) && !d.lx.isTitle(d.toks[h].norm) && (other < 0 || d.ments[other].tok0 > h) {
		end := min(d.nounPhraseEnd(h, i), h+6)
		// A definite head takes only definite words after it (المجلس
		// الأعلى); ونفى المجلس [تلقيه أي شكوى]: the rest is its object.
		if strings.HasPrefix(strings.TrimPrefix(d.toks[h].norm, "و"), "ال") {
			e := h + 1
			for e < end && d.toks[e].kind == word && strings.HasPrefix(d.toks[e].norm, "ال") {
				e++
			}
			end = e
		}
		if end == h+1 {
			// The statement itself (ونبه التقرير إلى أن …، لافتاً إلى أن):
			// the one whose statement the article is quoting, as in
			// subjectAfter.
			if w := strings.TrimPrefix(d.toks[h].norm, "و"); strings.HasPrefix(w, "ال") && d.lx.documents[w[len("ال"):]] && d.last.valid() {
				return d.last, true
			}
			// A definite noun alone points back to a body or person
			// named before (ونفى المجلس … وزعم أن: المجلس الأعلى للقضاء).
			if ei, ok := d.definiteAntecedent(h); ok {
				return speaker{ent: ei}, true
			}
			if ei, ok := d.titleAntecedent(h, end); ok {
				return speaker{ent: ei}, true
			}
			if p, ok := d.unlinkedAntecedent(h, end); ok {
				return speaker{ent: -1, phrase: p}, true
			}
		}
		if end > h {
			return speaker{ent: -1, phrase: d.text[d.toks[h].start:d.toks[end-1].end]}, true
		}
	}
	if other >= 0 {
		return speaker{ent: d.ments[other].ent}, true
	}
	return speaker{ent: -1}, false
}

// continuation is the speaker of a statement with no subject of its own
// (وأكد أن، لكنه شدد): the previous statement's speaker; before any
// statement, the sentence's subject or a pronoun mention the linker
// resolved; else the last person named.
func (d *doc) continuation(i int) speaker {
	if d.last.valid() {
		return d.last
	}
	if sp, ok := d.sentenceSubject(i); ok {
		return sp
	}
	for k := i; k >= 0 && k >= i-2; k-- {
		if mi := d.mentAt[k]; mi >= 0 && d.ments[mi].kind == "pronoun" {
			return speaker{ent: d.ments[mi].ent}
		}
	}
	// وقال سموه after a sentence whose subject is a prince and whose
	// object the king: the subject of the sentence before is the one
	// the pronoun continues, not the last person named.
	if sp, ok := d.previousSubject(i); ok {
		return sp
	}
	if sp, ok := d.justNamed(i); ok {
		return sp
	}
	return speaker{ent: -1}
}

// titleHolder finds the person the article gives the title at tokens
// from…stop (its first two words): in apposition after the name (يوسف
// البنيان، نائب رئيس مجلس إدارتها) or before it (نائب رئيس مجلس الإدارة
// يوسف البنيان). The nearest one before the title wins, else the nearest
// after.
func (d *doc) titleHolder(from, stop int) (int, bool) {
	bare := func(w string) string { return strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ال") }
	key := []string{bare(d.toks[from].norm)}
	if from+1 < stop && d.toks[from+1].kind == word {
		key = append(key, bare(d.toks[from+1].norm))
	}
	titleAt := func(a int) bool {
		for n, k := range key {
			if a+n >= len(d.toks) || d.toks[a+n].kind != word || bare(d.toks[a+n].norm) != k {
				return false
			}
		}
		return true
	}
	before, after := -1, -1
	pos := d.toks[from].start
	for mi, m := range d.ments {
		if m.typ != "PERS" || m.kind == "pronoun" || m.kind == "title" {
			continue
		}
		a := m.tok1 + 1
		if a < len(d.toks) && d.toks[a].kind == punct && (d.toks[a].norm == "،" || d.toks[a].norm == ",") {
			a++
		}
		found := a != from && titleAt(a)
		for b := m.tok0 - 1; !found && b >= 0 && b >= m.tok0-8 && d.sent[b] == d.sent[m.tok0]; b-- {
			if mj := d.mentAt[b]; mj >= 0 && d.ments[mj].typ == "PERS" {
				break
			}
			found = b != from && titleAt(b)
		}
		if !found {
			continue
		}
		// (Mentions added by names.go come after the sorted ones.)
		if m.start < pos && (before < 0 || m.start > d.ments[before].start) {
			before = mi
		} else if m.start >= pos && (after < 0 || m.start < d.ments[after].start) {
			after = mi
		}
	}
	switch {
	case before >= 0:
		return d.ments[before].ent, true
	case after >= 0:
		return d.ments[after].ent, true
	}
	return -1, false
}

// titleAntecedent resolves a definite person's title at token k, alone or
// with adjectives up to npEnd (الوزير، الوزير الفرنسي), to the person last
// named before it with that title in apposition to his name (وزير الخارجية
// الفرنسي لوران فابيوس، فابيوس وزير الخارجية الفرنسي: appositionWords),
// and every adjective of the phrase there too. The pronoun-like use of a title is how news Arabic refers back to a
// person; the NER and linker leave such titles without an entity.
func (d *doc) titleAntecedent(k, npEnd int) (int, bool) {
	// Without the article (and a و before it): وزير stays وزير.
	bare := func(w string) string {
		if strings.HasPrefix(w, "وال") {
			w = w[len("و"):]
		}
		return strings.TrimPrefix(w, "ال")
	}
	w := strings.TrimPrefix(d.toks[k].norm, "و")
	if !strings.HasPrefix(w, "ال") || !d.lx.isTitle(w) || npEnd-k > 3 {
		return -1, false
	}
	want := []string{bare(w)}
	for m := k + 1; m < npEnd; m++ {
		if d.ageAt(m) {
			break // اللاعب البالغ من العمر 34 عاما: his age, not his title
		}
		if d.toks[m].kind != word || !strings.HasPrefix(d.toks[m].norm, "ال") {
			return -1, false // a genitive (رئيس الشركة) names another title
		}
		want = append(want, bare(d.toks[m].norm))
	}
	best := -1
	for mi, m := range d.ments {
		if m.typ != "PERS" || m.kind == "pronoun" || m.tok1 >= k || m.tok0 < k-maxLookBack*4 {
			continue
		}
		if best >= 0 && m.start <= d.ments[best].start {
			continue
		}
		// An honorific or title the NER took for a name (سماحة) is no
		// antecedent: the name it stands before is.
		if w := bare(d.toks[m.tok0].norm); m.tok0 == m.tok1 && (d.lx.isTitle(w) || d.lx.honorifics[w]) {
			continue
		}
		near := d.appositionWords(m, bare)
		all := true
		for _, x := range want {
			all = all && near[x]
		}
		if all {
			best = mi
		}
	}
	if best < 0 {
		return -1, false
	}
	return d.ments[best].ent, true
}

// appositionWords are the words (bare: no و or ال) of the title phrases in
// apposition to the name mention m: the words right before it back to
// punctuation, a preposition or another name (at most four), and right
// after it, after an optional comma, up to punctuation (at most six). A
// title further off belongs to someone else (لقاء نجم الدين كريم محافظ
// كركوك مع كريستوس ستايليانيدس).
func (d *doc) appositionWords(m ment, bare func(string) string) map[string]bool {
	out := map[string]bool{}
	stop := func(t int) bool {
		tk := d.toks[t]
		return tk.kind != word || d.sent[t] != d.sent[m.tok0] || d.lx.governors[tk.norm] || d.meetingAt(t) ||
			d.isCueWord(t) || (d.mentAt[t] >= 0 && d.ments[d.mentAt[t]].typ == "PERS" && d.ments[d.mentAt[t]].ent != m.ent)
	}
	for t := m.tok0 - 1; t >= 0 && t >= m.tok0-4 && !stop(t); t-- {
		out[bare(d.toks[t].norm)] = true
	}
	a := m.tok1 + 1
	if a < len(d.toks) && d.toks[a].kind == punct && (d.toks[a].norm == "،" || d.toks[a].norm == ",") {
		a++
	}
	for t := a; t < len(d.toks) && t < a+6 && !stop(t); t++ {
		out[bare(d.toks[t].norm)] = true
	}
	return out
}

// unlinkedAntecedent resolves a bare definite institution noun at token k
// (الجهاز, alone in its noun phrase ending at npEnd) to the speaker phrase
// of an earlier statement with no entity that opens with the same noun
// undefined (جهاز الأمن الداخلي الإسرائيلي): the article names a body once
// in full and then by its head noun.
func (d *doc) unlinkedAntecedent(k, npEnd int) (string, bool) {
	w := strings.TrimPrefix(d.toks[k].norm, "و")
	if npEnd != k+1 || !strings.HasPrefix(w, "ال") || d.lx.isTitle(w) {
		return "", false
	}
	head := strings.TrimPrefix(w, "ال")
	if d.lx.documents[head] {
		return "", false // وقال البيان: the statement itself (subjectAfter)
	}
	for qi := len(d.out) - 1; qi >= 0; qi-- {
		q := d.out[qi]
		if q.Speaker != "" || q.SpeakerName == "" {
			continue
		}
		if f := strings.Fields(normalize.Search(q.SpeakerName)); len(f) >= 2 && f[0] == head {
			return q.SpeakerName, true
		}
	}
	return "", false
}

// definiteAntecedent resolves a definite institution noun at token k
// (المعهد، الشركة، الوزارة) to the body last named before it whose name
// opens with the same noun (معهد ليبنيز للأبحاث الاقتصادية).
func (d *doc) definiteAntecedent(k int) (int, bool) {
	w := strings.TrimPrefix(d.toks[k].norm, "و")
	if !strings.HasPrefix(w, "ال") || d.lx.isTitle(w) {
		return -1, false
	}
	head := strings.TrimPrefix(w, "ال")
	best := -1
	for mi, m := range d.ments {
		if m.typ != "ORG" || m.kind == "pronoun" || m.tok0 >= k {
			continue
		}
		// The body's first word, with or without a proclitic و: وزارة and
		// وكالة begin with the letter itself (وزارة الصحة, ووزارة الصحة).
		first := d.toks[m.tok0].norm
		if first != head && first != w && strings.TrimPrefix(first, "و") != head {
			continue
		}
		if best < 0 || m.start > d.ments[best].start {
			best = mi
		}
	}
	if best < 0 {
		return -1, false
	}
	return d.ments[best].ent, true
}

// governed reports whether the mention mi is the object of a preposition
// of topic (يسأل عن الرئيس اشرف غني يجيب، حول، بشأن), its title words
// between: what is spoken of, not a subject. (Not إلى: تصريحات نسبتها
// الصحيفة إلى رومينيغه names the speaker.)
func (d *doc) governed(mi int) bool {
	k := d.ments[mi].tok0 - 1
	for n := 0; n < 5 && k >= 0 && d.toks[k].kind == word && (d.lx.isTitle(d.toks[k].norm) || d.mentAt[k] >= 0 ||
		strings.HasPrefix(d.toks[k].norm, "ال") && strings.HasSuffix(d.toks[k].norm, "ي")); n++ {
		k-- // titles, nisbas and names of the same phrase: عن الرئيس الأميركي دونالد ترامب
	}
	return k >= 0 && d.toks[k].kind == word && d.sent[k] == d.sent[d.ments[mi].tok0] && hasNorm(d.toks[k], "عن", "حول", "بشان")
}

// meetingAt reports whether token k is a word of meeting (مع، لدى، أمام،
// نظيره): a person after it is met, not speaking. The search form writes
// إمام 'imam' (إمام وخطيب المسجد الحرام, a title) like أمام 'in front of';
// the hamza below the alef, when the text writes it, tells the title.
func (d *doc) meetingAt(k int) bool {
	t := d.toks[k]
	if !d.lx.meeting(t.norm) {
		return false
	}
	w := strings.TrimPrefix(d.text[t.start:t.end], "و")
	return !strings.HasPrefix(w, "إمام")
}

// openingParticiple resolves a participle cue at i that opens its
// sentence to the first person named as the subject of the sentence
// before (sentenceSubject), if that sentence began after the last
// statement ended: the participle continues its main clause.
func (d *doc) openingParticiple(i int) (speaker, bool) {
	none := speaker{ent: -1}
	k := i - 1
	for k >= 0 && d.sent[k] == d.sent[i] {
		if d.toks[k].kind == word {
			return none, false // not the sentence's first word
		}
		k--
	}
	if k < 0 {
		return none, false
	}
	start := k
	for start > 0 && d.sent[start-1] == d.sent[k] && k-start < maxLookBack {
		start--
	}
	if d.toks[start].start <= d.lastEnd {
		return none, false
	}
	sp, ok := d.sentenceSubject(k)
	if !ok || sp.ent < 0 || sp.ent >= len(d.a.Entities) || d.a.Entities[sp.ent].Type != "PERS" {
		return none, false
	}
	return sp, true
}

// ageAt reports whether token k opens an age in apposition (البالغ من
// العمر 34 عاما، البالغة من العمر).
func (d *doc) ageAt(k int) bool {
	return k+2 < len(d.toks) && (d.toks[k].norm == "البالغ" || d.toks[k].norm == "البالغه") &&
		d.toks[k+1].norm == "من" && d.toks[k+2].norm == "العمر"
}

// prepObject reports whether the mention mi is the object of a preposition
// or a word of meeting (مع الرئيس الأسد، عن الوزير، لدى السفير), its titles
// and nisbas between, like governed.
func (d *doc) prepObject(mi int) bool {
	k := d.ments[mi].tok0 - 1
	for n := 0; n < 5 && k >= 0 && d.toks[k].kind == word && (d.lx.isTitle(d.toks[k].norm) || d.mentAt[k] >= 0 ||
		strings.HasPrefix(d.toks[k].norm, "ال") && strings.HasSuffix(d.toks[k].norm, "ي")); n++ {
		k--
	}
	return k >= 0 && d.toks[k].kind == word && d.sent[k] == d.sent[d.ments[mi].tok0] && (prepositions[d.toks[k].norm] || d.meetingAt(k))
}
