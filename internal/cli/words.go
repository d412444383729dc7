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
