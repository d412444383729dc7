package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"marsad"
)

// fakeAnalyzer stands in for the pipeline: every بوتين (with or without
// clitics) is a mention of one entity, and the text after «قال بوتين» up
// to the full stop is his quote. The API is tested here, not the models.
type fakeAnalyzer struct{}

var putinRE = regexp.MustCompile(`[وفبل]*بوتين`)

func (fakeAnalyzer) Analyze(_ context.Context, a *marsad.Article) error {
	e := marsad.Entity{ID: "vladimir-putin", Name: "فلاديمير بوتين", NameEn: "Vladimir Putin", Type: marsad.PERS, Mentions: []marsad.Mention{}}
	for _, m := range putinRE.FindAllStringIndex(a.Text, -1) {
		e.Mentions = append(e.Mentions, marsad.Mention{Start: m[0], End: m[1], Text: a.Text[m[0]:m[1]]})
	}
	if len(e.Mentions) > 0 {
		a.Entities = append(a.Entities, e)
	}
	if i := strings.Index(a.Text, "قال بوتين إن "); i >= 0 {
		start := i + len("قال بوتين إن ")
		end := start + strings.IndexByte(a.Text[start:], '.')
		if end > start {
			a.Quotes = append(a.Quotes, marsad.Quote{Speaker: e.ID, SpeakerName: e.Name, Cue: "قال", Kind: marsad.Indirect, Text: a.Text[start:end], Start: start, End: end})
		}
	}
	return nil
}

func newTestAPI(t testing.TB, cfg func(*Config)) (*httptest.Server, *Stack) {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "m.db"), fakeAnalyzer{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := st.Config()
	if cfg != nil {
		cfg(&c)
	}
	h, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, st
}

var docs = []map[string]string{
	{"id": "a1", "source": "okaz", "published": "2015-08-01", "title": "لقاء في موسكو",
		"text": "استقبل الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية السعودي. وقال بوتين إن المحادثات كانت مثمرة."},
	{"id": "a2", "source": "sabq", "published": "2015-08-02", "title": "رسالة لبوتين",
		"text": "بعث الرئيسُ الأميركي رسالة لبوتين حول الأزمة الأوكرانية، وفق ما أفادت مصادر في ٢٠١٥."},
	{"id": "a3", "source": "alyaum", "published": "2015-08-03", "title": "أسعار النفط",
		"text": "تراجعت أسعار النفط في الأسواق العالمية اليوم مع زيادة المعروض من الخام الأمريكي."},
}

func post(t testing.TB, url, ctype, body string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(url, ctype, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func get(t testing.TB, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q", url, ct)
	}
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	return resp.StatusCode
}

func ingestDocs(t testing.TB, url string) {
	t.Helper()
	for _, d := range docs {
		b, _ := json.Marshal(d)
		resp, body := post(t, url+"/api/articles", "application/json", string(b))
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST %s: %s %s", d["id"], resp.Status, body)
		}
	}
}

func TestAPI(t *testing.T) {
	srv, _ := newTestAPI(t, nil)
	ingestDocs(t, srv.URL)

	// Posting the same article again is not an error, and stores nothing.
	b, _ := json.Marshal(docs[0])
	if resp, body := post(t, srv.URL+"/api/articles", "application/json", string(b)); resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "duplicate") {
		t.Errorf("re-POST: %s %s", resp.Status, body)
	}

	var res struct {
		Total int
		Hits  []struct {
			Article string
			Snippet struct {
				Text       string
				Start      int
				Highlights []marsad.Span
			}
		}
	}
	// بوتين finds لبوتين; the highlight is the word as written.
	if code := get(t, srv.URL+"/api/search?q=بوتين", &res); code != 200 || res.Total != 2 {
		t.Fatalf("search بوتين: %d, total %d", code, res.Total)
	}
	for _, h := range res.Hits {
		var text string
		for _, d := range docs {
			if d["id"] == h.Article {
				text = d["text"]
			}
		}
		if len(h.Snippet.Highlights) == 0 {
			t.Errorf("%s: no highlight", h.Article)
		}
		for _, s := range h.Snippet.Highlights {
			if w := text[s.Start:s.End]; !strings.Contains(w, "بوتين") {
				t.Errorf("%s: highlight %q", h.Article, w)
			}
		}
	}
	// Spelling variants and digits; filters.
	for q, want := range map[string]int{
		"الأمريكي":                    2, // الأميركي in a2, الأمريكي in a3
		"2015":                        1,
		"بوتين&source=okaz":           1,
		"بوتين&from=2015-08-02":       1,
		"النفط&entity=vladimir-putin": 0,
		"&speaker=vladimir-putin":     1,
	} {
		if code := get(t, srv.URL+"/api/search?q="+q, &res); code != 200 || res.Total != want {
			t.Errorf("search %s: %d, total %d, want %d", q, code, res.Total, want)
		}
	}
	var ents struct{ Entities []struct{ ID string } }
	if get(t, srv.URL+"/api/entities?q=لبوتين", &ents); len(ents.Entities) == 0 || ents.Entities[0].ID != "vladimir-putin" {
		t.Errorf("entity search لبوتين: %+v", ents)
	}
	var page struct {
		Total int
		Items []map[string]any
	}
	if get(t, srv.URL+"/api/entities/vladimir-putin/mentions?limit=1", &page); page.Total != 3 || len(page.Items) != 1 {
		t.Errorf("mentions: total %d, %d items", page.Total, len(page.Items))
	}
	if get(t, srv.URL+"/api/quotes?speaker=vladimir-putin", &page); page.Total != 1 || page.Items[0]["text"] != "المحادثات كانت مثمرة" {
		t.Errorf("quotes: %+v", page)
	}
	if get(t, srv.URL+"/api/stories?limit=1", &page); page.Total < 2 || len(page.Items) != 1 {
		t.Errorf("stories: total %d, %d items", page.Total, len(page.Items))
	}
	storyID, _ := page.Items[0]["id"].(string)
	var story marsad.Story
	if code := get(t, srv.URL+"/api/stories/"+storyID, &story); code != 200 || story.ID != storyID || len(story.Articles) == 0 {
		t.Errorf("story %s: %d %+v", storyID, code, story)
	}
	if code := get(t, srv.URL+"/api/stories/"+storyID+"/comparison", nil); code != 200 {
		t.Errorf("comparison: %d", code)
	}
	var art marsad.Article
	if code := get(t, srv.URL+"/api/articles/a1", &art); code != 200 || art.ID != "a1" || len(art.Entities) != 1 {
		t.Errorf("article: %d %+v", code, art)
	}
	var ent EntityPage
	if code := get(t, srv.URL+"/api/entities/vladimir-putin", &ent); code != 200 || ent.Articles != 2 || len(ent.Timeline) != 2 {
		t.Errorf("entity: %d %+v", code, ent)
	}
}

