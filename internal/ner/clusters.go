package ner

// clusterInfo is what the unlabeled corpus says about one word (search
// form): its cluster at three granularities and a log-frequency bucket.
type clusterInfo struct {
	c    [3]uint16
	freq uint8
}

// Clusters maps words to distributional word classes learned from
// unlabeled news text (see BuildClusters and data/clusters.tsv.gz).
type Clusters struct {
	words map[string]clusterInfo
	order []string // most frequent first, for writing
}
