package agreement

import (
	"fmt"
	"sort"
	"strings"

	"marsad/internal/event"
)

// EventResult is the agreement of two event codings of the same sentences.
type EventResult struct {
	Sentences int
	// Events are paired within a sentence by type (one-to-one, preferring
	// the same actors), as the coder's scorer pairs gold and predictions.
	Events Pair
	// Label is each sentence's label: its sorted event types, or "none".
	Label      Rate
	LabelKappa float64
	// HasEvent is the binary label event / no event.
	HasEvent      Rate
	HasEventKappa float64
	// Among paired events: same actors, same targets (CONSULT: the same
	// participants in either role, as the scorer treats it symmetric), same
	// mode.
	Actors, Targets, Mode Rate
	Disagreements         []string
}

// CompareEvents compares B's sentences with the same sentences of A (by
// article and offset); text gives a sentence's text for the disagreement
// list (it may return "").
func CompareEvents(a, b []event.GoldSentence, text func(article string, offset int) string) (EventResult, error) {
	key := func(s event.GoldSentence) string { return fmt.Sprintf("%s@%d", s.Article, s.Offset) }
	byKey := map[string]event.GoldSentence{}
	for _, s := range a {
		byKey[key(s)] = s
	}
	var r EventResult
	var la, lb, ha, hb []string
	for _, sb := range b {
		sa, ok := byKey[key(sb)]
		if !ok {
			return r, fmt.Errorf("events: sentence %s of B is not in A", key(sb))
		}
		r.Sentences++
		la, lb = append(la, sentenceLabel(sa)), append(lb, sentenceLabel(sb))
		ha, hb = append(ha, hasEvent(sa)), append(hb, hasEvent(sb))
		r.Events.A += len(sa.Events)
		r.Events.B += len(sb.Events)
		used := make([]bool, len(sb.Events))
		var notes []string
		for _, ea := range sa.Events {
			best, bestScore := -1, -1
			for j, eb := range sb.Events {
				if used[j] || eb.Type != ea.Type {
					continue
				}
				sc := 0
				if sameActors(ea, eb) {
					sc = 1
				}
				if sc > bestScore {
					best, bestScore = j, sc
				}
			}
			if best < 0 {
				notes = append(notes, "only A: "+eventString(ea))
				continue
			}
			used[best] = true
			eb := sb.Events[best]
			r.Events.Matched++
			r.Actors.N++
			r.Targets.N++
			r.Mode.N++
			if sameActors(ea, eb) {
				r.Actors.K++
			} else {
				notes = append(notes, "actors: A "+eventString(ea)+" | B "+eventString(eb))
			}
			if sameTargets(ea, eb) {
				r.Targets.K++
			} else {
				notes = append(notes, "targets: A "+eventString(ea)+" | B "+eventString(eb))
			}
			if ea.Mode == eb.Mode {
				r.Mode.K++
			} else {
				notes = append(notes, "mode: A "+eventString(ea)+" | B "+eventString(eb))
			}
		}
		for j, eb := range sb.Events {
			if !used[j] {
				notes = append(notes, "only B: "+eventString(eb))
			}
		}
		if len(notes) > 0 {
			t := ""
			if text != nil {
				t = text(sb.Article, sb.Offset)
			}
			r.Disagreements = append(r.Disagreements, fmt.Sprintf("%s: %s\n    %s", key(sb), strings.Join(notes, "\n    "), t))
		}
	}
	r.Label = agreeRate(la, lb)
	r.HasEvent = agreeRate(ha, hb)
	var err error
	if r.LabelKappa, err = Kappa(la, lb); err != nil {
		return r, err
	}
	if r.HasEventKappa, err = Kappa(ha, hb); err != nil {
		return r, err
	}
	return r, nil
}

func agreeRate(a, b []string) Rate {
	r := Rate{N: len(a)}
	for i := range a {
		if a[i] == b[i] {
			r.K++
		}
	}
	return r
}

func sentenceLabel(s event.GoldSentence) string {
	if len(s.Events) == 0 {
		return "none"
	}
	set := map[string]bool{}
	for _, e := range s.Events {
		set[e.Type] = true
	}
	return strings.Join(sortedKeys(set), "+")
}

func hasEvent(s event.GoldSentence) string {
	if len(s.Events) == 0 {
		return "none"
	}
	return "event"
}

func surfaces(es []event.GoldEntity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Surface)
	}
	return out
}

func sameActors(x, y event.GoldEvent) bool {
	if x.Type == "CONSULT" {
		return sameNameSet(append(surfaces(x.Actors), surfaces(x.Targets)...), append(surfaces(y.Actors), surfaces(y.Targets)...))
	}
	return sameNameSet(surfaces(x.Actors), surfaces(y.Actors))
}

func sameTargets(x, y event.GoldEvent) bool {
	if x.Type == "CONSULT" {
		return sameActors(x, y)
	}
	return sameNameSet(surfaces(x.Targets), surfaces(y.Targets))
}

func eventString(e event.GoldEvent) string {
	ent := func(es []event.GoldEntity) string {
		var p []string
		for _, x := range es {
			p = append(p, x.Type+":"+x.Surface)
		}
		sort.Strings(p)
		return strings.Join(p, ";")
	}
	loc := ""
	if e.Location != nil {
		loc = e.Location.Surface
	}
	return fmt.Sprintf("%s %s | %s | %s | %s", e.Type, e.Mode, ent(e.Actors), ent(e.Targets), loc)
}
