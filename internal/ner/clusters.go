package ner

// clusterInfo is what the unlabeled corpus says about one word (search
// form): its cluster in each clustering (Clusters.groups of them) and a
// log-frequency bucket.
type clusterInfo struct {
	c    [maxGroups]uint16
	freq uint8
}

// maxGroups bounds the number of clusterings in one file.
const maxGroups = 8

// Clusters maps words to distributional word classes learned from
// unlabeled news text (see BuildClusters and data/clusters.tsv.gz).
type Clusters struct {
	words  map[string]clusterInfo
	order  []string // most frequent first, for writing
	groups int      // clusterings per word
}
