package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/api"
	"marsad/internal/search"
)

// The article page lists what its highlights say — quotes with their
// speakers, entities with their Latin names, resolved times — because a
// highlight's title cannot be read on a phone or with a keyboard.
func TestArticlePageListsAnnotations(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	for _, sa := range infos[0].Articles {
		rec, err := st.Store.Get(t.Context(), sa.ID)
		if err != nil {
			t.Fatal(err)
		}
		a := rec.Article
		_, body, _ := fetch(t, srv.Client(), srv.URL+"/articles/"+a.ID)
		if len(a.Quotes) > 0 {
			if !strings.Contains(body, `id="quotes"`) || !strings.Contains(body, `href="#q1"`) || !strings.Contains(body, `class="q" id="q1" tabindex="-1"`) {
				t.Errorf("article %s: its %d quotes are not listed with a link to their place in the text", a.ID, len(a.Quotes))
			}
			for _, q := range a.Quotes {
				if q.Speaker != "" && !strings.Contains(body, `href="/entities/`+q.Speaker+`"`) {
					t.Errorf("article %s: speaker %s not linked", a.ID, q.Speaker)
				}
			}
		}
		for _, e := range a.Entities {
			if e.NameEn != "" && !strings.Contains(body, `<bdi dir="ltr" lang="en">`+htmlText(e.NameEn)+`</bdi>`) {
				t.Errorf("article %s: entity %s's Latin name %q not listed in an isolate", a.ID, e.ID, e.NameEn)
			}
		}
		for _, tm := range a.Times {
			if !strings.Contains(body, `id="times"`) || !strings.Contains(body, tm.Value) {
				t.Errorf("article %s: time %q = %s not listed", a.ID, tm.Text, tm.Value)
			}
		}
	}
}

// htmlText is how html/template writes a text value.
func htmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")
	return r.Replace(s)
}

