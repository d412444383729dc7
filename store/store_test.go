package store

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
)

const (
	// Two outlets' own reports of one event, and an unrelated article.
	morocco1 = `وصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم إلى مدينة طنجة في المملكة المغربية في إجازة خاصة، وكان في استقباله في مطار طنجة الدولي عدد من المسؤولين المغاربة.`
	morocco2 = `الملك سلمان يصل إلى طنجة المغربية لقضاء إجازة خاصة، حيث استقبله في مطار طنجة مسؤولون مغاربة، وتستمر إجازة الملك سلمان في المغرب عدة أسابيع.`
	hospital = `أعلنت وزارة الصحة افتتاح مستشفى جديد في منطقة جازان بسعة مئتي سرير، يضم أقساما للطوارئ والعناية المركزة وغسيل الكلى، ويخدم سكان المحافظات الجبلية.`
)

func article(id, source, url, published, title, text string) *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Source, a.URL, a.Published, a.Title, a.Text = id, source, url, published, title, text
	return a
}

func newIngester(t *testing.T, path string) (*Ingester, marsad.Store) {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	in, err := NewIngester(context.Background(), s, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return in, s
}

func mustAdd(t *testing.T, in *Ingester, a *marsad.Article) Result {
	t.Helper()
	r, err := in.Add(context.Background(), a)
	if err != nil {
		t.Fatalf("Add %s: %v", a.ID, err)
	}
	return r
}

func TestIngestStoriesAndDuplicates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	in, s := newIngester(t, path)

	r1 := mustAdd(t, in, article("a1", "spa", "https://spa.example/1", "2015-08-02", "خادم الحرمين الشريفين يصل إلى المملكة المغربية", morocco1))
	if r1.Status != Added || !r1.NewStory {
		t.Fatalf("first article: %+v", r1)
	}
	r2 := mustAdd(t, in, article("a2", "okaz", "https://okaz.example/2", "2015-08-02", "الملك سلمان يصل إلى طنجة في إجازة خاصة", morocco2))
	if r2.Status != Added || r2.Story != r1.Story {
		t.Errorf("second report of the event: %+v, want story %s", r2, r1.Story)
	}
	r3 := mustAdd(t, in, article("a3", "alyaum", "https://alyaum.example/3", "2015-08-02", "مستشفى جديد في جازان", hospital))
	if r3.Story == r1.Story || !r3.NewStory {
		t.Errorf("unrelated article joined the story: %+v", r3)
	}

	// The same text again (re-typeset with diacritics, other URL and id),
	// and the same URL again: stored once.
	same := article("a4", "spa", "https://mirror.example/4", "2015-08-02", "", strings.Replace(morocco1, "وصل", "وَصَلَ", 1))
	if r := mustAdd(t, in, same); r.Status != Duplicate || r.ID != "a1" {
		t.Errorf("same text: %+v, want duplicate of a1", r)
	}
	if r := mustAdd(t, in, article("a5", "spa", "https://spa.example/1", "2015-08-02", "", hospital+" تحديث")); r.Status != Duplicate {
		t.Errorf("same URL: %+v, want duplicate", r)
	}

	// An agency copy re-run with a new dateline and a sentence added:
	// stored, linked, in the original's story.
	copyText := "طنجة – واس: " + morocco1 + " ويرافقه وفد رسمي."
	r6 := mustAdd(t, in, article("a6", "alriyadh", "https://riyadh.example/6", "2015-08-03", "وصول خادم الحرمين إلى المغرب", copyText))
	if r6.Status != NearDuplicate || r6.DuplicateOf != "a1" || r6.Story != r1.Story {
		t.Errorf("near copy: %+v, want near-duplicate of a1 in %s", r6, r1.Story)
	}
	rec, err := s.Get(ctx, "a6")
	if err != nil || rec.DuplicateOf != "a1" {
		t.Errorf("stored near copy: %+v, %v", rec, err)
	}

	// A restarted process rebuilds its indexes from the store: a new
	// report of the event still joins the story, a copy is still found.
	s.Close()
	in2, _ := newIngester(t, path)
	r7 := mustAdd(t, in2, article("a7", "sabq", "https://sabq.example/7", "2015-08-03", "الملك سلمان في طنجة", morocco2+" وأفادت مصادر أن الملك سلمان سيقيم في قصره في طنجة."))
	if r7.Story != r1.Story {
		t.Errorf("after restart the event went to %s, want %s (%+v)", r7.Story, r1.Story, r7)
	}
	if r := mustAdd(t, in2, article("a8", "x", "https://x.example/8", "2015-08-03", "", copyText+" انتهى")); r.Status != NearDuplicate {
		t.Errorf("after restart the copy was not found: %+v", r)
	}
}

