package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"marsad/internal/queue/queuetest"
	"marsad/store"
)

// syncBuffer is a bytes.Buffer safe for a command writing while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Queued ingestion end to end: `ingest --queue` publishes three articles
// (twice), `watch --queue` two more from a feed, two `work analyse`
// workers analyse them, one `work store` stores each once with its story —
// the same result as a plain ingest.
func TestQueuedIngest(t *testing.T) {
	url := queuetest.Server(t)
	dir := writeStoreFiles(t, map[string]string{"a1.txt": storyA1, "a2.txt": storyA2, "b.txt": storyB})
	db := t.TempDir() + "/m.db"
	env := map[string]string{}
	for range 2 {
		if _, errOut, err := runStoreCmd(t, cmdIngest, env, "--queue", url, dir); err != nil || !strings.Contains(errOut, "3 articles published") {
			t.Fatalf("ingest --queue: %v\n%s", err, errOut)
		}
	}
	// A feed watcher publishes too: two more articles of the Tangier visit.
	feeds := testFeeds(t)
	if out, errOut, err := runStoreCmd(t, cmdWatch, env, "--queue", url, "--once", "--gap", "0", feeds); err != nil || strings.Count(out, "published") != 2 {
		t.Fatalf("watch --queue: %v\n%s\n%s", err, out, errOut)
	}
	// A restarted watcher remembers what it published, long after the
	// stream's duplicate window: nothing is fetched and published again.
	if out, errOut, err := runStoreCmd(t, cmdWatch, env, "--queue", url, "--once", "--gap", "0", feeds); err != nil || strings.Contains(out, "published") {
		t.Fatalf("watch --queue, restarted: %v\n%s\n%s", err, out, errOut)
	}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var storeOut syncBuffer
	work := func(out *syncBuffer, args ...string) {
		wg.Go(func() {
			var errw bytes.Buffer
			e := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: &errw, Getenv: func(string) string { return "" }}
			if err := cmdWork(ctx, e, args); err != nil {
				t.Errorf("work %v: %v\n%s", args, err, errw.String())
			}
		})
	}
	work(&syncBuffer{}, "analyse", "--queue", url)
	work(&syncBuffer{}, "analyse", "--queue", url)
	work(&storeOut, "store", "--queue", url, "--db", db)
	deadline := time.Now().Add(60 * time.Second)
	for strings.Count(storeOut.String(), "story") < 5 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	wg.Wait()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stories, err := s.Stories(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, st := range stories {
		n += len(st.Articles)
	}
	if n != 5 || len(stories) != 2 {
		t.Errorf("stored %d articles in %d stories, want 5 in 2 (the Tangier visit and the hospital)\n%s", n, len(stories), storeOut.String())
	}
}

func TestWorkUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"paint", "--queue", "nats://x"}, {"analyse"}, {"analyse", "--queue", "nats://x", "--db", "m.db"}} {
		if _, _, err := runStoreCmd(t, cmdWork, map[string]string{}, args...); !errors.Is(err, ErrUsage) {
			t.Errorf("work %v: %v, want a usage error", args, err)
		}
	}
}
