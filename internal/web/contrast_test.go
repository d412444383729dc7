package web

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// luminance is WCAG 2's relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) == 3 { // #fff is #ffffff
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	if len(hex) != 6 {
		t.Fatalf("colour %q is not #rgb or #rrggbb", hex)
	}
	var l [3]float64
	for i := range l {
		v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The stylesheet's text colours on their backgrounds reach WCAG AA (4.5:1)
// and its focus rings 3:1, read from the stylesheet itself so a palette
// change is checked.
func TestStyleContrast(t *testing.T) {
	b, err := fs.ReadFile(staticFS, "static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--(\w+):(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b`).FindAllStringSubmatch(css, -1) {
		vars[m[1]] = m[2]
	}
	v := func(name string) string {
		c, ok := vars[name]
		if !ok {
			t.Fatalf("no --%s in style.css", name)
		}
		return c
	}
	for _, p := range []struct {
		what, fg, bg string
		min          float64
	}{
		{"text", v("ink"), v("bg"), 4.5},
		{"muted text on the page", v("muted"), v("bg"), 4.5},
		{"muted text on a card", v("muted"), v("card"), 4.5},
		{"muted text on an entity highlight", v("muted"), v("ent"), 4.5},
		{"text on a quote highlight", v("ink"), v("quote"), 4.5},
		{"text on a conflict highlight", v("ink"), v("conf"), 4.5},
		{"header text", "#ffffff", v("accent"), 4.5},
		{"accent links on a card", v("accent"), v("card"), 4.5},
		{"focus ring on the page", v("ink"), v("bg"), 3},
	} {
		if c := contrast(t, p.fg, p.bg); c < p.min {
			t.Errorf("%s: %s on %s is %.2f:1, want %.1f:1", p.what, p.fg, p.bg, c, p.min)
		}
	}
	// The focus ring is drawn in the ink colour, not a pale one.
	if !strings.Contains(css, "focus-visible { outline:3px solid var(--ink)") {
		t.Errorf("focus ring is not drawn in var(--ink)")
	}
}
