package clean

import (
	"strings"
	"testing"

	"marsad/internal/dataset"
)

func TestHeadingRecovered(t *testing.T) {
	// A subheading run into the text, as scrapers leave it (the pattern of
	// the project's first sample article; these sentences are written for
	// the test).
	tests := []struct{ in, heading string }{
		{"انتهى الاجتماع مساء الأحد. خلافات قائمة ومواقف متباعدة الوزير أكد أن المفاوضات ستستمر الأسبوع المقبل في جنيف.", "خلافات قائمة ومواقف متباعدة"},
		{"وصل الوفد إلى الدوحة. جولة جديدة من المحادثات في ختام اليوم الأول، أعلن الوسطاء أن الأجواء كانت إيجابية.", "جولة جديدة من المحادثات"},
	}
	for _, tt := range tests {
		r := Text(tt.in)
		found := false
		for _, p := range r.Paragraphs {
			if r.Text[p.Start:p.End] == tt.heading {
				found = true
			}
		}
		if !found {
			t.Errorf("heading %q not recovered from %q; paragraphs %q", tt.heading, tt.in, strings.Split(r.Text, "\n\n"))
		}
	}
	// Ordinary sentences are left alone.
	for _, in := range []string{
		"اجتمع الوزراء في الرياض. الاجتماع الذي استمر ساعتين بحث أمن الملاحة في البحر الأحمر.",
		"قال الوزير إن المحادثات مثمرة. وأضاف أن الجانبين اتفقا على معظم النقاط.",
		"وصل الرئيس. زيارة الرئيس إلى القاهرة في ختام جولته، بحسب مصادر، تستمر يومين.",
	} {
		if r := Text(in); len(r.Paragraphs) != 1 {
			t.Errorf("false heading split in %q: %q", in, strings.Split(r.Text, "\n\n"))
		}
	}
}

// TestHeadingFalseSplitRate measures how often a heading is "recovered" in
// real news text that has its paragraphs (SaudiNewsNet articles keep their
// line breaks, so almost every split found inside their paragraphs is a
// false one), and gates the rate.
func TestHeadingFalseSplitRate(t *testing.T) {
	arts, err := dataset.SaudiNewsNet(3000)
	if err != nil {
		t.Fatal(err)
	}
	splits, sentences := 0, 0
	var examples []string
	for _, a := range arts {
		r := Text(a.Content)
		for _, p := range r.Paragraphs {
			para := r.Text[p.Start:p.End]
			sentences += strings.Count(para, ". ") + 1
		}
		// Count paragraphs made by heading recovery: run detection on the
		// assembled text without it.
		out, paras := assemble(string(normalizeRunes(a.Content).buf))
		for _, p := range paras {
			for _, at := range headingSplits(string(out.buf[p.Start:p.End])) {
				splits++
				if len(examples) < 40 {
					s := string(out.buf[p.Start:p.End])
					lo := strings.LastIndex(s[:at], ". ")
					if lo < 0 {
						lo = 0
					}
					examples = append(examples, s[lo:at]+" ‖ "+s[at:min(len(s), at+50)])
				}
			}
		}
	}
	rate := float64(splits) / float64(sentences)
	t.Logf("heading recovery on %d SaudiNewsNet articles: %d splits in ~%d sentences (%.4f%%)", len(arts), splits, sentences, 100*rate)
	for _, e := range examples {
		t.Logf("  split: …%s…", e)
	}
	if rate > 0.001 {
		t.Errorf("heading recovery splits %.3f%% of sentences of clean text; want ≤ 0.1%%", 100*rate)
	}
}
