package event_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/dataset"
)

// TestCorpusEvents writes the events the pipeline codes in every 40th
// (MARSAD_EVENT_CORPUS_STRIDE) SaudiNewsNet article that no evaluation set
// uses, one line per event
// (article, sentence start, type, mode, actor and target names, the
// sentence), to the file MARSAD_EVENT_CORPUS names (MARSAD_EVENT_CORPUS_N
// articles, default 600). Run before and after a change and diff the files
// to read what the change adds or removes on news outside every set
// (testdata/README.md, step 10).
func TestCorpusEvents(t *testing.T) {
	path := os.Getenv("MARSAD_EVENT_CORPUS")
	if path == "" {
		t.Skip("set MARSAD_EVENT_CORPUS to a file to write")
	}
	n := 600
	if v, err := strconv.Atoi(os.Getenv("MARSAD_EVENT_CORPUS_N")); err == nil && v > 0 {
		n = v
	}
	p, used := pipelineAndGoldIDs(t)
	// MARSAD_EVENT_CORPUS_EXCLUDE names a file of more ids to leave out
	// (one a line), so that two versions of the coder read the same
	// articles.
	if ex := os.Getenv("MARSAD_EVENT_CORPUS_EXCLUDE"); ex != "" {
		b, err := os.ReadFile(ex)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range strings.Fields(string(b)) {
			used[id] = true
		}
	}
	news, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	stride := 40
	if v, err := strconv.Atoi(os.Getenv("MARSAD_EVENT_CORPUS_STRIDE")); err == nil && v > 0 {
		stride = v
	}
	done := 0
	for i := 3; i < len(news) && done < n; i += stride {
		a := analyzeUnused(t, p, news[i], used)
		if a == nil {
			continue
		}
		done++
		name := map[string]string{}
		for _, e := range a.Entities {
			name[e.ID] = e.Name
		}
		names := func(ids []string) string {
			var out []string
			for _, id := range ids {
				out = append(out, name[id])
			}
			return strings.Join(out, ";")
		}
		for _, e := range a.Events {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", a.ID, e.Start, e.Type, e.Mode, names(e.Actors), names(e.Targets), strings.ReplaceAll(a.Text[e.Start:e.End], "\n", " "))
		}
	}
	t.Logf("%d articles", done)
}
