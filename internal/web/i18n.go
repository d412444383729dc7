package web

import (
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"

	"marsad/internal/event"
	"marsad/internal/search"
	"marsad/internal/text/plural"
)

// words are the interface's words in Arabic and English. Article text is
// never translated; only the labels around it.
var words = map[string][2]string{
	"brand":          {"مرصد", "Marsad"},
	"tagline":        {"رصد الأخبار العربية", "Arabic news monitor"},
	"search":         {"بحث", "Search"},
	"searchHint":     {"ابحث في الأخبار والتصريحات…", "Search news and quotes…"},
	"stories":        {"القصص", "Stories"},
	"story":          {"القصة", "Story"},
	"articles":       {"المقالات", "Articles"},
	"sources":        {"المصادر", "Sources"},
	"agreements":     {"ما تتفق عليه المصادر", "What the sources agree on"},
	"exclusives":     {"ما انفرد به كل مصدر", "Reported by one source only"},
	"conflicts":      {"تناقضات بين المصادر", "Where the sources conflict"},
	"entities":       {"الكيانات", "Entities"},
	"quotes":         {"التصريحات", "Quotes"},
	"timeline":       {"الخط الزمني", "Timeline"},
	"mentions":       {"الإشارات", "Mentions"},
	"cooccurring":    {"كيانات تظهر معه", "Appears together with"},
	"noResults":      {"لا نتائج.", "No results."},
	"results":        {"نتيجة", "results"},
	"anyNote":        {"لا مقالة تحوي كل الكلمات؛ هذه نتائج تحوي بعضها.", "No article has every word; these have some."},
	"kindArticle":    {"مقالات", "Articles"},
	"kindQuote":      {"تصريحات", "Quotes"},
	"next":           {"التالي", "Next"},
	"prev":           {"السابق", "Previous"},
	"noStories":      {"لا قصص بعد. أضف مقالات بالأمر marsad ingest أو عبر POST /api/articles.", "No stories yet. Add articles with marsad ingest or POST /api/articles."},
	"notfound":       {"غير موجود.", "Not found."},
	"error":          {"حدث خطأ.", "Something went wrong."},
	"legendEnt":      {"كيان", "entity"},
	"legendQuote":    {"تصريح", "quote"},
	"legendTime":     {"زمن", "time"},
	"readArticle":    {"اقرأ المقالة", "Read the article"},
	"said":           {"قال", "said"},
	"none":           {"لا شيء.", "None."},
	"undated":        {"غير مؤرخ", "undated"},
	"type":           {"النوع", "Type"},
	"PERS":           {"شخص", "person"},
	"LOC":            {"مكان", "place"},
	"ORG":            {"منظمة", "organisation"},
	"MISC":           {"أخرى", "other"},
	"otherLang":      {"English", "العربية"},
	"summary":        {"الملخص", "Summary"},
	"in":             {"في", "in"},
	"events":         {"الأحداث", "Events"},
	"actor":          {"الفاعل", "Actor"},
	"target":         {"الطرف الآخر", "Target"},
	"location":       {"المكان", "Location"},
	"times":          {"التواريخ والأوقات", "Dates and times"},
	"direct":         {"مباشر", "direct"},
	"indirect":       {"غير مباشر", "indirect"},
	"inText":         {"في النص", "in the text"},
	"allStories":     {"كل القصص", "All stories"},
	"multiStories":   {"ما تناقلته عدة مصادر", "Reported by several outlets"},
	"noMultiStories": {"لا قصة تناقلتها أكثر من جهة بعد.", "No story has more than one outlet yet."},
	"from":           {"من", "from"},
	"fromTwo":        {"من مصدرين", "from 2 outlets"}, // genitive: not من مصدران
	"pages":          {"الصفحات", "Pages"},
	"queryTooLong":   {"نص البحث أطول من 1000 حرف.", "The search text is longer than 1000 characters."},
	"badKind":        {"نوع البحث غير معروف: مقالات أو تصريحات فقط.", "Unknown kind of search: articles or quotes only."},
	"badDate":        {"التاريخ غير صالح: اكتبه بالصيغة 2015-07-23.", "Invalid date: write it as 2015-07-23."},
	"badRequest":     {"طلب غير صالح.", "Bad request."},
	"filters":        {"تضييق البحث", "Narrow the search"},
	"kind":           {"النوع", "Kind"},
	"outletField":    {"المصدر (مثل okaz أو sabq، تفصل بينها فاصلة)", "Outlet (e.g. okaz or sabq, comma-separated)"},
	"fromDate":       {"من تاريخ", "From"},
	"toDate":         {"إلى تاريخ", "To"},
	"apply":          {"تطبيق", "Apply"},
	"skip":           {"انتقل إلى المحتوى", "Skip to content"},
	"onThisPage":     {"في هذه الصفحة", "On this page"},
	"otherOutlets":   {"القصة نفسها في مصادر أخرى", "The same story in other outlets"},
	"oneArticle":     {"مقالة واحدة فقط في هذه القصة: لا مقارنة بين المصادر بعد. تظهر المقارنة حين تنقل القصة مقالة أخرى.", "Only one article in this story: nothing to compare yet. The comparison appears when another article reports it."},
	"searchHelp":     {"اكتب كلمة أو اسماً في خانة البحث أعلاه. يجد البحث الكلمة مع حروفها المتصلة وصيغ كتابتها (بوتين تجد لبوتين وببوتين، والإرهاب تجد الارهاب)، والأسماء بالعربية أو باللاتينية (Carter)، ويبحث في نصوص المقالات أو في التصريحات وحدها.", "Type a word or a name in the search box above. Search finds words with their attached letters and spelling variants (بوتين finds لبوتين and ببوتين; الإرهاب finds الارهاب) and names in Arabic or Latin letters (Carter), in the articles or in the quotes alone."},
	"mentioning":     {"مقالات تذكر", "Articles mentioning"},
	"saidBy":         {"تصريحات", "Quotes by"},
	"removeFilter":   {"إزالة", "remove"},
	"allArticlesOf":  {"كل المقالات التي تذكره", "Every article mentioning it"},
	"allQuotesOf":    {"كل تصريحاته", "Every quote by it"},
	"nothingOwn":     {"لم ينفرد بشيء", "Nothing of their own"},
	"inArticles":     {"في", "in"},
	"of":             {"من", "of"},
	"unknownSpeaker": {"متحدث غير معروف", "unknown speaker"},
}

