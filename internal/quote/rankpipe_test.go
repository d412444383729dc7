package quote_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"marsad"
	"marsad/internal/quote"
)

// TestRankerCVPipeline (RANKER_CV=1) is the leave-one-set-out comparison
// behind the whole pipeline: for each tuning set, the rules alone against
// a ranker trained on the other sets — on statements labelled with gold
// entities ("oracle"), or with gold entities and behind the pipeline
// ("both": the pipeline's NER and linking errors give the rules more wrong
// proposals to learn from). The pipeline's analysis of each article is
// computed once; the attributor under test then re-runs on it.
func TestRankerCVPipeline(t *testing.T) {
	if os.Getenv("RANKER_CV") == "" {
		t.Skip("RANKER_CV=1 runs the pipeline cross-validation")
	}
	gold, raws, p := goldAndPipeline(t)
	ctx := context.Background()
	var splits []string
	for _, s := range quote.EvalSplits {
		if s != quote.HeldOut {
			splits = append(splits, s)
		}
	}
	type art struct {
		g      quote.GoldArticle
		pa, oa *marsad.Article
	}
	arts := map[string][]art{}
	oracle, both := map[string][]quote.RankInstance{}, map[string][]quote.RankInstance{}
	for _, g := range gold {
		if g.Split == quote.HeldOut {
			continue
		}
		pa := quote.Prepare(raws[g.ID])
		if err := p.Analyze(ctx, pa); err != nil {
			t.Fatal(err)
		}
		pa.Quotes = nil
		oa, _ := quote.OraclePrepare(ctx, raws[g.ID], g)
		arts[g.Split] = append(arts[g.Split], art{g, pa, oa})
		oi, err := quote.OracleInstances(cloneArticle(oa), g)
		if err != nil {
			t.Fatal(err)
		}
		pi, err := quote.PipelineInstances(cloneArticle(pa), g)
		if err != nil {
			t.Fatal(err)
		}
		oracle[g.Split] = append(oracle[g.Split], oi...)
		both[g.Split] = append(both[g.Split], append(oi, pi...)...)
	}
	score := func(q *quote.Attributor, as []art, pipe bool) quote.Score {
		var s quote.Score
		for _, x := range as {
			a := x.oa
			if pipe {
				a = x.pa
			}
			a = cloneArticle(a)
			if err := q.Annotate(ctx, a); err != nil {
				t.Fatal(err)
			}
			sc, _, err := quote.ScoreArticle(a, x.g)
			if err != nil {
				t.Fatal(err)
			}
			s = s.Add(sc)
		}
		return s
	}
	rules := quote.WithRanker(nil)
	tot := map[string]quote.Score{}
	for _, s := range splits {
		var tro, trb []quote.RankInstance
		for _, o := range splits {
			if o != s {
				tro, trb = append(tro, oracle[o]...), append(trb, both[o]...)
			}
		}
		qo, qb := quote.WithRanker(tro), quote.WithRanker(trb)
		row := map[string]quote.Score{
			"gold rules": score(rules, arts[s], false), "gold oracle-trained": score(qo, arts[s], false), "gold both-trained": score(qb, arts[s], false),
			"pipe rules": score(rules, arts[s], true), "pipe oracle-trained": score(qo, arts[s], true), "pipe both-trained": score(qb, arts[s], true),
		}
		for k, v := range row {
			tot[k] = tot[k].Add(v)
		}
		t.Logf("%-5s gold: rules %.3f oracle-trained %.3f both-trained %.3f | pipeline: rules %.3f oracle-trained %.3f both-trained %.3f", s,
			row["gold rules"].F1(), row["gold oracle-trained"].F1(), row["gold both-trained"].F1(),
			row["pipe rules"].F1(), row["pipe oracle-trained"].F1(), row["pipe both-trained"].F1())
	}
	t.Logf("all   gold: rules %.3f oracle-trained %.3f both-trained %.3f | pipeline: rules %.3f oracle-trained %.3f both-trained %.3f",
		tot["gold rules"].F1(), tot["gold oracle-trained"].F1(), tot["gold both-trained"].F1(),
		tot["pipe rules"].F1(), tot["pipe oracle-trained"].F1(), tot["pipe both-trained"].F1())
}