func TestAPIErrors(t *testing.T) {
	srv, _ := newTestAPI(t, func(c *Config) { c.MaxBody = 1 << 10 })
	var e errorBody
	for path, want := range map[string]int{
		"/api/articles/nope":             404,
		"/api/stories/nope":              404,
		"/api/entities/nope":             404,
		"/api/entities/nope/mentions":    404,
		"/api/nope":                      404,
		"/api/search":                    400,
		"/api/search?q=x&from=yesterday": 400,
		"/api/search?q=x&limit=-3":       400,
		"/api/search?q=x&kind=poem":      400,
		"/api/quotes":                    400,
		"/api/entities":                  400,
	} {
		e = errorBody{}
		if code := get(t, srv.URL+path, &e); code != want || e.Error.Status != want || e.Error.Message == "" {
			t.Errorf("GET %s: %d %+v, want %d with a JSON error", path, code, e, want)
		}
	}
	big := strings.Repeat("نص ", 1000)
	if resp, body := post(t, srv.URL+"/api/articles", "text/plain", big); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %s %s", resp.Status, body)
	}
	if resp, body := post(t, srv.URL+"/api/articles", "text/plain", "  "); resp.StatusCode != 400 {
		t.Errorf("empty body: %s %s", resp.Status, body)
	}
	if resp, body := post(t, srv.URL+"/api/articles", "application/json", `{"id": 5`); resp.StatusCode != 400 {
		t.Errorf("bad JSON: %s %s", resp.Status, body)
	}
	if resp, body := post(t, srv.URL+"/api/articles", "text/plain", "\x00\x01\x02\x03\x04\x05\x06"); resp.StatusCode != 400 {
		t.Errorf("binary: %s %s", resp.Status, body)
	}
}

// The OpenAPI document lists exactly the routes the server handles.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var documented, served []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range routes {
		served = append(served, r.method+" "+r.pattern)
	}
	sort.Strings(documented)
	sort.Strings(served)
	if fmt.Sprint(documented) != fmt.Sprint(served) {
		t.Errorf("OpenAPI paths and routes differ:\ndocumented %q\nserved     %q", documented, served)
	}
	// And each documented operation reaches its handler, not the
	// catch-all: the answer is never the "no such endpoint" error.
	srv, _ := newTestAPI(t, nil)
	for _, op := range documented {
		method, path, _ := strings.Cut(op, " ")
		path = strings.ReplaceAll(path, "{id}", "x")
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader("x"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "no such endpoint") || resp.StatusCode == http.StatusMethodNotAllowed {
			t.Errorf("%s: not routed (%s %s)", op, resp.Status, b)
		}
	}
	var served2 map[string]any
	if get(t, srv.URL+"/api/openapi.json", &served2); served2["openapi"] != doc.OpenAPI {
		t.Errorf("GET /api/openapi.json does not serve the embedded document")
	}
}

func TestBusyServerAnswers503(t *testing.T) {
	block := make(chan struct{})
	entered := make(chan struct{})
	// A slow handler holds the only slot.
	s := &server{Config: Config{QueueWait: 50 * time.Millisecond}, sem: make(chan struct{}, 1)}
	h := s.limit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-block
	}))
	ts := httptest.NewServer(h)
	defer ts.Close()
	go http.Get(ts.URL)
	<-entered
	resp, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	close(block)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("second request while full: %s", resp.Status)
	}
}