// counted are the nouns shown with a count: Arabic agrees the noun with
// the number (مقالتان، 3 مقالات، 11 مقالة), English adds an s.
var counted = map[string]struct {
	ar      plural.Noun
	en, ens string
}{
	"article": {plural.Noun{One: "مقالة", Dual: "مقالتان", Plural: "مقالات", Feminine: true}, "article", "articles"},
	"outlet":  {plural.Noun{One: "مصدر", Dual: "مصدران", Plural: "مصادر", Tamyiz: "مصدرًا"}, "outlet", "outlets"},
	"mention": {plural.Noun{One: "إشارة", Dual: "إشارتان", Plural: "إشارات", Feminine: true}, "mention", "mentions"},
}

// withLang is a value with the page language, for a shared template.
type withLang struct {
	Lang string
	V    any
}

var funcs = template.FuncMap{
	// count writes n with its noun in the page's language.
	"count": func(lang string, n int, key string) string {
		w := counted[key]
		if lang != "en" {
			return w.ar.Count(n)
		}
		if n == 1 {
			return "1 " + w.en
		}
		return strconv.Itoa(n) + " " + w.ens
	},
	"t": func(lang, key string) string {
		w, ok := words[key]
		if !ok {
			return key
		}
		if lang == "en" {
			return w[1]
		}
		return w[0]
	},
	"otherLang": func(lang string) string {
		if lang == "en" {
			return "ar"
		}
		return "en"
	},
	"add": func(a, b int) int { return a + b },
	// entityRef builds a link to an entity for the "entref" template.
	"entityRef": func(id, name string) entityRef { return entityRef{ID: id, Name: name} },
	// withLang passes the page language with a value to a shared template.
	"withLang": func(lang string, v any) withLang { return withLang{lang, v} },
	// eventType and eventMode name PLOVER types and modes (internal/event).
	"eventType": func(lang, typ string) string { return event.TypeName(typ, lang) },
	"eventMode": func(lang, mode string) string { return event.ModeName(mode, lang) },
	"day":       func(s string) string { return strings.TrimSpace(strings.SplitN(s, "T", 2)[0]) },
	"join":      strings.Join,
	// firstWords stands in for a missing title.
	"firstWords": func(s string) string {
		f := strings.Fields(s)
		if len(f) > 12 {
			return strings.Join(f[:12], " ") + " …"
		}
		return strings.Join(f, " ")
	},
	// quoted puts a direct quotation in guillemets, unless the quoted
	// span already carries its own quotation marks (a span that ends on
	// the text's » would otherwise read »»).
	"quoted": quoted,
	// clip shortens a long text for a list; the whole of it is one click
	// away (a runaway quotation span can be thousands of characters).
	"clip": clip,
	"mentionHTML": func(s search.Snippet) template.HTML {
		return highlight(s.Text, s.Start, s.Highlights)
	},
}

// quoted returns s in guillemets, leaving marks the text already has.
func quoted(s string) string {
	const open, closing = "«\"“", "»\"”"
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(open, r) {
		s = "«" + s
	}
	if !strings.ContainsRune(closing, l) {
		s += "»"
	}
	return s
}

// clip returns s cut to at most n runes at a word boundary, with an
// ellipsis when it was cut.
func clip(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, runes := len(s), 0
	for i := range s {
		if runes == n {
			cut = i
			break
		}
		runes++
	}
	if sp := strings.LastIndexAny(s[:cut], " \n"); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " \n،,") + " …"
}
