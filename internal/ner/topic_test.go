package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// Two kinds of synthetic article: the topic model must put them apart, and
// the miner must find the words after the heads.
func syntheticNews() [][]string {
	sport := strings.Fields("مباراه فريق الهلال لاعب هدف دوري مدرب ملعب كاس منتخب")
	econ := strings.Fields("اسهم سوق مؤشر شركه ارامكو نفط اسعار ريال مليار بنك")
	var docs [][]string
	for i := 0; i < 40; i++ {
		src := sport
		if i%2 == 1 {
			src = econ
		}
		var d []string
		for j := 0; j < 30; j++ {
			d = append(d, src[(i+j*3)%len(src)])
		}
		docs = append(docs, d)
	}
	return docs
}

func TestTopics(t *testing.T) {
	tc := DefaultTopicConfig()
	tc.K, tc.MinDF, tc.MaxDF = 2, 1, 1
	tp := BuildTopics(tc, syntheticNews())
	got := tp.sentenceTopics([][]string{
		strings.Fields("سجل لاعب الهلال هدفا في المباراه"),
		strings.Fields("ارتفع مؤشر سوق الاسهم"),
		strings.Fields("كلمات لا يعرفها"),
	}, 0)
	if got[0] == got[1] || got[0] < 0 || got[1] < 0 || got[2] != -1 {
		t.Errorf("topics %v, want two different topics and -1", got)
	}
	// A window takes the neighbours' words.
	if w := tp.sentenceTopics([][]string{strings.Fields("كلمات لا يعرفها"), strings.Fields("ارتفع مؤشر سوق الاسهم")}, 1); w[0] != w[1] {
		t.Errorf("window topics %v, want equal", w)
	}
}

func TestMineLexicon(t *testing.T) {
	docs := [][]string{}
	for i := 0; i < 5; i++ {
		docs = append(docs, strings.Fields("فاز نادي الفتح علي فريق الفتح . وقال الامير فيصل ان مدينه القطيف جميله ."))
	}
	// الرياض follows a head once in many uses: not a name of the head's type.
	docs = append(docs, strings.Fields("نادي الرياض في الرياض الرياض الرياض الرياض الرياض الرياض"))
	lex := MineLexicon(docs)
	// Keys are bare forms: فيصل is keyed as يصل, as every feature keys it.
	want := map[string]uint8{"فتح": bitORG, bare("فيصل"): bitPERS, "قطيف": bitLOC}
	for w, b := range want {
		if e, ok := lex[w]; !ok || e.typ != b || e.level != 2 {
			t.Errorf("lexicon[%s] = %+v, %v; want type %d level 2", w, e, ok, b)
		}
	}
	if _, ok := lex["رياض"]; ok {
		t.Error("common word mined as a name")
	}
	back, err := parseLexLines(lexLines(lex))
	if err != nil || !reflect.DeepEqual(back, lex) {
		t.Errorf("lexicon round trip: %v", err)
	}
	if _, err := parseLexLines([]string{"9 x"}); err == nil {
		t.Error("bad lexicon line accepted")
	}
}

// A model with topic and lexicon features saves and loads with them.
func TestTopicModelSaveLoad(t *testing.T) {
	tc := DefaultTopicConfig()
	tc.K, tc.MinDF, tc.MaxDF = 2, 1, 1
	docs := syntheticNews()
	cfg := DefaultConfig()
	cfg.Epochs, cfg.Seeds, cfg.DocStage = 2, 1, false
	cfg.Topics, cfg.TopicWindow = BuildTopics(tc, docs), 1
	cfg.Lexicon = map[string]lexEntry{"هلال": {typ: bitORG, level: 2}}
	train := []Sentence{
		{Tokens: strings.Fields("فاز الهلال في المباراه"), Tags: []string{"O", "B-ORG", "O", "O"}},
		{Tokens: strings.Fields("ارتفع مؤشر سوق الاسهم في الرياض"), Tags: []string{"O", "O", "O", "O", "O", "B-LOC"}},
	}
	m, err := Train(cfg, train)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf, ""); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if m2.topics == nil || m2.topics.K != 2 || len(m2.lex) != 1 || m2.topicWindow != 1 {
		t.Fatalf("loaded model lost its topic model or lexicon")
	}
	doc := [][]string{train[0].Tokens, train[1].Tokens}
	if a, b := m.TagDocument(doc), m2.TagDocument(doc); !reflect.DeepEqual(a, b) {
		t.Errorf("tags differ after Save/Load: %v, %v", a, b)
	}
}
