package event

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"marsad"
	"marsad/internal/dataset"
	"marsad/internal/text/clean"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
)

// GoldSentence is one hand-coded sentence of testdata/events-gold.txt: the
// sentence of article ID that starts at byte Offset of its cleaned text
// (internal/text/clean, split by internal/text/sentence), and the events a
// careful coder finds in it (none for a sentence without an event).
type GoldSentence struct {
	Article string
	Offset  int
	Split   string // one of TuningSplits, or HeldOut (test8)
	Line    int
	Events  []GoldEvent
}

// GoldEvent is one hand-coded event. Participants are given as they are
// written in the sentence, with their entity type.
type GoldEvent struct {
	Type, Mode string
	Actors     []GoldEntity
	Targets    []GoldEntity
	Location   *GoldEntity
}

// GoldEntity is a participant as written in the sentence.
type GoldEntity struct {
	Type    string // PERS, ORG, LOC
	Surface string
}

// ParseGold reads the gold file format:
//
//	s ARTICLE-ID OFFSET dev|dev2|test|test3
//	ev TYPE MODE | actors | targets | location
//
// where actors and targets are ;-separated T:surface items (T is P, O or L
// for PERS, ORG, LOC) and any field may be empty.
func ParseGold(r io.Reader) ([]GoldSentence, error) {
	var out []GoldSentence
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(t, "s "):
			f := strings.Fields(t)
			if len(f) != 4 {
				return nil, fmt.Errorf("line %d: want s ID OFFSET SPLIT", line)
			}
			off, err := strconv.Atoi(f[2])
			if err != nil || off < 0 {
				return nil, fmt.Errorf("line %d: offset %q", line, f[2])
			}
			if !knownSplit[f[3]] {
				return nil, fmt.Errorf("line %d: split %q", line, f[3])
			}
			out = append(out, GoldSentence{Article: f[1], Offset: off, Split: f[3], Line: line})
		case strings.HasPrefix(t, "ev "):
			if len(out) == 0 {
				return nil, fmt.Errorf("line %d: event before any sentence", line)
			}
			parts := strings.Split(strings.TrimPrefix(t, "ev "), "|")
			if len(parts) != 4 {
				return nil, fmt.Errorf("line %d: want TYPE MODE | actors | targets | location", line)
			}
			head := strings.Fields(parts[0])
			if len(head) != 2 {
				return nil, fmt.Errorf("line %d: want TYPE MODE", line)
			}
			ev := GoldEvent{Type: head[0], Mode: head[1]}
			switch ev.Mode {
			case asserted, negated, planned, hypothetical:
			default:
				return nil, fmt.Errorf("line %d: mode %q", line, ev.Mode)
			}
			var err error
			if ev.Actors, err = parseEntities(parts[1]); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if ev.Targets, err = parseEntities(parts[2]); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			locs, err := parseEntities(parts[3])
			if err != nil || len(locs) > 1 {
				return nil, fmt.Errorf("line %d: location %q", line, parts[3])
			}
			if len(locs) == 1 {
				ev.Location = &locs[0]
			}
			if len(ev.Actors) == 0 {
				return nil, fmt.Errorf("line %d: an event needs an actor", line)
			}
			out[len(out)-1].Events = append(out[len(out)-1].Events, ev)
		default:
			return nil, fmt.Errorf("line %d: unknown line %q", line, t)
		}
	}
	return out, sc.Err()
}

// knownSplit lists the splits of the gold files: dev, dev2, test, train,
// test3 and test4 are tuning data (test3 and test4 were held out once, then
// seen); HeldOut is the blind one (testdata/README.md).
var knownSplit = map[string]bool{"dev": true, "dev2": true, "test": true, "test3": true, "train": true, "test4": true, "test5": true, "train2": true, "test6": true, "test7": true, HeldOut: true}

// TuningSplits are the splits tuned on, in the order they were annotated:
// test3 … test7 were held out once each, then tuned on;
// train and train2 were annotated as training data.
var TuningSplits = []string{"dev", "dev2", "test", "train", "test3", "test4", "test5", "train2", "test6", "test7"}

// HeldOut is the split annotated before the coder ran on it and measured
// once (testdata/README.md step 12): its errors are never printed and no
// tuning tool reads it.
const HeldOut = "test8"

