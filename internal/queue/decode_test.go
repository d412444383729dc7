package queue

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"marsad"
)

// FuzzDecode feeds arbitrary messages to both decoders: they return an
// article whose spans hold, or an error, and never panic.
func FuzzDecode(f *testing.F) {
	ok, _ := json.Marshal(article("a", "نص المقالة"))
	f.Add(ok)
	f.Add([]byte(`{"id":"x","text":"نص","paragraphs":[{"start":0,"end":99}]}`))
	f.Add([]byte(`{"id":"x","text":"\xff\xfe"}`))
	f.Add([]byte(`{"id":"x","text":"ab","entities":[{"mentions":[{"start":1,"end":0,"text":"a"}]}]}`))
	f.Add([]byte(`{"id":"","text":"x"}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, dec := range []func([]byte) (*marsad.Article, error){decodeRaw, decodeAnalysed} {
			a, err := dec(b)
			if err != nil {
				continue
			}
			if a.ID == "" {
				t.Fatal("article without id accepted")
			}
			if err := a.CheckSpans(); err != nil {
				t.Fatalf("accepted article with bad spans: %v", err)
			}
		}
	})
}

// A raw article's annotations from the producer are dropped: analysis
// makes them.
func TestDecodeRawDropsAnnotations(t *testing.T) {
	in := article("a", "قال الرئيس")
	in.Entities = []marsad.Entity{{ID: "x", Mentions: []marsad.Mention{{Start: 0, End: 3, Text: "قا"}}}}
	b, _ := json.Marshal(in)
	a, err := decodeRaw(b)
	if err != nil || len(a.Entities) != 0 {
		t.Fatalf("decodeRaw = %+v, %v", a, err)
	}
	if _, err := decodeAnalysed(b); err == nil {
		t.Error("an analysed article with a broken mention was accepted")
	}
}

type panicky struct{}

func (panicky) Analyze(context.Context, *marsad.Article) error { panic("index out of range") }

func TestAnalysePanic(t *testing.T) {
	err := analyse(context.Background(), panicky{}, article("a", "نص"))
	if err == nil || !strings.Contains(err.Error(), "index out of range") {
		t.Errorf("err = %v", err)
	}
}
