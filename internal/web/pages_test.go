package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/event"
)

func fetch(t *testing.T, c *http.Client, u string) (int, string, *http.Response) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

// The pages without a browser: status, language, and what each shows.
func TestPages(t *testing.T) {
	srv, st := testServer(t)
	c := srv.Client()
	infos, err := st.Store.Stories(t.Context(), 0)
	if err != nil || len(infos) == 0 {
		t.Fatalf("stories: %v %v", infos, err)
	}
	var story marsad.Story
	resp, _ := http.Get(srv.URL + "/api/stories/" + infos[0].ID)
	json.NewDecoder(resp.Body).Decode(&story)
	resp.Body.Close()
	for _, c2 := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`dir="rtl"`, `lang="ar"`, "/stories/" + infos[0].ID}},
		{"/stories/" + infos[0].ID, 200, []string{"ما تتفق عليه المصادر", "ما انفرد به كل مصدر", "تناقضات بين المصادر", `href="/entities/vladimir-putin"`}},
		{"/entities/vladimir-putin", 200, []string{"فلاديمير بوتين", "<svg", "<rect"}},
		{"/articles/" + story.Articles[0].ID, 200, []string{`class="ent"`, `class="q"`, `class="time"`}},
		{"/search?q=" + url.QueryEscape("لبوتين"), 200, []string{"<mark>", "/entities/vladimir-putin"}},
		{"/search?q=" + url.QueryEscape("مثمرة") + "&kind=quote", 200, []string{"<mark>"}},
		{"/search", 200, []string{`name="q"`}},
		{"/entities/nobody", 404, []string{"غير موجود"}},
		{"/stories/nobody", 404, nil},
		{"/nothing/here", 404, nil},
		{"/search?q=x&kind=poem", 400, nil},
		{"/static/style.css", 200, []string{"--accent"}},
	} {
		code, body, _ := fetch(t, c, srv.URL+c2.path)
		if code != c2.status {
			t.Errorf("GET %s: %d, want %d", c2.path, code, c2.status)
		}
		for _, w := range c2.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: page lacks %q", c2.path, w)
			}
		}
	}
	// An article's coded events are listed under its text, each with its
	// type in Arabic and links to its actors.
	events := 0
	for _, sa := range story.Articles {
		rec, err := st.Store.Get(t.Context(), sa.ID)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := fetch(t, c, srv.URL+"/articles/"+sa.ID)
		for _, ev := range rec.Article.Events {
			events++
			if !strings.Contains(body, `id="events"`) || !strings.Contains(body, event.TypeName(ev.Type, "ar")) {
				t.Errorf("article %s: event %s not listed", sa.ID, ev.Type)
			}
			for _, id := range ev.Actors {
				if !strings.Contains(body, `href="/entities/`+id+`"`) {
					t.Errorf("article %s: event actor %s not linked", sa.ID, id)
				}
			}
		}
	}
	if events == 0 {
		t.Error("the sample story has no coded events to show")
	}
	// An actor's page lists the events it takes part in.
	if len(story.Events) > 0 && len(story.Events[0].Actors) > 0 {
		actor := story.Events[0].Actors[0]
		if _, body, _ := fetch(t, c, srv.URL+"/entities/"+actor); !strings.Contains(body, `id="events"`) ||
			!strings.Contains(body, event.TypeName(story.Events[0].Type, "ar")) {
			t.Errorf("entity %s: its events are not listed", actor)
		}
	}
	// The story page gathers them, each with its outlets' sentences.
	if _, body, _ := fetch(t, c, srv.URL+"/stories/"+infos[0].ID); len(story.Events) == 0 || !strings.Contains(body, `id="events"`) ||
		!strings.Contains(body, event.TypeName(story.Events[0].Type, "ar")) {
		t.Errorf("story page: %d story events, listed: %v", len(story.Events), strings.Contains(body, `id="events"`))
	}
	// The English toggle sets a cookie that later pages honour.
	_, body, resp2 := fetch(t, c, srv.URL+"/?lang=en")
	if !strings.Contains(body, `lang="en" dir="ltr"`) || len(resp2.Cookies()) == 0 {
		t.Errorf("lang=en: no English page or no cookie")
	}
	req, _ := http.NewRequest("GET", srv.URL+"/entities/vladimir-putin", nil)
	req.AddCookie(resp2.Cookies()[0])
	r3, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r3.Body)
	r3.Body.Close()
	if !strings.Contains(string(b), "Appears together with") || !strings.Contains(string(b), "فلاديمير بوتين") {
		t.Errorf("English entity page lacks English labels or the Arabic name")
	}
}
