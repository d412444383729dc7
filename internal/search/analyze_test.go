package search

import (
	"slices"
	"testing"
)

func TestQueryTermsMatchVariants(t *testing.T) {
	an, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	// Each group: the words a reader would call "the same word"; the
	// first is the query, the others are words in documents. The query's
	// term must be among each document word's index terms.
	groups := [][]string{
		{"بوتين", "لبوتين", "وبوتين", "فبوتين", "بوتن"},
		{"الأمريكي", "الأميركي", "والأمريكي", "للأميركي", "أمريكي"},
		{"أوكرانيا", "اوكرانيا", "وأوكرانيا", "لأوكرانيا", "بأوكرانيا"},
		{"إسرائيل", "اسرائيل", "لإسرائيل", "آسرائيل"},
		{"مستشفى", "مستشفي", "المستشفى", "بالمستشفى"},
		{"القمة", "القمه", "للقمة", "بالقمة", "القِمَّة", "القمــة"},
		{"٢٠١٥", "2015", "۲۰۱۵"},
		{"ترامب", "ترمب", "لترامب"},
		{"مسؤول", "مسئول", "المسؤول", "والمسئولين"},
		{"اجتماع", "الاجتماع", "اجتماعه", "باجتماعهم"},
		{"سوريا", "سورية", "لسوريا"},
		{"Putin", "putin", "PUTIN"},
	}
	for _, g := range groups {
		q := an.QueryTerms(g[0])
		if len(q) != 1 {
			t.Errorf("QueryTerms(%q) = %q, want one term", g[0], q)
			continue
		}
		for _, w := range g[1:] {
			ts := an.Analyze(w)
			if len(ts) != 1 {
				t.Errorf("Analyze(%q) = %+v, want one term", w, ts)
				continue
			}
			if ts[0].Text != q[0] && !slices.Contains(ts[0].Alt, q[0]) {
				t.Errorf("%q indexes as %q %q; query %q searches %q", w, ts[0].Text, ts[0].Alt, g[0], q[0])
			}
		}
	}
}

func TestAnalyzeKeepsOffsetsAndDropsStopWords(t *testing.T) {
	an, _ := NewAnalyzer()
	text := "قال الرئيسُ الروسي لبوتين في موسكو ١٥ آب"
	ts := an.Analyze(text)
	for _, tm := range ts {
		if tm.Start < 0 || tm.End > len(text) || tm.Start >= tm.End {
			t.Fatalf("bad span %+v", tm)
		}
		if tm.Text == "في" {
			t.Errorf("stop word في indexed")
		}
	}
	var got []string
	for _, tm := range ts {
		got = append(got, tm.Text+"="+text[tm.Start:tm.End])
	}
	want := []string{"قال=قال", "رئيس=الرئيسُ", "روسي=الروسي", "بوتين=لبوتين", "موسكو=موسكو", "15=١٥", "اب=آب"}
	if !slices.Equal(got, want) {
		t.Errorf("Analyze = %q\nwant      %q", got, want)
	}
}

// Words that look like clitic + stem but are whole words must keep
// their own term as the primary one: بوتين is not ب+وتين, لبنان is
// not ل+بنان.
func TestNamesNotOverSegmented(t *testing.T) {
	an, _ := NewAnalyzer()
	for _, w := range []string{"بوتين", "لبنان", "بريطانيا", "فرنسا", "كوريا", "ولاية"} {
		q := an.QueryTerms(w)
		if len(q) != 1 || q[0] == "" {
			t.Fatalf("QueryTerms(%q) = %q", w, q)
		}
		ts := an.Analyze(w)
		if ts[0].Text != q[0] {
			t.Errorf("%q: index term %q, query term %q", w, ts[0].Text, q[0])
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	an, _ := NewAnalyzer()
	for _, s := range []string{"لبوتين", "قال الرئيس: «نعم»", "١٥٫٥ مليون", "\xff\xfe", "وبالتالي"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tm := range an.Analyze(s) {
			if tm.Start < 0 || tm.End > len(s) || tm.Start > tm.End {
				t.Fatalf("term %+v outside %q", tm, s)
			}
		}
		an.QueryTerms(s)
	})
}