// cloneArticle copies what the attributor reads and writes, so that one
// analysis serves every fold.
func cloneArticle(a *marsad.Article) *marsad.Article {
	b := *a
	b.Quotes = nil
	b.Entities = append([]marsad.Entity(nil), a.Entities...)
	return &b
}

// TestRankerSample (RANKER_SAMPLE=file of SaudiNewsNet ids, outside every
// set) lists every statement whose speaker the ranker (trained on all
// tuning sets, gold entities and pipeline) changes, behind the pipeline, so
// that each change can be read.
func TestRankerSample(t *testing.T) {
	path := os.Getenv("RANKER_SAMPLE")
	if path == "" {
		t.Skip("RANKER_SAMPLE=file runs the sample check")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var order []string
	for _, id := range strings.Fields(string(b)) {
		ids[id] = true
		order = append(order, id)
	}
	gold, raws, p := goldAndPipeline(t)
	ctx := context.Background()
	var train []quote.RankInstance
	for _, g := range gold {
		if g.Split == quote.HeldOut {
			continue
		}
		pa := quote.Prepare(raws[g.ID])
		if err := p.Analyze(ctx, pa); err != nil {
			t.Fatal(err)
		}
		oa, _ := quote.OraclePrepare(ctx, raws[g.ID], g)
		oi, _ := quote.OracleInstances(cloneArticle(oa), g)
		pi, _ := quote.PipelineInstances(cloneArticle(pa), g)
		train = append(train, append(oi, pi...)...)
	}
	rules, ranked := quote.WithRanker(nil), quote.WithRanker(train)
	sample, err := quote.ReadSaudiNewsNet(ids)
	if err != nil {
		t.Fatal(err)
	}
	changed, total := 0, 0
	for _, id := range order {
		a := quote.Prepare(sample[id])
		if err := p.Analyze(ctx, a); err != nil {
			t.Fatal(err)
		}
		x, y := cloneArticle(a), cloneArticle(a)
		if err := rules.Annotate(ctx, x); err != nil {
			t.Fatal(err)
		}
		if err := ranked.Annotate(ctx, y); err != nil {
			t.Fatal(err)
		}
		total += len(x.Quotes)
		at := map[[2]int]marsad.Quote{}
		for _, q := range x.Quotes {
			at[[2]int{q.Start, q.End}] = q
		}
		for _, q := range y.Quotes {
			o, ok := at[[2]int{q.Start, q.End}]
			if ok && o.SpeakerName == q.SpeakerName {
				continue
			}
			changed++
			cue := max(0, q.Start-160)
			t.Logf("%s [%s] → [%s] …%s⟦%s⟧", id, o.SpeakerName, q.SpeakerName, strings.ReplaceAll(a.Text[cue:q.Start], "\n", " "), trim(q.Text))
		}
	}
	t.Logf("%d articles, %d statements, %d speakers changed", len(order), total, changed)
}

// TestSampleDump (QUOTE_SAMPLE=ids file, QUOTE_SAMPLE_OUT=output file)
// writes every statement the whole pipeline finds in the sample articles,
// one a line (id, span, speaker name, start of the text), so that two
// versions of the attributor can be compared with diff and every change
// read.
func TestSampleDump(t *testing.T) {
	in, out := os.Getenv("QUOTE_SAMPLE"), os.Getenv("QUOTE_SAMPLE_OUT")
	if in == "" || out == "" {
		t.Skip("QUOTE_SAMPLE and QUOTE_SAMPLE_OUT run the sample dump")
	}
	b, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	order := strings.Fields(string(b))
	for _, id := range order {
		ids[id] = true
	}
	_, _, p := goldAndPipeline(t)
	sample, err := quote.ReadSaudiNewsNet(ids)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, id := range order {
		a := quote.Prepare(sample[id])
		if err := p.Analyze(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, q := range a.Quotes {
			fmt.Fprintf(&sb, "%s\t%d-%d\t%s\t%s\n", id, q.Start, q.End, q.SpeakerName, strings.ReplaceAll(trim(q.Text), "\n", " "))
		}
	}
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
