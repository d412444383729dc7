package agreement

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"

	"marsad/internal/event"
	"marsad/internal/quote"
	"marsad/internal/text/clean"
	"marsad/internal/text/sentence"
)

// TestPrintEventSample prints the raw sentences of B's event sample for
// blind annotation (README, Protocol): only the `s` lines of the gold file
// are read, never an `ev` line. AGREEMENT_EVENT_RAW=first prints the first
// batch (40 sentences), =rest the others; skipped otherwise.
func TestPrintEventSample(t *testing.T) {
	which := os.Getenv("AGREEMENT_EVENT_RAW")
	if which == "" {
		t.Skip("AGREEMENT_EVENT_RAW=first|rest prints the sample")
	}
	f, err := os.Open(eventsA)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sLines strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "s ") {
			sLines.WriteString(sc.Text() + "\n")
		}
	}
	g, err := event.ParseGold(strings.NewReader(sLines.String()))
	if err != nil {
		t.Fatal(err)
	}
	perm := rand.New(rand.NewPCG(6, 0)).Perm(len(g))
	pick := perm[:40]
	if which == "rest" {
		pick = perm[40:]
	}
	sort.Ints(pick)
	ids := map[string]bool{}
	for _, i := range pick {
		ids[g[i].Article] = true
	}
	raws, err := quote.ReadSaudiNewsNet(ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range pick {
		s := g[i]
		txt := clean.Text(raws[s.Article].Content).Text
		for _, sp := range sentence.Split(txt) {
			if sp.Start == s.Offset {
				fmt.Printf("s %s %d test5\n# %s\n\n", s.Article, s.Offset, txt[sp.Start:sp.End])
			}
		}
	}
}