// The story page says how many outlets stand behind each agreement, links
// every piece of evidence to its article, isolates Latin names in the
// right-to-left lines (a name ending in a dot or a bracket would otherwise
// be drawn with the dot on the wrong side: ".Washington, D.C"), labels the
// entity counts, and shows one exclusive column per outlet that has some.
func TestStoryPageComparisonReadable(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	story, err := st.Stories.Story(t.Context(), infos[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := fetch(t, srv.Client(), srv.URL+"/stories/"+infos[0].ID)
	section := func(id string) string {
		i := strings.Index(body, `id="`+id+`"`)
		if i < 0 {
			t.Fatalf("story page has no #%s", id)
		}
		j := strings.Index(body[i:], "<h2")
		if j < 0 {
			j = len(body) - i
		}
		return body[i : i+j]
	}
	if len(story.Comparison.Agreements) == 0 {
		t.Fatal("the sample story has no agreements")
	}
	agree := section("agreements")
	if n := strings.Count(agree, `class="tag agree"`); n != len(story.Comparison.Agreements) {
		t.Errorf("%d agreements carry an outlet count, want %d", n, len(story.Comparison.Agreements))
	}
	if !strings.Contains(agree, "مصدران") {
		t.Errorf("two outlets agreeing are not counted as مصدران")
	}
	if !strings.Contains(agree, `<h3><a href="/articles/`) {
		t.Errorf("agreement evidence is not linked to its article")
	}
	ents := section("entities")
	for _, e := range story.Entities {
		if e.NameEn != "" && !strings.Contains(ents, `<bdi dir="ltr" lang="en">`+htmlText(e.NameEn)+`</bdi>`) {
			t.Errorf("entity %s: Latin name %q not isolated", e.ID, e.NameEn)
		}
	}
	if regexp.MustCompile(`· \d+/\d+ ·`).MatchString(ents) {
		t.Errorf("entity counts are bare numbers (n/m)")
	}
	excl := section("exclusives")
	if strings.Contains(excl, "لا شيء") && len(story.Comparison.Unique) > 0 {
		t.Errorf("exclusives show an empty column while some outlet has exclusives")
	}
}

// The same statement carried by several outlets is one line with its
// outlets (the wire copy of a minister's words is otherwise listed once
// per newspaper), and a spelling variant of it is the same statement.
func TestGroupQuotes(t *testing.T) {
	arts := map[string]marsad.StoryArticle{"a": {ID: "a", Source: "okaz"}, "b": {ID: "b", Source: "alyaum"}, "c": {ID: "c", Source: "sabq"}}
	qs := []marsad.StoryQuote{
		{Speaker: "ashton-carter", SpeakerName: "أشتون كارتر", Article: "a", Text: "تعزيز السلام والاستقرار في المنطقة"},
		{Speaker: "ashton-carter", SpeakerName: "كارتر", Article: "b", Text: "تعزيز السلام والإستقرار في المنطقه"},
		{Speaker: "ashton-carter", SpeakerName: "كارتر", Article: "b", Text: "تعزيز السلام والاستقرار في المنطقة"},
		{Speaker: "mohammed-bin-salman", SpeakerName: "محمد بن سلمان", Article: "c", Text: "تعزيز السلام والاستقرار في المنطقة"},
		{SpeakerName: "مصدر", Article: "c", Text: "لا تعليق"},
	}
	got := groupQuotes(qs, arts)
	if len(got) != 3 {
		t.Fatalf("%d groups, want 3: %+v", len(got), got)
	}
	if len(got[0].Articles) != 2 || got[0].Articles[0].Source != "okaz" || got[0].Articles[1].Source != "alyaum" {
		t.Errorf("first group's articles %+v, want okaz then alyaum once each", got[0].Articles)
	}
	if got[1].Speaker.ID != "mohammed-bin-salman" || got[2].Speaker.Name != "مصدر" {
		t.Errorf("groups %+v", got)
	}
}

// An entity's page shows a statement once with every outlet that carried
// it, and its co-occurring entities' Latin names isolated.
func TestEntityPageGroupsQuotes(t *testing.T) {
	qs := []search.QuoteHit{
		{Article: "a", Source: "okaz", Text: "تعزيز السلام والاستقرار في المنطقة"},
		{Article: "b", Source: "alyaum", Text: "تعزيز السلام والإستقرار في المنطقه"},
		{Article: "c", Source: "almadina", Text: "النفوذ الإيراني على الحوثيين حقيقي"},
	}
	got := groupEntityQuotes(qs)
	if len(got) != 2 || len(got[0].Articles) != 2 || got[0].Articles[1].Source != "alyaum" || got[1].Article != "c" {
		t.Errorf("groups %+v", got)
	}
	srv, _ := testServer(t)
	_, body, _ := fetch(t, srv.Client(), srv.URL+"/entities/vladimir-putin")
	i := strings.Index(body, `id="cooccurring"`)
	if i < 0 || !strings.Contains(body[i:], `<bdi dir="ltr" lang="en">Donald Trump</bdi>`) {
		t.Errorf("co-occurring Donald Trump's Latin name is not isolated")
	}
}

// A quotation whose span already ends on the text's closing mark is not
// closed twice.
func TestQuoted(t *testing.T) {
	for in, want := range map[string]string{
		"مثمرة": "«مثمرة»",
		"إن الملك سلمان سيزور الولايات»": "«إن الملك سلمان سيزور الولايات»",
		"«صراع جيلنا»":                   "«صراع جيلنا»",
		"\"صراع جيلنا\"":                 "\"صراع جيلنا\"",
	} {
		if got := quoted(in); got != want {
			t.Errorf("quoted(%q) = %q, want %q", in, got, want)
		}
	}
}

// The story list pages past its first stories, can keep only the stories
// several outlets report (the ones with something to compare), and names
// each outlet once.
func TestStoriesPagerAndFilter(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	c := srv.Client()
	_, body, _ := fetch(t, c, srv.URL+"/?multi=1")
	if !strings.Contains(body, "/stories/"+infos[0].ID) || !strings.Contains(body, "من مصدرين") {
		t.Errorf("the sample story (two outlets) is not listed as reported by two outlets under ?multi=1")
	}
	if _, body, _ = fetch(t, c, srv.URL+"/"); strings.Contains(body, `rel="next"`) || !strings.Contains(body, `href="/?multi=1"`) {
		t.Errorf("one story: a next link, or no filter link")
	}
	if _, body, _ = fetch(t, c, srv.URL+"/?offset=30"); !strings.Contains(body, `rel="prev"`) || strings.Contains(body, "/stories/"+infos[0].ID) {
		t.Errorf("page 2 of one story: no way back, or the story again")
	}
	if _, body, _ = fetch(t, c, srv.URL+"/"); strings.Count(body, `<bdi class="tag">`) != len(distinct(infos[0].Articles)) {
		t.Errorf("outlet tags %d, want one per outlet (%d)", strings.Count(body, `<bdi class="tag">`), len(distinct(infos[0].Articles)))
	}
}

func distinct(as []marsad.StoryArticle) map[string]bool {
	m := map[string]bool{}
	for _, a := range as {
		m[a.Source] = true
	}
	return m
}

// Search keeps its filters in every link it makes (the quote switch and
// the pages), offers them in a labelled form, and refuses a malformed date
// in words instead of matching nothing; every error page has a heading and
// says what went wrong in the page's language.
func TestSearchFiltersAndErrors(t *testing.T) {
	srv, _ := testServer(t)
	c := srv.Client()
	u := "/search?q=" + url.QueryEscape("بوتين") + "&source=" + url.QueryEscape("test-a") + "&from=2025-01-01&to=2025-12-31"
	code, body, _ := fetch(t, c, srv.URL+u)
	if code != 200 {
		t.Fatalf("GET %s: %d", u, code)
	}
	for _, want := range []string{
		`href="/search?from=2025-01-01&amp;kind=quote&amp;q=` + url.QueryEscape("بوتين") + `&amp;source=test-a&amp;to=2025-12-31"`,
		`<input type="date" name="from" value="2025-01-01"`,
		`<input name="source" value="test-a"`,
		`<label>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	for _, c2 := range []struct{ path, want string }{
		{"/search?q=x&from=2025-13-45", "التاريخ غير صالح"},
		{"/search?q=x&kind=poem", "نوع البحث غير معروف"},
		{"/search?q=" + strings.Repeat("x", 1001), "أطول من 1000"},
		{"/search?q=x&from=yesterday&lang=en", "Invalid date"},
	} {
		code, body, _ := fetch(t, c, srv.URL+c2.path)
		if code != 400 || !strings.Contains(body, "<h1>") || !strings.Contains(body, c2.want) {
			t.Errorf("GET %.60s: %d, want 400 with a heading saying %q", c2.path, code, c2.want)
		}
	}
	// An empty search page says what search can do.
	if _, body, _ := fetch(t, c, srv.URL+"/search"); !strings.Contains(body, `id="search-help"`) {
		t.Errorf("the empty search page gives no help")
	}
	if _, body, _ := fetch(t, c, srv.URL+"/articles/nobody"); !strings.Contains(body, "<h1>غير موجود.</h1>") || !strings.Contains(body, `href="#main"`) {
		t.Errorf("404 page: no heading or no skip link")
	}
}

// A long story page opens with a table of its sections and their sizes
// (on a phone the comparison is thousands of pixels down), and an
// article page links the same story's other articles.
func TestStoryContentsAndOtherOutlets(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 || len(infos[0].Articles) < 2 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	c := srv.Client()
	_, body, _ := fetch(t, c, srv.URL+"/stories/"+infos[0].ID)
	i := strings.Index(body, `id="toc"`)
	if i < 0 {
		t.Fatal("story page has no table of contents")
	}
	toc := body[i : i+strings.Index(body[i:], "</nav>")]
	for _, id := range []string{"sources", "agreements", "exclusives", "conflicts", "entities", "quotes"} {
		if !strings.Contains(toc, `href="#`+id+`"`) || !strings.Contains(body, `id="`+id+`"`) {
			t.Errorf("contents: no working link to #%s", id)
		}
	}
	a, b := infos[0].Articles[0], infos[0].Articles[1]
	_, body, _ = fetch(t, c, srv.URL+"/articles/"+a.ID)
	if i := strings.Index(body, `id="others"`); i < 0 || !strings.Contains(body[i:], `href="/articles/`+b.ID+`"`) || strings.Contains(body[i:], `<li><a href="/articles/`+a.ID+`"`) {
		t.Errorf("article %s does not link the story's other article %s (and only it)", a.ID, b.ID)
	}
}

// A runaway quotation (the quote stage sometimes takes the rest of an
// article) is clipped in the lists, at a word, with a link to the text.
func TestLongQuoteClipped(t *testing.T) {
	long := strings.Repeat("وقد تم تسليم الجائزة للمستشفى ", 150)
	a := &marsad.Article{ID: "x", Source: "okaz", Text: long,
		Quotes: []marsad.Quote{{SpeakerName: "أوفيد", Cue: "قال", Kind: "direct", Text: long, Start: 0, End: len(long)}}}
	tpl, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/article.html")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	v := articleView{Article: a, Quotes: []quoteRow{{Speaker: entityRef{Name: "أوفيد"}, Cue: "قال", Kind: "direct", Text: long, Anchor: "q1"}}}
	if err := tpl.Execute(&b, page{Lang: "ar", Dir: "rtl", Data: v}); err != nil {
		t.Fatal(err)
	}
	i := strings.Index(b.String(), `id="quotes"`)
	if i < 0 {
		t.Fatal("no quote list")
	}
	list := b.String()[i:]
	list = list[:strings.Index(list, "</ol>")]
	if strings.Contains(list, long) || !strings.Contains(list, " …»") || !strings.Contains(list, `href="#q1"`) {
		t.Errorf("a %d-byte quotation is listed whole, or without an ellipsis or its link", len(long))
	}
	if got := clip(5, "واحد اثنان ثلاثة أربعة"); got != "واحد …" {
		t.Errorf("clip = %q", got)
	}
	if got := clip(50, "قصير"); got != "قصير" {
		t.Errorf("clip of a short text = %q", got)
	}
}

// A story of one article has nothing to compare: its page says so once
// instead of three empty or misleading sections (its every sentence was
// listed as the outlet's "exclusive"), and drops "in 1 of 1".
func TestSingleArticleStory(t *testing.T) {
	srv, _ := testServer(t)
	text := "افتتح أمير منطقة عسير الأمير فيصل بن خالد اليوم مهرجان أبها الصيفي في حديقة أبو خيال بحضور عدد من المسؤولين. وقال الأمير إن المهرجان يقدم أكثر من مئة فعالية للزوار."
	body, _ := json.Marshal(map[string]string{"source": "sabq", "text": text, "published": "2015-07-23"})
	resp, err := http.Post(srv.URL+"/api/articles", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var res api.IngestResult
	json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if res.Story == "" {
		t.Fatalf("no story: %+v", res)
	}
	_, page, _ := fetch(t, srv.Client(), srv.URL+"/stories/"+res.Story)
	if !strings.Contains(page, `id="no-comparison"`) || strings.Contains(page, `id="exclusives"`) || strings.Contains(page, `href="#agreements"`) {
		t.Errorf("a one-article story shows comparison sections")
	}
	if strings.Contains(page, "في 1 من 1") {
		t.Errorf("entity counts say 'in 1 of 1'")
	}
}

// Evidence that is a whole sentence is shown unmarked; a part of a
// sentence is marked in its context.
func TestContextMarksOnlyParts(t *testing.T) {
	text := "استقبل الملك وزير الدفاع أمس. وقال الوزير إن اللقاء كان مثمراً.\nفقرة أخرى."
	sent := "وقال الوزير إن اللقاء كان مثمراً."
	i := strings.Index(text, sent)
	got := string(contextHTML(text, marsad.Span{Start: i, End: i + len(sent)}, sent))
	if strings.Contains(got, "<mark>") || !strings.Contains(got, sent) {
		t.Errorf("whole sentence: %s", got)
	}
	j := strings.Index(text, "أمس")
	got = string(contextHTML(text, marsad.Span{Start: j, End: j + len("أمس")}, "أمس"))
	if !strings.Contains(got, "<mark>أمس</mark>") || !strings.Contains(got, "استقبل الملك") {
		t.Errorf("part of a sentence: %s", got)
	}
}

// An entity's page leads to every article that mentions it and every
// statement it made (its page shows one page of each), and the results
// say whose they are; an unknown entity id is a 404, not an empty list.
func TestEntitySearchLinks(t *testing.T) {
	srv, _ := testServer(t)
	c := srv.Client()
	_, body, _ := fetch(t, c, srv.URL+"/entities/vladimir-putin")
	for _, want := range []string{`href="/search?entity=vladimir-putin"`, `href="/search?kind=quote&amp;speaker=vladimir-putin"`} {
		if !strings.Contains(body, want) {
			t.Errorf("entity page lacks %s", want)
		}
	}
	code, body, _ := fetch(t, c, srv.URL+"/search?kind=quote&speaker=vladimir-putin")
	if i := strings.Index(body, `id="speaker-filter"`); code != 200 || i < 0 || !strings.Contains(body[i:], "فلاديمير بوتين") || !strings.Contains(body, `class="card hit"`) {
		t.Errorf("quotes by Putin: %d, no named filter or no hits", code)
	}
	if code, _, _ := fetch(t, c, srv.URL+"/search?entity=nobody"); code != 404 {
		t.Errorf("search by an unknown entity: %d, want 404", code)
	}
}

// Pages are gzipped for a browser that asks (a story page is about four
// times smaller), and plain for one that does not.
func TestPagesGzipped(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	get := func(enc string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", srv.URL+"/stories/"+infos[0].ID, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc) // set by hand: the client then does not decode
		}
		tr := &http.Transport{DisableCompression: true}
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	plainResp, plain := get("")
	zResp, z := get("gzip, deflate, br")
	if plainResp.Header.Get("Content-Encoding") != "" || zResp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding: plain %q, gzip %q", plainResp.Header.Get("Content-Encoding"), zResp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	unz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unz, plain) {
		t.Errorf("gzipped page does not decode to the plain page (%v)", err)
	}
	if len(z)*2 > len(plain) {
		t.Errorf("gzipped %d bytes of %d", len(z), len(plain))
	}
	if r, _ := get("gzip;q=0"); r.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 still gzipped")
	}
	t.Logf("story page %d bytes, %d gzipped", len(plain), len(z))
}

// The story's quote list shows each statement's cue, and indirect speech
// without quotation marks (a story's quotes carry neither; the stored
// articles do).
func TestStoryQuotesKind(t *testing.T) {
	srv, st := testServer(t)
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	var indirect *marsad.Quote
	for _, sa := range infos[0].Articles {
		rec, err := st.Store.Get(t.Context(), sa.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range rec.Article.Quotes {
			if q.Kind == "indirect" && len(q.Text) < 300 && indirect == nil {
				indirect = &q
			}
		}
	}
	if indirect == nil {
		t.Fatal("no indirect quote in the sample story to check")
	}
	_, body, _ := fetch(t, srv.Client(), srv.URL+"/stories/"+infos[0].ID)
	i := strings.Index(body, `<ul id="quotes">`)
	list := body[i : i+strings.Index(body[i:], "</ul>")]
	text := htmlText(indirect.Text)
	if strings.Contains(list, "«"+text+"»") || !strings.Contains(list, `dir="rtl">`+text+`</span>`) {
		t.Errorf("indirect quote %q is in quotation marks or missing", indirect.Text)
	}
	if !strings.Contains(list, `(<bdi lang="ar">`+indirect.Cue+`</bdi>)`) {
		t.Errorf("its cue %q is not shown", indirect.Cue)
	}
}

// The language switch keeps the page's query: switching on a search
// results page shows the same results, not an empty search.
func TestLanguageToggleKeepsQuery(t *testing.T) {
	srv, _ := testServer(t)
	_, body, _ := fetch(t, srv.Client(), srv.URL+"/search?q="+url.QueryEscape("بوتين")+"&kind=quote")
	want := `id="lang-toggle" href="/search?kind=quote&amp;lang=en&amp;q=` + url.QueryEscape("بوتين") + `"`
	if !strings.Contains(body, want) {
		i := strings.Index(body, `id="lang-toggle"`)
		t.Errorf("toggle link %.120s, want %s", body[max(i, 0):], want)
	}
}

// storiesStore serves a fixed list of stories; the other Store methods
// are not called by the story list.
type storiesStore struct {
	marsad.Store
	all []marsad.StoryInfo
}

func (s storiesStore) Stories(_ context.Context, limit int) ([]marsad.StoryInfo, error) {
	if limit <= 0 || limit > len(s.all) {
		return s.all, nil
	}
	return s.all[:limit], nil
}

// Seventy stories page 30 at a time; with ?multi=1 only those of two or
// more outlets are counted and paged.
func TestStoriesPaging(t *testing.T) {
	var all []marsad.StoryInfo
	for i := range 70 {
		st := marsad.StoryInfo{ID: fmt.Sprintf("s%02d", i), Articles: []marsad.StoryArticle{{ID: "a", Source: "okaz"}}}
		if i%2 == 0 { // 35 stories with two outlets; the second article of one outlet twice
			st.Articles = append(st.Articles, marsad.StoryArticle{ID: "b", Source: "sabq"}, marsad.StoryArticle{ID: "c", Source: "sabq"})
		}
		all = append(all, st)
	}
	s := &site{Config: Config{Store: storiesStore{all: all}}}
	page := func(q string) storiesView {
		r, _ := http.NewRequest("GET", "/?"+q, nil)
		v, err := s.storiesPage(r)
		if err != nil {
			t.Fatal(err)
		}
		return v.(storiesView)
	}
	ids := func(v storiesView) string {
		var out []string
		for _, it := range v.Items {
			out = append(out, it.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		q           string
		n           int
		first, last string
		more        bool
	}{
		{"", 30, "s00", "s29", true},
		{"offset=30", 30, "s30", "s59", true},
		{"offset=60", 10, "s60", "s69", false},
		{"multi=1", 30, "s00", "s58", true},
		{"multi=1&offset=30", 5, "s60", "s68", false},
	} {
		v := page(c.q)
		got := strings.Fields(ids(v))
		if len(got) != c.n || got[0] != c.first || got[len(got)-1] != c.last || v.HasMore != c.more {
			t.Errorf("?%s: %d stories %s…%s more=%v, want %d %s…%s more=%v", c.q, len(got), got[0], got[len(got)-1], v.HasMore, c.n, c.first, c.last, c.more)
		}
	}
	if v := page("multi=1"); len(v.Items[0].Outlets) != 2 || v.Total != 35 {
		t.Errorf("multi: outlets %v (want okaz, sabq once each), total %d", v.Items[0].Outlets, v.Total)
	}
}

// Each event listed under an article links to its sentence in the text,
// two events of one sentence included, and an entity's events link there.
func TestEventAnchors(t *testing.T) {
	text := "استقبل الملك الوزير أمس. وبحث معه التعاون."
	s1 := marsad.Span{Start: 0, End: strings.Index(text, ".") + 1}
	ls := []layer{
		{s1, "ev", "", "", eventAnchor(0)},
		{s1, "ev", "", "", eventAnchor(1)},
		{marsad.Span{Start: strings.Index(text, "الملك"), End: strings.Index(text, "الملك") + len("الملك")}, "ent", "/entities/king", "", ""},
	}
	got := string(annotate(text, marsad.Span{Start: 0, End: len(text)}, ls))
	for _, id := range []string{"e1", "e2"} {
		if strings.Count(got, `id="`+id+`"`) != 1 {
			t.Errorf("anchor %s appears %d times: %s", id, strings.Count(got, `id="`+id+`"`), got)
		}
	}
	srv, st := testServer(t)
	infos, _ := st.Store.Stories(t.Context(), 0)
	for _, sa := range infos[0].Articles {
		rec, _ := st.Store.Get(t.Context(), sa.ID)
		if len(rec.Article.Events) == 0 {
			continue
		}
		_, body, _ := fetch(t, srv.Client(), srv.URL+"/articles/"+sa.ID)
		for i := range rec.Article.Events {
			id := eventAnchor(i)
			if !strings.Contains(body, `href="#`+id+`"`) || !strings.Contains(body, `id="`+id+`"`) {
				t.Errorf("article %s: event %d has no link to its sentence", sa.ID, i+1)
			}
		}
		actor := rec.Article.Events[0].Actors
		if len(actor) > 0 {
			if _, body, _ := fetch(t, srv.Client(), srv.URL+"/entities/"+actor[0]); !strings.Contains(body, `href="/articles/`+sa.ID+`#e`) {
				t.Errorf("entity %s: its events do not link to their sentences", actor[0])
			}
		}
	}
}