func parseEntities(s string) ([]GoldEntity, error) {
	var out []GoldEntity
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		t, surf, ok := strings.Cut(item, ":")
		if !ok || surf == "" {
			return nil, fmt.Errorf("participant %q: want T:surface", item)
		}
		typ := map[string]string{"P": marsad.PERS, "O": marsad.ORG, "L": marsad.LOC}[t]
		if typ == "" {
			return nil, fmt.Errorf("participant %q: type %q", item, t)
		}
		out = append(out, GoldEntity{typ, surf})
	}
	return out, nil
}

// GoldPath locates testdata/events-gold.txt from the working directory of a
// test or of the marsad command run in the checkout.
func GoldPath() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		for _, p := range []string{"testdata/events-gold.txt", "internal/event/testdata/events-gold.txt"} {
			if _, err := os.Stat(filepath.Join(dir, p)); err == nil && (p != "testdata/events-gold.txt" || filepath.Base(dir) == "event") {
				return filepath.Join(dir, p), nil
			}
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("events-gold.txt not found above %s", wd)
		}
	}
}

// heldOutFiles are the gold files kept beside events-gold.txt: each
// held-out set in its own file, so that no tuning run read it before it
// was measured (testdata/README.md).
var heldOutFiles = []string{"events-test4.txt", "events-test5.txt", "events-test6.txt", "events-train2.txt", "events-test7.txt", "events-test8.txt"}

// ReadGold reads the gold file at path, or when path is "" the file at
// GoldPath and the held-out files beside it.
func ReadGold(path string) ([]GoldSentence, error) {
	if path == "" {
		p, err := GoldPath()
		if err != nil {
			return nil, err
		}
		gold, err := readGoldFile(p)
		if err != nil {
			return nil, err
		}
		for _, name := range heldOutFiles {
			more, err := readGoldFile(filepath.Join(filepath.Dir(p), name))
			if err != nil {
				return nil, err
			}
			gold = append(gold, more...)
		}
		return gold, nil
	}
	return readGoldFile(path)
}

func readGoldFile(path string) ([]GoldSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gold, err := ParseGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

// LoadGoldArticles reads the SaudiNewsNet articles the gold sentences come
// from and prepares them as the pipeline does before NER: cleaned text,
// paragraphs, sentences, publication date.
func LoadGoldArticles(gold []GoldSentence) (map[string]*marsad.Article, error) {
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Article] = true
	}
	news, err := dataset.SaudiNewsNet(0)
	if err != nil {
		return nil, err
	}
	out := map[string]*marsad.Article{}
	for _, n := range news {
		if !want[n.ID] {
			continue
		}
		a := marsad.NewArticle()
		c := clean.Text(n.Content)
		a.ID, a.Source, a.URL, a.Title, a.Text = n.ID, n.Source, n.URL, n.Title, c.Text
		if len(n.DateExtracted) >= 10 {
			a.Published = n.DateExtracted[:10]
		}
		a.Paragraphs = c.Paragraphs
		a.Sentences = sentence.Split(c.Text)
		out[n.ID] = a
	}
	for id := range want {
		if out[id] == nil {
			return nil, fmt.Errorf("gold article %s not in saudinewsnet", id)
		}
	}
	return out, nil
}

// goldSpan returns the span of the gold sentence in a.
func goldSpan(a *marsad.Article, g GoldSentence) (marsad.Span, error) {
	for _, s := range sentence.Split(a.Text) {
		if s.Start == g.Offset {
			return s, nil
		}
	}
	return marsad.Span{}, fmt.Errorf("line %d: no sentence of %s starts at %d", g.Line, g.Article, g.Offset)
}

// findSurface returns the span of surface in a's text inside s, matched on
// the search form (so alef and hamza spellings and a clitic before it do
// not matter), or ok=false.
func findSurface(a *marsad.Article, s marsad.Span, surface string) (marsad.Span, bool) {
	norm, orig := searchIndex(a.Text[s.Start:s.End])
	want := normalize.Search(surface)
	i := strings.Index(norm, want)
	if i < 0 || want == "" {
		return marsad.Span{}, false
	}
	// Prefer an occurrence that is a word, or a word after proclitics
	// (لمصر، والمملكة): "مصر" is the country, not the start of "المصري".
	for j := i; j >= 0; {
		if wholeWord(norm, j, j+len(want)) {
			i = j
			break
		}
		k := strings.Index(norm[j+1:], want)
		if k < 0 {
			break
		}
		j += 1 + k
	}
	end := i + len(want)
	e := len(a.Text[s.Start:s.End])
	if end < len(orig) {
		e = orig[end]
	}
	// Extend to the end of the last rune's diacritics.
	txt := a.Text[s.Start:s.End]
	for e < len(txt) {
		r, size := utf8.DecodeRuneInString(txt[e:])
		if !normalize.IsDiacritic(r) && r != 'ـ' {
			break
		}
		e += size
	}
	return marsad.Span{Start: s.Start + orig[i], End: s.Start + e}, true
}

