package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"marsad"
	"marsad/store/storetest"
)

func open(t *testing.T) marsad.Store {
	t.Helper()
	db, err := Open(context.Background(), freshDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestIsDSN(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@db.example/marsad":   true,
		"postgresql:///marsad?host=/run":   true,
		"/var/lib/marsad/marsad.db":        false,
		"marsad.db":                        false,
		"postgres.db":                      false,
		"":                                 false,
		"host=/run/postgresql dbname=news": false, // keyword form: only through Open
	} {
		if got := IsDSN(s); got != want {
			t.Errorf("IsDSN(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	dsn := freshDSN(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Add(ctx, storetest.Record("a1", "s1", "نص")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, dsn) // migrations must not re-run
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if _, err := db.Get(ctx, "a1"); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
	var versions int
	db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&versions)
	if versions != 1 {
		t.Errorf("%d schema versions recorded, want 1", versions)
	}
}

// TestConcurrentOpen: workers started together on a new database must not
// race to create the schema.
func TestConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	dsn := freshDSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(ctx, dsn)
			if err == nil {
				err = db.Add(ctx, storetest.Record(fmt.Sprintf("a%d", i), "s", "نص"))
				db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "postgres://u:secret@%zz/db"); err == nil {
		t.Error("Open with a malformed DSN succeeded")
	} else if strings.Contains(err.Error(), "secret") {
		t.Errorf("error shows the password: %v", err)
	}
	start := time.Now()
	_, err := Open(ctx, "host="+t.TempDir()+" port=1 user=u password=secret dbname=db connect_timeout=2")
	if err == nil {
		t.Fatal("Open with no server succeeded")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error shows the password: %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Open took %v to fail", d)
	}
}

// TestServerRefusals: values PostgreSQL cannot keep in a text column (a NUL
// byte, invalid UTF-8 in an annotation) are ErrInvalid and leave the store
// unchanged, while a NUL in the article text itself (kept in JSON, where it
// is an escape) and a URL longer than an index entry are stored.
func TestServerRefusals(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()

	nulTitle := storetest.Record("a1", "s1", "نص")
	nulTitle.Article.Title = "عنوان\x00"
	badMention := storetest.Record("a2", "s1", "نص")
	badMention.Article.Entities[0].Mentions[0].Text = "\xff"
	badQuote := storetest.Record("a3", "s1", "نص")
	badQuote.Article.Quotes[0].Text = "قال\x00"
	for name, r := range map[string]*marsad.Record{"NUL in title": nulTitle, "invalid UTF-8 mention": badMention, "NUL in quote": badQuote} {
		if err := s.Add(ctx, r); !errors.Is(err, marsad.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	// The quote is the batch's last statement: the article and story
	// inserted before it must be rolled back with it.
	if st, err := s.Stories(ctx, 0); err != nil || len(st) != 0 {
		t.Errorf("refused records left stories behind: %v, %v", st, err)
	}
	if _, err := s.Get(ctx, "a3"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("article of a refused record was stored: %v", err)
	}

	nulText := storetest.Record("b1", "s1", "نص")
	nulText.Article.Text += "\x00نص"
	if err := s.Add(ctx, nulText); err != nil {
		t.Errorf("NUL in text: %v", err)
	} else if got, err := s.Get(ctx, "b1"); err != nil || got.Article.Text != nulText.Article.Text {
		t.Errorf("NUL in text did not round-trip: %v", err)
	}

	long := storetest.Record("b2", "s1", "نص")
	long.Article.URL = "https://example.com/?utm=" + strings.Repeat("x", 20000)
	if err := s.Add(ctx, long); err != nil {
		t.Fatalf("long URL: %v", err)
	}
	if id, err := s.Lookup(ctx, long.Article.URL, ""); err != nil || id != "b2" {
		t.Errorf("Lookup(long URL) = %q, %v", id, err)
	}
	again := storetest.Record("b3", "s1", "نص")
	again.Article.URL = long.Article.URL
	if err := s.Add(ctx, again); !errors.Is(err, marsad.ErrDuplicate) {
		t.Errorf("same long URL: err = %v, want ErrDuplicate", err)
	} else if !strings.Contains(err.Error(), "as b2") {
		t.Errorf("duplicate error does not name the stored article: %v", err)
	}
}

// TestScanPages: Scan crosses page boundaries in order, and holds no
// connection while fn runs, so fn may use the store even when the pool has
// a single connection.
func TestScanPages(t *testing.T) {
	defer func(n int) { scanPage = n }(scanPage)
	scanPage = 3
	ctx := context.Background()
	db, err := Open(ctx, withParam(freshDSN(t), "pool_max_conns", "1"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var want []string
	for i := range 10 {
		id := fmt.Sprintf("a%02d", i)
		want = append(want, id)
		if err := db.Add(ctx, storetest.Record(id, "s", "نص")); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	scan, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	err = db.Scan(scan, time.Time{}, func(r *marsad.Record) error {
		got = append(got, r.Article.ID)
		_, err := db.Get(scan, r.Article.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Scan order %v, want %v", got, want)
	}
}

// TestStoriesByteOrder: dates order as strings byte by byte, as in SQLite,
// even where a locale's collation would not (it skips punctuation).
func TestStoriesByteOrder(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	for _, c := range []struct{ id, story, published string }{
		{"a1", "date", "2025-08-15"},
		{"a2", "datetime", "2025-08-15T09:00:00+03:00"},
		{"a3", "unknown", ""},
	} {
		r := storetest.Record(c.id, c.story, "نص")
		r.Article.Published = c.published
		if err := s.Add(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, x := range st {
		order = append(order, x.ID)
	}
	if want := "datetime date unknown"; strings.Join(order, " ") != want {
		t.Errorf("story order %v, want %s", order, want)
	}
}

// TestKillMidIngest kills a process that is adding articles as fast as it can
// and checks that every stored article is whole: its JSON and all its
// annotation rows are there, and its story counts it.
func TestKillMidIngest(t *testing.T) {
	if dsn := os.Getenv("MARSAD_KILL_CHILD"); dsn != "" {
		db, err := Open(context.Background(), dsn)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for i := 0; ; i++ {
			if err := db.Add(context.Background(), storetest.Record(fmt.Sprintf("k%d", i), fmt.Sprintf("s%d", i%7), "نص طويل بما يكفي")); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	dsn := freshDSN(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidIngest$")
	cmd.Env = append(os.Environ(), "MARSAD_KILL_CHILD="+dsn)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	ctx := context.Background()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	var n, storyTotal int
	db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	db.pool.QueryRow(ctx, `SELECT COALESCE(SUM(articles), 0) FROM stories`).Scan(&storyTotal)
	if n == 0 {
		t.Fatal("child stored nothing before it was killed")
	}
	if storyTotal != n {
		t.Errorf("stories count %d articles, table has %d", storyTotal, n)
	}
	for _, table := range []string{"mentions", "quotes", "times", "events"} {
		var orphans, missing int
		db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE article NOT IN (SELECT id FROM articles)`).Scan(&orphans)
		db.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article FROM `+table+`)`).Scan(&missing)
		if orphans != 0 || missing != 0 {
			t.Errorf("%s: %d rows without article, %d articles without rows", table, orphans, missing)
		}
	}
	t.Logf("%d whole articles survived the kill", n)
}

// benchRecord is a record the size of a real article: about 2,000 words
// (20 kB) with sixty mentions, ten quotes, ten times and five events.
func benchRecord(i int) *marsad.Record {
	r := storetest.Record(fmt.Sprintf("bench-%d", i), fmt.Sprintf("s%d", i%500), "فلاديمير بوتين")
	a := r.Article
	a.Text += " " + strings.Repeat("قال الرئيس الروسي إن المحادثات كانت مثمرة وبناءة. ", 200)
	a.Paragraphs[0].End, a.Sentences[0].End = len(a.Text), len(a.Text)
	m := a.Entities[0].Mentions[0]
	q, tm, ev := a.Quotes[0], a.Times[0], a.Events[0]
	for k := 1; k < 60; k++ {
		a.Entities[0].Mentions = append(a.Entities[0].Mentions, m)
	}
	for k := 1; k < 10; k++ {
		a.Quotes, a.Times = append(a.Quotes, q), append(a.Times, tm)
	}
	for k := 1; k < 5; k++ {
		a.Events = append(a.Events, ev)
	}
	return r
}

func benchAdd(b *testing.B, syncCommit string, rec func(int) *marsad.Record, parallel bool) {
	ctx := context.Background()
	db, err := Open(ctx, withParam(freshDSN(b), "synchronous_commit", syncCommit))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var (
		mu   sync.Mutex
		next int
	)
	id := func() int { mu.Lock(); defer mu.Unlock(); next++; return next }
	b.ResetTimer()
	if parallel {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := db.Add(ctx, rec(id())); err != nil {
					b.Error(err)
					return
				}
			}
		})
	} else {
		for b.Loop() {
			if err := db.Add(ctx, rec(id())); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkAdd measures adding articles, each in its own transaction: the
// storetest record (Small) and one the size of a real article, by one
// writer and by GOMAXPROCS writers at once (as ingest workers sharing a
// server would). Commits wait for the WAL to reach the disk, PostgreSQL's
// default; AsyncCommit does not (synchronous_commit=off: a server crash may
// lose the last moments of commits, never half of one), which is what
// SQLite's WAL mode with synchronous=NORMAL does, so compare with that.
func BenchmarkAdd(b *testing.B) {
	small := func(i int) *marsad.Record {
		return storetest.Record(fmt.Sprintf("bench-%d", i), fmt.Sprintf("s%d", i%500), "نص")
	}
	b.Run("Small", func(b *testing.B) { benchAdd(b, "on", small, false) })
	b.Run("Article", func(b *testing.B) { benchAdd(b, "on", benchRecord, false) })
	b.Run("ArticleParallel", func(b *testing.B) { benchAdd(b, "on", benchRecord, true) })
	b.Run("SmallAsyncCommit", func(b *testing.B) { benchAdd(b, "off", small, false) })
	b.Run("ArticleAsyncCommit", func(b *testing.B) { benchAdd(b, "off", benchRecord, false) })
	b.Run("ArticleParallelAsyncCommit", func(b *testing.B) { benchAdd(b, "off", benchRecord, true) })
}
