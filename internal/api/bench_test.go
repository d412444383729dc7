package api

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"marsad/internal/dataset"
)

// BenchmarkAPIConcurrent measures the API under 100 concurrent clients on
// loopback, over 300 SaudiNewsNet articles (stored and indexed through the
// same path as POST /api/articles, with the stand-in analyzer), with a mix
// of searches, story, entity and article reads. It reports requests per
// second and the p50/p99 latency as seen by the clients.
//
//	go test -run '^$' -bench APIConcurrent -benchtime 5000x ./internal/api/
func BenchmarkAPIConcurrent(b *testing.B) {
	srv, st := newTestAPI(b, nil)
	news, err := dataset.SaudiNewsNet(400)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	n := 0
	for _, na := range news {
		if na.Content == "" || n >= 300 {
			continue
		}
		raw, _ := json.Marshal(na)
		if _, err := st.Ingest.Ingest(ctx, raw, "application/json"); err != nil {
			continue
		}
		n++
	}
	stories, _ := st.Store.Stories(ctx, 1)
	paths := []string{
		"/api/search?q=بوتين", "/api/search?q=الاتفاق+النووي", "/api/search?q=داعش&limit=20",
		"/api/search?q=الأمريكية&source=aawsat", "/api/search?q=مجلس+الأمن&kind=quote",
		"/api/entities?q=لبوتين", "/api/stories?limit=20", "/api/health",
		"/api/articles/" + news[0].ID,
	}
	if len(stories) > 0 {
		paths = append(paths, "/api/stories/"+stories[0].ID)
	}
	// One client per goroutine, each with its own keep-alive connections,
	// as 100 separate callers would have.
	const clients = 100
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients,
		DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	lat := make([]time.Duration, b.N)
	var next, fails atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(srv.URL + paths[i%len(paths)])
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						fails.Add(1)
					}
				} else {
					fails.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(b.N)/el.Seconds(), "req/s")
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	if f := fails.Load(); f > 0 {
		b.Errorf("%d of %d requests failed", f, b.N)
	}
}
