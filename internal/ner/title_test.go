package ner

import "testing"

func TestIsTitle(t *testing.T) {
	for w, want := range map[string]bool{
		"الدكتور": true, "والدكتور": true, "للامير": true, "بالمهندس": true, "فالشيخ": true, "معالي": true,
		"دكتور": false, "الشيخه": true, "السديس": false, "الامارات": false, "الرئيسي": false, "لل": false, "": false,
	} {
		if got := isTitle(w); got != want {
			t.Errorf("isTitle(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestNoNameStartsWithTitle checks the decoding rule on the shipped model:
// on a title word (الدكتور، النقيب …) no person's name begins, whatever the
// sentence, in both Tag and TagDocument.
func TestNoNameStartsWithTitle(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		{"وقال", "الدكتور", "السديس", "ان", "الحرم", "جاهز"},
		{"اوضح", "النقيب", "عمر", "الاكلبي", "ان", "بلاغا", "ورد"},
		{"استقبل", "الامير", "فيصل", "بن", "خالد", "امير", "منطقه", "عسير"},
		{"الدكتور", "عبدالله", "الربيعه"},
	}
	check := func(how string, s []string, tags []string) {
		for i, tag := range tags {
			if tag == "B-PERS" && isTitle(s[i]) {
				t.Errorf("%s: %q starts a person's name in %q", how, s[i], s)
			}
		}
	}
	for _, s := range sents {
		check("Tag", s, tg.Tag(s))
	}
	for i, tags := range tg.TagDocument(sents) {
		check("TagDocument", sents[i], tags)
	}
}
