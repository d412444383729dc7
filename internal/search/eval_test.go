package search

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/ingest"
)

// The retrieval evaluation: 320 SaudiNewsNet articles (ids in
// testdata/articles.txt), queries with relevance judged by hand
// (testdata/judgments.tsv), and three systems over the same articles:
// Marsad's index, a plain substring search, and FTS5 with SQLite's default
// tokenizer (unicode61) over the raw text.

type judged struct {
	query    string
	relevant map[string]bool
}

func readLinesFile(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// evalArticles loads the evaluation articles from ../shared/data through
// ingest.FromRecord, as `marsad ingest` reads a JSONL dump. It fails (not
// skips) when the data is missing: CI has it.
func evalArticles(t testing.TB) []*marsad.Article {
	t.Helper()
	want := map[string]bool{}
	for _, l := range readLinesFile(t, "testdata/articles.txt") {
		want[strings.TrimSpace(l)] = true
	}
	news, err := dataset.SaudiNewsNet(1400) // 2015-07-21 is the head of the file
	if err != nil {
		t.Fatalf("SaudiNewsNet: %v", err)
	}
	var out []*marsad.Article
	for _, n := range news {
		if !want[n.ID] {
			continue
		}
		raw, _ := json.Marshal(n)
		a, err := ingest.FromRecord(raw, ingest.Options{})
		if err != nil {
			t.Fatalf("%s: %v", n.ID, err)
		}
		out = append(out, a)
	}
	if len(out) != len(want) {
		t.Fatalf("found %d of the %d evaluation articles", len(out), len(want))
	}
	return out
}

func readJudgments(t testing.TB) []judged {
	var out []judged
	for _, l := range readLinesFile(t, "testdata/judgments.tsv") {
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			t.Fatalf("judgments: bad line %q", l)
		}
		j := judged{query: f[0], relevant: map[string]bool{}}
		for _, id := range strings.Fields(f[1]) {
			j.relevant[id] = true
		}
		out = append(out, j)
	}
	return out
}

// system returns the ranked article ids for a query.
type system struct {
	name   string
	search func(q string) []string
}

func marsadSystem(t testing.TB, ix *Index) system {
	return system{"marsad", func(q string) []string {
		var ids []string
		for off := 0; ; off += MaxLimit {
			res, err := ix.Search(context.Background(), Query{Text: q, Limit: MaxLimit, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			if res.Any { // partial matches are not answers to an AND query
				return nil
			}
			for _, h := range res.Hits {
				ids = append(ids, h.Article)
			}
			if len(res.Hits) < MaxLimit {
				return ids
			}
		}
	}}
}

// substringSystem finds the articles whose title or text contains every
// word of the query as written, ranked by the number of occurrences.
func substringSystem(arts []*marsad.Article) system {
	return system{"substring", func(q string) []string {
		type scored struct {
			id string
			n  int
		}
		var hits []scored
		for _, a := range arts {
			doc := a.Title + "\n" + a.Text
			n := 0
			for _, w := range strings.Fields(q) {
				c := strings.Count(doc, w)
				if c == 0 {
					n = 0
					break
				}
				n += c
			}
			if n > 0 {
				hits = append(hits, scored{a.ID, n})
			}
		}
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].n > hits[j].n })
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.id
		}
		return ids
	}}
}

