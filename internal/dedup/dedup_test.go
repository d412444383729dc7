package dedup

import (
	"strings"
	"testing"
)

// A wire story (SPA style) and an outlet's re-run of it with a new dateline,
// one sentence dropped and diacritics added.
const wire = `وصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم إلى المملكة المغربية في إجازة خاصة. وكان في استقبال خادم الحرمين الشريفين لدى وصوله إلى مطار طنجة الدولي عدد من المسؤولين في المملكة المغربية. وقد غادر خادم الحرمين الشريفين الرياض بعد ظهر اليوم متوجهاً إلى المملكة المغربية في إجازة خاصة. ويرافق خادم الحرمين الشريفين وفد رسمي.`

const rerun = `طنجة – واس: وصل خادمُ الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم إلى المملكة المغربية في إجازة خاصة. وكان في استقبال خادم الحرمين الشريفين لدى وصوله إلى مطار طنجة الدولي عدد من المسؤولين في المملكة المغربية. وقد غادر خادم الحرمين الشريفين الرياض بعد ظهر اليوم متوجهاً إلى المملكة المغربية في إجازة خاصة.`

// Another outlet's own report of the same event: same story, not a copy.
const own = `حط الملك سلمان رحاله في مدينة طنجة المغربية مساء الأحد لقضاء إجازته الصيفية، حيث استقبله مسؤولون مغاربة في المطار، ويتوقع أن تستمر الزيارة عدة أسابيع يلتقي خلالها العاهل المغربي.`

func TestSimilarity(t *testing.T) {
	a, b, c := Of(wire), Of(rerun), Of(own)
	if s := Similarity(a, b); s < DefaultThreshold {
		t.Errorf("re-run similarity %.2f < %.2f", s, DefaultThreshold)
	}
	if s := Similarity(a, c); s > 0.2 {
		t.Errorf("own report similarity %.2f, want low", s)
	}
	if Similarity(a, a) != 1 {
		t.Error("self similarity not 1")
	}
	if !Of("خبر قصير").Empty() || Similarity(Of(""), Of("")) != 0 {
		t.Error("short texts must not match")
	}
}

func TestIndex(t *testing.T) {
	ix := NewIndex(DefaultThreshold)
	ix.Add("wire", Of(wire))
	ix.Add("own", Of(own))
	ix.Add("short", Of("خبر"))
	if ix.Len() != 2 {
		t.Errorf("Len = %d, want 2 (short text not indexed)", ix.Len())
	}
	if id, sim, ok := ix.Find(Of(rerun)); !ok || id != "wire" {
		t.Errorf("Find(rerun) = %q %.2f %v", id, sim, ok)
	}
	unrelated := strings.Repeat("أعلنت وزارة الصحة عن افتتاح مستشفى جديد في منطقة جازان بسعة مئتي سرير ", 2)
	if id, _, ok := ix.Find(Of(unrelated)); ok {
		t.Errorf("unrelated text matched %q", id)
	}
}

func TestBytes(t *testing.T) {
	s := Of(wire)
	got, err := FromBytes(s.Bytes())
	if err != nil || got != s {
		t.Errorf("round trip failed: %v", err)
	}
	if _, err := FromBytes([]byte{1, 2}); err == nil {
		t.Error("short bytes decoded")
	}
}

func FuzzOf(f *testing.F) {
	f.Add(wire)
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		a := Of(s)
		if !a.Empty() && Similarity(a, a) != 1 {
			t.Error("self similarity not 1")
		}
	})
}

func BenchmarkOf(b *testing.B) {
	text := strings.Repeat(wire+" ", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Of(text)
	}
}
