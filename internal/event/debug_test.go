package event

import (
	"context"
	"os"
	"strconv"
	"testing"
)

// TestDebugLine prints what the coder sees in one gold sentence of the dev
// split (MARSAD_EVENT_DEBUG=line number in events-gold.txt).
func TestDebugLine(t *testing.T) {
	v := os.Getenv("MARSAD_EVENT_DEBUG")
	if v == "" {
		t.Skip("set MARSAD_EVENT_DEBUG to a gold line")
	}
	line, _ := strconv.Atoi(v)
	gold, arts := loadGold(t)
	for _, g := range gold {
		if g.Line != line || g.Split == HeldOut {
			continue
		}
		a := copyArticle(arts[g.Article])
		if err := InjectGold(a, g); err != nil {
			t.Fatal(err)
		}
		s, _ := goldSpan(a, g)
		t.Logf("%s", a.Text[s.Start:s.End])
		c := New()
		st := &state{c: c, a: a, ms: mentionsOf(a), seen: map[int]bool{}}
		st.sentence(s)
		for _, tk := range st.toks {
			m := ""
			if tk.ment >= 0 {
				sm := st.sms[tk.ment]
				m = a.Entities[sm.ent].Type + " " + a.Text[sm.start:sm.end]
			}
			t.Logf("%q word=%v b=%v c=%v ment=%d %s trig=%v", tk.norm, tk.word, tk.boundary, tk.comma, tk.ment, m, tk.trig)
		}
		for _, tr := range st.trigs {
			t.Logf("trigger %s %s line %d tokens %d-%d suffixed=%v", tr.p.Type, tr.p.Code, tr.p.Line, tr.first, tr.last, tr.suffixed)
		}
		for _, e := range a.Events {
			t.Logf("event %+v", e)
		}
	}
}

// TestDumpGold prints every gold sentence of the tuning splits with its
// annotation (MARSAD_EVENT_DUMP=1), for annotators calibrating on them.
func TestDumpGold(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_DUMP") == "" {
		t.Skip("set MARSAD_EVENT_DUMP=1")
	}
	gold, arts := loadGold(t)
	for _, g := range gold {
		if g.Split == HeldOut {
			continue
		}
		a := arts[g.Article]
		s, err := goldSpan(a, g)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d %s %s\n  %s", g.Line, g.Split, g.Article, a.Text[s.Start:s.End])
		for _, e := range g.Events {
			t.Logf("    ev %s %s | %v | %v | %v", e.Type, e.Mode, e.Actors, e.Targets, e.Location)
		}
	}
}

// TestTune prints the scores and errors of the tuning splits (dev, dev2,
// test) with gold participants (MARSAD_EVENT_TUNE=1); never the held-out split.
func TestTune(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_TUNE") == "" {
		t.Skip("set MARSAD_EVENT_TUNE=1")
	}
	gold, arts := loadGold(t)
	for _, split := range []string{"dev", "dev2", "test", "tune"} {
		sc, errs, err := Evaluate(context.Background(), gold, split, arts, Options{Gold: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-4s %s", split, sc)
		if split == "tune" && os.Getenv("MARSAD_EVENT_TUNE") == "errors" {
			for _, e := range errs {
				t.Logf("line %d: %s", e.Line, e.What)
			}
		}
	}
}
