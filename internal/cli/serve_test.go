package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while a command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// marsad serve listens, stores a posted article, and stops cleanly when
// its context is cancelled; marsad search then finds the article in the
// same store, by a clitic form of a word it contains.
func TestServeThenSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr lockedBuffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() { done <- cmdServe(ctx, e, []string{"--addr", "127.0.0.1:0", "--db", db}) }()
	re := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		default:
		}
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve did not start: %s", stderr.String())
	}
	resp, err := http.Get(base + "/api/health")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health: %v %v", resp, err)
	}
	resp.Body.Close()
	text, err := os.ReadFile("sample/004_b3057454c05addf2.txt")
	if err != nil {
		t.Fatal(err)
	}
	resp, err = http.Post(base+"/api/articles", "text/plain; charset=utf-8", bytes.NewReader(text))
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST: %v %v", resp, err)
	}
	resp.Body.Close()
	for _, p := range []string{"/", "/search?q=" + "لترامب"} {
		resp, err := http.Get(base + p)
		if err != nil || resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %v %v", p, resp, err)
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}

	var out bytes.Buffer
	e = &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	if err := cmdSearch(context.Background(), e, []string{"--db", db, "لبوتين"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 hits") || !strings.Contains(out.String(), "[بوتين]") {
		t.Errorf("search لبوتين:\n%s", out.String())
	}
	if err := cmdSearch(context.Background(), e, []string{"--db", db}); err == nil {
		t.Errorf("search without a query: no error")
	}
}
