package queue

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"marsad"
	"marsad/internal/queue/queuetest"
)

// analyser marks what it analysed and fails on articles whose text says so.
type analyser struct {
	calls atomic.Int64
}

func (an *analyser) Analyze(_ context.Context, a *marsad.Article) error {
	an.calls.Add(1)
	if strings.Contains(a.Text, "fail") {
		return errors.New("cannot analyse")
	}
	a.Entities = append(a.Entities, marsad.Entity{ID: "x", Name: "x", Type: marsad.PERS})
	return nil
}

// collector is a writer's store: it keeps what it was given, once per id.
type collector struct {
	mu   sync.Mutex
	arts map[string]*marsad.Article
	adds int
}

func (c *collector) add(_ context.Context, arts []*marsad.Article) []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, a := range arts {
		c.arts[a.ID] = a
		c.adds++
	}
	return make([]error, len(arts))
}

func (c *collector) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.arts)
}

func article(id, text string) *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Source, a.Text = id, "test", text
	return a
}

// Articles published once (or twice: a repeat is dropped) are analysed
// once each by one of two workers and stored once each; a message that is
// not an article and an article analysis keeps failing on are reported and
// given up, without holding up the others.
func TestFanOut(t *testing.T) {
	url := queuetest.Server(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	q, err := Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	const n = 20
	for i := range n {
		a := article(string(rune('a'+i)), "نص المقالة")
		if err := q.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
		if i%5 == 0 { // a producer that read the same input twice
			if err := q.Publish(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := q.Publish(ctx, article("bad", "fail")); err != nil {
		t.Fatal(err)
	}
	if _, err := q.js.Publish(ctx, SubjectArticles, []byte("not json")); err != nil {
		t.Fatal(err)
	}

	var reports sync.Map // message → error text
	report := func(a *marsad.Article, err error) {
		if err != nil {
			id := "?"
			if a != nil {
				id = a.ID
			}
			reports.Store(id+": "+err.Error(), true)
		}
	}
	an := &analyser{}
	col := &collector{arts: map[string]*marsad.Article{}}
	run, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if err := q.Analyse(run, an, report); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Go(func() {
		if err := q.Write(run, col.add, report); err != nil {
			t.Error(err)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for col.count() < n && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	// Let the failing article use up its tries.
	for time.Now().Before(deadline) && an.calls.Load() < n+MaxDeliver {
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	wg.Wait()

	if col.count() != n || col.adds != n {
		t.Errorf("stored %d articles in %d adds, want %d once each", col.count(), col.adds, n)
	}
	for id, a := range col.arts {
		if len(a.Entities) != 1 {
			t.Errorf("%s stored without its analysis", id)
		}
	}
	if got := an.calls.Load(); got != n+MaxDeliver {
		t.Errorf("%d analyses, want %d (each article once, the failing one %d times)", got, n+MaxDeliver, MaxDeliver)
	}
	var sawPoison, sawGivenUp bool
	reports.Range(func(k, _ any) bool {
		s := k.(string)
		sawPoison = sawPoison || strings.Contains(s, "is not an article")
		sawGivenUp = sawGivenUp || strings.HasPrefix(s, "bad: given up after 5 tries")
		return true
	})
	if !sawPoison || !sawGivenUp {
		var all []string
		reports.Range(func(k, _ any) bool { all = append(all, k.(string)); return true })
		t.Errorf("reports lack the bad message or the given-up article: %q", all)
	}
}

// A writer that is stopped before its batch commits acknowledges nothing,
// so a second writer gets every article.
func TestWriterRestart(t *testing.T) {
	url := queuetest.Server(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	q, err := Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	for _, id := range []string{"a", "b", "c"} {
		if err := q.publish(ctx, SubjectAnalysed, article(id, "نص")); err != nil {
			t.Fatal(err)
		}
	}
	// The first writer's store fails as the process is stopped.
	run, stop := context.WithCancel(ctx)
	failing := func(_ context.Context, arts []*marsad.Article) []error {
		stop()
		errs := make([]error, len(arts))
		for i := range errs {
			errs[i] = context.Canceled
		}
		return errs
	}
	if err := q.Write(run, failing, func(*marsad.Article, error) {}); err != nil {
		t.Fatal(err)
	}
	col := &collector{arts: map[string]*marsad.Article{}}
	run2, stop2 := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- q.Write(run2, col.add, func(*marsad.Article, error) {}) }()
	deadline := time.Now().Add(20 * time.Second)
	for col.count() < 3 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	stop2()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if col.count() != 3 {
		t.Errorf("second writer stored %d of 3", col.count())
	}
}

// An article larger than the server takes is refused with its id named.
func TestTooLarge(t *testing.T) {
	url := queuetest.Server(t)
	ctx := context.Background()
	q, err := Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	err = q.Publish(ctx, article("huge", strings.Repeat("نص ", 1<<20)))
	if err == nil || !strings.Contains(err.Error(), "huge") || !strings.Contains(err.Error(), "max_payload") {
		t.Errorf("err = %v", err)
	}
}
