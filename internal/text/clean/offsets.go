package clean

import "sort"

// anchor says that output byte Out came from input byte In; bytes after it
// map with the same delta until the next anchor.
type anchor struct{ Out, In int }

// stage is the offset map of one transformation pass.
type stage []anchor

func (s stage) lookup(out int) int {
	i := sort.Search(len(s), func(i int) bool { return s[i].Out > out }) - 1
	if i < 0 {
		return out
	}
	return s[i].In + (out - s[i].Out)
}

// OffsetMap maps byte offsets of cleaned text back to the raw input it came
// from, so that a span found in the clean text can be shown in the original
// document.
type OffsetMap struct {
	stages []stage // applied in order: raw → stage[0] → … → clean
	rawLen int
}

// Original returns the raw-input offset of clean-text offset i.
func (m *OffsetMap) Original(i int) int {
	for k := len(m.stages) - 1; k >= 0; k-- {
		i = m.stages[k].lookup(i)
	}
	if i > m.rawLen {
		i = m.rawLen
	}
	if i < 0 {
		i = 0
	}
	return i
}

// writer accumulates output and the anchors mapping it to its input.
type writer struct {
	buf     []byte
	anchors stage
}

func (w *writer) write(s string, in int) {
	out := len(w.buf)
	if n := len(w.anchors); n == 0 || w.anchors[n-1].In+(out-w.anchors[n-1].Out) != in {
		w.anchors = append(w.anchors, anchor{Out: out, In: in})
	}
	w.buf = append(w.buf, s...)
}

func (w *writer) writeRune(r rune, in int) {
	out := len(w.buf)
	if n := len(w.anchors); n == 0 || w.anchors[n-1].In+(out-w.anchors[n-1].Out) != in {
		w.anchors = append(w.anchors, anchor{Out: out, In: in})
	}
	w.buf = appendRune(w.buf, r)
}

func appendRune(b []byte, r rune) []byte {
	var tmp [4]byte
	n := encodeRune(tmp[:], r)
	return append(b, tmp[:n]...)
}
