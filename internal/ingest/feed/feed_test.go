package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>واس</title><link>https://www.spa.gov.sa/</link>
<item><title>خادم الحرمين الشريفين يصل إلى المغرب</title><link>/news/1</link><guid>n1</guid>
<pubDate>Sun, 02 Aug 2015 18:30:00 +0300</pubDate><description>وصل خادم الحرمين الشريفين اليوم إلى طنجة.</description></item>
<item><title>بلا رابط</title><description>يُتجاهل</description></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>الرياض</title>
<entry><title>مجلس الوزراء يوافق على اتفاقية</title><link href="https://example.com/a/2"/><id>urn:2</id>
<updated>2015-08-10T09:00:00Z</updated><content type="html">&lt;p&gt;وافق مجلس الوزراء&lt;/p&gt;</content></entry></feed>`

func TestParse(t *testing.T) {
	items, err := Parse("https://www.spa.gov.sa/rss.xml", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items, want 1 (the one without a link is dropped)", len(items))
	}
	it := items[0]
	if it.Link != "https://www.spa.gov.sa/news/1" || it.Source != "واس" || it.Published != "2015-08-02T15:30:00Z" || !strings.Contains(it.Content, "طنجة") {
		t.Errorf("item %+v", it)
	}
	items, err = Parse("https://example.com/atom", []byte(atom))
	if err != nil || len(items) != 1 || items[0].Link != "https://example.com/a/2" || items[0].Published != "2015-08-10T09:00:00Z" {
		t.Errorf("atom: %+v, %v", items, err)
	}
	if _, err := Parse("x", []byte("<html><body>not a feed</body></html>")); err == nil {
		t.Error("HTML parsed as a feed")
	}
}

func TestReadList(t *testing.T) {
	got, err := ReadList(strings.NewReader("# feeds\nhttps://a.example/rss\n\nhttps://b.example/atom\nhttps://a.example/rss\n"))
	if err != nil || len(got) != 2 || got[1] != "https://b.example/atom" {
		t.Errorf("text list: %v, %v", got, err)
	}
	opml := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="السعودية"><outline text="واس" type="rss" xmlUrl="https://spa.example/rss"/>
<outline text="الرياض" xmlUrl="https://riyadh.example/rss"/></outline></body></opml>`
	got, err = ReadList(strings.NewReader(opml))
	if err != nil || len(got) != 2 || got[0] != "https://spa.example/rss" {
		t.Errorf("OPML: %v, %v", got, err)
	}
	for _, bad := range []string{"", "# only a comment\n", "ftp://x/y\n", "<html></html>", "<opml><body>"} {
		if _, err := ReadList(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadList(%q) succeeded", bad)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	var hits, full int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Sun, 02 Aug 2015 15:30:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		atomic.AddInt32(&full, 1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Sun, 02 Aug 2015 15:30:00 GMT")
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	p := New(Options{Gap: -1})
	ctx := context.Background()
	items, err := p.Poll(ctx, srv.URL+"/rss")
	if err != nil || len(items) != 1 {
		t.Fatalf("first poll: %v, %v", items, err)
	}
	items, err = p.Poll(ctx, srv.URL+"/rss")
	if err != nil || len(items) != 0 {
		t.Errorf("second poll: %d items, %v; want a 304 with none", len(items), err)
	}
	if hits != 2 || full != 1 {
		t.Errorf("%d requests, %d full responses; want 2 and 1", hits, full)
	}
}

