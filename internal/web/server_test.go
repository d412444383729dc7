package web

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"marsad/internal/api"
	"marsad/internal/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// testServer starts the whole server (API and web UI) on a loopback port
// over a fresh store with the two sample articles (testdata/*.txt, copies
// of the demo's sample story) posted through the API as a client would.
func testServer(t testing.TB) (*httptest.Server, *api.Stack) {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	ctx := context.Background()
	st, err := api.Open(ctx, filepath.Join(t.TempDir(), "marsad.db"), pipe)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	apiH, err := api.New(st.Config())
	if err != nil {
		t.Fatal(err)
	}
	webH, err := New(Config{Store: st.Store, Index: st.Index, Stories: st.Stories})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", apiH)
	mux.Handle("/", webH)
	srv := httptest.NewUnstartedServer(mux)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)

	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) != 2 {
		t.Fatalf("want the 2 sample articles in testdata, found %d", len(files))
	}
	// Publication days as the two outlets' reports would carry them.
	published := []string{"2025-08-16", "2025-08-15"}
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := json.Marshal(map[string]string{"source": strings.TrimSuffix(filepath.Base(f), ".txt"), "text": string(text), "published": published[i]})
		resp, err := http.Post(srv.URL+"/api/articles", "application/json", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		var res api.IngestResult
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST %s: %s %+v", f, resp.Status, res)
		}
	}
	return srv, st
}
