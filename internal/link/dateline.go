package link

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/kb"
)

// A dateline opens a story with the place it was filed from, between
// bylines and agency names, each part closed by a dash, a colon, a line
// break or a bracket: القاهرة - واس، الرياض – أ ف ب، واشنطن:، (رويترز) -
// بيروت، فلان- سبق- جدة:، رويترز- بنغازي (ليبيا):. A Saudi paper's story
// filed from Cairo that says ووافق مجلس الوزراء means Egypt's cabinet.

// datelineSpan is how much of the text's start a dateline may take: a
// byline, an agency and a city, not a paragraph.
const datelineSpan = 200

// datelineParts is how many bylines, agencies and the city a dateline
// holds at most.
const datelineParts = 5

// datelineWords is the most words a byline or agency part has.
const datelineWords = 4

// articleCountry is the country whose offices a bare title or government
// body names in an article: the country of its dateline's city, else the
// outlet's (Home); "" when Home is nil. Datelines off: Home's alone.
func (l *Linker) articleCountry(a *marsad.Article) string {
	if l.Home == nil {
		return ""
	}
	if !l.Datelines {
		return l.Home(a)
	}
	if c := l.Dateline(a.Text); c != "" {
		return c
	}
	return l.Home(a)
}

// namedHolder returns the holder of a role on the article's day in the
// dateline's country (Dateline) or the outlet's (Home), whichever the
// article names (the dateline's first), else the outlet's, else, when the
// outlet's country is unknown, the dateline's. An unnamed holder of the
// dateline's country is not enough where the outlet's is known: a bare
// الرئيس is as often a company's or a federation's (الرئيس التنفيذي،
// الرئيس التاسع للفيفا) in a story filed from a republic.
func (l *Linker) namedHolder(d *doc, role string) (*kb.Entity, bool) {
	if l.Home == nil {
		return nil, false
	}
	dateline, outlet := "", l.Home(d.a)
	if l.Datelines {
		dateline = l.Dateline(d.a.Text)
	}
	var holders []*kb.Entity // the dateline's, the outlet's
	for _, c := range []string{dateline, outlet} {
		var e *kb.Entity
		if c != "" {
			e, _ = l.kb.RoleHolder(role, c, d.day)
		}
		holders = append(holders, e)
	}
	for _, e := range holders {
		if e != nil && d.byEntity[e] != nil {
			for _, m := range d.byEntity[e].mentions {
				if m.kind == KindName {
					return e, true
				}
			}
		}
	}
	e := holders[1]
	if outlet == "" {
		e = holders[0]
	}
	return e, e != nil
}

// Dateline returns the country (ISO alpha-2) of the city an article's text
// opens with as its dateline, or "": a capital the knowledge base knows
// (kb.Entity.CapitalOf) or any city with its country in brackets
// (بنغازي (ليبيا):), as a part of the text's first line(s) that only
// bylines and agency names precede, closed by a dash, a colon, a line
// break or a bracket. Not a dateline: a list item (a line opening with a
// bullet, a dash or a number), a city followed by a dash and another
// place (الرياض - جدة - الدمام), nor a first line whose next line opens
// with a city too (a list of cities).
func (l *Linker) Dateline(text string) string {
	c, rest := l.datelineAt(text, true)
	if c == "" {
		return ""
	}
	// The next line opening with a city as well: a list of places.
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		if c2, _ := l.datelineAt(rest[i+1:], false); c2 != "" {
			return ""
		}
	}
	return c
}

// datelineAt reads a dateline at the start of s; bylines lets bylines and
// agency names precede the city. It returns the country and the text after
// the city's part.
func (l *Linker) datelineAt(s string, bylines bool) (string, string) {
	if len(s) > datelineSpan {
		cut := datelineSpan
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r == '\n' || blank(r) })
	if s == "" {
		return "", ""
	}
	if r, _ := utf8.DecodeRuneInString(s); r == '*' || r == '•' || isDash(r) || unicode.IsDigit(r) {
		return "", "" // a list item
	}
	for n := 0; n < datelineParts && s != ""; n++ {
		part, sep, rest := datelinePart(s)
		if part == "" {
			return "", ""
		}
		if sep == '(' {
			// بنغازي (ليبيا): a city with its country in brackets.
			inner, after, ok := bracketed(rest)
			if ok && closes(after) {
				if c := l.countryNamed(inner); c != "" && len(strings.Fields(part)) <= 3 {
					return c, after
				}
			}
		}
		if c := l.capitalNamed(part); c != "" && sep != 0 && sep != '،' && sep != ',' {
			if isDash(sep) && l.placeFirst(rest) {
				return "", "" // الرياض - جدة - الدمام: a list of places
			}
			if c == "-" {
				return "", "" // جنيف - واس: an international story
			}
			return c, rest
		}
		if !bylines || sep == 0 || sep == '،' || sep == ',' || len(strings.Fields(part)) > datelineWords || strings.ContainsFunc(part, unicode.IsDigit) {
			return "", ""
		}
		if sep == '(' { // فلان (رويترز) -
			_, after, ok := bracketed(rest)
			if !ok {
				return "", ""
			}
			rest = after
		}
		s = strings.TrimLeftFunc(rest, blank)
		for s != "" {
			r, size := utf8.DecodeRuneInString(s)
			if !isDash(r) && r != ':' {
				break
			}
			s = strings.TrimLeftFunc(s[size:], blank)
		}
	}
	return "", ""
}

