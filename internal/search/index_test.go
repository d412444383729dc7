package search

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"marsad"
	"marsad/store/sqlite"
)

const moscow = "استقبل الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية. وقال بوتين إن المحادثات كانت مثمرة. وأشاد الرئيس الروسي بالعلاقات."

func putinArticle(id, published, text string) *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Source, a.Published, a.Text = id, "okaz", published, text
	e := marsad.Entity{ID: "vladimir-putin", Name: "فلاديمير بوتين", NameEn: "Vladimir Putin", Type: marsad.PERS}
	for _, w := range []string{"الرئيس الروسي فلاديمير بوتين", "لبوتين", "بوتين"} {
		for off := 0; ; {
			i := strings.Index(text[off:], w)
			if i < 0 {
				break
			}
			s := off + i
			overlaps := false
			for _, m := range e.Mentions {
				if s < m.End && m.Start < s+len(w) {
					overlaps = true
				}
			}
			if !overlaps {
				e.Mentions = append(e.Mentions, marsad.Mention{Start: s, End: s + len(w), Text: w})
			}
			off = s + len(w)
		}
	}
	a.Entities = []marsad.Entity{e}
	if i := strings.Index(text, "المحادثات كانت مثمرة"); i >= 0 {
		a.Quotes = []marsad.Quote{{Speaker: e.ID, SpeakerName: e.Name, Cue: "قال", Kind: marsad.Indirect,
			Text: "المحادثات كانت مثمرة", Start: i, End: i + len("المحادثات كانت مثمرة")}}
	}
	return a
}

func TestSyncFromStoreAndQueries(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, a := range []*marsad.Article{
		putinArticle("a1", "2015-08-01", moscow),
		putinArticle("a2", "2015-08-03 10:00:00", "بعث الرئيس الأميركي برسالة لبوتين حول أوكرانيا."),
	} {
		r := &marsad.Record{Article: a, Hash: strings.Repeat("0", 63) + string(rune('1'+i)), StoryID: "s1", Terms: "x"}
		if err := st.Add(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.Sync(ctx, st); err != nil || n != 2 {
		t.Fatalf("Sync = %d, %v; want 2", n, err)
	}
	if n, err := ix.Sync(ctx, st); err != nil || n != 0 {
		t.Fatalf("second Sync = %d, %v; want 0", n, err)
	}
	for _, c := range []struct {
		q    Query
		want []string
	}{
		{Query{Text: "بوتين"}, []string{"a1", "a2"}},
		{Query{Text: "وبوتين"}, []string{"a1", "a2"}},
		{Query{Text: "الأمريكي"}, []string{"a2"}},
		{Query{Text: "بوتين", From: "2015-08-02"}, []string{"a2"}},
		{Query{Text: "بوتين", To: "2015-08-01"}, []string{"a1"}},
		{Query{Text: "بوتين", Sources: []string{"sabq"}}, nil},
		{Query{Entity: "vladimir-putin"}, []string{"a2", "a1"}},
		{Query{Text: "مثمرة", Kind: KindQuote}, []string{"a1"}},
		{Query{Kind: KindQuote, Speaker: "vladimir-putin"}, []string{"a1"}},
		{Query{Text: "موسكو الخارجية"}, []string{"a1"}},
		{Query{Text: "في من"}, nil}, // stop words only
	} {
		res, err := ix.Search(ctx, c.q)
		if err != nil {
			t.Fatalf("%+v: %v", c.q, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Article)
		}
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%+v: got %v, want %v", c.q, got, c.want)
		}
	}
	// Titles are mentions too: the entity search finds Putin by his title.
	for _, q := range []string{"لبوتين", "الرئيس الروسي", "putin"} {
		es, err := ix.Entities(ctx, q, 5)
		if err != nil || len(es) == 0 || es[0].ID != "vladimir-putin" || es[0].Articles != 2 {
			t.Errorf("Entities(%q) = %+v, %v", q, es, err)
		}
	}
	ms, total, err := ix.Mentions(ctx, "vladimir-putin", 10, 0)
	if err != nil || total != 3 || len(ms) != 3 {
		t.Fatalf("Mentions: %d %d %v", total, len(ms), err)
	}
	for _, m := range ms {
		if !strings.Contains(m.Context.Text, m.Text) || !strings.Contains(m.Text, "بوتين") {
			t.Errorf("mention %q in context %q", m.Text, m.Context.Text)
		}
	}
	days, err := ix.Timeline(ctx, "vladimir-putin")
	if err != nil || len(days) != 2 || days[0].Day != "2015-08-01" || days[1].Day != "2015-08-03" {
		t.Errorf("Timeline = %+v, %v", days, err)
	}
	if _, err := ix.Entity(ctx, "nobody"); err == nil {
		t.Errorf("Entity(nobody): no error")
	}
}

// Snippet highlights are byte spans of the article's text that cover the
// words as written, clitics and diacritics included.
func TestSnippetHighlightsAsWritten(t *testing.T) {
	ix, err := Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	text := "قال مسؤول إن الاجتماع ناقش الملف. وأكد أن لِبوتينَ موقفاً واضحاً من القمّـة، وأن الأميركيين رحبوا."
	want := map[string]bool{}
	for _, q := range ix.an.QueryTerms("بوتين القمة الأمريكيين") {
		want[q] = true
	}
	s := ix.Snippet(text, want)
	var got []string
	for _, h := range s.Highlights {
		got = append(got, text[h.Start:h.End])
	}
	if strings.Join(got, "|") != "لِبوتينَ|القمّـة|الأميركيين" {
		t.Errorf("highlights %q in snippet %q", got, s.Text)
	}
	if text[s.Start:s.End] != s.Text {
		t.Errorf("snippet text is not text[start:end]")
	}
}

func FuzzSearch(f *testing.F) {
	ix, err := Open(context.Background(), filepath.Join(f.TempDir(), "m.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(context.Background(), &marsad.Record{Article: putinArticle("a1", "2015-08-01", moscow), Added: time.Now()}); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"بوتين", `"بوتين" OR NEAR(`, "a* AND -b", "١٥٫٥", "{title}: x", "\x00", "\"", "NOT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range res.Hits {
			for _, sp := range h.Snippet.Highlights {
				if !(marsad.Span{Start: h.Snippet.Start, End: h.Snippet.End}).Contains(sp) {
					t.Fatalf("highlight %v outside snippet", sp)
				}
			}
		}
		if _, err := ix.Entities(context.Background(), q, 5); err != nil {
			t.Fatalf("Entities(%q): %v", q, err)
		}
	})
}

// An article indexed directly (the API's ingest) must not hide from Sync
// one that another process stored a moment before.
func TestSyncAfterDirectAdd(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r1 := &marsad.Record{Article: putinArticle("a1", "2015-08-01", moscow), Hash: strings.Repeat("1", 64), StoryID: "s1", Terms: "x"}
	r2 := &marsad.Record{Article: putinArticle("a2", "2015-08-02", "رسالة لبوتين."), Hash: strings.Repeat("2", 64), StoryID: "s2", Terms: "x"}
	if err := st.Add(ctx, r1); err != nil {
		t.Fatal(err)
	}
	if err := st.Add(ctx, r2); err != nil { // "another process"
		t.Fatal(err)
	}
	if err := ix.Add(ctx, &marsad.Record{Article: r1.Article, StoryID: "s1"}); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Sync(ctx, st); err != nil || n != 1 {
		t.Fatalf("Sync = %d, %v; want 1 (a2)", n, err)
	}
	if ok, _ := ix.Has(ctx, "a2"); !ok {
		t.Errorf("a2 not indexed")
	}
}
