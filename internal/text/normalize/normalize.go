// Package normalize implements Marsad's two normalization profiles for Arabic
// text (DESIGN.md):
//
//   - Search: a lossy form for matching and indexing. It strips diacritics
//     (harakat, shadda, sukun, dagger alef) and tatweel, unifies the alef forms
//     (أ إ آ ٱ → ا), maps ى→ي and ة→ه, folds Arabic-Indic and Persian digits to
//     ASCII, and lower-cases Latin. It is never shown to a user.
//   - Display: a conservative form that keeps the text as written and only
//     removes what no reader would want: tatweel used for stretching,
//     zero-width and bidi controls, NBSPs as spaces.
//
// Both profiles map rune by rune or drop runes, never insert, so the search
// form of a token can be computed without losing its offsets in the article.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchRune returns the search form of r, or -1 if r is dropped.
func SearchRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case IsDiacritic(r), r == 'ـ': // tatweel
		return -1
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ', r == 'ٲ', r == 'ٳ':
		return 'ا'
	case r == 'ى', r == 'ی', r == 'ي', r == 'ێ':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == 'ک':
		return 'ك'
	case r == 'ۀ', r == 'ہ', r == 'ە':
		return 'ه'
	case '٠' <= r && r <= '٩':
		return '0' + (r - '٠')
	case '۰' <= r && r <= '۹':
		return '0' + (r - '۰')
	case IsFormatControl(r):
		return -1
	case r == '\u00a0' || r == '\u202f' || r == '\u2007':
		return ' '
	}
	return unicode.ToLower(r)
}

// Search returns the search form of s.
func Search(s string) string {
	// Fast path: ASCII-only strings that need no lowering.
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := SearchRune(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// DisplayRune returns the display form of r, or -1 if r is dropped.
func DisplayRune(r rune) rune {
	switch {
	case r == 'ـ', IsFormatControl(r):
		return -1
	case r == '\u00a0' || r == '\u202f' || r == '\u2007':
		return ' '
	}
	return r
}

// Display returns the display form of s.
func Display(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := DisplayRune(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// IsDiacritic reports whether r is an Arabic combining mark: the harakat and
// tanwin (U+064B–U+065F), the dagger alef (U+0670), and the Quranic
// annotation marks (U+06D6–U+06ED, U+0610–U+061A).
func IsDiacritic(r rune) bool {
	return (0x064B <= r && r <= 0x065F) || r == 0x0670 ||
		(0x0610 <= r && r <= 0x061A) || (0x06D6 <= r && r <= 0x06ED && r != 0x06DD && r != 0x06DE && r != 0x06E9)
}

// IsFormatControl reports whether r is an invisible formatting character that
// carries no text: zero-width (non-)joiners and spaces, bidi marks,
// embeddings, overrides and isolates, the BOM, and soft hyphen.
func IsFormatControl(r rune) bool {
	switch {
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F,
		0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069,
		r == 0x061C, r == 0xFEFF, r == 0x00AD, r == 0x2060:
		return true
	}
	return false
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// Digit returns the value of an ASCII, Arabic-Indic (٠–٩) or Persian (۰–۹)
// digit, and whether r is one.
func Digit(r rune) (int, bool) {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0'), true
	case '٠' <= r && r <= '٩':
		return int(r - '٠'), true
	case '۰' <= r && r <= '۹':
		return int(r - '۰'), true
	}
	return 0, false
}

// HasArabic reports whether s contains at least one Arabic letter.
func HasArabic(s string) bool {
	for _, r := range s {
		if IsArabicLetter(r) {
			return true
		}
	}
	return false
}

// SearchPrefixLen returns how many bytes of original s produce the first n
// bytes of Search(s). It lets a match found in the search form be mapped back
// to the text as written.
func SearchPrefixLen(s string, n int) int {
	got := 0
	for i, r := range s {
		if got >= n {
			return i
		}
		if m := SearchRune(r); m >= 0 {
			got += utf8.RuneLen(m)
		}
	}
	return len(s)
}
