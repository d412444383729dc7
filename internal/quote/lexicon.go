package quote

import (
	"embed"
	"fmt"
	"strings"

	"marsad/internal/text/normalize"
)

//go:embed data/*.txt
var dataFS embed.FS

// form is the grammatical form of a cue word, which decides where its
// speaker is: after a finite verb (أوضح الرئيس أن) or before it (ترامب أشار),
// in the main clause for a participle (…، مؤكداً أن), and in the possessive
// for a masdar (نقلت عن الوزير قوله إن).
type form int

const (
	past form = iota
	present
	participle
	masdar
)

func (f form) finite() bool { return f == past || f == present }

// cue is one written form of a speech verb.
type cue struct {
	lemma string
	form  form
	// preps are prepositions that may introduce the content directly
	// (شدد على ضرورة …), in search normalization.
	preps []string
	// object: the verb takes a direct object before its content (وصف
	// المحادثات بأنها…), so the noun after it may not be its subject.
	object bool
	// conjOnly: the form is a cue only after و/ف (وبين), being a common
	// function word alone (بين 'between').
	conjOnly bool
	// bare: the verb may introduce speech without أن or marks (قال، أضاف).
	bare bool
	// suffixed: a present form read with an object pronoun (يصفها), a
	// cue only when a complementizer follows at once.
	suffixed bool
}

// lexicon is the linguistic data of the package, loaded from data/*.txt.
type lexicon struct {
	cues           map[string]cue // search form → cue
	attitudes      map[string]bool
	complementizer map[string]bool // single-word ones: ان, بان
	compPreps      map[string]bool // الى, على: before ان
	markers        [][]string      // token sequences (من جانبه)
	conj           [][]string      // token sequences (لكنه، إلا أنه)
	openers        [][]string      // conj and markers: words that open a clause
	speakerHeads   map[string]bool
	adverbials     map[string]bool
	governors      map[string]bool
	honorifics     map[string]bool
	notComp        map[string]bool // غير، إلا، بعد … before أن
	// prepositions are the free-standing prepositions (search form) whose
	// object is what is spoken of, never a subject (عن الرئيس، أما عن).
	prepositions    map[string]bool
	deputies        map[string]bool // نائب، مستشار … before a name
	voices          [][]string      // على لسان، نقلا عن، عن
	meetingWords    map[string]bool // مع، لدى … (meeting.txt)
	meetingPrefixes []string        // نظير…، استقبال…
	notNames        map[string]bool // هو، ذلك … (notnames.txt)
	titles          map[string]bool // رئيس، مدير، المحلل … (titles.txt): persons, not bodies
	documents       map[string]bool // بيان، تصريح … (documents.txt): جاء في بيان X «…»
	bodies          map[string]bool // جهاز، وزارة … (bodies.txt): heads of body names
	scripture       map[string]bool // تعالى، صلى … (scripture.txt): قال تعالى cites a verse
	eponyms         map[string]bool // جامعة، مطار، مسلسل … (eponyms.txt): a name after one is theirs
	kinship         map[string]bool // عم، خال … (kinship.txt)
}

