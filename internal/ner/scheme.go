package ner

import "strings"

// Internally the model may tag with BILOU (begin, inside, last, unit):
// marking the last token of a name and single-token names separately helps
// linear models (Ratinov & Roth 2009). Output is always BIO.

func labelsFor(scheme string) []string {
	out := []string{"O"}
	prefixes := "BI"
	if scheme == "BILOU" {
		prefixes = "BILU"
	}
	for _, t := range Types {
		for _, p := range prefixes {
			out = append(out, string(p)+"-"+t)
		}
	}
	return out
}

// toScheme converts BIO tags (as normalised by ReadCoNLL and repaired by
// Chunks' reading) into the scheme's tags.
func toScheme(bio []string, scheme string) []string {
	out := make([]string, len(bio))
	for i := range out {
		out[i] = "O"
	}
	for _, c := range Chunks(bio) {
		for i := c.Start; i < c.End; i++ {
			p := "I-"
			switch {
			case scheme == "BILOU" && c.End-c.Start == 1:
				p = "U-"
			case i == c.Start:
				p = "B-"
			case scheme == "BILOU" && i == c.End-1:
				p = "L-"
			}
			out[i] = p + c.Type
		}
	}
	return out
}

// toBIO converts scheme tags back to BIO.
func toBIO(tags []string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "U-"):
			out[i] = "B-" + t[2:]
		case strings.HasPrefix(t, "L-"):
			out[i] = "I-" + t[2:]
		default:
			out[i] = t
		}
	}
	return out
}

// allowed says whether label cur may follow prev ("" at the start).
func allowed(prev, cur, scheme string) bool {
	pp, pt := splitTag(prev)
	cp, ct := splitTag(cur)
	inside := pp == 'B' || pp == 'I'
	if cp == 'I' || cp == 'L' {
		return inside && pt == ct
	}
	// In BILOU a name opened by B or continued by I must be closed by L.
	return !(scheme == "BILOU" && inside)
}

// allowedEnd says whether a sentence may end with label l.
func allowedEnd(l, scheme string) bool {
	if scheme != "BILOU" {
		return true
	}
	return l == "O" || l[0] == 'L' || l[0] == 'U'
}