// wholeWord reports whether norm[i:j] ends a word and is preceded in its
// word by nothing but proclitics (و ف ب ل ك and the article).
func wholeWord(norm string, i, j int) bool {
	if j < len(norm) {
		if r, _ := utf8.DecodeRuneInString(norm[j:]); unicode.IsLetter(r) {
			return false
		}
	}
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(norm[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	return strings.Trim(norm[k:i], "وفبلكا") == "" && (i-k) <= len("وبال")
}

// searchIndex returns the search form of text and, for each of its bytes,
// the offset in text of the rune it came from.
func searchIndex(text string) (string, []int) {
	var b strings.Builder
	var orig []int
	for i, r := range text {
		m := normalize.SearchRune(r)
		if m < 0 {
			continue
		}
		n := utf8.RuneLen(m)
		if n < 0 {
			m, n = utf8.RuneError, 3
		}
		b.WriteRune(m)
		for k := 0; k < n; k++ {
			orig = append(orig, i)
		}
	}
	return b.String(), orig
}

// InjectGold makes every gold participant of the sentence an entity with a
// mention at its surface, replacing the mentions that overlap it: it
// stands in for perfect NER and linking of the participants while the
// other entities (distractors) stay as the pipeline found them.
func InjectGold(a *marsad.Article, g GoldSentence) error {
	s, err := goldSpan(a, g)
	if err != nil {
		return err
	}
	type inj struct {
		GoldEntity
		sp marsad.Span
	}
	var add []inj
	for _, ev := range g.Events {
		ps := append(append([]GoldEntity{}, ev.Actors...), ev.Targets...)
		if ev.Location != nil {
			ps = append(ps, *ev.Location)
		}
		for _, p := range ps {
			sp, ok := findSurface(a, s, p.Surface)
			if !ok {
				return fmt.Errorf("line %d: %q not in the sentence", g.Line, p.Surface)
			}
			add = append(add, inj{p, sp})
		}
	}
	// Each participant joins the predicted entity whose mention overlaps it
	// most (so titles and pronouns linked to it stay linked), or a new
	// entity; the overlapping predicted mentions give way to its span.
	owner := make([]int, len(add))
	for n, x := range add {
		owner[n] = -1
		best := 0
		for i := range a.Entities {
			for _, m := range a.Entities[i].Mentions {
				if o := overlap(m.Span(), x.sp); o > best && a.Entities[i].Type == x.Type {
					best, owner[n] = o, i
				}
			}
		}
	}
	for _, x := range add {
		for i := range a.Entities {
			ms := a.Entities[i].Mentions[:0]
			for _, m := range a.Entities[i].Mentions {
				if !m.Span().Overlaps(x.sp) {
					ms = append(ms, m)
				}
			}
			a.Entities[i].Mentions = ms
		}
	}
	seen := map[string]int{}
	for n, x := range add {
		k := owner[n]
		if k < 0 {
			id := "gold:" + normalize.Search(x.Surface)
			var ok bool
			if k, ok = seen[id]; !ok {
				k = len(a.Entities)
				seen[id] = k
				a.Entities = append(a.Entities, marsad.Entity{ID: id, Name: x.Surface, Type: x.Type})
			}
		}
		dup := false
		for _, m := range a.Entities[k].Mentions {
			if m.Span() == x.sp {
				dup = true
			}
		}
		if !dup {
			a.Entities[k].Mentions = append(a.Entities[k].Mentions, marsad.Mention{Start: x.sp.Start, End: x.sp.End, Text: a.Text[x.sp.Start:x.sp.End]})
		}
	}
	return nil
}

func overlap(a, b marsad.Span) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e < s {
		return 0
	}
	return e - s
}

// Score counts the evaluation of events against the gold sentences.
type Score struct {
	Sentences, NoEventSentences int
	Gold, Predicted             int
	TypeRight                   int // gold events matched by a predicted event of the same type
	ActorRight, TargetRight     int // among matched events
	LocGold, LocRight           int // among matched events with a gold location
	ModeWrong                   int // among matched events
	FalseEvents                 int // predicted events matching no gold event
	FalseOnNoEvent              int // no-event sentences with at least one predicted event
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TypeAccuracy is the share of gold events found with their type.
func (s Score) TypeAccuracy() float64 { return ratio(s.TypeRight, s.Gold) }

// ActorAccuracy is the share of found events whose actors are exactly right.
func (s Score) ActorAccuracy() float64 { return ratio(s.ActorRight, s.TypeRight) }

// TargetAccuracy is the share of found events whose targets are exactly right.
func (s Score) TargetAccuracy() float64 { return ratio(s.TargetRight, s.TypeRight) }

// FalseEventRate is the share of predicted events that match no gold event.
func (s Score) FalseEventRate() float64 { return ratio(s.FalseEvents, s.Predicted) }

// ModeErrorRate is the share of found events with the wrong mode.
func (s Score) ModeErrorRate() float64 { return ratio(s.ModeWrong, s.TypeRight) }

func (s Score) String() string {
	return fmt.Sprintf("type %.3f (%d/%d)  actors %.3f (%d/%d)  targets %.3f (%d/%d)  location %d/%d  mode errors %d/%d  false events %.3f (%d/%d predicted; %d of %d no-event sentences)",
		s.TypeAccuracy(), s.TypeRight, s.Gold, s.ActorAccuracy(), s.ActorRight, s.TypeRight,
		s.TargetAccuracy(), s.TargetRight, s.TypeRight, s.LocRight, s.LocGold, s.ModeWrong, s.TypeRight,
		s.FalseEventRate(), s.FalseEvents, s.Predicted, s.FalseOnNoEvent, s.NoEventSentences)
}

// Error is one disagreement, for the dev report.
type Error struct {
	Line int
	What string
}

// ScoreSentence scores the events a coded in the gold sentence g.
func ScoreSentence(a *marsad.Article, g GoldSentence) (Score, []Error, error) {
	var sc Score
	var errs []Error
	s, err := goldSpan(a, g)
	if err != nil {
		return sc, nil, err
	}
	sc.Sentences = 1
	if len(g.Events) == 0 {
		sc.NoEventSentences = 1
	}
	var pred []marsad.Event
	for _, e := range a.Events {
		if (marsad.Span{Start: e.Start, End: e.End}).Overlaps(s) {
			pred = append(pred, e)
		}
	}
	sc.Gold, sc.Predicted = len(g.Events), len(pred)
	byID := map[string]*marsad.Entity{}
	for i := range a.Entities {
		byID[a.Entities[i].ID] = &a.Entities[i]
	}
	// covers reports whether entity id has a mention overlapping the
	// surface in the sentence.
	covers := func(id string, ge GoldEntity) bool {
		e := byID[id]
		sp, ok := findSurface(a, s, ge.Surface)
		if e == nil || !ok {
			return false
		}
		for _, m := range e.Mentions {
			if m.Span().Overlaps(sp) {
				return true
			}
		}
		return false
	}
	sameSet := func(ids []string, ges []GoldEntity) bool {
		for _, ge := range ges {
			ok := false
			for _, id := range ids {
				if covers(id, ge) {
					ok = true
				}
			}
			if !ok {
				return false
			}
		}
		for _, id := range ids {
			ok := false
			for _, ge := range ges {
				if covers(id, ge) {
					ok = true
				}
			}
			if !ok {
				return false
			}
		}
		return true
	}
	used := make([]bool, len(pred))
	for _, ge := range g.Events {
		fit := func(p marsad.Event) int {
			n := 0
			if sameSet(p.Actors, ge.Actors) {
				n += 2
			}
			if sameSet(p.Targets, ge.Targets) {
				n++
			}
			return n
		}
		best := -1
		for i, p := range pred {
			if used[i] || p.Type != ge.Type {
				continue
			}
			// Prefer the prediction with the right actors, then the one
			// with the right targets too (two meetings in one sentence).
			if best < 0 || fit(p) > fit(pred[best]) {
				best = i
			}
		}
		if best < 0 {
			errs = append(errs, Error{g.Line, fmt.Sprintf("missed %s %s %v", ge.Type, ge.Mode, names(ge.Actors))})
			continue
		}
		used[best] = true
		p := pred[best]
		sc.TypeRight++
		actorsOK := sameSet(p.Actors, ge.Actors)
		targetsOK := sameSet(p.Targets, ge.Targets)
		if symmetric(ge.Type, p.Code) && !(actorsOK && targetsOK) {
			// A meeting, an agreement or a joint signature is symmetric:
			// who is named first is style (guideline G3, README step 11).
			all := append(append([]string{}, p.Actors...), p.Targets...)
			gall := append(append([]GoldEntity{}, ge.Actors...), ge.Targets...)
			if sameSet(all, gall) {
				actorsOK, targetsOK = true, true
			}
		}
		if actorsOK {
			sc.ActorRight++
		} else {
			errs = append(errs, Error{g.Line, fmt.Sprintf("%s actors %v, want %v", ge.Type, entNames(byID, p.Actors), names(ge.Actors))})
		}
		if targetsOK {
			sc.TargetRight++
		} else {
			errs = append(errs, Error{g.Line, fmt.Sprintf("%s targets %v, want %v", ge.Type, entNames(byID, p.Targets), names(ge.Targets))})
		}
		if ge.Location != nil {
			sc.LocGold++
			if p.Location != "" && covers(p.Location, *ge.Location) {
				sc.LocRight++
			}
		}
		if p.Mode != ge.Mode {
			sc.ModeWrong++
			errs = append(errs, Error{g.Line, fmt.Sprintf("%s mode %s, want %s", ge.Type, p.Mode, ge.Mode)})
		}
	}
	for i, p := range pred {
		if !used[i] {
			sc.FalseEvents++
			errs = append(errs, Error{g.Line, fmt.Sprintf("false %s %s %v → %v", p.Type, p.Mode, entNames(byID, p.Actors), entNames(byID, p.Targets))})
		}
	}
	if len(g.Events) == 0 && len(pred) > 0 {
		sc.FalseOnNoEvent = 1
	}
	return sc, errs, nil
}

func names(ges []GoldEntity) []string {
	var out []string
	for _, g := range ges {
		out = append(out, g.Surface)
	}
	return out
}

func entNames(byID map[string]*marsad.Entity, ids []string) []string {
	var out []string
	for _, id := range ids {
		if e := byID[id]; e != nil {
			out = append(out, e.Name)
		} else {
			out = append(out, id)
		}
	}
	return out
}

// Add sums two scores.
func (s Score) Add(o Score) Score {
	s.Sentences += o.Sentences
	s.NoEventSentences += o.NoEventSentences
	s.Gold += o.Gold
	s.Predicted += o.Predicted
	s.TypeRight += o.TypeRight
	s.ActorRight += o.ActorRight
	s.TargetRight += o.TargetRight
	s.LocGold += o.LocGold
	s.LocRight += o.LocRight
	s.ModeWrong += o.ModeWrong
	s.FalseEvents += o.FalseEvents
	s.FalseOnNoEvent += o.FalseOnNoEvent
	return s
}

// Analyzer prepares an article's entities, quotes and times before the
// coder runs: the whole pipeline (pipeline.Default().Analyze) or nothing.
type Analyzer func(ctx context.Context, a *marsad.Article) error

// Options configure Evaluate.
type Options struct {
	// Analyze runs the earlier stages (NER, linking, quotes, times); nil
	// leaves the article with no entities but the injected gold ones.
	Analyze Analyzer
	// Gold injects the gold participants as entities (oracle NER and
	// linking for the participants; pipeline entities stay as distractors).
	Gold bool
	// Analyzed says the articles were analyzed already (AnalyzeArticles):
	// their entities, quotes and times are kept and Analyze is not run.
	Analyzed bool
}

// AnalyzeArticles runs the earlier stages once on a copy of every article,
// so that several splits and entity modes can be scored on one analysis
// (Options.Analyzed).
func AnalyzeArticles(ctx context.Context, arts map[string]*marsad.Article, analyze Analyzer) (map[string]*marsad.Article, error) {
	out := make(map[string]*marsad.Article, len(arts))
	for id, src := range arts {
		a := copyArticle(src)
		if err := analyze(ctx, a); err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		out[id] = a
	}
	return out, nil
}

// cloneAnalyzed copies an analyzed article deeply enough for the coder and
// InjectGold to change its entities and events.
func cloneAnalyzed(src *marsad.Article) *marsad.Article {
	a := *src
	a.Entities = make([]marsad.Entity, len(src.Entities))
	for i, e := range src.Entities {
		e.Mentions = append([]marsad.Mention{}, e.Mentions...)
		a.Entities[i] = e
	}
	a.Events = []marsad.Event{}
	return &a
}

// Evaluate codes the articles of the gold sentences of one split ("dev",
// "dev2", "test", "test3", "tune" for the three tuning splits dev, dev2 and
// test, or "" for all) and scores them.
func Evaluate(ctx context.Context, gold []GoldSentence, split string, arts map[string]*marsad.Article, opt Options) (Score, []Error, error) {
	c, err := NewCoder()
	if err != nil {
		return Score{}, nil, err
	}
	bySplit := map[string][]GoldSentence{}
	var ids []string
	for _, g := range gold {
		if !inSplit(g.Split, split) {
			continue
		}
		if _, ok := bySplit[g.Article]; !ok {
			ids = append(ids, g.Article)
		}
		bySplit[g.Article] = append(bySplit[g.Article], g)
	}
	sort.Strings(ids)
	var total Score
	var errs []Error
	for _, id := range ids {
		src := arts[id]
		if src == nil {
			return total, nil, fmt.Errorf("article %s not loaded", id)
		}
		a := copyArticle(src)
		if opt.Analyzed {
			a = cloneAnalyzed(src)
		} else if opt.Analyze != nil {
			if err := opt.Analyze(ctx, a); err != nil {
				return total, nil, fmt.Errorf("%s: %w", id, err)
			}
		}
		if opt.Gold {
			for _, g := range bySplit[id] {
				if err := InjectGold(a, g); err != nil {
					return total, nil, err
				}
			}
		}
		if err := c.Annotate(ctx, a); err != nil {
			return total, nil, err
		}
		for _, g := range bySplit[id] {
			sc, es, err := ScoreSentence(a, g)
			if err != nil {
				return total, nil, err
			}
			total = total.Add(sc)
			errs = append(errs, es...)
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return total, errs, nil
}

// inSplit reports whether a sentence of split have belongs to the split
// asked for.
func inSplit(have, want string) bool {
	switch want {
	case "":
		return true
	case "tune":
		return have == "dev" || have == "dev2" || have == "test"
	}
	return have == want
}

func copyArticle(src *marsad.Article) *marsad.Article {
	a := *src
	a.Paragraphs = append([]marsad.Span{}, src.Paragraphs...)
	a.Sentences = append([]marsad.Span{}, src.Sentences...)
	a.Entities = []marsad.Entity{}
	a.Quotes = []marsad.Quote{}
	a.Times = []marsad.TimeExpr{}
	a.Events = []marsad.Event{}
	return &a
}

// Report writes the evaluation of every split in the mode given, and the
// errors on the tuning splits (dev, dev2, test) when showErrors is set
// (the held-out split's errors are never printed, so they cannot be tuned
// on).
func Report(ctx context.Context, w io.Writer, gold []GoldSentence, arts map[string]*marsad.Article, opt Options, mode string, showErrors bool) error {
	fmt.Fprintf(w, "event coding (%s), %d sentences\n", mode, len(gold))
	if opt.Analyze != nil && !opt.Analyzed {
		var err error
		if arts, err = AnalyzeArticles(ctx, arts, opt.Analyze); err != nil {
			return err
		}
		opt.Analyze, opt.Analyzed = nil, true
	}
	for _, split := range append(append([]string{}, TuningSplits...), HeldOut, "") {
		sc, errs, err := Evaluate(ctx, gold, split, arts, opt)
		if err != nil {
			return err
		}
		name := split
		if name == "" {
			name = "all"
		}
		fmt.Fprintf(w, "%-5s %3d sentences  %s\n", name, sc.Sentences, sc)
		if showErrors && split != HeldOut && split != "" {
			for _, e := range errs {
				fmt.Fprintf(w, "  line %d: %s\n", e.Line, e.What)
			}
		}
	}
	return nil
}

// symmetric reports whether an event of gold type typ, predicted with CAMEO
// code, is scored on its participants as a whole rather than on who is
// actor and who target: meetings (CONSULT), agreements (AGREE) and signing
// (SUPPORT coded 057) — the parties act jointly (guideline G3).
func symmetric(typ, code string) bool {
	return typ == "CONSULT" || typ == "AGREE" || (typ == "SUPPORT" && code == "057")
}