// lines returns the non-comment, non-empty lines of an embedded data file.
func lines(name string) ([]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("quote data %s: %w", name, err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		cues:           map[string]cue{},
		attitudes:      map[string]bool{},
		complementizer: map[string]bool{},
		compPreps:      map[string]bool{},
		speakerHeads:   map[string]bool{},
		adverbials:     map[string]bool{},
		governors:      map[string]bool{},
		honorifics:     map[string]bool{},
		notComp:        map[string]bool{},
		prepositions:   map[string]bool{},
		deputies:       map[string]bool{},
		meetingWords:   map[string]bool{},
		notNames:       map[string]bool{},
		titles:         map[string]bool{},
		documents:      map[string]bool{},
		bodies:         map[string]bool{},
		eponyms:        map[string]bool{},
		kinship:        map[string]bool{},
		scripture:      map[string]bool{},
	}
	ls, err := lines("cues.txt")
	if err != nil {
		return nil, err
	}
	for n, l := range ls {
		cols := strings.Split(l, "|")
		if len(cols) != 6 {
			return nil, fmt.Errorf("quote data cues.txt: entry %d %q: want 6 columns, got %d", n+1, l, len(cols))
		}
		var preps []string
		for _, p := range strings.Fields(cols[5]) {
			if p != "-" {
				preps = append(preps, normalize.Search(p))
			}
		}
		lemma := strings.TrimSpace(cols[0])
		object := strings.HasSuffix(lemma, "*")
		lemma = strings.TrimSuffix(lemma, "*")
		bare := strings.HasSuffix(lemma, "!")
		lemma = strings.TrimSuffix(lemma, "!")
		for i, f := range []form{past, present, participle, masdar} {
			for _, w := range strings.Fields(cols[i+1]) {
				if w == "-" {
					continue
				}
				conjOnly := strings.HasPrefix(w, "+")
				lx.cues[normalize.Search(strings.TrimPrefix(w, "+"))] = cue{lemma: lemma, form: f, preps: preps, object: object, conjOnly: conjOnly, bare: bare}
			}
		}
	}
	if ls, err = lines("attitudes.txt"); err != nil {
		return nil, err
	}
	for _, l := range ls {
		for _, w := range strings.Split(l, "|") {
			if w = strings.TrimSpace(w); w != "" {
				lx.attitudes[normalize.Search(w)] = true
			}
		}
	}
	if ls, err = lines("meeting.txt"); err != nil {
		return nil, err
	}
	for _, l := range ls {
		if p, ok := strings.CutSuffix(l, "*"); ok {
			lx.meetingPrefixes = append(lx.meetingPrefixes, normalize.Search(p))
		} else {
			lx.meetingWords[normalize.Search(l)] = true
		}
	}
	if ls, err = lines("complementizers.txt"); err != nil {
		return nil, err
	}
	for _, l := range ls {
		f := strings.Fields(normalize.Search(l))
		switch len(f) {
		case 1:
			lx.complementizer[f[0]] = true
		case 2:
			lx.compPreps[f[0]] = true
		default:
			return nil, fmt.Errorf("quote data complementizers.txt: %q: want one or two words", l)
		}
	}
	for name, dst := range map[string]*[][]string{"markers.txt": &lx.markers, "conjunctions.txt": &lx.conj, "voices.txt": &lx.voices} {
		if ls, err = lines(name); err != nil {
			return nil, err
		}
		for _, l := range ls {
			*dst = append(*dst, strings.Fields(normalize.Search(l)))
		}
	}
	// Built once: Annotate runs concurrently and must not append to
	// shared slices.
	lx.openers = append(append([][]string{}, lx.conj...), lx.markers...)
	for name, dst := range map[string]map[string]bool{"speakers.txt": lx.speakerHeads, "adverbials.txt": lx.adverbials, "governors.txt": lx.governors, "honorifics.txt": lx.honorifics, "notcomp.txt": lx.notComp, "deputies.txt": lx.deputies, "notnames.txt": lx.notNames, "titles.txt": lx.titles, "documents.txt": lx.documents, "bodies.txt": lx.bodies, "eponyms.txt": lx.eponyms, "kinship.txt": lx.kinship, "scripture.txt": lx.scripture} {
		if ls, err = lines(name); err != nil {
			return nil, err
		}
		for _, l := range ls {
			dst[normalize.Search(l)] = true
		}
	}
	// A closed class of the grammar, so kept here rather than in a file.
	for _, w := range strings.Fields("عن على إلى من في مع حول بشأن لدى عند") {
		lx.prepositions[normalize.Search(w)] = true
	}
	return lx, nil
}

// pronounSuffixes are object pronouns that attach to a cue verb (وصفها،
// اعتبره) or a complementizer (أنه، بأنها), in search normalization.
var pronounSuffixes = []string{"هما", "هم", "هن", "ها", "ه", "ني", "نا", "كم"}