func TestBackoff(t *testing.T) {
	var hits int32
	fail := true
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		mu.Lock()
		defer mu.Unlock()
		if fail {
			w.Header().Set("Retry-After", "300")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	now := time.Date(2025, 8, 15, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	p := New(Options{Gap: -1, Backoff: time.Minute, MaxBackoff: time.Hour, Now: clock})
	ctx := context.Background()
	feed := srv.URL + "/rss"
	var se *StatusError
	if _, err := p.Poll(ctx, feed); !errors.As(err, &se) || se.Status != 503 {
		t.Fatalf("first poll: %v", err)
	}
	if p.Due(feed) {
		t.Error("feed due right after a failure")
	}
	if _, err := p.Poll(ctx, feed); !errors.Is(err, ErrBackoff) || hits != 1 {
		t.Errorf("poll while backing off: %v (%d requests)", err, hits)
	}
	now = now.Add(2 * time.Minute) // past the 1m backoff, not past Retry-After's 5m
	if p.Due(feed) {
		t.Error("Retry-After ignored")
	}
	now = now.Add(4 * time.Minute)
	mu.Lock()
	fail = false
	mu.Unlock()
	if items, err := p.Poll(ctx, feed); err != nil || len(items) != 1 {
		t.Errorf("after backoff: %v, %v", items, err)
	}
	if !p.Due(feed) {
		t.Error("success did not reset the backoff")
	}
}

func TestLimits(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2048)))
		case "/slow":
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
		case "/404":
			http.NotFound(w, r)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html>ok</html>"))
		}
	}))
	defer srv.Close()
	p := New(Options{Gap: -1, MaxBytes: 1024, Timeout: 200 * time.Millisecond})
	ctx := context.Background()
	if _, _, err := p.Fetch(ctx, srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big page: %v", err)
	}
	start := time.Now()
	if _, _, err := p.Fetch(ctx, srv.URL+"/slow"); err == nil || time.Since(start) > 1500*time.Millisecond {
		t.Errorf("slow page: %v after %v", err, time.Since(start))
	}
	var se *StatusError
	if _, _, err := p.Fetch(ctx, srv.URL+"/404"); !errors.As(err, &se) || se.Status != 404 {
		t.Errorf("404: %v", err)
	}
	body, ct, err := p.Fetch(ctx, srv.URL+"/ok")
	if err != nil || string(body) != "<html>ok</html>" || !strings.HasPrefix(ct, "text/html") {
		t.Errorf("ok page: %q %q %v", body, ct, err)
	}
	if _, _, err := p.Fetch(ctx, "file:///etc/passwd"); err == nil {
		t.Error("file URL fetched")
	}
}

func TestPerHostConcurrencyAndGap(t *testing.T) {
	var inflight, peak int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt32(&inflight, 1)
		for {
			p := atomic.LoadInt32(&peak)
			if n <= p || atomic.CompareAndSwapInt32(&peak, p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		atomic.AddInt32(&inflight, -1)
	}))
	defer srv.Close()
	p := New(Options{PerHost: 2, Gap: -1})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.Fetch(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i))
		}()
	}
	wg.Wait()
	if peak > 2 {
		t.Errorf("%d concurrent requests to one host, limit 2", peak)
	}
	// Gap: three requests 50ms apart take at least 100ms.
	p = New(Options{PerHost: 4, Gap: 50 * time.Millisecond})
	start := time.Now()
	for i := range 3 {
		p.Fetch(context.Background(), fmt.Sprintf("%s/g%d", srv.URL, i))
	}
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Errorf("3 requests with a 50ms gap took %v", d)
	}
	// A canceled context gives up the wait.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := p.Fetch(ctx, srv.URL+"/c"); err == nil {
		t.Error("fetch with a canceled context succeeded")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(atom))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := Parse("https://example.com/feed", b)
		if err == nil {
			for _, it := range items {
				if it.Link == "" {
					t.Error("item without link")
				}
			}
		}
	})
}

func FuzzReadList(f *testing.F) {
	f.Add("https://a.example/rss\n")
	f.Add(`<opml><body><outline xmlUrl="https://x/y"/></body></opml>`)
	f.Fuzz(func(t *testing.T, s string) {
		urls, err := ReadList(strings.NewReader(s))
		if err == nil && len(urls) == 0 {
			t.Error("no error and no URLs")
		}
	})
}
