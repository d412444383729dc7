package pipeline

import (
	"context"
	"os"
	"sync"
	"testing"

	"marsad/internal/ingest"
)

var fuzzPipeline = sync.OnceValues(Default)

// FuzzAnalyze runs every stage over any text ingest accepts: no stage may
// panic, and every span the stages write must be a span of the text with
// the text it claims.
func FuzzAnalyze(f *testing.F) {
	for _, name := range []string{"../cli/sample/000_17630a854111e4cf.txt", "../cli/sample/004_b3057454c05addf2.txt"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b[:min(len(b), 1500)]))
		}
	}
	for _, s := range []string{
		"وقال \"", "«»", "قال الرئيس إن «", "أكد أن", "وأضاف: “نعم”، قال أمس.", "يوم الجمعة 15 أغسطس 2025 من 8 إلى 10 مساءً",
		"التقى الأمير محمد بن سلمان نظيره في الرياض أمس، وأكد أنه …", "بن بن بن بن", "ال ال ال", "وأكد محمد خليل العتيبي أن",
		"١٥/٣/١٤٣٦ هـ", "ثمانينيات القرن الماضي", "\"\"\"\"", "،،،،", "وقالت: \"", "أشار إلى أنه سيتشاور مع حلف \"الناتو\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p, err := fuzzPipeline()
		if err != nil {
			t.Fatal(err)
		}
		a, err := ingest.FromText([]byte(text), ingest.Options{Source: "fuzz", Published: "2015-08-05"})
		if err != nil {
			return // not an article: ingest says why
		}
		if err := p.Analyze(context.Background(), a); err != nil {
			t.Fatalf("analyze %q: %v", text, err)
		}
		if err := a.CheckSpans(); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if a.Paragraphs == nil || a.Sentences == nil || a.Entities == nil || a.Quotes == nil || a.Times == nil || a.Events == nil {
			t.Fatalf("%q: an annotation array is nil (JSON null, not [])", text)
		}
	})
}
