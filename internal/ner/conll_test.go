package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	in := "فرانكفورت B-LOC\n(د O\n\nأعلن\tO\nاتحاد\tB-ORG\nبرند B-PER\nجوتشولك I-PER\nوالعلم B-MIS\n\n\nتوكن\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"فرانكفورت", "(د"}, Tags: []string{"B-LOC", "O"}},
		{Tokens: []string{"أعلن", "اتحاد", "برند", "جوتشولك", "والعلم"}, Tags: []string{"O", "B-ORG", "B-PERS", "I-PERS", "B-MISC"}},
		{Tokens: []string{"توكن"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, bad := range []string{"كلمة B-FOO\n", "كلمة X\n", "a O\nb\n", "\xff O\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadCoNLL(%q): no error", bad)
		}
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("فرانكفورت B-LOC\n(د O\n\nأعلن O\n")
	f.Add("a b c I-MIS\n\n\nx\n")
	f.Add("\xff\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) == 0 || (s.Tags != nil && len(s.Tags) != len(s.Tokens)) {
				t.Fatalf("bad sentence %q %q", s.Tokens, s.Tags)
			}
			for _, tag := range s.Tags {
				if _, err := NormalizeTag(tag); err != nil {
					t.Fatalf("tag %q not normalized", tag)
				}
			}
		}
	})
}
