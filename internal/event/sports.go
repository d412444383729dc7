package event

import (
	_ "embed"
	"strings"
)

// sportsTSV lists words of SaudiNewsNet's sports outlets far more frequent
// there than elsewhere (data/sports.tsv, drawn by TestMineSports from
// corpus counts; the words of the game among them, classified by hand,
// are the ones read).
//
//go:embed data/sports.tsv
var sportsTSV string

// The thresholds TestMineSports drew data/sports.tsv with.
const (
	sportsMinCount = 30
	sportsMinRatio = 5.0
)

// sportsWords is the set of keys of data/sports.tsv.
var sportsWords = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(sportsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 5 && f[4] == "sport" {
			out[f[0]] = true
		}
	}
	return out
}()

// sportsKey strips a word's leading clitics (و ف, then ب ل, then ال) so
// that والمباراة، بالمباراة and مباراة share a key.
func sportsKey(w string) string {
	for _, p := range []string{"و", "ف"} {
		if t, ok := strings.CutPrefix(w, p); ok && runeCount(t) > 2 {
			w = t
			break
		}
	}
	if t, ok := strings.CutPrefix(w, "لل"); ok && runeCount(t) > 2 {
		return t
	}
	for _, p := range []string{"ب", "ل", "ك"} {
		if t, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(t, "ال") && runeCount(t) > 4 {
			w = t
			break
		}
	}
	if t, ok := strings.CutPrefix(w, "ال"); ok && runeCount(t) > 2 {
		return t
	}
	return w
}

// sportsTypes are the types a sports report gives only figuratively
// (هاجم المهاجم، سيطر الفريق على المباراة، تهديد المرمى، أسر اللاعب) or
// as the game's own administration, which the guidelines leave out (a
// club rejecting a federation's decision, protesting a referee, demanding
// a replay). Meetings, support and aid are kept: a head of state meeting
// FIFA's president is still a meeting.
var sportsTypes = map[string]bool{"ASSAULT": true, "COERCE": true, "THREATEN": true, "MOBILIZE": true, "SANCTION": true, "RETREAT": true, "PROTEST": true,
	"REJECT": true, "ACCUSE": true, "DEMAND": true}

// sportsMinWords is how many distinct sports words make a sentence a
// sports report.
const sportsMinWords = 2

// sportsSentence reports whether the sentence's words hold at least
// sportsMinWords distinct sports words.
func (st *state) sportsSentence() bool {
	seen := map[string]bool{}
	for _, t := range st.toks {
		if !t.word {
			continue
		}
		if k := sportsKey(t.norm); sportsWords[k] && !seen[k] {
			seen[k] = true
			if len(seen) >= sportsMinWords {
				return true
			}
		}
	}
	return false
}
