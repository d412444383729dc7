package summary

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/compare"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
)

func article(t *testing.T, id, text string) *marsad.Article {
	t.Helper()
	a, err := ingest.FromText([]byte(text), ingest.Options{Published: "2015-08-06"})
	if err != nil {
		t.Fatal(err)
	}
	a.ID = id
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// checkLines asserts the contract of a summary: at most n lines, each the
// text of its span in its article, no two saying the same thing.
func checkLines(t *testing.T, arts []*marsad.Article, lines []marsad.SummaryLine, n int) {
	t.Helper()
	if len(lines) > n {
		t.Errorf("%d lines, want at most %d", len(lines), n)
	}
	byID := map[string]*marsad.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for i, l := range lines {
		a := byID[l.Article]
		if a == nil || !(marsad.Span{Start: l.Start, End: l.End}).Valid(len(a.Text)) || a.Text[l.Start:l.End] != l.Text {
			t.Errorf("line %d is not the text of its span: %+v", i, l)
		}
		for _, m := range lines[:i] {
			if overlap(l.Text, m.Text) > 0.6 {
				t.Errorf("lines repeat each other:\n%s\n%s", m.Text, l.Text)
			}
		}
	}
}

// overlap is the share of the shorter line's terms the other has.
func overlap(a, b string) float64 {
	ta, tb := set(compare.Terms(a)), set(compare.Terms(b))
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	n := 0
	for k := range ta {
		if tb[k] {
			n++
		}
	}
	if len(ta) == 0 {
		return 0
	}
	return float64(n) / float64(len(ta))
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// Two outlets' versions of one wire story (written for this test after
// SPA's style): the summary should lead with what both carry and not give
// the shared sentence twice.
func TestSummarizeCoversAgreedFacts(t *testing.T) {
	a := article(t, "a", "أعلنت وزارة الصحة تسجيل أربع إصابات بفيروس كورونا في عائلة واحدة بمدينة الرياض، بينها حالة وفاة واحدة.\n"+
		"وأوضحت الوزارة أن المريض الأول مخالط للجمال، وأن فرق التقصي الوبائي فحصت جميع المخالطين.\n"+
		"ودعت الوزارة المواطنين إلى اتخاذ الاحتياطات اللازمة عند التعامل مع الجمال وغسل الأيدي باستمرار.")
	b := article(t, "b", "سجلت وزارة الصحة أربع إصابات بفيروس كورونا في عائلة سعودية واحدة بالرياض، توفيت منها حالة واحدة.\n"+
		"وقال مصدر في الوزارة إن المستشفيات رفعت درجة الاستعداد في المنطقة الوسطى خلال الأسبوع الجاري.\n"+
		"وأشارت الوزارة إلى أن المريض الأول مخالط للجمال، وأن التقصي الوبائي شمل كل المخالطين.")
	arts := []*marsad.Article{a, b}
	c := compare.Compare(arts)
	if len(c.Agreements) == 0 {
		t.Fatalf("no agreements between the two versions: %+v", c)
	}
	lines := Summarize(arts, c, 3)
	checkLines(t, arts, lines, 3)
	if len(lines) == 0 {
		t.Fatal("empty summary")
	}
	if !strings.Contains(lines[0].Text, "كورونا") {
		t.Errorf("summary does not lead with the agreed fact: %q", lines[0].Text)
	}
	n := 0
	for _, l := range lines {
		if strings.Contains(l.Text, "أربع إصابات") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the shared lead appears %d times in the summary", n)
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	if got := Summarize(nil, marsad.Comparison{}, 3); len(got) != 0 {
		t.Errorf("summary of nothing: %v", got)
	}
	a := article(t, "x", "أعلنت وزارة الصحة تسجيل أربع إصابات بفيروس كورونا في عائلة واحدة بمدينة الرياض، بينها حالة وفاة واحدة.")
	if got := Summarize([]*marsad.Article{a}, marsad.Comparison{}, 0); len(got) != 0 {
		t.Errorf("n=0 gave %v", got)
	}
	got := Summarize([]*marsad.Article{a, a}, compare.Compare([]*marsad.Article{a}), 5)
	checkLines(t, []*marsad.Article{a}, got, 5)
	if len(got) != 1 {
		t.Errorf("one-sentence story gave %d lines", len(got))
	}
}

// The demo story: the summary is printed for a reader to judge, and must
// keep the contract and cover agreed facts first.
func TestSummarizeSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) < 2 {
		t.Fatalf("seeds in %s: %v", dir, err)
	}
	sort.Strings(files)
	var arts []*marsad.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, article(t, strings.SplitN(filepath.Base(f), "_", 2)[0], string(raw)))
	}
	c := compare.Compare(arts)
	lines := Summarize(arts, c, 4)
	checkLines(t, arts, lines, 4)
	if len(lines) < 3 {
		t.Fatalf("seed summary has %d lines", len(lines))
	}
	agreed := map[[2]int]string{}
	for _, cl := range c.Agreements {
		for _, e := range cl.Sources {
			agreed[[2]int{e.Start, e.End}] = e.Article
		}
	}
	inAgreement := func(l marsad.SummaryLine) bool {
		for sp, art := range agreed {
			if art == l.Article && (marsad.Span{Start: sp[0], End: sp[1]}).Overlaps(marsad.Span{Start: l.Start, End: l.End}) {
				return true
			}
		}
		return false
	}
	if !inAgreement(lines[0]) {
		t.Errorf("first line is not an agreed claim: %q", lines[0].Text)
	}
	for _, l := range lines {
		t.Logf("[%s] %s", l.Article, l.Text)
	}
}

func BenchmarkSummarize(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	var arts []*marsad.Article
	for i := 0; i < 5; i++ {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			a, err := ingest.FromText(raw, ingest.Options{})
			if err != nil {
				b.Fatal(err)
			}
			a.ID += string(rune('0' + i))
			if err := p.Analyze(context.Background(), a); err != nil {
				b.Fatal(err)
			}
			arts = append(arts, a)
		}
	}
	c := compare.Compare(arts)
	b.ResetTimer()
	for b.Loop() {
		Summarize(arts, c, 4)
	}
}