// lookupCue finds the cue written as the search-form word w, allowing a
// conjunction proclitic (وأكد، فأوضح) and, on verbs, an object pronoun
// (وصفها). conj reports whether a proclitic was removed. taMarbuta says the
// word as written ends in ة, which the search form writes ه: then the ه is
// no pronoun (إشارة is not أشار+ه).
func (lx *lexicon) lookupCue(w string, taMarbuta bool) (c cue, conj bool, ok bool) {
	try := func(s string) (cue, bool) {
		if c, ok := lx.cues[s]; ok {
			return c, true
		}
		for _, suf := range pronounSuffixes {
			if taMarbuta && suf == "ه" {
				continue
			}
			if len(s) > len(suf)+4 && strings.HasSuffix(s, suf) {
				// Past forms take the pronoun (وصفها، قاله، أكدنا), but
				// not زاد, which as 'added' has no object (زاده is
				// 'increased it', or a name: اخند زاده). Present forms
				// with it are mostly other senses (ما يرونه 'what they
				// see', ما يدعونه 'what they call'), except a verb that
				// takes an object before its complementizer (ويصفها
				// بأنها): marked, for the caller to require one.
				c, ok := lx.cues[strings.TrimSuffix(s, suf)]
				if ok && c.form == past && c.lemma != "زاد" {
					return c, true
				}
				if ok && c.form == present && c.object {
					c.suffixed = true
					return c, true
				}
			}
		}
		return cue{}, false
	}
	if c, ok := try(w); ok && !c.conjOnly {
		return c, false, true
	}
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		if c, ok := try(w[len("و"):]); ok {
			return c, true, true
		}
	}
	return cue{}, false, false
}

// objectPronoun reports whether the search-form word w is a cue only with
// an object pronoun on it (كتبه، أوردته), not as written.
func (lx *lexicon) objectPronoun(w string) bool {
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		if _, ok := lx.cues[w[len("و"):]]; ok {
			return false
		}
	}
	if _, ok := lx.cues[w]; ok {
		return false
	}
	_, _, ok := lx.lookupCue(w, false)
	return ok
}

// isAttitude reports whether w (search form) is an attitude verb, with an
// optional conjunction proclitic. next is the word after it: عبر is the
// verb عبّر only before عن.
func (lx *lexicon) isAttitude(w, next string) bool {
	if strings.TrimPrefix(w, "و") == "عبر" || strings.TrimPrefix(w, "و") == "عبرت" {
		return next == "عن"
	}
	if lx.attitudes[w] {
		return true
	}
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		return lx.attitudes[w[len("و"):]]
	}
	return false
}

// isComplementizer reports whether w is أن/إن/بأن with an optional pronoun
// suffix (أنه، إنها، بأنهم).
func (lx *lexicon) isComplementizer(w string) bool {
	if lx.complementizer[w] {
		return true
	}
	for _, suf := range pronounSuffixes {
		if strings.HasSuffix(w, suf) && lx.complementizer[strings.TrimSuffix(w, suf)] {
			return true
		}
	}
	return false
}

// isDeputy reports whether w is a title that stands for another (نائب).
func (lx *lexicon) isDeputy(w string) bool {
	return lx.deputies[w] || (strings.HasPrefix(w, "ال") && lx.deputies[w[len("ال"):]])
}

// isSpeakerHead reports whether w can head a speaker phrase: a title or
// institution word, with the article or a clitic.
func (lx *lexicon) isSpeakerHead(w string) bool {
	head := func(w string) bool {
		return lx.speakerHeads[w] || (strings.HasPrefix(w, "ال") && lx.speakerHeads[w[len("ال"):]])
	}
	// وزير starts with و itself: try the word as written first.
	return head(w) || (strings.HasPrefix(w, "و") && head(strings.TrimPrefix(w, "و")))
}

// isEponym reports whether w is a place, institution or work noun that
// takes a name of its own (بجامعة، والمطار، لمسلسل).
func (lx *lexicon) isEponym(w string) bool {
	for _, p := range []string{"", "و", "ب", "ل", "وب", "ول"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		r := strings.TrimPrefix(w, p)
		if lx.eponyms[r] || (strings.HasPrefix(r, "ال") && lx.eponyms[r[len("ال"):]]) {
			return true
		}
	}
	return false
}

// isTitle reports whether w is a person's title (الرئيس، المحلل، د),
// with the article or a conjunction.
func (lx *lexicon) isTitle(w string) bool {
	t := func(w string) bool {
		return lx.titles[w] || (strings.HasPrefix(w, "ال") && lx.titles[w[len("ال"):]])
	}
	return t(w) || (strings.HasPrefix(w, "و") && t(strings.TrimPrefix(w, "و")))
}

// meeting reports whether w introduces someone the subject meets or
// addresses (مع نظيره الفرنسي فابيوس), so that a person named after it is
// not the speaker.
func (lx *lexicon) meeting(w string) bool {
	if lx.meetingWords[w] {
		return true
	}
	for _, p := range lx.meetingPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
