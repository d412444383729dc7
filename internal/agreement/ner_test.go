package agreement

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"marsad/internal/ner"
	"marsad/internal/quote"
)

// The NER files compared: A is the NER package's third blind set and
// ANERcorp's own tags; B the second annotator's blind annotation (testdata/).
const (
	nerA     = "../ner/testdata/blind-snn3.tsv"
	nerB     = "testdata/ner-snn3-B.tsv"
	nerA2    = "../ner/testdata/blind-snn2.tsv"
	nerB2    = "testdata/ner-snn2-B.tsv"
	anerB    = "testdata/anercorp-train-B.tsv"
	anerB2   = "testdata/anercorp-train-B2.tsv"
	anerSize = 3973 // sentences of ANERCorp_CamelLab_train.txt (its SOURCE.md)
)

func logNER(t *testing.T, name string, r NERResult) {
	t.Helper()
	t.Logf("%s: %d sentences", name, r.Sentences)
	t.Logf("names (span and type)   %v", r.All)
	for _, ty := range NERTypes {
		t.Logf("  %-5s                 %v", ty, r.ByType[ty])
	}
	t.Logf("names (span, any type)  %v", r.Span)
	t.Logf("disagreements by kind: %s", r.KindsString())
}

// snn3Known are token sequences whose treatment the third blind set's
// README section stated (as A's judgment calls on that very set) before B
// annotated: names of A or B overlapping them are not blind.
var snn3Known = []string{
	"عيسي بن علي", "عراد", "الجسره", "الخميس", "المتحف الوطني", "الحرمين الشريفين",
	"مملكه البحرين", "المملكه", "عسير", "جازان", "موسكو", "داعش", "قوات الطوارئ",
	"الدفاع المدني", "عين اليوم", "واس", "ايرنا", "انترفاكس", "ريا نوفوستي", "سيسنا",
	"روبنسون ار44", "ريال",
}

// withoutSeqs returns copies of a and b without the names that overlap an
// occurrence of one of seqs (whole tokens), and how many names of B it
// dropped.
func withoutSeqs(a, b []ner.Sentence, seqs []string) (fa, fb []ner.Sentence, dropped int) {
	for i := range a {
		mark := make([]bool, len(a[i].Tokens))
		for _, s := range seqs {
			w := strings.Fields(s)
			for k := 0; k+len(w) <= len(mark); k++ {
				if strings.Join(a[i].Tokens[k:k+len(w)], " ") == s {
					for x := k; x < k+len(w); x++ {
						mark[x] = true
					}
				}
			}
		}
		strip := func(s ner.Sentence) (ner.Sentence, int) {
			tags := append([]string(nil), s.Tags...)
			n := 0
			for _, c := range ner.Chunks(s.Tags) {
				hit := false
				for x := c.Start; x < c.End; x++ {
					hit = hit || mark[x]
				}
				if hit {
					n++
					for x := c.Start; x < c.End; x++ {
						tags[x] = "O"
					}
				}
			}
			return ner.Sentence{Tokens: s.Tokens, Tags: tags}, n
		}
		sa, _ := strip(a[i])
		sb, n := strip(b[i])
		fa, fb, dropped = append(fa, sa), append(fb, sb), dropped+n
	}
	return fa, fb, dropped
}

// readSNN reads A's and B's annotations of one blind set and checks that B's
// printer split the articles as ReadStandOff does; labels name the
// sentences (article/index).
func readSNN(t *testing.T, pathA, pathB string, ids []string) (a, b []ner.Sentence, labels []string) {
	t.Helper()
	a, err := ner.ReadGoldFile(pathA)
	if err != nil {
		t.Fatal(err)
	}
	b, err = ner.ReadGoldFile(pathB)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	raws, err := quote.ReadSaudiNewsNet(want)
	if err != nil {
		t.Fatalf("saudinewsnet: %v", err)
	}
	k := 0
	for _, id := range ids {
		for j, s := range newsSentenceTokens(raws[id].Title, raws[id].Content) {
			if k >= len(b) || strings.Join(s, " ") != strings.Join(b[k].Tokens, " ") {
				t.Fatalf("%s sentence %d: the printed tokens differ from ReadStandOff's", id, j)
			}
			labels = append(labels, fmt.Sprintf("%s/%d", id, j))
			k++
		}
	}
	if k != len(b) {
		t.Fatalf("%s has %d sentences, its %d articles %d", pathB, len(b), len(ids), k)
	}
	return a, b, labels
}

func TestNERAgreement(t *testing.T) {
	a, b, labels := readSNN(t, nerA, nerB, snn3IDs)
	lab := func(i int) string { return labels[i] }
	r, err := CompareNER(a, b, lab)
	if err != nil {
		t.Fatal(err)
	}
	logNER(t, "NER blind-snn3", r)
	floor(t, "ner snn3 F1", r.All.F1(), 0.93)
	floor(t, "ner snn3 span F1", r.Span.F1(), 0.93)
	floor(t, "ner snn3 ORG F1", r.ByType["ORG"].F1(), 0.90)
	logList(t, r.Disagreements)

	ka, kb, dropped := withoutSeqs(a, b, snn3Known)
	rk, err := CompareNER(ka, kb, lab)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("without the %d B names README-fixed for blind-snn3: %v", dropped, rk.All)
	for _, ty := range NERTypes {
		t.Logf("  %-5s                 %v", ty, rk.ByType[ty])
	}
	floor(t, "ner snn3 F1, not README-fixed", rk.All.F1(), 0.91)
	na, nb, dropped := withoutSeqs(a, b, []string{"الله"})
	rn, err := CompareNER(na, nb, lab)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("without الله (%d B names, MISC by ANERcorp's practice): %v", dropped, rn.All)
}