// datelinePart splits the part s opens with (a bracketed part's content)
// from the mark that closes it (0 at the end of s or of the part's
// words) and the text after the mark.
func datelinePart(s string) (part string, sep rune, rest string) {
	if strings.HasPrefix(s, "(") {
		inner, after, ok := bracketed(s[1:])
		if !ok {
			return "", 0, ""
		}
		after = strings.TrimLeftFunc(after, blank)
		r, size := utf8.DecodeRuneInString(after)
		if isDash(r) || r == ':' || r == '\n' {
			return strings.TrimSpace(inner), r, after[size:]
		}
		return strings.TrimSpace(inner), '-', after // (رويترز) بيروت
	}
	for i, r := range s {
		if r == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			return strings.TrimFunc(s[:i], blank), 0, s[i+1:] // a sentence's end
		}
		if isDash(r) || r == ':' || r == '\n' || r == '(' || r == '،' || r == ',' {
			return strings.TrimFunc(s[:i], blank), r, s[i+utf8.RuneLen(r):]
		}
	}
	return strings.TrimFunc(s, blank), 0, ""
}

// bracketed returns the text before the closing bracket of s (which
// follows an opening one) and the text after it.
func bracketed(s string) (inner, after string, ok bool) {
	i := strings.IndexByte(s, ')')
	if i < 0 || i > 60 || strings.ContainsAny(s[:i], "\n(") {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// closes reports whether s opens with a dateline's closing mark.
func closes(s string) bool {
	s = strings.TrimLeftFunc(s, blank)
	r, _ := utf8.DecodeRuneInString(s)
	return isDash(r) || r == ':' || r == '\n' || s == ""
}

//go:embed data/datelines.tsv
var datelinesTSV string

// datelineCities maps the key of a dateline city that is not a capital to
// its country, or to "-" for a city of international stories (جنيف،
// نيويورك): data/datelines.tsv.
var datelineCities = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(datelinesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if city, code, ok := strings.Cut(line, "\t"); ok {
			m[kb.Key(city)] = strings.TrimSpace(code)
		}
	}
	return m
}()

// capitalNamed returns the country whose capital (or listed dateline city)
// the part names, "-" for a city of international stories, or "".
func (l *Linker) capitalNamed(part string) string {
	if c, ok := datelineCities[kb.Key(part)]; ok {
		return c
	}
	for _, e := range l.kb.LookupKey(kb.Key(part)) {
		if e.Type == marsad.LOC && e.CapitalOf != "" {
			return e.CapitalOf
		}
	}
	return ""
}

// countryNamed returns the code of the country the text names, or "".
func (l *Linker) countryNamed(s string) string {
	for _, e := range l.kb.LookupKey(kb.Key(s)) {
		if e.Type == marsad.LOC && e.Country != "" {
			return e.Country
		}
	}
	return ""
}

// placeFirst reports whether s opens with a place's name (one or two
// words).
func (l *Linker) placeFirst(s string) bool {
	f := strings.Fields(s)
	for n := 1; n <= 2 && n <= len(f); n++ {
		for _, e := range l.kb.LookupKey(kb.Key(strings.Join(f[:n], " "))) {
			if e.Type == marsad.LOC {
				return true
			}
		}
	}
	return false
}

// isDash reports whether r is a hyphen or a dash.
func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '−'
}

// blank reports whether r is a space or an invisible mark news text puts
// around datelines (no-break space, direction marks, the byte order mark).
func blank(r rune) bool {
	return r != '\n' && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r))
}
