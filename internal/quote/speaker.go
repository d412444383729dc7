package quote

import (
	"strings"
)

// resolveSpeaker finds who says the statement whose cue is token i; the
// speaker region runs from i+1 to regionEnd.
func (d *doc) resolveSpeaker(i int, c cue, conj bool, regionEnd int) speaker {
	switch c.form {
	case past, present:
		// Verb–subject order, the default of news Arabic: أوضح الرئيس
		// الأميركي أن، أعلن الكرملين أن.
		if sp, ok := d.subjectAfter(i+1, regionEnd, c); ok {
			return sp
		}
		// Subject–verb: ترامب أشار إلى أنه، أما بوتين فقال إن.
		if sp, ok := d.subjectBefore(i, conj); ok {
			return sp
		}
		if d.afterMarker(i) {
			// من جانبه، أكد أن … : the one just named, not the last speaker.
			if sp, ok := d.justNamed(i); ok {
				return sp
			}
		}
		return d.continuation(i)
	case participle:
		// …، مؤكداً أن: the subject of the clause the participle hangs on —
		// the speaker of a statement earlier in this sentence, or the
		// sentence's first named subject.
		if d.last.valid() && d.lastSent == d.sent[i] {
			return d.last
		}
		if sp, ok := d.sentenceSubject(i); ok {
			return sp
		}
		return d.continuation(i)
	default: // masdar: نقلت عن الوزير قوله إن …; واستطرد بقوله
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if mi := d.mentAt[k]; mi >= 0 && d.ments[mi].kind != "pronoun" {
				return speaker{ent: d.ments[mi].ent}
			}
		}
		return d.continuation(i)
	}
}

// named reports whether mention mi can be a speaker: a name, title or
// nominal (not a pronoun), not governed by a preposition (مع نظيره فابيوس،
// المتحدث باسم الكرملين، لبوتين).
func (d *doc) named(mi int) bool {
	m := d.ments[mi]
	if m.kind == "pronoun" {
		return false
	}
	if m.tok0 > 0 {
		prev := d.toks[m.tok0-1]
		if prev.kind == word && d.lx.governors[prev.norm] {
			return false
		}
	}
	// A clitic preposition glued to the name: لبوتين، بالرئيس.
	if t := d.toks[m.tok0]; m.start > t.start {
		pre := d.text[t.start:m.start]
		if strings.Contains(pre, "ل") || strings.Contains(pre, "ب") {
			return false
		}
	}
	return true
}

// subjectAfter finds an explicit subject in the tokens [from, to) after a
// finite cue verb. The noun phrase right after the verb is the subject: a
// mention in it (a person preferred over the place or body in his title:
// نائب رئيس مجلس الأمن الروسي ديمتري مدفيدف), or, with no mention, the
// phrase itself when it opens with a title or institution word (مصدر
// مسؤول، المتحدث باسم الوزارة). A person named a little later (رئيس
// الهيئة في منطقة الرياض الشيخ …) is taken when no governor (مع، نظيره)
// stands between.
func (d *doc) subjectAfter(from, to int, c cue) (speaker, bool) {
	if from >= to {
		return speaker{ent: -1}, false
	}
	// The leading noun phrase.
	npEnd := from
	for npEnd < to {
		t := d.toks[npEnd]
		if t.kind == punct && t.norm != "." { // ، ( ) :
			break
		}
		if t.kind == word {
			if d.lx.adverbials[t.norm] || d.lx.governors[t.norm] {
				break
			}
			if npEnd > from && (strings.HasPrefix(t.norm, "لل") || strings.HasPrefix(t.norm, "بال")) {
				break
			}
			if _, _, ok := d.lx.lookupCue(t.norm, t.taMarbuta); ok { // بقوله، قائلاً
				break
			}
		}
		if t.kind == mark {
			if qi, ok := d.qAt[npEnd]; ok && d.qs[qi].close < to { // صحيفة "الحياة"
				npEnd = d.qs[qi].close + 1
				continue
			}
			break
		}
		npEnd++
	}
	best := -1
	for k := from; k < npEnd; k++ {
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
		return speaker{ent: d.ments[best].ent}, true
	}
	// A person named after an adverbial, with nothing governing him.
	for k := npEnd; k < to && k < npEnd+10; k++ {
		t := d.toks[k]
		if t.kind == word && (d.lx.governors[t.norm] || strings.HasPrefix(t.norm, "لنظير") || strings.HasPrefix(t.norm, "ونظير")) {
			break
		}
		if mi := d.mentAt[k]; mi >= 0 && d.named(mi) && d.ments[mi].typ == "PERS" {
			return speaker{ent: d.ments[mi].ent}, true
		}
	}
	if npEnd == from {
		return speaker{ent: -1}, false
	}
	head := d.toks[from]
	if head.kind != word {
		return speaker{ent: -1}, false
	}
	// An unlinked noun phrase: the subject if it looks like a speaker;
	// after a verb that takes an object (وصف المحادثات) it is the object.
	if d.lx.isSpeakerHead(head.norm) || (!c.object && looksLikeName(head.norm)) {
		end := npEnd
		if end-from > 6 {
			end = from + 6
		}
		return speaker{ent: -1, phrase: d.text[head.start:d.toks[end-1].end]}, true
	}
	return speaker{ent: -1}, false
}

