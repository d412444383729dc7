package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"marsad"
	"marsad/store"
)

// Export tables. Events are the default for CSV (the rows researchers load
// into pandas, R or a spreadsheet); whole articles are the default for
// JSONL.
const (
	tableArticles = "articles"
	tableEntities = "entities"
	tableQuotes   = "quotes"
	tableEvents   = "events"
)

// eventColumns are the event table's columns, in order. They are a
// contract: new columns are added at the end, never renamed or moved.
var eventColumns = []string{
	"id", "article_id", "date", "actor", "actor_en", "actor_id", "actor_type",
	"event_code", "plover_type", "mode", "target", "target_en", "target_id", "target_type",
	"location", "location_id", "confidence", "source", "url", "sentence", "start", "end",
	"date_source",
}

var articleColumns = []string{"id", "source", "url", "title", "published", "language", "entities", "quotes", "events", "text"}

var entityColumns = []string{"article_id", "entity_id", "name", "name_en", "type", "wikidata", "mentions", "first_start", "first_end"}

var quoteColumns = []string{"article_id", "speaker", "speaker_name", "cue", "kind", "text", "start", "end"}

// cmdExport writes the stored articles, entities, quotes or events as CSV
// or JSON Lines.
//
// Wire it in commands():
//
//	"export": {summary: "write stored articles, entities, quotes or events as CSV or JSONL", run: cmdExport},
func cmdExport(ctx context.Context, e *Env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	format := fs.String("format", "jsonl", "output format: csv or jsonl")
	table := fs.String("table", "", "what to export: events, articles, entities or quotes (default: events for csv, articles for jsonl)")
	bom := fs.Bool("bom", false, "start CSV output with a UTF-8 byte order mark (for Excel; pandas and R do not need it)")
	out := fs.String("o", "", "write to this file instead of standard output")
	db := dbFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.Stderr, "Usage: marsad export [--format csv|jsonl] [--table events|articles|entities|quotes] [--bom] [--db PATH] [-o FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %v", fs.Args())
	}
	if *format != "csv" && *format != "jsonl" {
		return usageError("--format: want csv or jsonl, got %q", *format)
	}
	if *table == "" {
		*table = tableArticles
		if *format == "csv" {
			*table = tableEvents
		}
	}
	switch *table {
	case tableArticles, tableEntities, tableQuotes, tableEvents:
	default:
		return usageError("--table: want events, articles, entities or quotes, got %q", *table)
	}
	path := *db
	if path == "" {
		p, err := store.DefaultPath(e.Getenv)
		if err != nil {
			return err
		}
		path = p
	}
	// Opening a missing file would create an empty store and export
	// nothing: say so instead.
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("export: store %s: %w", path, err)
	}
	s, err := openStore(ctx, e, path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer s.Close()
	w := e.Stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		w = f
	}
	next, err := storeArticles(ctx, s)
	if err == nil {
		err = writeExport(w, *format, *table, *bom, next)
	}
	if f != nil {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// articleReader is the part of marsad.Store that export needs.
type articleReader interface {
	Scan(ctx context.Context, since time.Time, fn func(*marsad.Record) error) error
	Get(ctx context.Context, id string) (*marsad.Record, error)
}

// storeArticles returns an iterator over the stored articles in the order
// they were added: Scan lists the ids (its records carry light articles),
// Get reads each full article when its turn comes, so memory holds one
// article at a time.
func storeArticles(ctx context.Context, s articleReader) (func() (*marsad.Article, error), error) {
	var ids []string
	if err := s.Scan(ctx, time.Time{}, func(r *marsad.Record) error {
		ids = append(ids, r.Article.ID)
		return nil
	}); err != nil {
		return nil, err
	}
	i := 0
	return func() (*marsad.Article, error) {
		if i >= len(ids) {
			return nil, io.EOF
		}
		r, err := s.Get(ctx, ids[i])
		i++
		if err != nil {
			return nil, err
		}
		return r.Article, nil
	}, nil
}

// writeExport writes one table of the articles next returns (until
// io.EOF) in format "csv" or "jsonl".
//
// CSV follows RFC 4180 (comma separated, fields quoted when they hold a
// comma, a quote or a line break, quotes doubled, CRLF line ends) in UTF-8
// with a header row, so pandas.read_csv, R's read.csv(encoding="UTF-8") and
// spreadsheets load it as is; bom adds the byte order mark Excel wants to
// recognise UTF-8 (pandas then needs encoding="utf-8-sig").
func writeExport(w io.Writer, format, table string, bom bool, next func() (*marsad.Article, error)) error {
	bw := bufio.NewWriter(w)
	var cw *csv.Writer
	var header []string
	switch table {
	case tableArticles:
		header = articleColumns
	case tableEntities:
		header = entityColumns
	case tableQuotes:
		header = quoteColumns
	case tableEvents:
		header = eventColumns
	default:
		return fmt.Errorf("unknown table %q", table)
	}
	if format == "csv" {
		if bom {
			bw.WriteString("\ufeff")
		}
		cw = csv.NewWriter(bw)
		cw.UseCRLF = true
		if err := cw.Write(header); err != nil {
			return err
		}
	}
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for {
		a, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if format == "jsonl" && table == tableArticles {
			if err := enc.Encode(a); err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
			continue
		}
		for _, row := range tableRows(a, table) {
			if cw != nil {
				if err := cw.Write(row); err != nil {
					return err
				}
				continue
			}
			if err := writeJSONRow(bw, header, row); err != nil {
				return err
			}
		}
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// numericColumns are written as JSON numbers in JSONL rows.
var numericColumns = map[string]bool{"confidence": true, "start": true, "end": true, "mentions": true,
	"first_start": true, "first_end": true, "entities": true, "quotes": true, "events": true}

// writeJSONRow writes one row as a JSON object with the columns in header
// order.
func writeJSONRow(w *bufio.Writer, header, row []string) error {
	w.WriteByte('{')
	for i, col := range header {
		if i > 0 {
			w.WriteByte(',')
		}
		k, _ := json.Marshal(col)
		w.Write(k)
		w.WriteByte(':')
		if numericColumns[col] {
			if _, err := strconv.ParseFloat(row[i], 64); err == nil {
				w.WriteString(row[i])
				continue
			}
		}
		v, err := marshalString(row[i])
		if err != nil {
			return err
		}
		w.Write(v)
	}
	w.WriteString("}\n")
	return nil
}

func marshalString(s string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// tableRows returns the rows of one article in the given table.
func tableRows(a *marsad.Article, table string) [][]string {
	itoa := strconv.Itoa
	switch table {
	case tableArticles:
		return [][]string{{a.ID, a.Source, a.URL, a.Title, a.Published, a.Language,
			itoa(len(a.Entities)), itoa(len(a.Quotes)), itoa(len(a.Events)), a.Text}}
	case tableEntities:
		var rows [][]string
		for _, en := range a.Entities {
			fs, fe := "", ""
			if len(en.Mentions) > 0 {
				fs, fe = itoa(en.Mentions[0].Start), itoa(en.Mentions[0].End)
			}
			rows = append(rows, []string{a.ID, en.ID, en.Name, en.NameEn, en.Type, en.Wikidata, itoa(len(en.Mentions)), fs, fe})
		}
		return rows
	case tableQuotes:
		var rows [][]string
		for _, q := range a.Quotes {
			rows = append(rows, []string{a.ID, q.Speaker, q.SpeakerName, q.Cue, q.Kind, oneLine(q.Text), itoa(q.Start), itoa(q.End)})
		}
		return rows
	case tableEvents:
		byID := map[string]*marsad.Entity{}
		for i := range a.Entities {
			byID[a.Entities[i].ID] = &a.Entities[i]
		}
		var rows [][]string
		for i, ev := range a.Events {
			actor, actorEn, actorType := entityFields(byID, ev.Actors)
			target, targetEn, targetType := entityFields(byID, ev.Targets)
			loc := ""
			if e := byID[ev.Location]; e != nil {
				loc = e.Name
			}
			sentence := ""
			if (marsad.Span{Start: ev.Start, End: ev.End}).Valid(len(a.Text)) {
				sentence = oneLine(a.Text[ev.Start:ev.End])
			}
			// An event whose sentence names no time is dated by its
			// report, as GDELT does; date_source says which it is, so a
			// study can keep only dates read from the text.
			date, dateSource := ev.Date, "text"
			if date == "" {
				date, dateSource = dayOf(a.Published), "published"
				if date == "" {
					dateSource = ""
				}
			}
			rows = append(rows, []string{
				a.ID + ":" + itoa(i), a.ID, date, actor, actorEn, strings.Join(ev.Actors, "; "), actorType,
				ev.Code, ev.Type, ev.Mode, target, targetEn, strings.Join(ev.Targets, "; "), targetType,
				loc, ev.Location, strconv.FormatFloat(ev.Confidence, 'f', 2, 64), a.Source, a.URL, sentence,
				itoa(ev.Start), itoa(ev.End), dateSource,
			})
		}
		return rows
	}
	return nil
}

// entityFields joins the names, English names and types of entity ids with
// "; " (an event may have several actors: السعودية والإمارات).
func entityFields(byID map[string]*marsad.Entity, ids []string) (name, nameEn, typ string) {
	var ns, es, ts []string
	for _, id := range ids {
		e := byID[id]
		if e == nil {
			ns, es, ts = append(ns, id), append(es, ""), append(ts, "")
			continue
		}
		ns, es, ts = append(ns, e.Name), append(es, e.NameEn), append(ts, e.Type)
	}
	return strings.Join(ns, "; "), strings.Join(es, "; "), strings.Join(ts, "; ")
}

// oneLine folds line breaks to spaces: a sentence cell stays one line in a
// spreadsheet (CSV quoting would keep them, but many viewers do not).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
