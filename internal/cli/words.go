package cli

import "marsad/internal/text/plural"

// The nouns the readable reports count, with their Arabic number forms.
var (
	nounArticle   = plural.Noun{One: "مقالة", Dual: "مقالتان", Plural: "مقالات", Feminine: true}
	nounMention   = plural.Noun{One: "إشارة", Dual: "إشارتان", Plural: "إشارات", Feminine: true}
	nounParagraph = plural.Noun{One: "فقرة", Dual: "فقرتان", Plural: "فقرات", Feminine: true}
	nounSentence  = plural.Noun{One: "جملة", Dual: "جملتان", Plural: "جمل", Feminine: true}
	nounLetter    = plural.Noun{One: "حرف", Dual: "حرفان", Plural: "أحرف", Tamyiz: "حرفاً"}
)

// eventTypeAr names the PLOVER event types in Arabic for the readable
// reports; JSON and exports keep the PLOVER names.
var eventTypeAr = map[string]string{
	"CONSULT":   "تشاور ولقاء",
	"AGREE":     "اتفاق",
	"SUPPORT":   "دعم وتأييد",
	"COOPERATE": "تعاون",
	"AID":       "مساعدة",
	"REQUEST":   "طلب ودعوة",
	"DEMAND":    "مطالبة",
	"REJECT":    "رفض",
	"ACCUSE":    "اتهام وإدانة",
	"THREATEN":  "تهديد",
	"PROTEST":   "احتجاج",
	"MOBILIZE":  "حشد واستنفار",
	"SANCTION":  "عقوبات",
	"COERCE":    "إكراه",
	"ASSAULT":   "هجوم",
	"RETREAT":   "تراجع",
}

// modeAr names the event modes.
var modeAr = map[string]string{
	"asserted":     "وقع",
	"negated":      "منفي",
	"planned":      "مخطط له",
	"hypothetical": "افتراضي",
}
