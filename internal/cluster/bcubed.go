package cluster

// BCubed scores a clustering against gold labels with B-cubed precision and
// recall (Bagga & Baldwin 1998; Amigó et al. 2009): for each item, precision
// is the share of its predicted cluster that shares its gold label, recall
// the share of its gold cluster that shares its predicted cluster; both are
// averaged over items. Only items present in gold are scored; pred must
// assign each of them a cluster (a missing item counts as a singleton).
func BCubed(gold, pred map[string]string) (p, r, f1 float64) {
	if len(gold) == 0 {
		return 0, 0, 0
	}
	predOf := func(id string) string {
		if c, ok := pred[id]; ok {
			return c
		}
		return "\x00" + id // unassigned: its own singleton
	}
	type key struct{ g, p string }
	both := map[key]int{}
	inGold := map[string]int{}
	inPred := map[string]int{}
	for id, g := range gold {
		pc := predOf(id)
		both[key{g, pc}]++
		inGold[g]++
		inPred[pc]++
	}
	for id, g := range gold {
		pc := predOf(id)
		n := float64(both[key{g, pc}])
		p += n / float64(inPred[pc])
		r += n / float64(inGold[g])
	}
	p /= float64(len(gold))
	r /= float64(len(gold))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
