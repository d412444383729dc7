// Package summary writes an extractive Arabic summary of a story: a few of
// its articles' own sentences, chosen to cover what the outlets agree on,
// each cited to the article and span it comes from, without saying the
// same thing twice.
//
// Sentences are chosen greedily by maximal marginal relevance (Carbonell &
// Goldstein 1998): each step takes the sentence with the best mix of
// coverage of agreed claims not yet covered (weighted by how many outlets
// carry them), centrality in the story, and an early position in its
// article (news puts the facts first), minus its similarity to the
// sentences already taken. A sentence too close to one already taken is
// never taken. Nothing is rewritten: every line is the outlet's text.
package summary

import (
	_ "embed"
	"math"
	"strings"

	"marsad"
	"marsad/internal/compare"
	"marsad/internal/text/normalize"
	"marsad/internal/text/sentence"
	"marsad/internal/text/tokenize"
)

// Weights of the selection score, set by reading the summaries of the
// annotated SaudiNewsNet stories (internal/compare/testdata) and the seed
// story.
const (
	coverWeight   = 1.0
	centralWeight = 0.6
	leadWeight    = 0.4
	// newSource favours a line from an outlet not cited yet: a story
	// summary should show its sources, when they say it as well.
	newSource = 0.15
	// dangling is subtracted from a line that opens leaning on the line
	// before it in its article (data/dangling.txt).
	dangling = 0.3
	// contested is subtracted from a line that states a figure or words
	// other outlets contradict (a conflict variant): a summary should give
	// what is agreed, and the comparison shows the rest.
	contested = 0.25
	// redundancy is subtracted times the best similarity to a taken line.
	redundancy = 1.0
	// maxOverlap: a sentence this similar to a taken one says the same.
	maxOverlap = 0.45
	// Length limits of a summary line, in words: shorter is a fragment or
	// a dateline, longer is a paragraph the splitter could not cut.
	minWords = 6
	maxWords = 70
)

type cand struct {
	art   int
	span  marsad.Span
	vec   map[string]float64
	norm  float64
	pos   int   // sentence index in its article
	cover []int // agreement claims the sentence carries
	// dangling: the sentence opens with a pronoun or a subjectless speech
	// verb (لكنه شدد، وأشار إلى أنه).
	dangling bool
	// contested: the sentence holds a variant of a conflict.
	contested bool
}

//go:embed data/dangling.txt
var danglingData string

var danglingWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(danglingData, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			m[normalize.Search(l)] = true
		}
	}
	return m
}()

func opensDangling(text string) bool {
	for _, t := range tokenize.Tokens(text) {
		if t.Kind == tokenize.Word {
			return danglingWords[normalize.Search(t.Text)]
		}
	}
	return false
}

// Summarize returns up to n sentences of the story's articles, most
// important first. c is the story's comparison (compare.Compare): the
// agreements say which facts several outlets carry. With no agreements (a
// single article) the summary is the most central early sentences.
func Summarize(arts []*marsad.Article, c marsad.Comparison, n int) []marsad.SummaryLine {
	out := []marsad.SummaryLine{}
	if n <= 0 {
		return out
	}
	idx := map[string]int{}
	var as []*marsad.Article
	for _, a := range arts {
		if a == nil || strings.TrimSpace(a.Text) == "" {
			continue
		}
		if _, dup := idx[a.ID]; dup {
			continue
		}
		idx[a.ID] = len(as)
		as = append(as, a)
	}
	var cands []*cand
	centroid := map[string]float64{}
	for ai, a := range as {
		sents := a.Sentences
		if len(sents) == 0 {
			sents = sentence.Split(a.Text)
		}
		pos := 0
		for _, sp := range sents {
			if !sp.Valid(len(a.Text)) {
				continue
			}
			text := a.Text[sp.Start:sp.End]
			if w := words(text); w < minWords || w > maxWords {
				continue
			}
			cd := &cand{art: ai, span: sp, vec: map[string]float64{}, pos: pos, dangling: opensDangling(text)}
			pos++
			for _, k := range compare.Terms(text) {
				cd.vec[k] = compare.Weight(k)
			}
			if len(cd.vec) < 3 {
				continue
			}
			for k, w := range cd.vec {
				cd.norm += w * w
				centroid[k] += w
			}
			cd.norm = math.Sqrt(cd.norm)
			cands = append(cands, cd)
		}
	}
	if len(cands) == 0 {
		return out
	}
	// Which agreement claims each candidate carries, and their weights.
	claimW := make([]float64, len(c.Agreements))
	for ci, cl := range c.Agreements {
		arts := map[string]bool{}
		for _, e := range cl.Sources {
			arts[e.Article] = true
		}
		claimW[ci] = float64(len(arts))
		for _, e := range cl.Sources {
			ai, ok := idx[e.Article]
			if !ok {
				continue
			}
			for _, cd := range cands {
				if cd.art == ai && cd.span.Overlaps(marsad.Span{Start: e.Start, End: e.End}) {
					cd.cover = append(cd.cover, ci)
				}
			}
		}
	}
	for _, cf := range c.Conflicts {
		for _, e := range cf.Variants {
			ai, ok := idx[e.Article]
			if !ok {
				continue
			}
			for _, cd := range cands {
				if cd.art == ai && cd.span.Overlaps(marsad.Span{Start: e.Start, End: e.End}) {
					cd.contested = true
				}
			}
		}
	}
	var cnorm float64
	for _, w := range centroid {
		cnorm += w * w
	}
	cnorm = math.Sqrt(cnorm)
	central := func(cd *cand) float64 {
		var dot float64
		for k, w := range cd.vec {
			dot += w * centroid[k]
		}
		return dot / (cd.norm * cnorm)
	}
	maxCover := 0.0
	for _, w := range claimW {
		maxCover += w
	}
	covered := make([]bool, len(c.Agreements))
	var taken []*cand
	used := make([]bool, len(cands))
	cited := map[int]bool{}
	for len(taken) < n {
		best, bi := math.Inf(-1), -1
		for i, cd := range cands {
			if used[i] {
				continue
			}
			red := 0.0
			for _, t := range taken {
				red = math.Max(red, cosine(cd, t))
			}
			if red > maxOverlap {
				continue
			}
			gain := 0.0
			for _, ci := range cd.cover {
				if !covered[ci] {
					gain += claimW[ci]
				}
			}
			if maxCover > 0 {
				gain /= maxCover
			}
			score := coverWeight*gain + centralWeight*central(cd) + leadWeight/float64(1+cd.pos) - redundancy*red
			if cd.dangling {
				score -= dangling
			}
			if cd.contested {
				score -= contested
			}
			if !cited[cd.art] {
				score += newSource
			}
			if score > best {
				best, bi = score, i
			}
		}
		if bi < 0 {
			break
		}
		used[bi] = true
		cited[cands[bi].art] = true
		taken = append(taken, cands[bi])
		for _, ci := range cands[bi].cover {
			covered[ci] = true
		}
	}
	for _, t := range taken {
		a := as[t.art]
		out = append(out, marsad.SummaryLine{Text: a.Text[t.span.Start:t.span.End], Article: a.ID, Start: t.span.Start, End: t.span.End})
	}
	return out
}

func cosine(a, b *cand) float64 {
	if len(a.vec) > len(b.vec) {
		a, b = b, a
	}
	var dot float64
	for k, w := range a.vec {
		dot += w * b.vec[k]
	}
	return dot / (a.norm * b.norm)
}

func words(s string) int {
	n := 0
	for _, t := range tokenize.Tokens(s) {
		if t.Kind != tokenize.Punct {
			n++
		}
	}
	return n
}
