package agreement

import (
	"fmt"
	"sort"
)

// LinkMention is one mention of an article with the entity an annotator
// says it refers to: Entity names the entity (mentions of an article with
// the same Entity are one entity), Type its type (PERS, LOC, ORG, MISC, or
// "-" when the annotator does not count it as a mention).
type LinkMention struct {
	Article    string
	Start, End int
	Entity     string
	Type       string
}

// LinkResult is the agreement of two annotators on the entities of the same
// mentions.
type LinkResult struct {
	Articles, Mentions int
	NotMention         int  // mentions B does not count (type "-")
	Entity             Rate // mentions whose entities correspond and are the same referent
	Pairs              Pair // same-entity pairs of mentions within an article
	Cluster            Rate // mentions whose set of coreferent mentions is the same
	Type               Rate // entity type of mentions both count
	TypeKappa          float64
	EntitiesA          int
	EntitiesB          int
	Disagreements      []string
}

// CompareLinks compares B's entities for the mentions of A (the same
// mentions, matched by article and offsets). Within an article, each B
// entity is paired with the A entity it shares most mentions with (one to
// one, largest shares first); a mention agrees when its B entity is paired
// with its A entity and same(A's name, B's name) says the two names denote
// the same referent (names are free text, so the caller decides).
func CompareLinks(a, b []LinkMention, same func(nameA, nameB string) bool) (LinkResult, error) {
	var r LinkResult
	type key struct {
		art      string
		from, to int
	}
	byKey := map[key]LinkMention{}
	for _, m := range a {
		byKey[key{m.Article, m.Start, m.End}] = m
	}
	arts := map[string][]int{} // article → indices into b
	var order []string
	for i, m := range b {
		if _, ok := byKey[key{m.Article, m.Start, m.End}]; !ok {
			return r, fmt.Errorf("link: B mention %s %d–%d is not a mention of A", m.Article, m.Start, m.End)
		}
		if _, ok := arts[m.Article]; !ok {
			order = append(order, m.Article)
		}
		arts[m.Article] = append(arts[m.Article], i)
	}
	for _, m := range a {
		if _, ok := arts[m.Article]; !ok {
			continue
		}
		found := false
		for _, i := range arts[m.Article] {
			found = found || (b[i].Start == m.Start && b[i].End == m.End)
		}
		if !found {
			return r, fmt.Errorf("link: A mention %s %d–%d has no B entity", m.Article, m.Start, m.End)
		}
	}
	var ta, tb []string
	for _, art := range order {
		r.Articles++
		idx := arts[art]
		ma := make([]LinkMention, len(idx))
		mb := make([]LinkMention, len(idx))
		for k, i := range idx {
			mb[k] = b[i]
			ma[k] = byKey[key{b[i].Article, b[i].Start, b[i].End}]
		}
		ea, eb := map[string]bool{}, map[string]bool{}
		share := map[[2]string]int{}
		for k := range ma {
			ea[ma[k].Entity] = true
			if mb[k].Type == "-" {
				continue
			}
			eb[mb[k].Entity] = true
			share[[2]string{ma[k].Entity, mb[k].Entity}]++
		}
		r.EntitiesA += len(ea)
		r.EntitiesB += len(eb)
		// Pair entities, largest shares first (ties by name, for a stable
		// result).
		pairs := make([][2]string, 0, len(share))
		for p := range share {
			pairs = append(pairs, p)
		}
		sort.Slice(pairs, func(i, j int) bool {
			if share[pairs[i]] != share[pairs[j]] {
				return share[pairs[i]] > share[pairs[j]]
			}
			return pairs[i][0]+"\x00"+pairs[i][1] < pairs[j][0]+"\x00"+pairs[j][1]
		})
		toB, toA := map[string]string{}, map[string]string{}
		for _, p := range pairs {
			if _, ok := toB[p[0]]; ok {
				continue
			}
			if _, ok := toA[p[1]]; ok {
				continue
			}
			toB[p[0]], toA[p[1]] = p[1], p[0]
		}
		for k := range ma {
			r.Mentions++
			x, y := ma[k], mb[k]
			where := fmt.Sprintf("%s %d–%d", art, x.Start, x.End)
			if y.Type == "-" {
				r.NotMention++
				r.Entity.N++
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: not a mention for B (A %s %s)", where, x.Type, x.Entity))
				continue
			}
			r.Entity.N++
			if toB[x.Entity] == y.Entity && same(x.Entity, y.Entity) {
				r.Entity.K++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: entity: A %s | B %s", where, x.Entity, y.Entity))
			}
			r.Type.N++
			ta, tb = append(ta, x.Type), append(tb, y.Type)
			if x.Type == y.Type {
				r.Type.K++
			} else {
				r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: type: A %s %s | B %s %s", where, x.Type, x.Entity, y.Type, y.Entity))
			}
			// The mentions coreferent with this one, for A and for B.
			sameSet := true
			for j := range ma {
				if j == k {
					continue
				}
				inA := ma[j].Entity == x.Entity
				inB := mb[j].Type != "-" && mb[j].Entity == y.Entity
				sameSet = sameSet && inA == inB
				if j < k {
					continue
				}
				if inA {
					r.Pairs.A++
				}
				if inB {
					r.Pairs.B++
				}
				if inA && inB {
					r.Pairs.Matched++
				}
			}
			r.Cluster.N++
			if sameSet {
				r.Cluster.K++
			}
		}
	}
	if len(ta) > 0 {
		k, err := Kappa(ta, tb)
		if err != nil {
			return r, err
		}
		r.TypeKappa = k
	}
	return r, nil
}
