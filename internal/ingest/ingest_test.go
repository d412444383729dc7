package ingest

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHTMLPageWithBoilerplate(t *testing.T) {
	b, err := Read(context.Background(), "testdata/page.html", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := b.Articles[0]
	if a.Title != "وزراء خارجية الخليج يبحثون في الرياض أمن الملاحة" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Source != "الوطن اليوم" {
		t.Errorf("source = %q", a.Source)
	}
	if a.Published != "2025-03-04" {
		t.Errorf("published = %q", a.Published)
	}
	for _, want := range []string{"عقد وزراء خارجية دول مجلس التعاون", "جاسم البديوي", "بدر البوسعيدي", "تنسيق مع الشركاء الدوليين"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, junk := range []string{"ملفات تعريف الارتباط", "عاجل", "شارك على فيسبوك", "اقرأ أيضاً", "ميناء جدة", "جميع الحقوق محفوظة", "سياسة الخصوصية", "الرئيسية"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q left in body:\n%s", junk, a.Text)
		}
	}
	if len(a.Paragraphs) < 4 {
		t.Errorf("paragraphs = %d, want ≥ 4", len(a.Paragraphs))
	}
}

func TestBadInputsNameTheInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := bytes.Repeat([]byte("كلمة "), (DefaultMaxBytes/8)+1)
	tests := []struct {
		name, path string
		want       error
	}{
		{"empty", write("empty.txt", nil), ErrEmpty},
		{"spaces only", write("blank.txt", []byte(" \n\n\t ")), ErrEmpty},
		{"binary", write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), ErrBinary},
		{"truncated utf-8", write("cut.txt", []byte("قال الرئيس \xd8")), ErrEncoding},
		{"windows-1256", write("cp1256.txt", []byte{0xc7, 0xe1, 0xd1, 0xed, 0xc7, 0xd6}), ErrEncoding},
		{"no article", write("menu.html", mustRead(t, "testdata/menu.html")), ErrNoArticle},
		{"too large", write("huge.txt", huge), ErrTooLarge},
		{"missing", filepath.Join(dir, "missing.txt"), os.ErrNotExist},
	}
	for _, tt := range tests {
		_, err := Read(context.Background(), tt.path, nil, Options{})
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
		if !strings.Contains(err.Error(), tt.path) {
			t.Errorf("%s: error %q does not name %s", tt.name, err, tt.path)
		}
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestJSONLSkipsBadLinesKeepsGood(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a1","source":"وكالة","title":"عنوان","published":"2025-08-15","text":"اجتمع الرئيسان في ألاسكا."}`,
		`{"id":"a2", broken`,
		``,
		`{"id":"a3","text":""}`,
		`{"id":"a4","source":"s","content":"نص من أرشيف.","date_extracted":"2015-07-21 02:51:32"}`,
	}, "\n")
	b, err := Read(context.Background(), "-", strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 2 || b.Articles[0].ID != "a1" || b.Articles[1].Published != "2015-07-21" {
		t.Fatalf("articles = %+v", b.Articles)
	}
	if len(b.Skipped) != 2 || !strings.Contains(b.Skipped[0].Error(), "stdin:2") || !strings.Contains(b.Skipped[1].Error(), "stdin:4") {
		t.Errorf("skipped = %v", b.Skipped)
	}
}

func TestTextTitleAndID(t *testing.T) {
	a, err := FromText([]byte("قمة ألاسكا\n\nاجتمع الرئيسان. واستمر اللقاء ثلاث ساعات.\n"), Options{Published: "2025-08-16"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "قمة ألاسكا" || strings.Contains(a.Text, "قمة ألاسكا") || a.Published != "2025-08-16" || a.Language != "ar" {
		t.Errorf("got %+v", a)
	}
	b, _ := FromText([]byte("قمة ألاسكا\n\nاجتمع الرئيسان.  واستمر اللقاء ثلاث ساعات."), Options{})
	if a.ID != b.ID {
		t.Errorf("same text, different ids %s %s", a.ID, b.ID)
	}
}

func TestFetchURL(t *testing.T) {
	page := mustRead(t, "testdata/page.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/cp1256", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1256")
		// "الرياض" and more, in Windows-1256, long enough to be an article.
		w.Write(bytes.Repeat([]byte{0xc7, 0xe1, 0xd1, 0xed, 0xc7, 0xd6, ' '}, 30))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 2048; i++ {
			w.Write(bytes.Repeat([]byte("<p>كلام</p>"), 100))
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	a, err := FetchURL(ctx, srv.URL+"/article", Options{})
	if err != nil || a.Published != "2025-03-04" || a.URL != srv.URL+"/article" {
		t.Fatalf("article: %v %+v", err, a)
	}
	a, err = FetchURL(ctx, srv.URL+"/cp1256", Options{})
	if err != nil || !strings.HasPrefix(a.Text, "الرياض") {
		t.Errorf("windows-1256 page: %v %v", err, a)
	}
	fail := []struct {
		path string
		opt  Options
		want string
	}{
		{"/slow", Options{Client: &http.Client{Timeout: 100 * time.Millisecond}}, "timed out"},
		{"/gone", Options{}, "410"},
		{"/pdf", Options{}, "binary"},
		{"/big", Options{MaxBytes: 1 << 20}, "too large"},
	}
	for _, f := range fail {
		_, err := FetchURL(ctx, srv.URL+f.path, f.opt)
		if err == nil || !strings.Contains(err.Error(), f.want) || !strings.Contains(err.Error(), srv.URL+f.path) {
			t.Errorf("%s: error %v, want one naming the URL and saying %q", f.path, err, f.want)
		}
	}
}

func FuzzFromHTML(f *testing.F) {
	f.Add([]byte("<html><body><article><p>نص المقال هنا، وهو طويل بما يكفي ليكون مقالاً حقيقياً في صفحة من الصفحات الإخبارية العربية.</p></article></body></html>"))
	f.Add([]byte("<p><p><p><div></span>"))
	f.Add([]byte("<script>alert(1)</script><time datetime='x'>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := FromHTML(b, "", Options{})
		if err == nil && a.Text == "" {
			t.Fatal("no error and no text")
		}
	})
}

func FuzzFromRecord(f *testing.F) {
	f.Add([]byte(`{"id":"x","text":"نص","published":"2025-08-15"}`))
	f.Add([]byte(`{"html":"<p>نص</p>"}`))
	f.Add([]byte(`{"text":"\u0000"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := FromRecord(b, Options{})
		if err == nil && (a.Text == "" || a.ID == "") {
			t.Fatalf("accepted record without text or id: %+v", a)
		}
	})
}

func FuzzFromText(f *testing.F) {
	f.Add([]byte("عنوان\n\nنص."))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := FromText(b, Options{})
		if err == nil {
			for _, p := range a.Paragraphs {
				if !p.Valid(len(a.Text)) {
					t.Fatalf("bad paragraph %v", p)
				}
			}
		}
	})
}
