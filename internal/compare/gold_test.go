package compare

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/text/normalize"
	"marsad/internal/text/tokenize"
)

// goldStory is one hand-annotated story of testdata/claims.txt.
type goldStory struct {
	name, split string
	ids         []string
	// Each item is a list of (article letter index, sentence key).
	agree, conflict [][]goldRef
	unique          []goldRef
}

type goldRef struct {
	art int
	key string
}

var refRE = regexp.MustCompile(`([A-Z])«([^»]*)»`)

// readGold reads the annotation file: "story NAME SPLIT", then one line per
// article ("A snn-…"), then "agree", "conflict" and "unique" lines whose
// items are LETTER«key»: the key is a few words that occur in one sentence
// of that article only (compared in the search form, letters and digits).
func readGold(path string) ([]*goldStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*goldStory
	var cur *goldStory
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		refs := func() ([]goldRef, error) {
			var rs []goldRef
			for _, m := range refRE.FindAllStringSubmatch(s, -1) {
				rs = append(rs, goldRef{int(m[1][0] - 'A'), m[2]})
			}
			if len(rs) == 0 {
				return nil, fmt.Errorf("%s:%d: no items", path, line)
			}
			return rs, nil
		}
		switch {
		case f[0] == "story" && len(f) == 3:
			cur = &goldStory{name: f[1], split: f[2]}
			out = append(out, cur)
		case cur == nil:
			return nil, fmt.Errorf("%s:%d: line before the first story", path, line)
		case len(f) == 2 && len(f[0]) == 1 && f[0][0] == byte('A'+len(cur.ids)):
			cur.ids = append(cur.ids, f[1])
		case f[0] == "agree" || f[0] == "conflict" || f[0] == "unique":
			rs, err := refs()
			if err != nil {
				return nil, err
			}
			switch f[0] {
			case "agree":
				cur.agree = append(cur.agree, rs)
			case "conflict":
				cur.conflict = append(cur.conflict, rs)
			default:
				cur.unique = append(cur.unique, rs...)
			}
		default:
			return nil, fmt.Errorf("%s:%d: cannot read %q", path, line, s)
		}
	}
	return out, sc.Err()
}

// keyForm is the form keys are matched in: search-normalized words and
// numbers separated by single spaces, punctuation dropped.
func keyForm(s string) string {
	var b strings.Builder
	for _, t := range tokenize.Tokens(s) {
		if t.Kind == tokenize.Punct {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(normalize.Search(t.Text))
	}
	return b.String()
}

// resolve finds the sentence of a that contains key.
func resolve(a *marsad.Article, key string) (int, error) {
	k := keyForm(key)
	found := -1
	for i, s := range a.Sentences {
		if strings.Contains(keyForm(a.Text[s.Start:s.End]), k) {
			if found >= 0 {
				return -1, fmt.Errorf("%s: key %q is in sentences %d and %d", a.ID, key, found, i)
			}
			found = i
		}
	}
	if found < 0 {
		return -1, fmt.Errorf("%s: key %q is in no sentence", a.ID, key)
	}
	return found, nil
}

// TestMakeKeys turns an index-form annotation (sentence numbers, written
// while reading TestDump's output) into the key form stored in testdata,
// when MARSAD_KEYS names the index file. Keys are the fewest words (at
// least four) that pick out one sentence.
func TestMakeKeys(t *testing.T) {
	path := os.Getenv("MARSAD_KEYS")
	if path == "" {
		t.Skip("set MARSAD_KEYS=index-file to write key-form annotation to stdout")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var arts []*marsad.Article
	refRE := regexp.MustCompile(`^([A-Z])(\d+)$`)
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			b.WriteString(line + "\n")
			continue
		}
		if f[0] == "story" {
			arts = newsArticles(t, f[3:])
			fmt.Fprintf(&b, "story %s %s\n", f[1], f[2])
			for i, id := range f[3:] {
				fmt.Fprintf(&b, "%c %s\n", 'A'+i, id)
			}
			continue
		}
		b.WriteString(f[0])
		for _, r := range f[1:] {
			m := refRE.FindStringSubmatch(r)
			if m == nil {
				t.Fatalf("bad ref %q", r)
			}
			ai := int(m[1][0] - 'A')
			si, _ := strconv.Atoi(m[2])
			key, err := uniqueKey(arts[ai], si)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %c«%s»", 'A'+ai, key)
		}
		b.WriteString("\n")
	}
	fmt.Print(b.String())
}

func uniqueKey(a *marsad.Article, si int) (string, error) {
	if si >= len(a.Sentences) {
		return "", fmt.Errorf("%s: no sentence %d", a.ID, si)
	}
	s := a.Sentences[si]
	words := strings.Fields(keyForm(a.Text[s.Start:s.End]))
	for start := 0; start < len(words); start++ {
		for n := 4; n <= 10 && start+n <= len(words); n++ {
			k := strings.Join(words[start:start+n], " ")
			if i, err := resolve(a, k); err == nil && i == si {
				return k, nil
			}
		}
	}
	if len(words) > 0 && len(words) < 4 {
		return strings.Join(words, " "), nil
	}
	return "", fmt.Errorf("%s: no unique key for sentence %d", a.ID, si)
}
