package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Sentence is one sentence of a CoNLL file: its tokens and, when the file
// carries them, their gold BIO tags (nil otherwise).
type Sentence struct {
	Tokens []string
	Tags   []string
	// Domain is 0 for news, the domain Marsad tags, and another number
	// for each out-of-domain training source. Training gives every
	// feature one shared weight and one per domain (Daumé 2007,
	// "frustratingly easy domain adaptation") and keeps shared + news:
	// other sources then teach what they share with news without pulling
	// the news weights towards their own conventions.
	Domain int
}

// maxLine bounds one CoNLL line; a longer line is not a token.
const maxLine = 1 << 20

// ReadCoNLL reads a token-per-line file: the first whitespace-separated field
// is the token, the last (when there are at least two) is its tag, and a
// blank line ends a sentence. Tags from other schemes are mapped to Marsad's
// (PER→PERS, MIS→MISC, IOB1 I- runs are kept as written; see NormalizeTag).
// A sentence without any tag column gets nil Tags; a file that mixes tagged
// and untagged lines in one sentence is an error.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var (
		out    []Sentence
		cur    Sentence
		tagged int
		lineNo int
	)
	flush := func() error {
		if len(cur.Tokens) == 0 {
			return nil
		}
		switch tagged {
		case 0:
			cur.Tags = nil
		case len(cur.Tokens):
		default:
			return fmt.Errorf("conll line %d: sentence mixes tagged and untagged tokens", lineNo)
		}
		out = append(out, cur)
		cur = Sentence{}
		tagged = 0
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("conll line %d: invalid UTF-8", lineNo)
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		cur.Tokens = append(cur.Tokens, fields[0])
		if len(fields) >= 2 {
			t, err := NormalizeTag(fields[len(fields)-1])
			if err != nil {
				return nil, fmt.Errorf("conll line %d: %w", lineNo, err)
			}
			cur.Tags = append(cur.Tags, t)
			tagged++
		} else {
			cur.Tags = append(cur.Tags, "O")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll line %d: %w", lineNo+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// NormalizeTag maps a BIO tag of ANERcorp, AQMAR or CoNLL style to Marsad's
// tag set: O, or B-/I- followed by PERS, LOC, ORG or MISC. PER→PERS and
// MIS→MISC (AQMAR); anything else is an error naming the tag.
func NormalizeTag(t string) (string, error) {
	if t == "O" {
		return t, nil
	}
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || (t[1] != '-' && t[1] != '_') {
		return "", fmt.Errorf("unknown tag %q", t)
	}
	typ := t[2:]
	switch typ {
	case "PERS", "PER":
		typ = "PERS"
	case "LOC":
	case "ORG":
	case "MISC", "MIS":
		typ = "MISC"
	default:
		return "", fmt.Errorf("unknown entity type in tag %q", t)
	}
	return t[:1] + "-" + typ, nil
}
