package kb

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"marsad/internal/dataset"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestEmbedded checks the embedded knowledge base: it loads, ids are
// unique (Load checks), and the curated core is what news needs.
func TestEmbedded(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	offices := 0
	for _, e := range k.Entities {
		if e.Source == SourceCore && e.Type == "PERS" && len(e.Titles) > 0 {
			offices++
		}
	}
	if offices < 150 {
		t.Errorf("%d office holders in the curated core, want ≥ 150", offices)
	}
	if n := k.Header.Counts[SourceCountries]; n < 240 {
		t.Errorf("%d countries, want all ISO 3166-1", n)
	}
	tests := []struct {
		title, date, want string
	}{
		{"الرئيس الأمريكي", "2015-07-22", "barack-obama"},
		{"الرئيس الأميركي", "2023-03-01", "joe-biden"},
		{"الرئيس الامريكي", "2025-08-15", "donald-trump"},
		{"الرئيس الروسي", "2025-08-15", "vladimir-putin"},
		{"رئيس الوزراء الروسي", "2010-01-01", "vladimir-putin"},
		{"وزير الدفاع الروسي", "2015-08-01", "sergei-shoigu"},
		{"وزير الدفاع الروسي", "2025-08-01", "andrey-belousov"},
		{"وزير الخارجية السعودي", "2015-08-01", "adel-al-jubeir"},
		{"وزير الخارجية السعودي", "2015-01-01", "saud-al-faisal"},
		{"خادم الحرمين الشريفين", "2015-08-01", "king-salman-bin-abdulaziz"},
		{"الأمين العام للأمم المتحدة", "2015-08-01", "ban-ki-moon"},
		{"المستشارة الألمانية", "2015-08-01", "angela-merkel"},
		{"رئيس وزراء بريطانيا", "2025-08-01", "keir-starmer"},
	}
	for _, tc := range tests {
		e, ok := k.Holder(Key(tc.title), day(tc.date))
		if !ok || e.ID != tc.want {
			id := ""
			if e != nil {
				id = e.ID
			}
			t.Errorf("%s on %s = %q, want %s", tc.title, tc.date, id, tc.want)
		}
	}
	if e, ok := k.RoleHolder("fm", "RU", day("2015-08-11")); !ok || e.ID != "sergey-lavrov" {
		t.Errorf("fm@RU 2015 = %v", e)
	}
	if c, ok := k.NisbaCountry(Key("الأميركية")); !ok || c != "US" {
		t.Errorf("nisba الأميركية → %q", c)
	}
	for _, n := range []string{"بوتين", "فلاديمير بوتن", "زيلنسكي", "ترمب", "الولايات المتحدة", "الاتحاد الروسي", "موسكو"} {
		if len(k.Lookup(n)) == 0 {
			t.Errorf("Lookup(%s) found nothing", n)
		}
	}
}

func TestKeyAndSkeleton(t *testing.T) {
	if Key("عبدالله") != Key("عبد الله") || Key("أَحْمَد") != "احمد" {
		t.Error("Key does not unify")
	}
	for _, p := range [][2]string{{"زيلينسكي", "زيلنسكي"}, {"ترامب", "ترمب"}, {"الأمريكي", "الأميركي"}} {
		if Skeleton(Key(p[0])) != Skeleton(Key(p[1])) {
			t.Errorf("skeletons of %s and %s differ", p[0], p[1])
		}
	}
	if NameID("PERS", "عبدالله المعلمي") != NameID("PERS", "عبد الله المعلمي") {
		t.Error("NameID depends on spelling the search form unifies")
	}
	if Slug("François Hollande") != "francois-hollande" {
		t.Errorf("Slug = %s", Slug("François Hollande"))
	}
}

func TestParseMO(t *testing.T) {
	b, err := os.ReadFile("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")
	if err != nil {
		t.Fatalf("iso-codes missing (apt-get install iso-codes): %v", err)
	}
	m, err := ParseMO(b)
	if err != nil {
		t.Fatal(err)
	}
	if Key(m["Saudi Arabia"]) != "السعوديه" || len(m) < 200 {
		t.Errorf("Saudi Arabia → %q, %d entries", m["Saudi Arabia"], len(m))
	}
}

