// Package storetest is the conformance suite every marsad.Store backend must
// pass (store/sqlite now, store/postgres later). A backend's test calls Run
// with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"marsad"
)

// Opener returns a fresh, empty store; Run closes it.
type Opener func(t *testing.T) marsad.Store

// Run runs every test of the suite against stores from open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, marsad.Store)
	}{
		{"AddGet", testAddGet},
		{"Duplicates", testDuplicates},
		{"Lookup", testLookup},
		{"Invalid", testInvalid},
		{"Stories", testStories},
		{"Scan", testScan},
		{"Concurrent", testConcurrent},
		{"ConcurrentSameText", testConcurrentSameText},
		{"Canceled", testCanceled},
		{"NotFound", testNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
	t.Run("Closed", func(t *testing.T) {
		s := open(t)
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		ctx := context.Background()
		if err := s.Add(ctx, Record("a1", "s1", "نص")); err == nil {
			t.Error("Add after Close succeeded")
		}
		if _, err := s.Get(ctx, "a1"); err == nil {
			t.Error("Get after Close succeeded")
		}
	})
}

// Record returns a valid record with every kind of annotation, for tests.
// Its hash and URL derive from id, so distinct ids never collide.
func Record(id, story, text string) *marsad.Record {
	a := marsad.NewArticle()
	a.ID = id
	a.Source = "spa"
	a.URL = "https://example.com/" + id
	a.Title = "عنوان " + id
	a.Published = "2025-08-15"
	a.Text = text + " " + id
	n := len(a.Text)
	a.Paragraphs = []marsad.Span{{Start: 0, End: n}}
	a.Sentences = []marsad.Span{{Start: 0, End: n}}
	a.Entities = []marsad.Entity{{ID: "Q7747", Name: "فلاديمير بوتين", NameEn: "Vladimir Putin", Type: marsad.PERS,
		Mentions: []marsad.Mention{{Start: 0, End: len(text), Text: text}}}}
	a.Quotes = []marsad.Quote{{Speaker: "Q7747", SpeakerName: "بوتين", Cue: "قال", Kind: marsad.Direct, Text: text, Start: 0, End: len(text)}}
	a.Times = []marsad.TimeExpr{{Text: text, Value: "2025-08-15", Kind: marsad.TimeDate, Start: 0, End: len(text)}}
	a.Events = []marsad.Event{{Type: "CONSULT", Code: "036", Mode: marsad.Asserted, Actors: []string{"Q7747"}, Targets: []string{"Q22686"}, Date: "2025-08-15", Start: 0, End: n}}
	return &marsad.Record{Article: a, Hash: "hash-" + id, StoryID: story, Terms: "نص " + id, Sketch: []byte{1, 2, 3}}
}

func count(t *testing.T, s marsad.Store) int {
	t.Helper()
	n := 0
	if err := s.Scan(context.Background(), time.Time{}, func(*marsad.Record) error { n++; return nil }); err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return n
}

func mustAdd(t *testing.T, s marsad.Store, r *marsad.Record) {
	t.Helper()
	if err := s.Add(context.Background(), r); err != nil {
		t.Fatalf("Add %s: %v", r.Article.ID, err)
	}
}

func testAddGet(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	r := Record("a1", "s1", "قال الرئيس الروسي فلاديمير بوتين")
	r.DuplicateOf = "a0"
	mustAdd(t, s, r)
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	want, _ := json.Marshal(r.Article)
	have, _ := json.Marshal(got.Article)
	if string(want) != string(have) {
		t.Errorf("article round trip:\n got %s\nwant %s", have, want)
	}
	if got.Hash != r.Hash || got.StoryID != r.StoryID || got.DuplicateOf != "a0" || got.Terms != r.Terms || !reflect.DeepEqual(got.Sketch, r.Sketch) {
		t.Errorf("record fields: got %+v, want %+v", got, r)
	}
	if got.Added.IsZero() {
		t.Error("Added not set")
	}
	// An article without optional parts round-trips with [] not null.
	b := marsad.NewArticle()
	b.ID, b.Text = "a2", "نص قصير"
	mustAdd(t, s, &marsad.Record{Article: b, Hash: "h2", StoryID: "s2"})
	got, err = s.Get(ctx, "a2")
	if err != nil {
		t.Fatalf("Get a2: %v", err)
	}
	if got.Article.Entities == nil || got.Article.Quotes == nil || got.Article.Events == nil {
		t.Errorf("empty annotations came back nil: %+v", got.Article)
	}
}

func testDuplicates(t *testing.T, s marsad.Store) {
	mustAdd(t, s, Record("a1", "s1", "نص"))
	same := Record("a1", "s9", "آخر")
	same.Hash = "other"
	same.Article.URL = "https://other.example/x"
	byURL := Record("b1", "s1", "نص")
	byURL.Article.URL = "https://example.com/a1"
	byHash := Record("c1", "s1", "نص")
	byHash.Hash = "hash-a1"
	for name, r := range map[string]*marsad.Record{"id": same, "url": byURL, "hash": byHash} {
		err := s.Add(context.Background(), r)
		if !errors.Is(err, marsad.ErrDuplicate) {
			t.Errorf("same %s: err = %v, want ErrDuplicate", name, err)
		}
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d records after duplicates, want 1", n)
	}
	st, err := s.Story(context.Background(), "s1")
	if err != nil || len(st) != 1 {
		t.Errorf("story s1 = %d records, %v; want 1", len(st), err)
	}
	// Articles without URL do not collide on the empty URL.
	for _, id := range []string{"n1", "n2"} {
		r := Record(id, "s1", "نص")
		r.Article.URL = ""
		mustAdd(t, s, r)
	}
}

func testLookup(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	mustAdd(t, s, Record("a1", "s1", "نص"))
	for _, c := range []struct{ url, hash string }{{"https://example.com/a1", ""}, {"", "hash-a1"}, {"https://nowhere/", "hash-a1"}} {
		id, err := s.Lookup(ctx, c.url, c.hash)
		if err != nil || id != "a1" {
			t.Errorf("Lookup(%q, %q) = %q, %v; want a1", c.url, c.hash, id, err)
		}
	}
	for _, c := range []struct{ url, hash string }{{"", ""}, {"https://nowhere/", ""}, {"", "nohash"}} {
		if _, err := s.Lookup(ctx, c.url, c.hash); !errors.Is(err, marsad.ErrNotFound) {
			t.Errorf("Lookup(%q, %q): err = %v, want ErrNotFound", c.url, c.hash, err)
		}
	}
}

func testInvalid(t *testing.T, s marsad.Store) {
	bad := map[string]*marsad.Record{
		"nil":            nil,
		"nil article":    {Hash: "h", StoryID: "s"},
		"no id":          Record("", "s1", "نص"),
		"no story":       Record("a2", "", "نص"),
		"mention span":   Record("a3", "s1", "نص"),
		"quote span":     Record("a4", "s1", "نص"),
		"negative time":  Record("a5", "s1", "نص"),
		"broken utf8":    Record("a6", "s1", "نص"),
		"no text":        Record("a7", "s1", "نص"),
		"event span":     Record("a8", "s1", "نص"),
		"no hash":        Record("a9", "s1", "نص"),
		"sentence span":  Record("a10", "s1", "نص"),
		"paragraph span": Record("a11", "s1", "نص"),
	}
	bad["mention span"].Article.Entities[0].Mentions[0].End = 1 << 20
	bad["quote span"].Article.Quotes[0].Start = 5
	bad["quote span"].Article.Quotes[0].End = 2
	bad["negative time"].Article.Times[0].Start = -1
	bad["broken utf8"].Article.Text = "نص\xd9"
	bad["no text"].Article.Text = "  \n"
	bad["event span"].Article.Events[0].End = 9999
	bad["no hash"].Hash = ""
	bad["sentence span"].Article.Sentences[0].End = 9999
	bad["paragraph span"].Article.Paragraphs = append(bad["paragraph span"].Article.Paragraphs, marsad.Span{Start: 3, End: 1})
	for name, r := range bad {
		if err := s.Add(context.Background(), r); !errors.Is(err, marsad.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	if n := count(t, s); n != 0 {
		t.Errorf("%d records stored from invalid input", n)
	}
	if st, err := s.Stories(context.Background(), 0); err != nil || len(st) != 0 {
		t.Errorf("stories after invalid input: %v, %v", st, err)
	}
}

func testStories(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	add := func(id, story, published string) {
		r := Record(id, story, "نص")
		r.Article.Published = published
		mustAdd(t, s, r)
	}
	add("a1", "old", "2025-08-01")
	add("a2", "new", "2025-08-15")
	add("a3", "old", "2025-08-02")
	add("a4", "new", "2025-08-14")
	add("a5", "mid", "2025-08-10")
	all, err := s.Stories(ctx, 0)
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	var order []string
	for _, st := range all {
		order = append(order, st.ID)
	}
	if want := []string{"new", "mid", "old"}; !reflect.DeepEqual(order, want) {
		t.Errorf("story order %v, want %v", order, want)
	}
	if len(all) == 3 {
		if got := all[0]; got.Title != "عنوان a2" || len(got.Articles) != 2 || got.Articles[0].ID != "a4" || got.Articles[1].ID != "a2" {
			t.Errorf("story new = %+v; want title of its first article and articles oldest first", got)
		}
		if a := all[0].Articles[0]; a.Source != "spa" || a.URL != "https://example.com/a4" || a.Published != "2025-08-14" {
			t.Errorf("story article = %+v", a)
		}
	}
	two, err := s.Stories(ctx, 2)
	if err != nil || len(two) != 2 || two[0].ID != "new" || len(two[1].Articles) != 1 {
		t.Errorf("Stories(2) = %+v, %v", two, err)
	}
	recs, err := s.Story(ctx, "old")
	if err != nil || len(recs) != 2 || recs[0].Article.ID != "a1" || recs[1].Article.ID != "a3" {
		t.Fatalf("Story(old) = %v, %v", recs, err)
	}
	if len(recs[0].Article.Quotes) != 1 {
		t.Errorf("Story records lack annotations: %+v", recs[0].Article)
	}
}

func testScan(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	for i := range 5 {
		mustAdd(t, s, Record(fmt.Sprintf("a%d", i), "s", "نص"))
	}
	var ids []string
	err := s.Scan(ctx, time.Time{}, func(r *marsad.Record) error {
		if r.Terms == "" || r.StoryID != "s" || r.Article == nil || r.Article.Published != "2025-08-15" || len(r.Sketch) != 3 {
			t.Errorf("Scan record %+v lacks fields", r)
		}
		ids = append(ids, r.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a0", "a1", "a2", "a3", "a4"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Scan order %v, want %v", ids, want)
	}
	if n := 0; s.Scan(ctx, time.Now().Add(time.Hour), func(*marsad.Record) error { n++; return nil }) != nil || n != 0 {
		t.Errorf("Scan from the future saw %d records", n)
	}
	stop := errors.New("stop")
	if err := s.Scan(ctx, time.Time{}, func(*marsad.Record) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Scan did not return the callback's error: %v", err)
	}
}

func testConcurrent(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for w := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := s.Add(ctx, Record(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("s%d", i%5), "نص متزامن")); err != nil {
					errs <- err
				}
			}
		}()
		go func() { // a reader beside each writer
			defer wg.Done()
			for range each {
				if _, err := s.Stories(ctx, 10); err != nil {
					errs <- err
				}
				if _, err := s.Get(ctx, fmt.Sprintf("w%d-0", w)); err != nil && !errors.Is(err, marsad.ErrNotFound) {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, s); n != writers*each {
		t.Errorf("%d records after concurrent adds, want %d", n, writers*each)
	}
	st, err := s.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, x := range st {
		total += len(x.Articles)
	}
	if len(st) != 5 || total != writers*each {
		t.Errorf("%d stories with %d articles, want 5 with %d", len(st), total, writers*each)
	}
}

// testConcurrentSameText: the same text arriving from several feeds at once
// is stored exactly once.
func testConcurrentSameText(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, dup := 0, 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := Record(fmt.Sprintf("c%d", i), "s", "نص")
			r.Hash = "same"
			err := s.Add(ctx, r)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errors.Is(err, marsad.ErrDuplicate):
				dup++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok != 1 || dup != n-1 {
		t.Errorf("%d stored, %d duplicates; want 1 and %d", ok, dup, n-1)
	}
}

func testCanceled(t *testing.T, s marsad.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Add(ctx, Record("a1", "s1", "نص")); err == nil {
		t.Error("Add with a canceled context succeeded")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("%d records after a canceled Add", n)
	}
	if _, err := s.Stories(context.Background(), 0); err != nil {
		t.Errorf("store unusable after a canceled Add: %v", err)
	}
}

func testNotFound(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("Get: %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, marsad.ErrNotFound) {
		t.Errorf("Story: %v, want ErrNotFound", err)
	}
	if st, err := s.Stories(ctx, 5); err != nil || st == nil || len(st) != 0 {
		t.Errorf("Stories on an empty store = %#v, %v; want empty, non-nil", st, err)
	}
}
