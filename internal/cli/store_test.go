package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/pipeline"
)

const (
	storyA1 = "خادم الحرمين الشريفين يصل إلى المملكة المغربية\n\nوصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم إلى مدينة طنجة في المملكة المغربية في إجازة خاصة، وكان في استقباله في مطار طنجة الدولي عدد من المسؤولين المغاربة.\n"
	storyA2 = "الملك سلمان يصل إلى طنجة في إجازة خاصة\n\nالملك سلمان يصل إلى طنجة المغربية لقضاء إجازة خاصة، حيث استقبله في مطار طنجة مسؤولون مغاربة، وتستمر إجازة الملك سلمان في المغرب عدة أسابيع.\n"
	storyB  = "مستشفى جديد في جازان\n\nأعلنت وزارة الصحة افتتاح مستشفى جديد في منطقة جازان بسعة مئتي سرير، يضم أقساما للطوارئ والعناية المركزة وغسيل الكلى، ويخدم سكان المحافظات الجبلية.\n"
)

func runStoreCmd(t *testing.T, cmd func(context.Context, *Env, []string) error, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errw, Getenv: func(k string) string { return env[k] }}
	err := cmd(context.Background(), e, args)
	return out.String(), errw.String(), err
}

func writeStoreFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type listed struct {
	ID       string                `json:"id"`
	Title    string                `json:"title"`
	Articles []marsad.StoryArticle `json:"articles"`
}

func storiesJSON(t *testing.T, env map[string]string, args ...string) []listed {
	t.Helper()
	out, _, err := runStoreCmd(t, cmdStories, env, append([]string{"--json"}, args...)...)
	if err != nil {
		t.Fatalf("stories: %v", err)
	}
	var l []listed
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("stories --json: %v\n%s", err, out)
	}
	return l
}

func TestIngestStoriesStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	env := map[string]string{"MARSAD_DB": db}
	dir := writeStoreFiles(t, map[string]string{"a1.txt": storyA1, "a2.txt": storyA2, "b.txt": storyB})
	out, errs, err := runStoreCmd(t, cmdIngest, env, "--published", "2015-08-02", dir)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	if !strings.Contains(errs, "3 articles: 3 added") || !strings.Contains(out, "new story") {
		t.Errorf("ingest output:\n%s\n%s", out, errs)
	}
	// Ingesting again stores nothing new.
	_, errs, err = runStoreCmd(t, cmdIngest, env, "-q", dir)
	if err != nil || !strings.Contains(errs, "3 duplicates skipped") {
		t.Errorf("re-ingest: %v\n%s", err, errs)
	}
	l := storiesJSON(t, env, "--limit", "0")
	if len(l) != 2 {
		t.Fatalf("%d stories, want 2: %+v", len(l), l)
	}
	var morocco listed
	for _, s := range l {
		if len(s.Articles) == 2 {
			morocco = s
		}
	}
	if morocco.ID == "" {
		t.Fatalf("the two reports of one event are not one story: %+v", l)
	}
	if one := storiesJSON(t, env, "--limit", "1"); len(one) != 1 {
		t.Errorf("--limit 1 gave %d", len(one))
	}

	// story ID --json (flags after the id too) follows the contract.
	out, _, err = runStoreCmd(t, cmdStory, env, morocco.ID, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var st marsad.Story
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.ID != morocco.ID || len(st.Articles) != 2 {
		t.Errorf("story --json: %v %+v", err, st)
	}
	for _, key := range []string{`"entities"`, `"quotes"`, `"timeline"`, `"agreements"`, `"unique"`, `"conflicts"`, `"summary"`} {
		if !strings.Contains(out, key) {
			t.Errorf("story JSON lacks %s", key)
		}
	}
	// Two outlets' reports of one event share claims, and the summary
	// cites them.
	if len(st.Comparison.Agreements) == 0 || len(st.Summary) == 0 {
		t.Errorf("story has %d agreements and %d summary lines", len(st.Comparison.Agreements), len(st.Summary))
	}
	out, _, err = runStoreCmd(t, cmdStory, map[string]string{}, "--db", db, morocco.ID)
	if err != nil || !strings.Contains(out, "طنجة") {
		t.Errorf("story text: %v\n%s", err, out)
	}
	out, _, err = runStoreCmd(t, cmdStories, env)
	if err != nil || strings.Count(out, "\n") != 2 {
		t.Errorf("stories text: %v\n%s", err, out)
	}
	if _, _, err := runStoreCmd(t, cmdStory, env, "nope"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("unknown story: %v", err)
	}
}

func TestIngestBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	env := map[string]string{"MARSAD_DB": db}
	dir := writeStoreFiles(t, map[string]string{"a1.txt": storyA1})
	if _, _, err := runStoreCmd(t, cmdIngest, env, dir); err != nil {
		t.Fatal(err)
	}
	bad := writeStoreFiles(t, map[string]string{"empty.txt": "", "bin.txt": "\x00\x01\x02\xff\xfe"})
	_, errs, err := runStoreCmd(t, cmdIngest, env, filepath.Join(bad, "empty.txt"), filepath.Join(bad, "bin.txt"), filepath.Join(bad, "missing.txt"))
	if err == nil {
		t.Error("bad inputs succeeded")
	}
	for _, name := range []string{"empty.txt", "bin.txt", "missing.txt"} {
		if !strings.Contains(errs, name) {
			t.Errorf("error output does not name %s:\n%s", name, errs)
		}
	}
	if l := storiesJSON(t, env); len(l) != 1 || len(l[0].Articles) != 1 {
		t.Errorf("store changed by bad input: %+v", l)
	}
	for _, args := range [][]string{{}, {"--format", "pdf", dir}, {"--published", "yesterday-ish", dir}} {
		if _, _, err := runStoreCmd(t, cmdIngest, env, args...); err == nil || !strings.Contains(err.Error(), "usage") {
			t.Errorf("ingest %v: %v, want a usage error", args, err)
		}
	}
	if _, _, err := runStoreCmd(t, cmdStories, env, "--limit", "-1"); err == nil {
		t.Error("stories --limit -1 accepted")
	}
	if _, _, err := runStoreCmd(t, cmdStory, env); err == nil {
		t.Error("story without id accepted")
	}
}

func TestStoriesEmptyStore(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": t.TempDir()}
	out, _, err := runStoreCmd(t, cmdStories, env, "--json")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty store --json: %q, %v", out, err)
	}
	if _, err := os.Stat(filepath.Join(env["XDG_DATA_HOME"], "marsad", "marsad.db")); err != nil {
		t.Errorf("default store not under XDG_DATA_HOME: %v", err)
	}
}

// testFeeds serves an RSS feed of two articles of one story, a page that
// is missing and a feed that is broken, and returns a FEEDS file naming
// both feeds.
func testFeeds(t *testing.T) string {
	t.Helper()
	page := func(title, body string) string {
		return "<html><head><title>" + title + "</title></head><body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>" + title + "</h1><p>" + body + "</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"
	}
	title1, body1, _ := strings.Cut(storyA1, "\n\n")
	title2, body2, _ := strings.Cut(storyA2, "\n\n")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss":
			w.Header().Set("ETag", `"1"`)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>واس</title>
<item><title>%s</title><link>%s/a/1</link><pubDate>Sun, 02 Aug 2015 18:30:00 +0300</pubDate></item>
<item><title>%s</title><link>%s/a/2</link><pubDate>Sun, 02 Aug 2015 19:30:00 +0300</pubDate></item>
<item><title>صفحة مفقودة</title><link>%s/a/404</link><description>قصير</description></item>
</channel></rss>`, title1, srv.URL, title2, srv.URL, srv.URL)
		case "/a/1":
			fmt.Fprint(w, page(title1, body1))
		case "/a/2":
			fmt.Fprint(w, page(title2, body2))
		case "/broken":
			w.WriteHeader(http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return filepath.Join(writeStoreFiles(t, map[string]string{"feeds.txt": srv.URL + "/rss\n" + srv.URL + "/broken\n"}), "feeds.txt")
}

func TestWatchOnce(t *testing.T) {
	feedsFile := testFeeds(t)
	env := map[string]string{"MARSAD_DB": filepath.Join(t.TempDir(), "m.db")}
	out, errs, err := runStoreCmd(t, cmdWatch, env, "--once", "--gap", "0", feedsFile)
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, errs)
	}
	if !strings.Contains(errs, "/broken") || !strings.Contains(errs, "/a/404") {
		t.Errorf("failures not reported:\n%s", errs)
	}
	l := storiesJSON(t, env)
	if len(l) != 1 || len(l[0].Articles) != 2 || l[0].Articles[0].Source != "واس" || !strings.HasPrefix(l[0].Articles[0].Published, "2015-08-02") {
		t.Errorf("after watch: %+v\n%s", l, out)
	}
	// A second run stores nothing new.
	_, errs, err = runStoreCmd(t, cmdWatch, env, "--once", "--gap", "0", feedsFile)
	if err != nil || strings.Contains(errs, "added") && !strings.Contains(errs, "0 added") {
		t.Errorf("second watch: %v\n%s", err, errs)
	}
	if _, _, err := runStoreCmd(t, cmdWatch, env, "--once"); err == nil {
		t.Error("watch without FEEDS accepted")
	}
}

// The demo's two outlets' reports of one summit form one story.
func TestSampleStory(t *testing.T) {
	arts, err := sampleArticles()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sampleStory(context.Background(), p, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != len(arts) {
		t.Errorf("the %d sample articles formed a story of %d", len(arts), len(st.Articles))
	}
	var b bytes.Buffer
	PrintStory(&b, st)
	t.Log(b.String())
}
