package compare

import (
	"fmt"
	"io"
	"strings"

	"marsad"
)

// WriteReport prints a comparison for a reader, in Arabic: what the
// sources agree on, what only one reports, where they contradict each
// other, each line cited to its article (by source when known) and byte
// span. It is the human form of the JSON "comparison" object.
func WriteReport(w io.Writer, arts []*marsad.Article, c marsad.Comparison) error {
	name := map[string]string{}
	for _, a := range arts {
		if a == nil {
			continue
		}
		n := a.Source
		if n == "" {
			n = a.ID
		}
		name[a.ID] = n
	}
	cite := func(e marsad.Evidence) string {
		n := name[e.Article]
		if n == "" {
			n = e.Article
		}
		return fmt.Sprintf("[%s %d–%d]", n, e.Start, e.End)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ما تتفق عليه المصادر (%d)\n", len(c.Agreements))
	for _, x := range c.Agreements {
		fmt.Fprintf(&b, "  • %s\n   ", x.Claim)
		for _, e := range x.Sources {
			fmt.Fprintf(&b, " %s", cite(e))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nما ينفرد به مصدر واحد (%d)\n", len(c.Unique))
	for _, x := range c.Unique {
		src := ""
		if len(x.Sources) > 0 {
			src = name[x.Sources[0].Article]
		}
		fmt.Fprintf(&b, "  • %s: %s\n   ", src, x.Claim)
		for _, e := range x.Sources {
			fmt.Fprintf(&b, " %s", cite(e))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nما تختلف فيه المصادر (%d)\n", len(c.Conflicts))
	for _, x := range c.Conflicts {
		fmt.Fprintf(&b, "  • %s\n", x.About)
		for _, e := range x.Variants {
			fmt.Fprintf(&b, "      «%s» %s\n", e.Text, cite(e))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