func TestIngestBadInput(t *testing.T) {
	in, s := newIngester(t, filepath.Join(t.TempDir(), "m.db"))
	for name, a := range map[string]*marsad.Article{
		"nil":     nil,
		"no id":   article("", "s", "", "", "", morocco1),
		"no text": article("b1", "s", "", "", "عنوان", " \n"),
		"bad utf": article("b2", "s", "", "", "", "نص\xff"),
		"bad span": func() *marsad.Article {
			a := article("b3", "s", "", "", "", morocco1)
			a.Quotes = []marsad.Quote{{Start: 5, End: 1 << 20}}
			return a
		}(),
	} {
		if _, err := in.Add(context.Background(), a); !errors.Is(err, marsad.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	if st, _ := s.Stories(context.Background(), 0); len(st) != 0 {
		t.Errorf("bad input left %d stories", len(st))
	}
}

func TestBuild(t *testing.T) {
	ctx := context.Background()
	in, s := newIngester(t, filepath.Join(t.TempDir(), "m.db"))
	putin := func(start int, text string) marsad.Entity {
		return marsad.Entity{ID: "Q7747", Name: "فلاديمير بوتين", NameEn: "Vladimir Putin", Type: marsad.PERS,
			Mentions: []marsad.Mention{{Start: start, End: start + len(text), Text: text}}}
	}
	a1 := article("a1", "spa", "u1", "2015-08-02", "الملك في طنجة", morocco1)
	i := strings.Index(morocco1, "الملك سلمان")
	a1.Entities = []marsad.Entity{putin(i, "الملك سلمان")}
	a1.Quotes = []marsad.Quote{{Speaker: "Q7747", SpeakerName: "سلمان", Kind: marsad.Direct, Text: "في إجازة خاصة", Start: 0, End: 3}}
	a1.Times = []marsad.TimeExpr{{Text: "اليوم", Value: "2015-08-02", Kind: marsad.TimeDate, Start: 0, End: 3}}
	a2 := article("a2", "okaz", "u2", "2015-08-02", "الملك سلمان يصل إلى طنجة", morocco2)
	a2.Entities = []marsad.Entity{putin(0, morocco2[:len("الملك سلمان")])}
	a2.Times = []marsad.TimeExpr{{Text: "اليوم", Value: "2015-08-02", Kind: marsad.TimeDate}, {Text: "أمس", Value: "2015-08-01", Kind: marsad.TimeDate},
		{Text: "قريباً", Value: "FUTURE_REF", Kind: marsad.TimeDate}} // vague: not on the timeline
	// A near copy of a1 with the same annotations: listed, not counted.
	a3 := article("a3", "alriyadh", "u3", "2015-08-02", "", "طنجة – واس: "+morocco1)
	a3.Entities = a1.Entities
	a3.Times = a1.Times
	a3.Quotes = a1.Quotes // quotes are listed per source, copies included
	r1 := mustAdd(t, in, a1)
	mustAdd(t, in, a2)
	if r := mustAdd(t, in, a3); r.Status != NearDuplicate {
		t.Fatalf("a3: %+v", r)
	}
	st, err := Build(ctx, s, r1.Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != 3 || st.Title != "الملك في طنجة" {
		t.Errorf("articles %d, title %q", len(st.Articles), st.Title)
	}
	if len(st.Entities) != 1 || st.Entities[0].Articles != 2 || st.Entities[0].Mentions != 2 {
		t.Errorf("entities %+v, want one entity in 2 articles with 2 mentions", st.Entities)
	}
	if len(st.Timeline) != 2 || st.Timeline[0].Value != "2015-08-01" || len(st.Timeline[1].Articles) != 2 {
		t.Errorf("timeline %+v", st.Timeline)
	}
	if len(st.Quotes) != 2 || st.Quotes[0].Article != "a1" {
		t.Errorf("quotes %+v", st.Quotes)
	}
	b, _ := json.Marshal(st)
	for _, want := range []string{`"agreements":[]`, `"unique":[]`, `"conflicts":[]`, `"summary":[]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("story JSON lacks %s: %s", want, b)
		}
	}
	if _, err := Build(ctx, s, "nope"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("Build(nope): %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"MARSAD_DB": "/x/y.db", "HOME": "/h"}, "/x/y.db"},
		{map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/h"}, "/data/marsad/marsad.db"},
		{map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/h"}, "/h/.local/share/marsad/marsad.db"},
		{map[string]string{"HOME": "/h"}, "/h/.local/share/marsad/marsad.db"},
	}
	for _, c := range cases {
		if got, err := DefaultPath(env(c.env)); err != nil || got != c.want {
			t.Errorf("DefaultPath(%v) = %q, %v; want %q", c.env, got, err, c.want)
		}
	}
}

func TestHash(t *testing.T) {
	base := Hash("وصل الملك إلى طنجة")
	for _, same := range []string{"  وصل الملك\nإلى  طنجة ", "وَصَلَ المَلِكُ إلى طنجة", "وصل الملك الى طنجة"} {
		if Hash(same) != base {
			t.Errorf("Hash(%q) differs", same)
		}
	}
	if Hash("وصل الملك إلى جدة") == base || Hash("وصل الملكإلى طنجة") == base {
		t.Error("different texts hash the same")
	}
}

func TestIngestBatch(t *testing.T) {
	in, s := newIngester(t, filepath.Join(t.TempDir(), "m.db"))
	arts := []*marsad.Article{
		article("a1", "spa", "u1", "2015-08-02", "الملك في طنجة", morocco1),
		article("a2", "okaz", "u2", "2015-08-02", "الملك سلمان يصل إلى طنجة", morocco2),
		article("a3", "x", "u1", "2015-08-02", "", hospital),                // same URL as a1
		article("a4", "y", "u4", "2015-08-02", "", "  "+morocco1),           // same text as a1
		article("a5", "z", "u5", "2015-08-02", "", "طنجة – واس: "+morocco1), // near copy of a1
		article("", "z", "u6", "2015-08-02", "", hospital),                  // no id
		article("a7", "alyaum", "u7", "2015-08-02", "مستشفى جديد", hospital),
	}
	res, errs := in.AddBatch(context.Background(), arts)
	want := []Status{Added, Added, Duplicate, Duplicate, NearDuplicate, "", Added}
	for i := range arts {
		if res[i].Status != want[i] {
			t.Errorf("article %d: %+v (err %v), want %s", i, res[i], errs[i], want[i])
		}
	}
	if !errors.Is(errs[5], marsad.ErrInvalid) {
		t.Errorf("no id: %v", errs[5])
	}
	if res[1].Story != res[0].Story || res[4].Story != res[0].Story || res[4].DuplicateOf != "a1" || res[6].Story == res[0].Story {
		t.Errorf("stories: %+v", res)
	}
	if res[2].ID != "a1" || res[3].ID != "a1" {
		t.Errorf("duplicates point at %q, %q", res[2].ID, res[3].ID)
	}
	st, _ := s.Stories(context.Background(), 0)
	if len(st) != 2 {
		t.Errorf("%d stories stored, want 2", len(st))
	}
}
