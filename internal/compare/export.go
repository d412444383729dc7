package compare

// Terms returns the content terms of text as Compare matches them:
// search-normalized, clitic-stripped, light-stemmed keys of the words that
// are not function words, in text order (repeats kept).
func Terms(text string) []string {
	lx := mustLexicon()
	ts, _ := lx.contentTerms(text, 0, len(text), nil)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key
	}
	return out
}

// Weight is the background IDF of a term key from Terms: how much sharing
// it says about two texts (rare names weigh most, common words least).
func Weight(key string) float64 { return mustLexicon().idf(key) }
