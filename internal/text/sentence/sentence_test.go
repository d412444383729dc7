package sentence

import (
	"strings"
	"testing"
)

func split(s string) []string {
	var out []string
	for _, sp := range Split(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"اجتمع الرئيسان في ألاسكا. واستمر اللقاء ثلاث ساعات.",
			[]string{"اجتمع الرئيسان في ألاسكا.", "واستمر اللقاء ثلاث ساعات."}},
		{"هل تنتهي الحرب؟ لا أحد يعرف!", []string{"هل تنتهي الحرب؟", "لا أحد يعرف!"}},
		// Commas and semicolons do not end a sentence.
		{"قال إنه سيعود، وأضاف أنه متفائل؛ ثم غادر.", []string{"قال إنه سيعود، وأضاف أنه متفائل؛ ثم غادر."}},
		// A quotation over several sentences stays with its cue.
		{"وقال ترامب للصحفيين: “اتفقنا بشأن الكثير. هناك نقاط باقية.” وأشار إلى أنه سيعود.",
			[]string{"وقال ترامب للصحفيين: “اتفقنا بشأن الكثير. هناك نقاط باقية.”", "وأشار إلى أنه سيعود."}},
		// Mismatched pair: ” opening and closing.
		{"واصفاً إياها بأنها ”بناءة. جداً” بحسب المصدر. ثم انتهى.",
			[]string{"واصفاً إياها بأنها ”بناءة. جداً” بحسب المصدر.", "ثم انتهى."}},
		// Abbreviations and decimals.
		{"قال د. محمد إن النمو بلغ 3.5 في المئة.", []string{"قال د. محمد إن النمو بلغ 3.5 في المئة."}},
		// Paragraph breaks end sentences and bound an unbalanced quote.
		{"قال: «لن نتراجع\nوفي موضوع آخر. انتهى.", []string{"قال: «لن نتراجع", "وفي موضوع آخر.", "انتهى."}},
		{"   ", nil},
	}
	for _, tt := range tests {
		got := split(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", "أ. ب.", "“..”.", "\xff.\n. ", "قال: «نعم. لا.» ثم."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, s)
			}
			prev = sp.End
		}
	})
}
