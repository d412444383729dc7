package api

import (
	"net/http"
	"net/url"
	"testing"
)

// FuzzParseQuery: any query string is either a valid query or a 400, never
// a panic.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"q=بوتين", "q=x&from=2015-08-01&to=2015-08-02", "limit=-1", "source=a,,b&source=c", "kind=quote&speaker=x", "offset=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if _, err := url.ParseQuery(raw); err != nil {
			return
		}
		r := &http.Request{Method: "GET", URL: &url.URL{Path: "/api/search", RawQuery: raw}}
		q, err := ParseQuery(r)
		if err == nil && (q.Limit < 1 || q.Limit > 100 || q.Offset < 0) {
			t.Fatalf("%q: bad page %d/%d", raw, q.Limit, q.Offset)
		}
	})
}
