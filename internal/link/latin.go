package link

import (
	"strings"
	"unicode"
)

// mergeLatinNames joins a name written in Latin letters to the article's
// Arabic name of the same entity (Nike … نايكي): news gives a foreign
// company's or brand's name in both scripts. The Arabic name is
// transliterated and the two are compared by consonant skeleton (vowels
// and h/w/y dropped, letters that Arabic writes alike merged: c/k/q, p/b,
// v/f, z/s …); a match must be the only one in the article and have two
// consonants or more, and curated knowledge-base entities are not joined.
func (l *Linker) mergeLatinNames(d *doc) {
	if l.tr == nil {
		return
	}
	type name struct {
		c    *cluster
		skel string
	}
	var latin, arabic []name
	for _, c := range d.clusters {
		if len(c.mentions) == 0 || (c.e != nil && c.e.Trusted()) {
			continue
		}
		long := ""
		for _, m := range c.mentions {
			if m.kind == KindName && len(m.key) > len(long) {
				long = m.key
			}
		}
		if long == "" {
			continue
		}
		if isLatin(long) {
			latin = append(latin, name{c, consonantSkeleton(long)})
		} else {
			arabic = append(arabic, name{c, consonantSkeleton(l.tr.Name(long))})
		}
	}
	for _, la := range latin {
		if len(la.skel) < 2 {
			continue
		}
		var match *cluster
		n := 0
		for _, ar := range arabic {
			if ar.skel == la.skel && len(ar.c.mentions) > 0 {
				match = ar.c
				n++
			}
		}
		if n != 1 || (la.c.typ != "" && match.typ != "" && la.c.typ != match.typ) {
			continue
		}
		for _, m := range la.c.mentions {
			l.join(match, m)
		}
		la.c.mentions = nil
	}
}

// isLatin reports whether a name is written in Latin letters only.
func isLatin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// consonantSkeleton reduces a Latin name to its consonant classes.
func consonantSkeleton(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h', '\'', '-', ' ':
			continue
		case 'c', 'q':
			r = 'k'
		case 'p':
			r = 'b'
		case 'v':
			r = 'f'
		case 'z':
			r = 's'
		case 'g':
			r = 'j'
		}
		if r < 'a' || r > 'z' {
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}
