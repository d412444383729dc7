package summary

import (
	"fmt"
	"io"
	"strings"

	"marsad"
)

// WriteReport prints a summary for a reader: one numbered line per
// sentence, cited to its source (or article id) and byte span.
func WriteReport(w io.Writer, arts []*marsad.Article, lines []marsad.SummaryLine) error {
	name := map[string]string{}
	for _, a := range arts {
		if a != nil && a.Source != "" {
			name[a.ID] = a.Source
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "الملخص (%d)\n", len(lines))
	for i, l := range lines {
		n := name[l.Article]
		if n == "" {
			n = l.Article
		}
		fmt.Fprintf(&b, "  %d. %s [%s %d–%d]\n", i+1, l.Text, n, l.Start, l.End)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
