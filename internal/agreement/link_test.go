package agreement

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

const linkB = "testdata/link-test6-B.tsv"

// readLinkB reads B's linking file: "## id split" headers, then
// "start TAB end TAB TYPE TAB English name" per mention.
func readLinkB(path string) ([]LinkMention, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []LinkMention
	art := ""
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), " \r")
		switch {
		case strings.HasPrefix(s, "## "):
			fs := strings.Fields(s[3:])
			if len(fs) != 2 {
				return nil, fmt.Errorf("%s:%d: want '## id split'", path, line)
			}
			art = fs[0]
		case s == "" || s[0] == '#':
		default:
			fs := strings.Split(s, "\t")
			if len(fs) != 4 || art == "" {
				return nil, fmt.Errorf("%s:%d: want start, end, type and name after an article header", path, line)
			}
			from, err1 := strconv.Atoi(fs[0])
			to, err2 := strconv.Atoi(fs[1])
			if err1 != nil || err2 != nil || from < 0 || to <= from {
				return nil, fmt.Errorf("%s:%d: bad offsets %q–%q", path, line, fs[0], fs[1])
			}
			out = append(out, LinkMention{Article: art, Start: from, End: to, Type: fs[2], Entity: fs[3]})
		}
	}
	return out, sc.Err()
}

// linkSameReferent lists A's and B's English names that denote the same
// referent although they are spelled differently. Adjudicated after the
// comparison by reading both names and the article (RESULTS.md): every
// one is a transliteration or a longer/shorter form of one name. Equal
// names (case and punctuation aside) need no entry.
var linkSameReferent = map[[2]string]bool{
	{"Al-Jazirah", "Al Jazirah (newspaper)"}:                                                         true,
	{"Sabq", "Sabq (newspaper)"}:                                                                     true,
	{"River Plate", "Club Atlético River Plate"}:                                                     true,
	{"Sultan Al-Fa'r", "Sultan Al-Fa'ar"}:                                                            true,
	{"Mansour Al-Fa'r", "Mansour bin Sultan Al-Fa'ar"}:                                               true,
	{"Al-Ma'la Cemetery", "Al-Mu'alla Cemetery"}:                                                     true,
	{"Najran Chamber of Commerce", "Najran Chamber of Commerce and Industry"}:                        true,
	{"Al-Mujaz Education and Training", "Al-Mojaz Education and Training Company"}:                   true,
	{"Masoud bin Mahdi Al Haider", "Masoud bin Mahdi Al Haidar"}:                                     true,
	{"Training and Localisation Department", "Training and Localization Department, Najran Chamber"}: true,
	{"Ahmed Al-Faris", "Ahmed Al-Fares"}:                                                             true,
	{"King Salman bin Abdulaziz", "Salman of Saudi Arabia"}:                                          true,
}

func sameReferent(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(" -'’.,()", r) {
				return -1
			}
			return r
		}, s)
	}
	return norm(a) == norm(b) || linkSameReferent[[2]string{a, b}]
}

func TestLinkAgreement(t *testing.T) {
	gold, err := readLinkGold()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := linkTexts(linkSplit(gold, "test6"))
	if err != nil {
		t.Fatalf("saudinewsnet: %v", err)
	}
	var a []LinkMention
	first, _ := linkSampleArticles(gold, texts)
	for _, g := range first {
		for _, m := range g.Mentions(texts[g.ID]) {
			e := g.Entities[m.Entity]
			name := e.NameEn
			if name == "" {
				name = fmt.Sprintf("#%d", m.Entity)
			}
			a = append(a, LinkMention{Article: g.ID, Start: m.Span.Start, End: m.Span.End, Entity: name, Type: e.Type})
		}
	}
	b, err := readLinkB(linkB)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("the sample has %d gold mentions, B %d", len(a), len(b))
	}
	r, err := CompareLinks(a, b, sameReferent)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("link test6: %d articles, %d mentions; entities A %d, B %d", r.Articles, r.Mentions, r.EntitiesA, r.EntitiesB)
	t.Logf("same entity                 %v", r.Entity)
	t.Logf("coreferent pairs            %v", r.Pairs)
	t.Logf("same coreferent set         %v", r.Cluster)
	t.Logf("type                        %v, kappa %.3f", r.Type, r.TypeKappa)
	t.Logf("not a mention for B         %d", r.NotMention)
	floor(t, "link same entity", r.Entity.Value(), 0.95)
	floor(t, "link coreferent pairs F1", r.Pairs.F1(), 0.95)
	floor(t, "link type", r.Type.Value(), 0.95)
	logList(t, r.Disagreements)
	exact := 0
	for _, x := range a {
		for _, y := range b {
			if x.Article == y.Article && x.Start == y.Start && sameReferent(x.Entity, y.Entity) && !linkSameReferent[[2]string{x.Entity, y.Entity}] {
				exact++
			}
		}
	}
	t.Logf("mentions whose names are equal without adjudication: %d of %d", exact, len(a))
}
