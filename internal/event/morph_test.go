package event

import (
	"slices"
	"testing"
)

// TestDerive checks the generated forms of each root class against the
// dictionary forms (search form: no shadda, ى→ي, ة→ه, أ→ا).
func TestDerive(t *testing.T) {
	for _, c := range []struct {
		root   string
		form   int
		masdar string
		perf   string
		impf   string
		noun   string
		part   string
	}{
		{"هجم", 3, "", "هاجم", "يهاجم", "مهاجمه", "مهاجم"},
		{"وفق", 8, "", "اتفق", "يتفق", "اتفاق", "متفق"},
		{"لقي", 8, "", "التقي", "يلتقي", "التقاء", "ملتقي"},
		{"ضيف", 10, "", "استضاف", "يستضيف", "استضافه", "مستضيف"},
		{"حلل", 8, "", "احتل", "يحتل", "احتلال", "محتل"},
		{"دين", 4, "", "ادان", "يدين", "ادانه", "مدين"},
		{"دعو", 10, "", "استدعي", "يستدعي", "استدعاء", "مستدعي"},
		{"ثمن", 2, "", "ثمن", "يثمن", "تثمين", "مثمن"},
		{"ايد", 2, "", "ايد", "يؤيد", "تاييد", "مايد"},
		{"غول", 8, "", "اغتال", "يغتال", "اغتيال", "مغتال"},
		{"دعو", 1, "دعوة", "دعا", "يدعو", "دعوه", "داعي"},
		{"زور", 1, "زيارة", "زار", "يزور", "زياره", ""},
		{"طرد", 1, "طرد", "طرد", "يطرد", "طرد", "طارد"},
		{"صدم", 8, "", "اصطدم", "يصطدم", "اصطدام", "مصطدم"},
	} {
		v, err := derive(c.root, c.form, c.masdar)
		if err != nil {
			t.Fatalf("%s %d: %v", c.root, c.form, err)
		}
		if v.perfect != c.perf || v.imperfect != c.impf || !slices.Contains(v.masdars, c.noun) || v.participle != c.part {
			t.Errorf("%s form %d: got %s %s %v %s, want %s %s %s %s", c.root, c.form, v.perfect, v.imperfect, v.masdars, v.participle, c.perf, c.impf, c.noun, c.part)
		}
	}
	if _, err := derive("قتل", 1, ""); err == nil {
		t.Error("form I without its verbal noun: want an error")
	}
	if _, err := derive("قت", 2, ""); err == nil {
		t.Error("two-letter root: want an error")
	}
}
