package quote

import "marsad"

// NameOK exposes the scorer's name match to the external gap analysis.
func NameOK(name string, ge *GoldEntity, unlinked bool) bool { return nameOK(name, ge, unlinked) }

// FindEntity exposes the gold entity lookup.
func FindEntity(es []GoldEntity, id string) *GoldEntity { return findEntity(es, id) }

// OracleSpans are the spans where the gold names of each gold entity occur
// in a's text (the oracle's mentions), by gold entity id.
func OracleSpans(a *marsad.Article, g GoldArticle) map[string][]marsad.Span {
	b := &marsad.Article{Text: a.Text}
	OracleEntities(b, g)
	out := map[string][]marsad.Span{}
	for _, e := range b.Entities {
		for _, m := range e.Mentions {
			out[e.ID[len("gold:"):]] = append(out[e.ID[len("gold:"):]], marsad.Span{Start: m.Start, End: m.End})
		}
	}
	return out
}

// RankInstance is a training example of the speaker ranker.
type RankInstance = rankInstance

// PipelineInstances labels the rules' speaker decisions on an article
// analysed by the pipeline: the right candidate is the entity named as the
// gold speaker.
func PipelineInstances(a *marsad.Article, g GoldArticle) ([]RankInstance, error) {
	in, _, err := articleInstances(a, g, func(e marsad.Entity, ge *GoldEntity) bool { return nameOK(e.Name, ge, false) })
	return in, err
}

// OracleInstances labels the rules' speaker decisions with gold entities.
func OracleInstances(a *marsad.Article, g GoldArticle) ([]RankInstance, error) {
	in, _, err := articleInstances(a, g, func(e marsad.Entity, ge *GoldEntity) bool { return e.ID == "gold:"+ge.ID })
	return in, err
}

// WithRanker is an attributor whose speaker ranker is trained on inst
// (nil: the rules alone).
func WithRanker(inst []RankInstance) *Attributor {
	q := New()
	q.rk = nil
	if inst != nil {
		q.rk = trainRanker(inst, rankEpochs, rankSeed, nil)
	}
	return q
}