func FuzzParseMO(f *testing.F) {
	if b, err := os.ReadFile("/usr/share/locale/ar/LC_MESSAGES/iso_15924.mo"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("\xde\x12\x04\x95\x00\x00\x00\x00\x01\x00\x00\x00\x1c\x00\x00\x00\x24\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMO(b)
		if err != nil {
			return
		}
		for k, v := range m {
			_, _ = k, v
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add(string(embedded[:2000]))
	f.Add("{}\n{\"id\":\"a\",\"name\":\"ب\",\"titles\":[{\"texts\":[\"x\"]}]}\n")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := Load(strings.NewReader(s))
		if err != nil {
			return
		}
		k.Holder("x", time.Time{})
		k.Lookup("ب")
	})
}

// TestTranslit scores the transliterator on ANETAC's dev pairs (not used
// in training): exact match (case-insensitive) and character error rate.
func TestTranslit(t *testing.T) {
	tr, err := DefaultTranslit()
	if err != nil {
		t.Fatal(err)
	}
	path, err := dataset.File("anetac", "translit_dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, exact, chars, edits := 0, 0, 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) != 2 || p[0] == "english" {
			continue
		}
		// Score the letter model: the word table holds the training words.
		got := strings.ToLower(tr.letters(Key(p[1])))
		want := strings.ToLower(p[0])
		n++
		if got == want {
			exact++
		}
		chars += utf8.RuneCountInString(want)
		edits += editDistance(got, want)
	}
	acc, cer := float64(exact)/float64(n), float64(edits)/float64(chars)
	t.Logf("ANETAC dev (%d names, unseen): exact %.1f%%, character error rate %.1f%%", n, 100*acc, 100*cer)
	if acc < 0.30 || cer > 0.18 {
		t.Errorf("transliteration below floors (exact ≥ 30%%, CER ≤ 18%%)")
	}
	if got := tr.Name("فلاديمير بوتين"); got == "" {
		t.Error("empty transliteration")
	}
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// TestCanonicalNames checks that a curated person's canonical Arabic name
// is the name, not a form of address: no honorific in front (الشيخ، الأمير
// stay among the aliases), and no listed variant that spells the same name
// out more fully (عبدالعزيز بن عبدالله آل الشيخ, not عبدالعزيز آل الشيخ):
// pipeline output shows the canonical name, and a shortened one reads as
// another person. Mullah Omar keeps الملا: محمد عمر alone is a common name.
func TestCanonicalNames(t *testing.T) {
	k := MustDefault()
	for _, e := range k.Entities {
		if e.Source != SourceCore || e.Type != "PERS" {
			continue
		}
		f := strings.Fields(Key(e.Name))
		switch f[0] {
		case "الشيخ", "الامير", "الملك", "العميد", "اللواء":
			t.Errorf("%s: canonical name %q starts with an honorific", e.ID, e.Name)
		}
		for _, a := range e.Aliases {
			g := strings.Fields(Key(a))
			if len(g) > len(f) && g[0] == f[0] && g[len(g)-1] == f[len(f)-1] && subsequenceOf(f, g) {
				t.Errorf("%s: alias %q spells the canonical name %q out more fully", e.ID, a, e.Name)
			}
		}
	}
}

func subsequenceOf(sub, seq []string) bool {
	i := 0
	for _, w := range seq {
		if i < len(sub) && sub[i] == w {
			i++
		}
	}
	return i == len(sub)
}

// TestContext checks the context of an entity's descriptions: the ids
// must exist, and the Saudi-led coalition's description قوات التحالف is
// marked contextual while its proper name is not.
func TestContext(t *testing.T) {
	if _, err := New([]*Entity{{ID: "a", Type: "ORG", Name: "س", Context: []string{"nowhere"}}}); err == nil {
		t.Error("unknown context id accepted")
	}
	e, ok := MustDefault().ByID("saudi-led-coalition")
	if !ok || len(e.Context) == 0 || len(e.Contextual) != 1 || Key(e.Contextual[0]) != Key("قوات التحالف") {
		t.Errorf("saudi-led-coalition: %+v", e)
	}
}

// TestTranslitWords: the curated word list (data/translit-words.tsv) comes
// before the learned model for institution nouns and name particles.
func TestTranslitWords(t *testing.T) {
	tr, err := DefaultTranslit()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ ar, want string }{
		{"ديوان المظالم", "Diwan al-Mazalim"},
		{"عبدالله بن عبدالعزيز آل سعود", "Abdullah bin Abdulaziz Al Saud"},
		{"وزارة الصحة", "Wizarat al-Sihha"},
		{"الهيئة العامة للسياحة والتراث الوطني", "al-Hayat al-Amma lil-Siyaha wal-Turath al-Watani"},
		{"فيصل بن نواف بن عبد العزيز", "Faisal bin Nawaf bin Abdulaziz"},
	} {
		if got := tr.Name(tc.ar); got != tc.want {
			t.Errorf("Name(%s) = %q, want %q", tc.ar, got, tc.want)
		}
	}
}

