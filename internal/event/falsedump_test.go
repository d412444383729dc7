package event

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"marsad"
)

// TestFalseDump lists, for the tuning splits only (never the held-out split), the
// sentences where the coder with the pipeline's entities (a cache written
// by TestCachePipeline, MARSAD_EVENT_CACHE) codes an event matching no gold
// event, with the trigger and the participants' entity types
// (MARSAD_EVENT_FALSE=1): the material for sorting false events by cause.
func TestFalseDump(t *testing.T) {
	if os.Getenv("MARSAD_EVENT_FALSE") == "" || os.Getenv("MARSAD_EVENT_CACHE") == "" {
		t.Skip("set MARSAD_EVENT_FALSE=1 and MARSAD_EVENT_CACHE")
	}
	gold, _ := loadGold(t)
	gold = slices.DeleteFunc(gold, func(g GoldSentence) bool { return g.Split == HeldOut })
	arts := readCache(t)
	c := New()
	byArt := map[string][]GoldSentence{}
	var ids []string
	for _, g := range gold {
		if _, ok := byArt[g.Article]; !ok {
			ids = append(ids, g.Article)
		}
		byArt[g.Article] = append(byArt[g.Article], g)
	}
	slices.Sort(ids)
	tot := map[string]Score{}
	var all []Error
	for _, id := range ids {
		b := *arts[id]
		a := &b
		a.Events = nil
		if err := c.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, g := range byArt[id] {
			sc, errs, err := ScoreSentence(a, g)
			if err != nil {
				t.Fatal(err)
			}
			tot[g.Split] = tot[g.Split].Add(sc)
			tot["all"] = tot["all"].Add(sc)
			all = append(all, errs...)
			if os.Getenv("MARSAD_EVENT_FALSE") != "dump" {
				continue
			}
			hasFalse := slices.ContainsFunc(errs, func(e Error) bool { return strings.HasPrefix(e.What, "false") })
			if !hasFalse {
				continue
			}
			s, _ := goldSpan(a, g)
			var sb strings.Builder
			sb.WriteString("\n=== " + g.Split + " line " + itoa(g.Line) + "\n" + a.Text[s.Start:s.End] + "\n")
			for _, ge := range g.Events {
				sb.WriteString("  gold " + ge.Type + " " + ge.Mode + " " + strings.Join(names(ge.Actors), "/") + " → " + strings.Join(names(ge.Targets), "/") + "\n")
			}
			for _, e := range errs {
				sb.WriteString("  err " + e.What + "\n")
			}
			st := &state{c: c, a: a, ms: mentionsOf(a), seen: map[int]bool{}}
			save := len(a.Events)
			st.sentence(s)
			for _, tr := range st.trigs {
				sb.WriteString("  trig " + tr.p.Type + " line " + itoa(tr.p.Line) + " «" + a.Text[st.toks[tr.first].start:st.toks[tr.last].end] + "»\n")
			}
			for _, e := range a.Events[save:] {
				sb.WriteString("  ev " + e.Type + " " + e.Mode + " A=" + entDesc(a, e.Actors) + " T=" + entDesc(a, e.Targets) + "\n")
			}
			a.Events = a.Events[:save]
			t.Log(sb.String())
		}
	}
	for _, k := range []string{"dev", "dev2", "test", "train", "test3", "all"} {
		t.Logf("%-5s %s", k, tot[k])
	}
	if os.Getenv("MARSAD_EVENT_FALSE") == "errors" {
		for _, e := range all {
			t.Logf("line %d: %s", e.Line, e.What)
		}
	}
}

func entDesc(a *marsad.Article, ids []string) string {
	var out []string
	for _, id := range ids {
		for _, e := range a.Entities {
			if e.ID == id {
				out = append(out, e.Type+":"+e.Name)
			}
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
