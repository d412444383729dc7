package agreement

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/link"
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
	// second sample (mentions found by B)
	{"Al-Khalidiyah", "Al-Khalidiyah district, Al-Qunfudhah"}:                                              true,
	{"Abdulrahman Al-Zailaei", "Abdulrahman Al-Zailai"}:                                                    true,
	{"Guantanamo", "Guantanamo Bay detention camp"}:                                                        true,
	{"International Affairs Department", "International Affairs Department, Saudi Red Crescent Authority"}: true,
	{"Professionalism and Player Status Committee", "Professionalism and Players' Status Committee"}:       true,
	{"Al-Khaleej Club", "Al-Khaleej FC"}:                                                                   true,
	{"Al Hilal SFC", "Al-Hilal FC"}:                                                                        true,
	{"Hajer Club", "Hajer FC"}:                                                                             true,
	// The club the article calls سبورتينج فرانسي: both mean it, the
	// English names differ (RESULTS.md: which club it is, is unsure).
	{"Sporting Francês", "Sporting Farense"}: true,
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

const linkB2 = "testdata/link-test6-B2.tsv"

// TestLinkAgreementFound compares the second sample, where B found the
// mentions too: mentions are paired by overlap, then the paired ones are
// compared as in TestLinkAgreement.
func TestLinkAgreementFound(t *testing.T) {
	gold, err := readLinkGold()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := linkTexts(linkSplit(gold, "test6"))
	if err != nil {
		t.Fatalf("saudinewsnet: %v", err)
	}
	f, err := os.Open(linkB2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bg, err := link.LoadGold(f)
	if err != nil {
		t.Fatalf("%s: %v", linkB2, err)
	}
	_, second := linkSampleArticles(gold, texts)
	if len(bg) != len(second) {
		t.Fatalf("B has %d articles, the second sample %d", len(bg), len(second))
	}
	var mentions, exact Pair
	var pa, pb []LinkMention
	var missed []string
	name := func(g link.GoldArticle, i int) string {
		if g.Entities[i].NameEn == "" {
			return fmt.Sprintf("#%d", i)
		}
		return g.Entities[i].NameEn
	}
	for i, ga := range second {
		gb := bg[i]
		if gb.ID != ga.ID {
			t.Fatalf("B article %d is %s, the sample's %s", i, gb.ID, ga.ID)
		}
		text := texts[ga.ID]
		ma, mb := ga.Mentions(text), gb.Mentions(text)
		var sa, sb []span
		for _, m := range ma {
			sa = append(sa, span{m.Span.Start, m.Span.End})
		}
		for _, m := range mb {
			sb = append(sb, span{m.Span.Start, m.Span.End})
		}
		mentions.A += len(sa)
		mentions.B += len(sb)
		exact.A += len(sa)
		exact.B += len(sb)
		used := make([]bool, len(mb))
		for k, j := range matchSpans(sa, sb) {
			x := ma[k]
			if j < 0 {
				missed = append(missed, fmt.Sprintf("%s %d–%d: A only: %s (%s)", ga.ID, x.Span.Start, x.Span.End, text[x.Span.Start:x.Span.End], name(ga, x.Entity)))
				continue
			}
			used[j] = true
			y := mb[j]
			mentions.Matched++
			if x.Span == y.Span {
				exact.Matched++
			} else {
				missed = append(missed, fmt.Sprintf("%s: extent: A %s | B %s", ga.ID, text[x.Span.Start:x.Span.End], text[y.Span.Start:y.Span.End]))
			}
			pa = append(pa, LinkMention{Article: ga.ID, Start: x.Span.Start, End: x.Span.End, Entity: name(ga, x.Entity), Type: ga.Entities[x.Entity].Type})
			pb = append(pb, LinkMention{Article: ga.ID, Start: x.Span.Start, End: x.Span.End, Entity: name(gb, y.Entity), Type: gb.Entities[y.Entity].Type})
		}
		for j, y := range mb {
			if !used[j] {
				missed = append(missed, fmt.Sprintf("%s %d–%d: B only: %s (%s)", ga.ID, y.Span.Start, y.Span.End, text[y.Span.Start:y.Span.End], name(gb, y.Entity)))
			}
		}
	}
	r, err := CompareLinks(pa, pb, sameReferent)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("link test6, mentions found by B: %d articles", len(second))
	t.Logf("mentions (overlap)          %v", mentions)
	t.Logf("mentions (exact)            %v", exact)
	t.Logf("same entity | paired        %v", r.Entity)
	t.Logf("coreferent pairs | paired   %v", r.Pairs)
	t.Logf("same coreferent set         %v", r.Cluster)
	t.Logf("type | paired               %v, kappa %.3f", r.Type, r.TypeKappa)
	floor(t, "link found mentions F1 (overlap)", mentions.F1(), 0.95)
	floor(t, "link found mentions F1 (exact)", exact.F1(), 0.88)
	floor(t, "link found same entity | paired", r.Entity.Value(), 0.95)
	floor(t, "link found coreferent pairs F1", r.Pairs.F1(), 0.95)
	logList(t, append(missed, r.Disagreements...))
}
