package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/search"
)

// A name inside a quote and a date inside a name's sentence are cut into
// pieces that each carry every covering annotation; the markup stays
// balanced and the text is unchanged.
func TestAnnotateOverlaps(t *testing.T) {
	text := "قال بوتين إن لقاء ترامب يوم الجمعة كان «مثمراً» <b>."
	find := func(s string) marsad.Span {
		i := strings.Index(text, s)
		return marsad.Span{Start: i, End: i + len(s)}
	}
	ls := []layer{
		{find("بوتين"), "ent", "/entities/vladimir-putin", "Putin", ""},
		{find("لقاء ترامب يوم الجمعة كان «مثمراً»"), "q", "", "بوتين", "q1"},
		{find("ترامب"), "ent", "/entities/donald-trump", "Trump", ""},
		{find("يوم الجمعة"), "time", "", "2025-08-15", ""},
	}
	got := string(annotate(text, marsad.Span{Start: 0, End: len(text)}, ls))
	for _, want := range []string{
		`<a class="ent" href="/entities/vladimir-putin" title="Putin">بوتين</a>`,
		// The quote's first piece carries its anchor (the article page's
		// list of quotes links to it), and only the first.
		`<span class="q" id="q1" tabindex="-1" title="بوتين">لقاء </span><span class="q" title="بوتين"><a class="ent" href="/entities/donald-trump" title="Trump">ترامب</a></span>`,
		`<span class="q" title="بوتين"><span class="time" title="2025-08-15">يوم الجمعة</span></span>`,
		`&lt;b&gt;`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("annotate output lacks %s\n%s", want, got)
		}
	}
	if strings.Count(got, "<span") != strings.Count(got, "</span>") || strings.Count(got, "<a ") != strings.Count(got, "</a>") {
		t.Errorf("unbalanced markup: %s", got)
	}
}

func TestHighlightEscapes(t *testing.T) {
	text := "<script>بوتين</script>"
	i := strings.Index(text, "بوتين")
	got := string(highlight(text, 100, []marsad.Span{{Start: 100 + i, End: 100 + i + len("بوتين")}}))
	if got != "&lt;script&gt;<mark>بوتين</mark>&lt;/script&gt;" {
		t.Errorf("highlight = %s", got)
	}
	// A highlight outside the snippet is ignored, not a panic.
	highlight(text, 0, []marsad.Span{{Start: 5, End: 500}})
}

func TestTimelineSVG(t *testing.T) {
	got := string(timelineSVG([]search.Day{{Day: "2015-08-01", Articles: 2}, {Day: "2015-08-03", Articles: 5}}))
	if strings.Count(got, "<rect") != 2 || !strings.Contains(got, "08-03") {
		t.Errorf("timeline: %s", got)
	}
	// A screen reader gets the data, not the word "timeline".
	if !strings.Contains(got, `aria-label="2015-08-01: 2; 2015-08-03: 5"`) {
		t.Errorf("timeline's text alternative is not its data: %s", got)
	}
	if timelineSVG(nil) != "" {
		t.Errorf("empty timeline drew something")
	}
}

// TestTemplateWords checks that every label and counted noun a template
// asks for exists: a missing key would show its raw name on the page.
func TestTemplateWords(t *testing.T) {
	label := regexp.MustCompile(`\{\{t (?:\.Lang|\$\w+|\$\.Lang) "([^"]+)"`)
	noun := regexp.MustCompile(`\{\{count [^}]*"([^"]+)"\}\}`)
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("templates: %v (%d)", err, len(names))
	}
	for _, n := range names {
		b, err := fs.ReadFile(templateFS, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range label.FindAllStringSubmatch(string(b), -1) {
			if _, ok := words[m[1]]; !ok {
				t.Errorf("%s: label %q is not in words", n, m[1])
			}
		}
		for _, m := range noun.FindAllStringSubmatch(string(b), -1) {
			if _, ok := counted[m[1]]; !ok {
				t.Errorf("%s: counted noun %q is not in counted", n, m[1])
			}
		}
	}
}
