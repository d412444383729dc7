package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"marsad"
	"marsad/store"
)

// exportArticle is an article with one event whose cells need CSV quoting
// (a comma, a quote, a line break) and Arabic text.
func exportArticle() *marsad.Article {
	a := marsad.NewArticle()
	a.ID, a.Source, a.URL, a.Published = "a1", "was", "https://example.org/a?x=1,2", "2015-07-22"
	a.Text = "استقبل خادم الحرمين الشريفين، في جدة، \"سمير جعجع\".\nسطر ثان"
	king := strings.Index(a.Text, "خادم الحرمين الشريفين")
	jed := strings.Index(a.Text, "جدة")
	sam := strings.Index(a.Text, "سمير جعجع")
	a.Entities = []marsad.Entity{
		{ID: "salman", Name: "سلمان بن عبدالعزيز", NameEn: "Salman, King", Type: marsad.PERS,
			Mentions: []marsad.Mention{{Start: king, End: king + len("خادم الحرمين الشريفين"), Kind: "title"}}},
		{ID: "jeddah", Name: "جدة", NameEn: "Jeddah", Type: marsad.LOC,
			Mentions: []marsad.Mention{{Start: jed, End: jed + len("جدة")}}},
		{ID: "geagea", Name: "سمير جعجع", NameEn: "Samir Geagea", Type: marsad.PERS,
			Mentions: []marsad.Mention{{Start: sam, End: sam + len("سمير جعجع")}}},
	}
	a.Events = []marsad.Event{{Type: "CONSULT", Code: "043", Mode: marsad.Asserted, Actors: []string{"salman"},
		Targets: []string{"geagea"}, Location: "jeddah", Date: "2015-07-21", Confidence: 0.85, Start: 0, End: len(a.Text)}}
	return a
}

func oneArticle(a *marsad.Article) func() (*marsad.Article, error) {
	done := false
	return func() (*marsad.Article, error) {
		if done {
			return nil, io.EOF
		}
		done = true
		return a, nil
	}
}

func TestExportEventsCSV(t *testing.T) {
	var b bytes.Buffer
	if err := writeExport(&b, "csv", tableEvents, false, oneArticle(exportArticle())); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\r\n") {
		t.Error("RFC 4180 wants CRLF line ends")
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v", err)
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want header + 1", len(recs))
	}
	if strings.Join(recs[0], ",") != strings.Join(eventColumns, ",") {
		t.Errorf("header %v", recs[0])
	}
	row := map[string]string{}
	for i, c := range recs[0] {
		row[c] = recs[1][i]
	}
	want := map[string]string{
		"id": "a1:0", "date": "2015-07-21", "actor": "سلمان بن عبدالعزيز", "actor_en": "Salman, King", "actor_type": "PERS",
		"event_code": "043", "plover_type": "CONSULT", "mode": "asserted", "target": "سمير جعجع", "location": "جدة",
		"source": "was", "url": "https://example.org/a?x=1,2", "confidence": "0.85",
		"sentence": "استقبل خادم الحرمين الشريفين، في جدة، \"سمير جعجع\". سطر ثان", "date_source": "text",
	}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
}

// An event whose sentence names no time is dated by the article's
// publication day, and says so; without that day the date stays empty.
func TestExportEventDateFallback(t *testing.T) {
	for _, tt := range []struct{ published, date, source string }{
		{"2015-07-22T08:30:00+03:00", "2015-07-22", "published"},
		{"", "", ""},
	} {
		a := exportArticle()
		a.Published = tt.published
		a.Events[0].Date = ""
		var b bytes.Buffer
		if err := writeExport(&b, "csv", tableEvents, false, oneArticle(a)); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil || len(recs) != 2 {
			t.Fatalf("%d records, %v", len(recs), err)
		}
		row := map[string]string{}
		for i, c := range recs[0] {
			row[c] = recs[1][i]
		}
		if row["date"] != tt.date || row["date_source"] != tt.source {
			t.Errorf("published %q: date %q (%s), want %q (%s)", tt.published, row["date"], row["date_source"], tt.date, tt.source)
		}
	}
}

func TestExportBOM(t *testing.T) {
	var b bytes.Buffer
	if err := writeExport(&b, "csv", tableEvents, true, oneArticle(exportArticle())); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeffid,") {
		t.Errorf("want a BOM then the header, got %q", b.String()[:10])
	}
}

func TestExportJSONL(t *testing.T) {
	for _, table := range []string{tableArticles, tableEntities, tableQuotes, tableEvents} {
		var b bytes.Buffer
		if err := writeExport(&b, "jsonl", table, false, oneArticle(exportArticle())); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
			if line == "" {
				continue
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				t.Fatalf("%s: invalid JSON line %q: %v", table, line, err)
			}
			if table == tableEvents && v["confidence"] != 0.85 {
				t.Errorf("confidence %v, want the number 0.85", v["confidence"])
			}
		}
	}
}

func TestExportCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	a := exportArticle()
	if err := s.Add(ctx, &marsad.Record{Article: a, Hash: store.Hash(a.Text), StoryID: "s1", Terms: "x"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var out, errb bytes.Buffer
	e := &Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if err := cmdExport(ctx, e, []string{"--format", "csv", "--db", db}); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][8] != "CONSULT" {
		t.Fatalf("records %v, err %v", recs, err)
	}
	if err := cmdExport(ctx, e, []string{"--format", "xml", "--db", db}); err == nil {
		t.Error("--format xml accepted")
	}
	if err := cmdExport(ctx, e, []string{"--db", filepath.Join(t.TempDir(), "missing.db")}); err == nil {
		t.Error("a missing store exported nothing instead of failing")
	}
}
