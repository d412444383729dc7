package pipeline

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/link"
	"marsad/internal/quote"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// speakerStage gives an entity to each quoted speaker that has a personal
// name or a body's name but no entity (the NER missed «أندريه بيلوسوف» in «وأكد وزير الدفاع
// الروسي أندريه بيلوسوف أن …»; the quote stage read the name from the
// speaker slot). A quote's speaker is an entity id in the contract, and an
// analyst looking for that person must find the statement. Unnamed sources
// (مسؤول، مصادر يمنية) stay phrases.
type speakerStage struct {
	linker *link.Linker
	quotes *quote.Attributor
}

// speakerWindow is how far before a quote (in bytes) its speaker's name is
// looked for: the reporting clause is in the same or the previous sentence.
const speakerWindow = 600

func (s speakerStage) Annotate(ctx context.Context, a *marsad.Article) error {
	byID := map[string]int{}
	for i, e := range a.Entities {
		byID[e.ID] = i
	}
	for qi := range a.Quotes {
		q := &a.Quotes[qi]
		typ := marsad.PERS
		switch {
		case q.Speaker != "":
			continue
		case s.quotes.PersonName(q.SpeakerName):
		case s.quotes.BodyName(q.SpeakerName):
			typ = marsad.ORG // جهاز الأمن الداخلي الإسرائيلي: a body, named by its head noun
		default:
			continue
		}
		sp, ok := nameSpan(a.Text, q.SpeakerName, q.Start)
		if ok && typ == marsad.ORG {
			sp, ok = bodySpan(a, sp)
		}
		if !ok || overlapsMention(a.Entities, sp) {
			continue // not found, or a name the linker already resolved otherwise
		}
		name := a.Text[sp.Start:sp.End]
		m := marsad.Mention{Start: sp.Start, End: sp.End, Text: a.Text[sp.Start:sp.End], Kind: link.KindName}
		e := s.linker.NameEntity(typ, name)
		if i, seen := byID[e.ID]; seen {
			if !hasMention(a.Entities[i], m) {
				a.Entities[i].Mentions = append(a.Entities[i].Mentions, m)
			}
		} else {
			e.Mentions = []marsad.Mention{m}
			byID[e.ID] = len(a.Entities)
			a.Entities = append(a.Entities, e)
		}
		q.Speaker, q.SpeakerName = e.ID, a.Entities[byID[e.ID]].Name
	}
	return nil
}

// nameSpan finds name in text, at a word boundary, last before the quote
// starting at qStart (within speakerWindow) or else first after it: where
// the reporting clause names the speaker.
func nameSpan(text, name string, qStart int) (marsad.Span, bool) {
	from := max(0, qStart-speakerWindow)
	for at := qStart; at > from; {
		i := strings.LastIndex(text[from:at], name)
		if i < 0 {
			break
		}
		i += from
		if wordBounded(text, i, i+len(name)) {
			return marsad.Span{Start: i, End: i + len(name)}, true
		}
		at = i
	}
	if i := strings.Index(text[qStart:], name); i >= 0 && i < speakerWindow {
		i += qStart
		if wordBounded(text, i, i+len(name)) {
			return marsad.Span{Start: i, End: i + len(name)}, true
		}
	}
	return marsad.Span{}, false
}

// wordBounded reports whether text[i:j] is not part of a longer word: no
// letter touches it, except a one-letter proclitic that itself starts a
// word (وأكد [أندريه …]، لـ).
func wordBounded(text string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLetter(after) {
		return false
	}
	if !unicode.IsLetter(before) {
		return true
	}
	// A proclitic: one of و ب ل ف ك standing at the start of a word.
	if !strings.ContainsRune("وبلفك", before) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i-utf8.RuneLen(before)])
	return !unicode.IsLetter(prev)
}

