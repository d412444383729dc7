package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nbsp and tabs", "قال\u00a0الرئيس\tإن", "قال الرئيس إن"},
		{"bidi and zero width", "\u202bبوتين\u202c و\u200fترامب", "بوتين وترامب"},
		{"hyphens", "إلمندورف\u2011ريتشاردسون", "إلمندورف-ريتشاردسون"},
		{"crlf lines are paragraphs", "سطر أول\r\nسطر ثان\r\n\r\n", "سطر أول\n\nسطر ثان"},
		{"blank lines separate wrapped paragraphs", "جملة\nمكسورة\n\nفقرة ثانية\n\n\n\n", "جملة مكسورة\n\nفقرة ثانية"},
		{"mixed curly quotes", "واصفاً إياها بأنها ”بناءة” و”قائمة”", "واصفاً إياها بأنها “بناءة” و“قائمة”"},
		{"control chars", "أ\x00ب\x07ج", "أبج"},
		{"NFC composes hamza", "ا\u0654", "أ"},
		{"spaces collapse", "  كلمة    أخرى  ", "كلمة أخرى"},
	}
	for _, tt := range tests {
		got := Text(tt.in)
		if got.Text != tt.want {
			t.Errorf("%s: Text(%q) = %q, want %q", tt.name, tt.in, got.Text, tt.want)
		}
	}
}

func TestParagraphsAndMap(t *testing.T) {
	raw := "  \u202bالفقرة\u00a0الأولى\u202c.\r\n\r\nالفقرة  الثانية، وفيها بوتين.\n"
	r := Text(raw)
	if len(r.Paragraphs) != 2 {
		t.Fatalf("paragraphs = %v in %q", r.Paragraphs, r.Text)
	}
	// Every word of the clean text maps back to the same word in the raw.
	for _, w := range []string{"الأولى", "الثانية", "بوتين"} {
		i := strings.Index(r.Text, w)
		o := r.Map.Original(i)
		if !strings.HasPrefix(raw[o:], w) {
			t.Errorf("%s: clean %d maps to raw %d (%q)", w, i, o, raw[o:])
		}
	}
}

func TestSeedsKeepTheirWords(t *testing.T) {
	seeds, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seed articles found in ../shared/seeds")
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := Text(string(b))
		if !utf8.ValidString(r.Text) || strings.HasSuffix(r.Text, "\n") {
			t.Errorf("%s: invalid or trailing newline", p)
		}
		for _, p := range r.Paragraphs {
			if r.Text[p.Start:p.End] != strings.TrimSpace(r.Text[p.Start:p.End]) {
				t.Errorf("paragraph %v not trimmed", p)
			}
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "\r\n\r\n", "”أ”", "ا\u0654\u202b", "\xff\xfe", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Text(s)
		if !utf8.ValidString(r.Text) {
			t.Fatalf("invalid output for %q", s)
		}
		for _, p := range r.Paragraphs {
			if !p.Valid(len(r.Text)) {
				t.Fatalf("bad paragraph %v", p)
			}
		}
		for i := 0; i <= len(r.Text); i++ {
			if o := r.Map.Original(i); o < 0 || o > len(s) {
				t.Fatalf("offset %d maps outside the raw input: %d", i, o)
			}
		}
	})
}
