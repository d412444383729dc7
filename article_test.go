package marsad

import "testing"

func TestCheckSpans(t *testing.T) {
	text := "قال بوتين إن القمة مثمرة."
	ok := &Article{ID: "a", Text: text,
		Sentences: []Span{{0, len(text)}},
		Entities:  []Entity{{Mentions: []Mention{{Start: 7, End: 17, Text: "بوتين"}}}},
	}
	if err := ok.CheckSpans(); err != nil {
		t.Fatalf("good article: %v", err)
	}
	bad := []*Article{
		{ID: "b", Text: text, Entities: []Entity{{Mentions: []Mention{{Start: 7, End: 17, Text: "ترامب"}}}}},
		{ID: "c", Text: text, Quotes: []Quote{{Start: 10, End: 999, Text: "x"}}},
		{ID: "d", Text: text, Sentences: []Span{{5, 5}}},
		{ID: "e", Text: text, Events: []Event{{Start: -1, End: 3}}},
	}
	for _, a := range bad {
		if err := a.CheckSpans(); err == nil {
			t.Errorf("article %s: no error", a.ID)
		}
	}
}
