package ner

import (
	"fmt"
	"io"
)

// TrainShipped trains a model the way the shipped one is trained: on the
// ANERcorp (CAMeL split) training part minus the dev split, with the
// external gazetteers and the embedded word clusters, and scores it on the
// dev split. cfg's resources are filled in; its hyper-parameters are used
// as given. The returned model's provenance is complete, and the clusters
// sum to pass to Save is returned with it.
func TrainShipped(cfg Config, log io.Writer) (*Model, string, error) {
	train, dev, err := ANERcorp()
	if err != nil {
		return nil, "", err
	}
	var aqmar []Sentence
	if cfg.WithAQMAR {
		if aqmar, _, err = AQMAR(); err != nil {
			return nil, "", err
		}
		for i := range aqmar {
			aqmar[i].Domain = 1
		}
	}
	var snn []Sentence
	if cfg.SaudiNews > 0 {
		one, err := SaudiNewsTrain(cfg.SaudiNewsFiles)
		if err != nil {
			return nil, "", err
		}
		if cfg.SaudiNewsDomain {
			d := 1
			if cfg.WithAQMAR {
				d = 2
			}
			for i := range one {
				one[i].Domain = d
			}
		}
		for range cfg.SaudiNews {
			snn = append(snn, one...)
		}
	}
	ext, err := ExternalGazetteer()
	if err != nil {
		return nil, "", err
	}
	cl, sum, err := DefaultClusters()
	if err != nil {
		return nil, "", err
	}
	cfg.External, cfg.Clusters = ext, cl
	if (cfg.TopicK > 0 && cfg.Topics == nil) || (cfg.MineNames && cfg.Lexicon == nil) {
		docs, err := newsDocs()
		if err != nil {
			return nil, "", err
		}
		if cfg.TopicK > 0 && cfg.Topics == nil {
			tc := DefaultTopicConfig()
			tc.K = cfg.TopicK
			cfg.Topics = BuildTopics(tc, docs)
		}
		if cfg.MineNames && cfg.Lexicon == nil {
			cfg.Lexicon = MineLexicon(docs)
			if log != nil {
				fmt.Fprintf(log, "names mined from SaudiNewsNet: %d\n", len(cfg.Lexicon))
			}
		}
	}
	if unlabeledTokens > 0 {
		if cfg.Unlabeled, err = UnlabeledNews(unlabeledTokens, unlabeledStep); err != nil {
			return nil, "", err
		}
	}
	cfg.Log = log
	if log != nil {
		cfg.Dev = dev
		fmt.Fprintf(log, "train: %d sentences, dev: %d sentences, external gazetteer: %d names, clusters: %d words\n",
			len(train), len(dev), ext.Len(), len(cl.words))
	}
	m, err := Train(cfg, append(append(append(train[:len(train):len(train)], aqmar...), snn...), cfg.Extra...))
	if err != nil {
		return nil, "", err
	}
	sc, err := m.Score(dev)
	if err != nil {
		return nil, "", err
	}
	m.Meta.Data = []string{
		"anercorp-camel: ANERcorp, CAMeL Lab split, training part minus its last 10% of sentences (the dev split)",
		"anetac: ANETAC English–Arabic named-entity pairs (person/location/organisation names, gazetteer)",
		"countries-ar: mledoze/countries Arabic country names (gazetteer)",
		"aqmar: the names annotated in the AQMAR Arabic Wikipedia training file (gazetteer)",
		"saudinewsnet: SaudiNewsNet articles, through the word clusters in data/clusters.tsv.gz and as unlabeled text tagged by first models (tag statistics per word)",
	}
	if len(cfg.Lexicon) > 0 {
		m.Meta.Data = append(m.Meta.Data, fmt.Sprintf("saudinewsnet: %d names mined from all its articles, the words after typed head nouns (lexicon.go: at least %d times, in at least %.0f%% of their uses)", len(cfg.Lexicon), lexMinCount, 100*lexMinShare))
		m.Meta.Params += fmt.Sprintf("; mined names=%d", len(cfg.Lexicon))
	}
	if cfg.Topics != nil {
		m.Meta.Data = append(m.Meta.Data, fmt.Sprintf("saudinewsnet: a topic model of its articles (k=%d, topic.go)", cfg.Topics.K))
		m.Meta.Params += fmt.Sprintf("; topics=%d window=%d conjunctions=%q", cfg.Topics.K, cfg.TopicWindow, cfg.TopicFeats)
	}
	if cfg.SaudiNews > 0 {
		m.Meta.Data = append(m.Meta.Data, fmt.Sprintf("snn-train: Marsad's own NER annotation of %d sentences of SaudiNewsNet articles (%s, CC BY-NC-SA 4.0), added %d times to the training data", len(snn)/cfg.SaudiNews, snnFileNames(cfg.SaudiNewsFiles), cfg.SaudiNews))
		m.Meta.Params += fmt.Sprintf("; saudi news copies=%d", cfg.SaudiNews)
		if cfg.SaudiNewsDomain {
			m.Meta.Params += " as a domain of their own (shared + per-domain feature copies)"
		}
	}
	if cfg.WithAQMAR {
		m.Meta.Data = append(m.Meta.Data, "aqmar: AQMAR Arabic Wikipedia NER corpus, training file (sentences)")
		m.Meta.Params += "; with AQMAR training data as a second domain (shared + per-domain feature copies)"
	}
	m.Meta.Licences = []string{
		"ANERcorp: research use (Benajiba et al. 2007; split: Obeid et al. 2020)",
		"ANETAC: research use, no licence stated (Hadj Ameur et al. 2019)",
		"mledoze/countries: ODbL 1.0",
		"AQMAR: CC BY-SA 3.0 (Mohit et al. 2012); names as a gazetteer",
		"SaudiNewsNet: CC BY-NC-SA 4.0 — non-commercial; the model derives from it (clusters, tag statistics)",
	}
	if cfg.SaudiNews > 0 {
		m.Meta.Licences = append(m.Meta.Licences, "snn-train: Marsad's own annotation of SaudiNewsNet articles, CC BY-NC-SA 4.0 like its source — the model is trained on it")
	}
	m.Meta.Notes = "Trained by `marsad train ner` (ner.TrainShipped). Dev split: ner.DevSplit of the CAMeL training file; the ANERcorp test split was never used."
	m.Meta.DevName = fmt.Sprintf("ANERcorp CAMeL train, last %d sentences (DevSplit)", len(dev))
	m.Meta.Dev = map[string][3]float64{}
	for _, t := range Types {
		c := sc.ByType[t]
		m.Meta.Dev[t] = [3]float64{c.P(), c.R(), c.F1()}
	}
	m.Meta.Dev["all"] = [3]float64{sc.All.P(), sc.All.R(), sc.All.F1()}
	return m, sum, nil
}

// The unlabeled text of the shipped model: SaudiNewsNet, every
// unlabeledStep-th article up to unlabeledTokens tokens.
var (
	unlabeledTokens = 3000000
	unlabeledStep   = 2
)

// DevSet returns the dev split used in the shipped model's provenance.
func DevSet() ([]Sentence, error) {
	_, dev, err := ANERcorp()
	return dev, err
}
