package event

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"marsad"
)

// The rule+classifier hybrid. The rules propose more than they code: at a
// trigger word every pattern of another event type that also matches
// (alternatives), and, when the argument rules find no actor, the
// sentence's subject (fallback). A linear filter trained on the annotated
// sentences decides which proposals become events. The rules' own events
// are proposals too, so the filter can also drop them.

// candidate is one proposal and the features the filter judges it by.
type candidate struct {
	ev    marsad.Event
	kind  string // rule, alt or fallback
	feats []string
}

// hybrid reports whether the coder proposes alternatives and fallbacks.
func (c *Coder) hybrid() bool { return c.filter != nil || c.propose != nil }

// proposals returns the events of the current sentence: the rules' events,
// or with a filter the proposals it keeps.
func (st *state) proposals() []marsad.Event {
	var out []marsad.Event
	if !st.c.hybrid() {
		for ti := range st.trigs {
			if ev, ok := st.code(ti); ok {
				out = append(out, ev)
			}
		}
		return out
	}
	var cands []candidate
	if st.actorsOf == nil {
		st.actorsOf = map[int][]int{}
	}
	for ti := range st.trigs {
		ev, ok := st.code(ti)
		keep := st.actorsOf[ti]
		if ok {
			cands = append(cands, st.candidate(ti, ev, "rule"))
		} else {
			st.fallback = true
			if ev, ok := st.code(ti); ok {
				cands = append(cands, st.candidate(ti, ev, "fallback"))
			}
			st.fallback = false
		}
		best := st.trigs[ti]
		for _, a := range st.alts[ti] {
			st.trigs[ti] = a
			if ev, ok := st.code(ti); ok {
				cands = append(cands, st.candidate(ti, ev, "alt"))
			}
		}
		st.trigs[ti] = best
		st.actorsOf[ti] = keep
	}
	if st.c.propose != nil {
		return st.c.propose(cands)
	}
	for _, c := range cands {
		if st.c.filter.score(c.feats) > 0 {
			out = append(out, c.ev)
		}
	}
	return out
}

// candidate describes the proposal of trigger ti: its pattern, how it was
// proposed, its arguments and the words around the trigger.
func (st *state) candidate(ti int, ev marsad.Event, kind string) candidate {
	tr := st.trigs[ti]
	p := tr.p
	pos := "v"
	switch {
	case p.Objective:
		pos = "o"
	case p.Passive:
		pos = "p"
	case p.Noun:
		pos = "n"
	case p.Relative:
		pos = "r"
	case p.Inverse:
		pos = "i"
	case p.Circumstantial:
		pos = "h"
	case p.Strict:
		pos = "s"
	}
	src, _, _ := strings.Cut(p.Source, ":")
	tgt := strconv.FormatBool(len(ev.Targets) > 0)
	act := ""
	if len(st.actorsOf[ti]) > 0 {
		act = st.a.Entities[st.sms[st.actorsOf[ti][0]].ent].Type
	}
	if kind == "fallback" || kind == "alt" {
		// actorsOf was set by this very call of code.
		if ks := st.actorsOf[ti]; len(ks) > 0 {
			act = st.a.Entities[st.sms[ks[0]].ent].Type
		}
	}
	prev := ""
	if j := st.prevWord(tr.first); j >= 0 {
		prev = stripConj(st.toks[j].norm)
	}
	posIn := "early"
	switch {
	case tr.first > 12:
		posIn = "late"
	case tr.first > 4:
		posIn = "mid"
	}
	t := p.Type
	f := []string{
		"bias",
		"k=" + kind,
		"t=" + t,
		"t|k=" + t + "|" + kind,
		"pos=" + pos,
		"t|pos=" + t + "|" + pos,
		"src=" + src,
		"k|src=" + kind + "|" + src,
		"pat=" + strconv.Itoa(p.Line),
		"w=" + stripConj(st.toks[tr.first].norm),
		"nw=" + strconv.Itoa(min(len(p.words), 3)),
		"tgt=" + tgt,
		"t|tgt=" + t + "|" + tgt,
		"k|tgt=" + kind + "|" + tgt,
		"mode=" + ev.Mode,
		"act=" + act,
		"t|act=" + t + "|" + act,
		"k|act=" + kind + "|" + act,
		"na=" + strconv.Itoa(min(len(ev.Actors), 2)),
		"conf=" + strconv.Itoa(int(ev.Confidence*10)),
		"pw=" + prev,
		"where=" + posIn,
		"k|where=" + kind + "|" + posIn,
	}
	return candidate{ev: ev, kind: kind, feats: f}
}

// filter is a linear model over candidate features (averaged perceptron).
type filter struct {
	w map[string]float64
}

func (f *filter) score(feats []string) float64 {
	s := 0.0
	for _, x := range feats {
		s += f.w[x]
	}
	return s
}

// trainFilter fits an averaged perceptron on labelled candidates (label:
// the proposal matches a gold event of its type), visiting them in the
// order given epochs times.
func trainFilter(cands []candidate, labels []bool, epochs int) *filter {
	w := map[string]float64{}
	sum := map[string]float64{}
	last := map[string]int{}
	step := 0
	upd := func(x string, d float64) {
		sum[x] += float64(step-last[x]) * w[x]
		last[x] = step
		w[x] += d
	}
	for e := 0; e < epochs; e++ {
		for i, c := range cands {
			step++
			s := 0.0
			for _, x := range c.feats {
				s += w[x]
			}
			want := labels[i]
			if (s > 0) != want {
				d := -1.0
				if want {
					d = 1
				}
				for _, x := range c.feats {
					upd(x, d)
				}
			}
		}
	}
	avg := map[string]float64{}
	for x := range w {
		v := (sum[x] + float64(step-last[x])*w[x]) / float64(step)
		if math.Abs(v) > 1e-9 {
			avg[x] = v
		}
	}
	return &filter{w: avg}
}

// writeFilter saves the weights, one "feature<TAB>weight" a line, sorted,
// after a comment header.
func (f *filter) write(w io.Writer, header string) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	keys := make([]string, 0, len(f.w))
	for k := range f.w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%.4f\n", k, f.w[k])
	}
	return bw.Flush()
}