// looksLikeName is a weak test for an unlinked proper name after a verb of
// saying: not a pronoun, demonstrative or function word.
func looksLikeName(w string) bool {
	switch w {
	case "هو", "هي", "هم", "ذلك", "هذا", "هذه", "تلك", "ايضا", "كذلك", "انه", "انها", "بان", "ما", "لا", "لم", "لن", "قد", "به", "له", "لها", "فيه", "الي", "الا":
		return false
	}
	return len(w) > 2
}

// subjectBefore finds a subject named just before a finite cue verb:
// ترامب أشار إلى أنه، بوتين وصف المحادثات، أما بوتين فقال.
func (d *doc) subjectBefore(i int, conj bool) (speaker, bool) {
	k := i - 1
	for k >= 0 && d.toks[k].kind == word && (d.toks[k].norm == "قد" || d.toks[k].norm == "فقد" || d.toks[k].norm == "لقد") {
		k--
	}
	if k < 0 || d.sent[k] != d.sent[i] {
		return speaker{ent: -1}, false
	}
	if conj && !strings.HasPrefix(d.toks[i].norm, "ف") {
		return speaker{ent: -1}, false // وأكد: a new clause, not this noun's predicate
	}
	mi := d.mentAt[k]
	if mi < 0 || !d.named(mi) || d.ments[mi].tok1 != k {
		return speaker{ent: -1}, false
	}
	if conj { // فقال only after أما: أما بوتين فقال
		t0 := d.ments[mi].tok0
		if t0 == 0 || !hasNorm(d.toks[t0-1], "اما", "واما") {
			return speaker{ent: -1}, false
		}
	}
	return speaker{ent: d.ments[mi].ent}, true
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
	for k := i - 1; k >= 0 && d.sent[k] >= d.sent[i]-1; k-- {
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

// sentenceSubject is the first person or body named in token i's sentence
// before i (حدد رئيس الوزراء كاميرون …، مؤكداً أن).
func (d *doc) sentenceSubject(i int) (speaker, bool) {
	k := i - 1
	for k > 0 && d.sent[k-1] == d.sent[i] {
		k--
	}
	for ; k < i; k++ {
		if d.inQuote[k] {
			continue
		}
		if mi := d.mentAt[k]; mi >= 0 && d.named(mi) && (d.ments[mi].typ == "PERS" || d.ments[mi].typ == "ORG") {
			return speaker{ent: d.ments[mi].ent}, true
		}
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
	if sp, ok := d.justNamed(i); ok {
		return sp
	}
	return speaker{ent: -1}
}