// bodySpan trims a body's speaker phrase of what the clause adds after
// the name — a time expression (الاتحاد الاسكتلندي لكرة القدم [الاثنين]) or an
// adverbial accusative (الصحيفة [نقلاً] عن) — and keeps it only while it is
// still a name: two words or more, one of them definite. An indefinite
// phrase (صحيفة يونانية) is an unnamed source, like مصادر مطلعة, and gets no
// entity.
func bodySpan(a *marsad.Article, sp marsad.Span) (marsad.Span, bool) {
	words := tokenize.Tokens(a.Text[sp.Start:sp.End])
	for len(words) > 0 {
		w := words[len(words)-1]
		ws := marsad.Span{Start: sp.Start + w.Start, End: sp.Start + w.End}
		if w.Kind != tokenize.Word || inTime(a.Times, ws) || isAdverbialAccusative(w.Text) {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) < 2 {
		return sp, false
	}
	definite := false
	for _, w := range words {
		bare := strings.TrimPrefix(normalize.Search(w.Text), "و")
		if strings.HasPrefix(bare, "ال") || strings.HasPrefix(bare, "لل") {
			definite = true
		}
	}
	out := marsad.Span{Start: sp.Start + words[0].Start, End: sp.Start + words[len(words)-1].End}
	return out, definite && agreeingAfterDefiniteHead(words)
}

// agreeingAfterDefiniteHead checks a phrase that opens with a definite head
// (الوزارة، المجلس): such a head is not in construct, so what follows it in
// a name is an adjective agreeing with it (اللجنة الوطنية الاستشارية،
// المجلس الأعلى) up to a complement with ل or ب (الاتحاد الاسكتلندي لكرة
// القدم). Anything else is the rest of the clause the attributor took in
// (الوزارة [المتقدمين سرعة حجز موعد] — the verb's object): the bare head
// points back to a body named before, which is the quote stage's to find.
// An indefinite head (وزارة الخارجية) is in construct and is not checked.
func agreeingAfterDefiniteHead(words []tokenize.Token) bool {
	head := strings.TrimPrefix(normalize.Search(words[0].Text), "و")
	if !strings.HasPrefix(head, "ال") {
		return true
	}
	feminine := strings.HasSuffix(head, "ه")
	for _, w := range words[1:] {
		f := normalize.Search(w.Text)
		switch {
		case strings.HasPrefix(f, "ل"), strings.HasPrefix(f, "ب"): // لكرة، للجوازات، بالباحة
			return true // the complement: its own construct follows
		case !strings.HasPrefix(f, "ال"):
			return false
		case strings.HasSuffix(f, "ي"), strings.HasSuffix(f, "يه"):
			// a nisba adjective agrees with either gender
		case feminine && strings.HasSuffix(f, "ه"):
		case !feminine && !strings.HasSuffix(f, "ه") && !strings.HasSuffix(f, "ين") && !strings.HasSuffix(f, "ون") && !strings.HasSuffix(f, "ات"):
		default:
			return false
		}
	}
	return true
}

// isAdverbialAccusative reports a word with the accusative tanween on its
// alif (نقلاً، أيضاً، مؤخراً): an adverb or circumstantial, never part of a name.
func isAdverbialAccusative(w string) bool {
	return strings.HasSuffix(w, "اً") || strings.HasSuffix(w, "ًا")
}

func inTime(ts []marsad.TimeExpr, sp marsad.Span) bool {
	for _, t := range ts {
		if (marsad.Span{Start: t.Start, End: t.End}).Overlaps(sp) {
			return true
		}
	}
	return false
}

func hasMention(e marsad.Entity, m marsad.Mention) bool {
	for _, x := range e.Mentions {
		if x.Start == m.Start && x.End == m.End {
			return true
		}
	}
	return false
}

func overlapsMention(es []marsad.Entity, sp marsad.Span) bool {
	for _, e := range es {
		for _, m := range e.Mentions {
			if m.Span().Overlaps(sp) {
				return true
			}
		}
	}
	return false
}
