package ner

import "strings"

// titleWords are the honorifics and titles that introduce a person's name
// in Arabic news (الأمير، الشيخ، الدكتور، المهندس, military ranks, الملك،
// الرئيس، السيد), in search form. The annotation conventions Marsad follows
// leave a title outside the name it introduces — in ANERcorp's training
// part 1 of the 750 tokens that are one of these words (with a proclitic)
// starts a PERS name (معالي as a given name), in our own SaudiNewsNet
// annotations 0 of 395 — so
// decoding forbids B-PERS on them (forbidTitleStarts): a person's name
// begins after the title (الدكتور [السديس], النقيب [عمر الاكلبي]). Only
// the first word of a name is constrained: a title word may end a family
// name (عبدالرحمن ال الشيخ), and a rank may name a club (الرائد) or an
// organisation.
var titleWords = map[string]bool{
	"الامير": true, "الاميره": true, "الشيخ": true, "الشيخه": true, "الملك": true, "الملكه": true,
	"الرئيس": true, "السيد": true, "السيده": true, "الدكتور": true, "الدكتوره": true,
	"المهندس": true, "المهندسه": true, "الاستاذ": true, "الاستاذه": true, "المستشار": true,
	"اللواء": true, "العميد": true, "الفريق": true, "العقيد": true, "المقدم": true,
	"الرائد": true, "النقيب": true, "الملازم": true, "الرقيب": true, "العريف": true,
	"الجندي": true, "الامام": true, "القاضي": true, "المحامي": true, "الوزير": true,
	"السفير": true, "المدرب": true, "اللاعب": true, "الكابتن": true, "الحكم": true,
	"سمو": true, "معالي": true, "فضيله": true, "سعاده": true, "جلاله": true, "فخامه": true,
}

// constrainTitles switches the constraint off for experiments (it is a
// decoding rule, measured with and without on the same model).
var constrainTitles = true

// isTitle says whether a search-form token is a title word, also after one
// proclitic (والدكتور، للامير, ل + ال written لل).
func isTitle(norm string) bool {
	if titleWords[norm] {
		return true
	}
	if strings.HasPrefix(norm, "لل") && titleWords["ا"+norm[len("ل"):]] {
		return true
	}
	for _, p := range []string{"و", "ف", "ب", "ك"} {
		if rest, ok := strings.CutPrefix(norm, p); ok && titleWords[rest] {
			return true
		}
	}
	return false
}

// forbidTitleStarts sets the scores of the labels that begin a person's
// name to -Inf on the title words of a sentence (emit is len(tokens) × L).
func (m *Model) forbidTitleStarts(d *decoder, tokens []string, emit []float32) {
	if !constrainTitles || m.trainTags {
		return
	}
	L := len(m.labels)
	for i, w := range tokens {
		if !d.f.word(w).tok.title {
			continue
		}
		for y, l := range m.labels {
			if l == "B-PERS" || l == "U-PERS" {
				emit[i*L+y] = negInf
			}
		}
	}
}