// snn2Known are token sequences whose treatment the second blind set's
// README section stated before B annotated (see snn3Known).
var snn2Known = []string{
	"السوبر", "والسوبر", "ابطال اسيا", "وابطال اسيا", "احالتي", "دوره تطوير اداء", "بي - 29", "اينولا غاي",
	"الحرب العالميه الثانيه", "عين اليوم", "واس", "ارقام", "لادبي ابها", "البلديات", "سوق عكاظ",
	"العالميه", "والعالميه", "هلله", "المملكه", "الحرمين", "حديقه السلام التذكاريه",
	"الامبراطوريه اليابانيه", "بيت الله", "مطار الملك عبدالعزيز", "بمطار الملك عبدالعزيز",
	"ين", "الين", "دولار", "الدولار", "ريال", "الدوري", "اللغه العربيه", "تي ان تي",
	"ووفاء للتامين", "موبايلي", "وموبايلي", "سابك", "وسابك",
}

func TestNERAgreementSNN2(t *testing.T) {
	a, b, labels := readSNN(t, nerA2, nerB2, snn2IDs)
	lab := func(i int) string { return labels[i] }
	r, err := CompareNER(a, b, lab)
	if err != nil {
		t.Fatal(err)
	}
	logNER(t, "NER blind-snn2", r)
	floor(t, "ner snn2 F1", r.All.F1(), 0.97)
	floor(t, "ner snn2 ORG F1", r.ByType["ORG"].F1(), 0.97)
	logList(t, r.Disagreements)
	ka, kb, dropped := withoutSeqs(a, b, snn2Known)
	rk, err := CompareNER(ka, kb, lab)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("without the %d B names README-fixed for blind-snn2: %v", dropped, rk.All)
	for _, ty := range NERTypes {
		t.Logf("  %-5s                 %v", ty, rk.ByType[ty])
	}
	floor(t, "ner snn2 F1, not README-fixed", rk.All.F1(), 0.96)
}

// readAnerB reads B's ANERcorp annotation: sentence indices, each followed
// by its names (testdata/anercorp-train-B.tsv's header).
func readAnerB(path string) (idx []int, names map[int][]ner.Span, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	names = map[int][]ner.Span{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		fs := strings.Split(s, "\t")
		n := make([]int, 0, 3)
		for _, x := range fs[:min(len(fs), 3)] {
			v, err := strconv.Atoi(x)
			if err != nil {
				return nil, nil, fmt.Errorf("%s:%d: %q is not a number", path, line, x)
			}
			n = append(n, v)
		}
		switch {
		case len(fs) == 1:
			idx = append(idx, n[0])
		case len(fs) == 4 && len(idx) > 0 && idx[len(idx)-1] == n[0] && n[1] <= n[2]:
			names[n[0]] = append(names[n[0]], ner.Span{Start: n[1], End: n[2] + 1, Type: fs[3]})
		default:
			return nil, nil, fmt.Errorf("%s:%d: want INDEX or INDEX FIRST LAST TYPE after its INDEX", path, line)
		}
	}
	return idx, names, sc.Err()
}

// anerBatch builds A (ANERcorp's tags) and B for one of B's batches.
func anerBatch(t *testing.T, all []ner.Sentence, path string, want []int) (a, b []ner.Sentence, labels []string) {
	t.Helper()
	idx, names, err := readAnerB(path)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(idx) != fmt.Sprint(want) {
		t.Fatalf("%s: B's sentences %v, the seeded sample %v", path, idx, want)
	}
	for _, i := range idx {
		s := all[i]
		tags := make([]string, len(s.Tokens))
		for k := range tags {
			tags[k] = "O"
		}
		for _, c := range names[i] {
			if c.End > len(tags) {
				t.Fatalf("%s: sentence %d: name past its %d tokens", path, i, len(tags))
			}
			for k := c.Start; k < c.End; k++ {
				tags[k] = "I-" + c.Type
			}
			tags[c.Start] = "B-" + c.Type
		}
		a = append(a, s)
		b = append(b, ner.Sentence{Tokens: s.Tokens, Tags: tags})
		labels = append(labels, "anercorp/"+strconv.Itoa(i))
	}
	return a, b, labels
}

func TestANERcorpAgreement(t *testing.T) {
	train, dev, err := ner.ANERcorp()
	if err != nil {
		t.Fatal(err)
	}
	all := append(train, dev...)
	if len(all) != anerSize {
		t.Fatalf("ANERcorp training file: %d sentences, want %d", len(all), anerSize)
	}
	first, second := anerSampleIndices(len(all))
	a1, b1, l1 := anerBatch(t, all, anerB, first)
	a2, b2, l2 := anerBatch(t, all, anerB2, second)
	labels := append(l1, l2...)
	lab := func(i int) string { return labels[i] }
	r1, err := CompareNER(a1, b1, lab)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := CompareNER(a2, b2, func(i int) string { return l2[i] })
	if err != nil {
		t.Fatal(err)
	}
	r, err := CompareNER(append(a1, a2...), append(b1, b2...), lab)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first batch: %v; second batch: %v", r1.All, r2.All)
	logNER(t, "NER ANERcorp train sample, both batches", r)
	floor(t, "ner anercorp F1, first batch", r1.All.F1(), 0.84)
	floor(t, "ner anercorp F1", r.All.F1(), 0.82)
	floor(t, "ner anercorp span F1", r.Span.F1(), 0.83)
	logList(t, r.Disagreements)
}
