package event

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"

	"marsad/internal/dataset"
	"marsad/internal/text/clean"
	"marsad/internal/text/normalize"
)

// TestMineSports draws data/sports.tsv (MARSAD_EVENT_SPORTS_MINE=output
// file): the words of SaudiNewsNet's sports articles (the two sports
// outlets, arriyadiyah and arreyadi, and the articles whose URL has a
// sports section, /Sports/ in alwatan and /sports/ in 3alyoum) against all
// other articles, keeping words with at least
// sportsMinCount sports-outlet occurrences whose share of the sports
// outlets' running words is sportsMinRatio times their share elsewhere.
// Articles cited by any file under internal/ are left out, so no
// evaluation sentence shapes the list.
// sportsKept is my classification of the drawn words (see the file's
// header): the words of the game, kept as sports context.
var sportsKept = func() map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields("فريق نادي بنادي لنادي ناديه لاعب لاعبين لاعبي لاعبون لاعبو لاعبا مباراه مباريات مدرب كره لكره كروي دوري منتخب كاس ملعب ملاعب استاد بطوله بطولات سوبر شوط لقب رياضي مرمي فيفا منافسات تمارين اولمبيه لياقيه ركله محترف محترفين مران تعادل") {
		out[w] = true
	}
	return out
}()

func TestMineSports(t *testing.T) {
	out := os.Getenv("MARSAD_EVENT_SPORTS_MINE")
	if out == "" {
		t.Skip("set MARSAD_EVENT_SPORTS_MINE to the file to write")
	}
	news, err := dataset.SaudiNewsNet(0)
	if err != nil {
		t.Fatal(err)
	}
	used := usedIDs(t)
	sport, other := map[string]int{}, map[string]int{}
	var nSport, nOther, arts int
	for _, a := range news {
		if a.Content == "" || used[a.ID] {
			continue
		}
		isSport := a.Source == "arreyadi" || a.Source == "arriyadiyah" || strings.Contains(strings.ToLower(a.URL), "/sports/")
		arts++
		for _, w := range strings.Fields(normalize.Search(clean.Text(a.Content).Text)) {
			w = sportsKey(strings.TrimFunc(w, func(r rune) bool { return !unicode.Is(unicode.Arabic, r) }))
			if len([]rune(w)) < 3 || strings.IndexFunc(w, func(r rune) bool { return !unicode.Is(unicode.Arabic, r) }) >= 0 {
				continue
			}
			if isSport {
				sport[w]++
				nSport++
			} else {
				other[w]++
				nOther++
			}
		}
	}
	type row struct {
		w     string
		s, o  int
		ratio float64
	}
	var rows []row
	for w, s := range sport {
		if s < sportsMinCount {
			continue
		}
		r := (float64(s) / float64(nSport)) / ((float64(other[w]) + 1) / float64(nOther))
		if r >= sportsMinRatio {
			rows = append(rows, row{w, s, other[w], r})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].s > rows[j].s })
	var b strings.Builder
	fmt.Fprintf(&b, "# Sports words of SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0): drawn by TestMineSports\n")
	fmt.Fprintf(&b, "# (sports_mine_test.go) from %d articles not cited under internal/: %d running words, %d of them\n", arts, nSport+nOther, nSport)
	fmt.Fprintf(&b, "# in sports articles (the outlets arriyadiyah, arreyadi; URLs with /sports/). Kept: >= %d sports occurrences and a\n", sportsMinCount)
	fmt.Fprintf(&b, "# relative frequency >= %.0f times the other outlets'. Key (clitics و ف ب ل ال stripped, Search\n", sportsMinRatio)
	fmt.Fprintf(&b, "# normalization), sports count, other count, ratio, class. The class is mine, by hand:\n")
	fmt.Fprintf(&b, "# sport = a word of the game (team, player, match, league, pitch …), read as a sports context;\n")
	fmt.Fprintf(&b, "# - = a name, a nationality, a date word, or a word with a common other sense (فوز، هدف، حارس،\n")
	fmt.Fprintf(&b, "# معسكر، تدريبات، مهاجم، مدافع، اتحاد، هلال، نصر، اهلي، ابطال، حكام، جماهير).\n")
	for _, r := range rows {
		class := "-"
		if sportsKept[r.w] {
			class = "sport"
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\t%.0f\t%s\n", r.w, r.s, r.o, r.ratio, class)
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sports words", len(rows))
}
