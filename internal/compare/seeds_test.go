package compare

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/ingest"
	"marsad/internal/pipeline"
)

// seedEntities stands in for NER and linking while those stages are not in
// the pipeline: the people and places of the seed story, with the names
// and titles the seeds use for them. When the pipeline fills Entities
// itself, this table is not used.
var seedEntities = []struct {
	id, name, typ string
	forms         []string
}{
	{"Q7747", "فلاديمير بوتين", marsad.PERS, []string{"فلاديمير بوتين", "الرئيس الروسي", "بوتين"}},
	{"Q22686", "دونالد ترامب", marsad.PERS, []string{"دونالد ترامب", "الرئيس الأميركي", "ترامب"}},
	{"Q3657946", "فولوديمير زيلينسكي", marsad.PERS, []string{"فولوديمير زيلينسكي"}},
	{"Q23530", "ديمتري مدفيدف", marsad.PERS, []string{"ديمتري مدفيدف"}},
	{"Q4120209", "أندريه بيلوسوف", marsad.PERS, []string{"أندريه بيلوسوف"}},
	{"Q6034", "جو بايدن", marsad.PERS, []string{"جو بايدن"}},
	{"Q797", "ألاسكا", marsad.LOC, []string{"ألاسكا"}},
	{"Q212", "أوكرانيا", marsad.LOC, []string{"أوكرانيا"}},
	{"Q649", "موسكو", marsad.LOC, []string{"موسكو"}},
	{"Q61", "واشنطن", marsad.LOC, []string{"واشنطن"}},
	{"Q1359498", "قاعدة إلمندورف-ريتشاردسون المشتركة", marsad.LOC, []string{"قاعدة إلمندورف‑ريتشاردسون المشتركة"}},
	{"Q7159", "الناتو", marsad.ORG, []string{"الناتو"}},
	{"Q1128396", "الكرملين", marsad.ORG, []string{"الكرملين"}},
}

// seedStory reads the two seed articles through the current pipeline.
func seedStory(t testing.TB) []*marsad.Article {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) < 2 {
		t.Fatalf("seeds in %s: %v (%d files)", dir, err, len(files))
	}
	sort.Strings(files)
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var arts []*marsad.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ingest.FromText(raw, ingest.Options{Published: "2025-08-16"})
		if err != nil {
			t.Fatal(err)
		}
		a.ID = strings.SplitN(filepath.Base(f), "_", 2)[0]
		if err := p.Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Entities) == 0 {
			addEntities(a)
		}
		arts = append(arts, a)
	}
	return arts
}

// addEntities marks every occurrence of the seed entities' forms, longest
// first, as a hand-made linker would.
func addEntities(a *marsad.Article) {
	taken := make([]bool, len(a.Text))
	for _, e := range seedEntities {
		ent := marsad.Entity{ID: e.id, Name: e.name, Type: e.typ}
		forms := append([]string(nil), e.forms...)
		sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
		for _, f := range forms {
			for i := 0; ; {
				j := strings.Index(a.Text[i:], f)
				if j < 0 {
					break
				}
				st, en := i+j, i+j+len(f)
				i = en
				if taken[st] {
					continue
				}
				for k := st; k < en; k++ {
					taken[k] = true
				}
				kind := "name"
				if strings.HasPrefix(f, "الرئيس") {
					kind = "title"
				}
				ent.Mentions = append(ent.Mentions, marsad.Mention{Start: st, End: en, Text: f, Kind: kind})
			}
		}
		if len(ent.Mentions) > 0 {
			a.Entities = append(a.Entities, ent)
		}
	}
}

// TestSeedStory checks the demo story against what a careful reader lists
// (issue 8): both outlets report a three-hour summit; only 004 gives the
// date, the air base and Belousov; only 000 gives Medvedev and the Kremlin
// statement; 000 has Putin calling the talks "مثمرة" where 004 quotes him
// as "بناءة" and gives "مثمر للغاية" to Trump. Nothing in Compare knows
// these articles: the test runs the current pipeline over them.
func TestSeedStory(t *testing.T) {
	arts := seedStory(t)
	c := Compare(arts)
	checkEvidence(t, arts, c)
	if testing.Verbose() {
		b, _ := json.MarshalIndent(c, "", " ")
		t.Logf("%s", b)
	}
	has := func(ev []marsad.Evidence, art, sub string) bool {
		for _, e := range ev {
			if e.Article == art && strings.Contains(e.Text, sub) {
				return true
			}
		}
		return false
	}
	agreed := false
	for _, a := range c.Agreements {
		if has(a.Sources, "000", "ثلاث ساعات") && has(a.Sources, "004", "ثلاث ساعات") {
			agreed = true
		}
	}
	if !agreed {
		t.Error("no agreement on the three-hour summit carried by both articles")
	}
	for _, want := range []struct{ art, sub string }{
		{"004", "15 أغسطس 2025"},
		{"004", "ريتشاردسون"},
		{"004", "بيلوسوف"},
		{"000", "مدفيدف"},
		{"000", "الكرملين"},
	} {
		found := false
		for _, u := range c.Unique {
			if has(u.Sources, want.art, want.sub) {
				found = true
			}
		}
		if !found {
			t.Errorf("no exclusive of %s mentioning %q", want.art, want.sub)
		}
	}
	for _, u := range c.Unique {
		for _, e := range u.Sources {
			if e.Article != u.Sources[0].Article {
				t.Errorf("unique claim %q has sources from several articles", u.Claim)
			}
		}
	}
	conflict := false
	for _, x := range c.Conflicts {
		if has(x.Variants, "000", "مثمرة") && has(x.Variants, "004", "بناءة") && has(x.Variants, "004", "مثمر للغاية") {
			conflict = true
		}
	}
	if !conflict {
		t.Error(`no conflict between Putin's "مثمرة" (000), "بناءة" (004) and Trump's "مثمر للغاية" (004)`)
	}
}
