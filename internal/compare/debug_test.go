package compare

import (
	"os"
	"strings"
	"testing"
)

func TestDebugNovel(t *testing.T) {
	ids := os.Getenv("MARSAD_NOVEL")
	if ids == "" {
		t.Skip()
	}
	s := newStory(newsArticles(t, strings.Split(ids, ",")))
	for _, u := range s.units {
		for _, tm := range u.terms {
			if s.lx.idf(tm.key) >= rareIDF && s.novelTerm(u, tm, true) {
				t.Logf("%d %q key=%q idf=%.1f", u.art, s.arts[u.art].Text[tm.start:tm.end], tm.key, s.lx.idf(tm.key))
			}
		}
	}
}

func TestDebugTimes(t *testing.T) {
	ids := os.Getenv("MARSAD_NOVEL")
	if ids == "" {
		t.Skip()
	}
	for _, a := range newsArticles(t, strings.Split(ids, ",")) {
		for _, x := range a.Times {
			t.Logf("%s %q %s %s %s", a.ID, x.Text, x.Kind, x.Value, x.Mod)
		}
		for _, q := range a.Quotes {
			t.Logf("%s Q %s|%s|%s|%.60s", a.ID, q.Speaker, q.SpeakerName, q.Cue, q.Text)
		}
	}
}

func TestDebugSeedEnts(t *testing.T) {
	if os.Getenv("MARSAD_SEEDENTS") == "" {
		t.Skip()
	}
	for _, a := range seedStory(t) {
		for _, e := range a.Entities {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text+"/"+m.Kind)
			}
			t.Logf("%s %s %s %s %v", a.ID, e.ID, e.Name, e.Type, ms)
		}
		for _, q := range a.Quotes {
			t.Logf("%s Q %s|%s|%s|%.60s", a.ID, q.Speaker, q.SpeakerName, q.Cue, q.Text)
		}
		for _, x := range a.Times {
			t.Logf("%s T %q %s %s %s", a.ID, x.Text, x.Kind, x.Value, x.Mod)
		}
	}
}

func TestDebugDesc(t *testing.T) {
	if os.Getenv("MARSAD_SEEDENTS") == "" {
		t.Skip()
	}
	s := newStory(seedStory(t))
	for ui := range s.units {
		for _, d := range s.descriptors(ui) {
			t.Logf("%d %s %s %v %q", d.art, d.speaker, d.name, d.words, s.arts[d.art].Text[d.span.Start:d.span.End])
		}
	}
}

func TestDebugSims(t *testing.T) {
	ids := os.Getenv("MARSAD_SIMS")
	if ids == "" {
		t.Skip()
	}
	s := newStory(newsArticles(t, strings.Split(ids, ",")))
	for i, u := range s.units {
		for j, v := range s.units {
			if u.art < v.art {
				if x := sim(u, v); x > 0.15 {
					t.Logf("%c%d %c%d %.2f", 'A'+u.art, sentenceOf(s.arts[u.art], u.span.Start), 'A'+v.art, sentenceOf(s.arts[v.art], v.span.Start), x)
				}
			}
			_ = i
			_ = j
		}
	}
}
