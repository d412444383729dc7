package ner

import (
	"strings"
	"testing"
)

// TestStandOffCounts rebuilds each stand-off file from SaudiNewsNet and
// checks the sizes the READMEs document (the rebuilt sentences were checked
// equal to the former CoNLL files when they were converted).
func TestStandOffCounts(t *testing.T) {
	for _, c := range []struct {
		file                      string
		sents, toks               int
		pers, loc, org, misc, all int
	}{
		{"data/snn-train.tsv", 662, 16652, 306, 420, 343, 135, 1204},
		{"testdata/blind-snn.tsv", 23, 658, 18, 12, 26, 4, 60},
		{"testdata/blind-snn2.tsv", 90, 2238, 26, 33, 65, 39, 163},
		{"testdata/blind-snn3.tsv", 70, 1709, 14, 58, 33, 13, 118},
		{"testdata/blind-snn4.tsv", 111, 2027, 33, 21, 42, 8, 104},
		{"data/snn-train2.tsv", 1069, 26878, 440, 513, 653, 233, 1839},
	} {
		s, err := ReadGoldFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		toks, names, all := 0, map[string]int{}, 0
		for _, x := range s {
			toks += len(x.Tokens)
			for _, ch := range Chunks(x.Tags) {
				names[ch.Type]++
				all++
			}
		}
		if len(s) != c.sents || toks != c.toks || all != c.all || names["PERS"] != c.pers || names["LOC"] != c.loc || names["ORG"] != c.org || names["MISC"] != c.misc {
			t.Errorf("%s: %d sentences, %d tokens, %d names %v; the README says %d, %d, %d (PERS %d, LOC %d, ORG %d, MISC %d)",
				c.file, len(s), toks, all, names, c.sents, c.toks, c.all, c.pers, c.loc, c.org, c.misc)
		}
	}
}

// TestReadStandOffErrors checks that a stand-off file that does not fit
// the corpus fails with the article named.
func TestReadStandOffErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{StandOffMagic + "\nsnn-2015-08-09-0869\t0\nsnn-2015-08-09-0869\t0\t0\t999\tORG\n", "snn-2015-08-09-0869 sentence 0 has"},
		{StandOffMagic + "\nsnn-2015-08-09-0869\t999\n", "snn-2015-08-09-0869 has"},
		{StandOffMagic + "\nsnn-1999-01-01-0000\t0\n", "snn-1999-01-01-0000 is not in SaudiNewsNet"},
		{StandOffMagic + "\nsnn-2015-08-09-0869\t0\nsnn-2015-08-09-0869\t1\t0\t0\tORG\n", "does not follow"},
		{StandOffMagic + "\nsnn-2015-08-09-0869\t0\nsnn-2015-08-09-0869\t0\t2\t1\tORG\n", "bad token range"},
		{"snn-2015-08-09-0869\t0\n", "line 1"},
	} {
		_, err := ReadStandOff(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadStandOff(%q) = %v, want an error with %q", c.in, err, c.want)
		}
	}
}

// FuzzParseStandOff checks that no stand-off file makes the parser panic
// and that every name it accepts is a well-formed token range.
func FuzzParseStandOff(f *testing.F) {
	f.Add(StandOffMagic + "\nsnn-2015-08-09-0869\t0\nsnn-2015-08-09-0869\t0\t1\t2\tORG\n")
	f.Add(StandOffMagic + "\n# comment\n\nx\t3\tbad\n")
	f.Fuzz(func(t *testing.T, in string) {
		refs, err := parseStandOff(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, r := range refs {
			for _, s := range r.names {
				if s.Start < 0 || s.End <= s.Start || s.Type == "" {
					t.Errorf("accepted name %+v", s)
				}
			}
		}
	})
}