// FuzzMinedScan: the corpus miner reads any text without panicking, and a
// mined person's chain holds a name word.
func FuzzMinedScan(f *testing.F) {
	for _, s := range []string{"", "وقال الأمير سطام بن سعود بن عبدالعزيز إن", "بمحافظة القنفذة وجبل صبر ونادي الفتح",
		"الشيخ", "الدكتور عبد", "محافظة أبو", "الأمير بن بن آل", "جامعة الإمام محمد بن سعود الإسلامية"} {
		f.Add(s)
	}
	mw := parseMinedWords(minedTXT)
	f.Fuzz(func(t *testing.T, text string) {
		c := &minedCounts{words: map[string]int{}, headed: map[string]int{}, headed2: map[string]int{}, named: map[string]int{},
			named2: map[string]int{}, persons: map[string]int{}, clubs: map[string]int{}, headOf: map[string]map[string]int{},
			surfaces: map[string]map[string]int{}}
		mw.scan(text, c, map[string]bool{})
		for k := range c.persons {
			if strings.TrimSpace(k) == "" {
				t.Errorf("empty person chain from %q", text)
			}
		}
	})
}

// TestMinedChains: the person chains and place names the miner reads.
func TestMinedChains(t *testing.T) {
	mw := parseMinedWords(minedTXT)
	c := &minedCounts{words: map[string]int{}, headed: map[string]int{}, headed2: map[string]int{}, named: map[string]int{},
		named2: map[string]int{}, persons: map[string]int{}, clubs: map[string]int{}, headOf: map[string]map[string]int{},
		surfaces: map[string]map[string]int{}}
	mw.scan("وقال الفريق أول ركن عبدالرحمن بن صالح البنيان إن. وقال الشيخ الدكتور عبدالرحمن السديس إن. "+
		"وزار جامعة الإمام محمد بن سعود الإسلامية. في محافظة أبو عريش وشبه جزيرة سيناء ونادي الفتح أمس والتقى الأمير خالد قبل", c, map[string]bool{})
	for _, want := range []string{"عبد الرحمن بن صالح البنيان", "عبد الرحمن السديس"} {
		if c.persons[Key(want)] != 1 {
			t.Errorf("person %s not read: %v", want, c.persons)
		}
	}
	if len(c.persons) != 2 {
		t.Errorf("persons %v: want only the two chains (no namesake of a university, no bare given name)", c.persons)
	}
	if c.headed[Key("أبو عريش")] != 1 || c.named[Key("جزيرة سيناء")] != 0 || c.clubs[Key("الفتح")] != 1 {
		t.Errorf("places/clubs: headed %v named %v clubs %v", c.headed, c.named, c.clubs)
	}
}
