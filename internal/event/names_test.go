package event

import (
	"bufio"
	"strings"
	"testing"

	"marsad"
)

// Every type the trigger lexicon can emit, and every mode, has a name.
func TestNames(t *testing.T) {
	b, err := dataFS.ReadFile("data/triggers.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		typ := strings.Split(line, "\t")[0]
		if TypeName(typ, "ar") == typ {
			t.Errorf("type %s has no Arabic name in data/types.tsv", typ)
		}
	}
	for _, m := range []string{marsad.Asserted, marsad.Negated, marsad.Planned, marsad.Hypothetical} {
		if ModeName(m, "ar") == m || ModeName(m, "en") != m {
			t.Errorf("mode %s: %q / %q", m, ModeName(m, "ar"), ModeName(m, "en"))
		}
	}
	if TypeName("CONSULT", "en") != "consult" || TypeName("NOPE", "ar") != "NOPE" {
		t.Error("lookup")
	}
}
