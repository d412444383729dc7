package quote

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints predictions for gold articles (QUOTE_DUMP=id,id or "dev").
func TestDump(t *testing.T) {
	which := os.Getenv("QUOTE_DUMP")
	if which == "" {
		t.Skip()
	}
	f, err := os.Open(os.Getenv("QUOTE_GOLD"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := ParseGold(f)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, g := range gold {
		if which == g.Split || strings.Contains(which, g.ID) {
			ids[g.ID] = true
		}
	}
	raws, err := ReadSaudiNewsNet(ids)
	if err != nil {
		t.Fatal(err)
	}
	q := New()
	for _, g := range gold {
		if !ids[g.ID] {
			continue
		}
		a, _ := OraclePrepare(context.Background(), raws[g.ID], g)
		q.Annotate(context.Background(), a)
		fmt.Printf("=== %s\n", g.ID)
		for _, x := range a.Quotes {
			fmt.Printf("  [%s] %s (%s): %s\n", x.Kind, x.SpeakerName, x.Cue, x.Text)
		}
		_, errs, err := ScoreArticle(a, g)
		if err != nil {
			fmt.Println("ERR", err)
		}
		for _, e := range errs {
			fmt.Printf("  !! %s %s: %s (line %d)\n", e.Kind, e.Speaker, e.Text, e.Line)
		}
	}
}

func TestDumpSeeds(t *testing.T) {
	if os.Getenv("QUOTE_SEEDS") == "" {
		t.Skip()
	}
	f, _ := os.Open("/tmp/q/seeds.txt")
	gold, err := ParseGold(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"seed000": "/work/shared/seeds/000_17630a854111e4cf.txt", "seed004": "/work/shared/seeds/004_b3057454c05addf2.txt"}
	q := New()
	for _, g := range gold {
		b, _ := os.ReadFile(files[g.ID])
		a, _ := OraclePrepare(context.Background(), RawArticle{ID: g.ID, Content: string(b)}, g)
		q.Annotate(context.Background(), a)
		fmt.Printf("=== %s\n", g.ID)
		for _, x := range a.Quotes {
			fmt.Printf("  [%s] %s (%s): %s\n", x.Kind, x.SpeakerName, x.Cue, x.Text)
		}
	}
}

func TestDbgOne(t *testing.T) {
	text := os.Getenv("QUOTE_TEXT")
	if text == "" {
		t.Skip()
	}
	a := annotate(t, text, false)
	OracleEntities(a, GoldArticle{Entities: []GoldEntity{{ID: "s", Type: "PERS", Names: []string{"بدر السمحان"}}}})
	New().Annotate(context.Background(), a)
	fmt.Println(a.Sentences, dump(a))
	d := newDoc(New().lx, a)
	for i, tk := range d.toks {
		fmt.Print(i, ":", tk.norm, "/", d.sent[i], " ")
	}
}
