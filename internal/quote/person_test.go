package quote

import "testing"

func TestPersonName(t *testing.T) {
	q := New()
	for name, want := range map[string]bool{
		"أندريه بيلوسوف":      true,
		"خالد بن محمد اليوسف": true,
		"مسؤول في المطار":     false,
		"مصادر يمنية":         false,
		"المتحدث الأمني":      false,
		"وزير الدفاع":         false,
		"بحاح":                false, // one word: a family name the linker handles
		"تقرير إخباري":        false,
		"اللواء منصور التركي": false, // a title opens it: the linker's job
	} {
		if got := q.PersonName(name); got != want {
			t.Errorf("PersonName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestBodyName(t *testing.T) {
	q := New()
	for name, want := range map[string]bool{
		"جهاز الأمن الداخلي الإسرائيلي":          true,
		"وحدة التوثيق والدراسات في مؤسسة الضمير": true,
		"صحيفة «لو موند» المسائية":               true,
		"الجهاز":                       false, // a bare noun points back, it names nothing
		"مصادر مطلعة":                  false,
		"مسؤول في الوزارة":             false,
		"المتحدث باسم الوزارة":         false,
		"الوزير الفرنسي":               false,
		"مكتب الإحصاء الاتحادي قال إن": false,
	} {
		if got := q.BodyName(name); got != want {
			t.Errorf("BodyName(%q) = %v, want %v", name, got, want)
		}
	}
}