// defaultFTSSystem indexes the raw title and text with FTS5's default
// tokenizer (unicode61) and runs the query's words as an AND query.
func defaultFTSSystem(t testing.TB, path string, arts []*marsad.Article) system {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE VIRTUAL TABLE base USING fts5(id UNINDEXED, title, body)`); err != nil {
		t.Fatal(err)
	}
	tx, _ := db.Begin()
	for _, a := range arts {
		if _, err := tx.Exec(`INSERT INTO base(id, title, body) VALUES(?,?,?)`, a.ID, a.Title, a.Text); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return system{"fts5-default", func(q string) []string {
		var parts []string
		for _, w := range strings.Fields(q) {
			parts = append(parts, ftsString(w))
		}
		rows, err := db.Query(`SELECT id FROM base WHERE base MATCH ? ORDER BY bm25(base, 3.0, 1.0)`, strings.Join(parts, " AND "))
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			ids = append(ids, id)
		}
		return ids
	}}
}

type score struct{ p10, recall float64 }

// evaluate returns precision of the first page (the relevant share of
// the top min(10, returned) hits; 0 when nothing is returned) and recall
// over everything returned, per query.
func evaluate(s system, js []judged) []score {
	out := make([]score, len(js))
	for i, j := range js {
		ids := s.search(j.query)
		top := ids[:min(10, len(ids))]
		rel := 0
		for _, id := range top {
			if j.relevant[id] {
				rel++
			}
		}
		if len(top) > 0 {
			out[i].p10 = float64(rel) / float64(len(top))
		}
		found := 0
		for _, id := range ids {
			if j.relevant[id] {
				found++
			}
		}
		if len(j.relevant) > 0 {
			out[i].recall = float64(found) / float64(len(j.relevant))
		}
	}
	return out
}

func mean(ss []score) (p, r float64) {
	for _, s := range ss {
		p += s.p10
		r += s.recall
	}
	n := float64(max(len(ss), 1))
	return p / n, r / n
}

func buildEvalIndex(t testing.TB, arts []*marsad.Article) (*Index, string) {
	dir := t.TempDir()
	path := filepath.Join(dir, "eval.db")
	ix, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, a := range arts {
		if err := ix.Add(context.Background(), &marsad.Record{Article: a}); err != nil {
			t.Fatal(err)
		}
	}
	return ix, dir
}

// Floors, set a little under the measured scores (see testdata/README.md).
const (
	floorP10    = 0.90
	floorRecall = 0.91
)

func TestRetrieval(t *testing.T) {
	arts := evalArticles(t)
	js := readJudgments(t)
	if len(js) < 25 {
		t.Fatalf("only %d judged queries", len(js))
	}
	ix, dir := buildEvalIndex(t, arts)
	systems := []system{marsadSystem(t, ix), substringSystem(arts), defaultFTSSystem(t, filepath.Join(dir, "base.db"), arts)}
	scores := make([][]score, len(systems))
	for i, s := range systems {
		scores[i] = evaluate(s, js)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s", "query")
	for _, s := range systems {
		fmt.Fprintf(&b, " %14s", s.name+" P/R")
	}
	b.WriteString("\n")
	for qi, j := range js {
		fmt.Fprintf(&b, "%-22s", fmt.Sprintf("%s (%d)", j.query, len(j.relevant)))
		for i := range systems {
			fmt.Fprintf(&b, "    %4.2f / %4.2f", scores[i][qi].p10, scores[i][qi].recall)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-22s", fmt.Sprintf("MEAN (%d queries)", len(js)))
	for i := range systems {
		p, r := mean(scores[i])
		fmt.Fprintf(&b, "    %4.2f / %4.2f", p, r)
	}
	t.Logf("retrieval over %d SaudiNewsNet articles (P = precision of the first page of ≤10 hits, R = recall of all hits):\n%s", len(arts), b.String())
	p, r := mean(scores[0])
	if p < floorP10 || r < floorRecall {
		t.Errorf("marsad P@10 %.3f (floor %.2f), recall %.3f (floor %.2f)", p, floorP10, r, floorRecall)
	}
	// The reason for the analyzer: clitic forms and spelling variants.
	if res, _ := ix.Search(context.Background(), Query{Text: "بوتين"}); res == nil || res.Total == 0 {
		t.Errorf("بوتين finds nothing")
	}
}

// TestDumpPools writes, for judging, every article any system returns for
// each query, with the matching passages. Run with
// MARSAD_SEARCH_POOL=/tmp/pool.txt; the pool patterns in
// testdata/pool.tsv (spelling variants written as regular expressions)
// add articles no system finds.
func TestDumpPools(t *testing.T) {
	out := os.Getenv("MARSAD_SEARCH_POOL")
	if out == "" {
		t.Skip("set MARSAD_SEARCH_POOL to write judging pools")
	}
	arts := evalArticles(t)
	byID := map[string]*marsad.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	ix, dir := buildEvalIndex(t, arts)
	systems := []system{marsadSystem(t, ix), substringSystem(arts), defaultFTSSystem(t, filepath.Join(dir, "base.db"), arts)}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, l := range readLinesFile(t, "testdata/pool.tsv") {
		parts := strings.Split(l, "\t")
		q, re := parts[0], regexp.MustCompile(parts[1])
		pool := map[string]string{}
		var order []string
		add := func(id, why string) {
			if _, ok := pool[id]; !ok {
				order = append(order, id)
			}
			pool[id] += why
		}
		for _, s := range systems {
			for _, id := range s.search(q) {
				add(id, s.name[:1])
			}
		}
		for _, a := range arts {
			if re.MatchString(a.Title + "\n" + a.Text) {
				add(a.ID, "R")
			}
		}
		fmt.Fprintf(f, "=== %s (%d)\n", q, len(order))
		for _, id := range order {
			a := byID[id]
			doc := a.Title + "\n" + a.Text
			var ctx []string
			for _, m := range re.FindAllStringIndex(doc, 3) {
				s, e := max(0, m[0]-60), min(len(doc), m[1]+60)
				for s > 0 && !isBoundary(doc, s) {
					s--
				}
				for e < len(doc) && !isBoundary(doc, e) {
					e++
				}
				ctx = append(ctx, strings.ReplaceAll(doc[s:e], "\n", " "))
			}
			fmt.Fprintf(f, "%s [%s] %s | %s\n", id, pool[id], a.Title, strings.Join(ctx, " … "))
		}
	}
}

func isBoundary(s string, i int) bool { return s[i]&0xC0 != 0x80 }
