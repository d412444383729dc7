// Package kb is Marsad's knowledge base: the people, places and
// organisations news name, with their Arabic and Latin names and spelling
// variants, their Wikidata ids where known, and the titles they held with
// the dates they held them (الرئيس الأمريكي → Obama in 2015, Trump in 2025).
//
// The knowledge base is a versioned data file (data/kb.jsonl) embedded in
// the binary. It is not written by hand: Build makes it from a curated core
// (data/core.tsv, data/countries.tsv, data/roles.tsv) and real sources
// (Debian iso-codes' Arabic country names, mledoze/countries, ANETAC name
// pairs, the names annotated in ANERcorp and NewsFANE, institutions, people,
// places and clubs mined from SaudiNewsNet: institutions.go, mined.go), and
// `marsad build kb` rewrites the file reproducibly.
package kb

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"marsad/internal/text/normalize"
)

// Sources an entity may come from, strongest first. Only entities from the
// curated core and the country lists are trusted to be found in text without
// the NER (Gazetteer); names seen in NER training data only give an id, a
// type and a Latin name to what the NER found.
const (
	SourceCore      = "core"
	SourceCountries = "countries"
	SourceCapitals  = "capitals"
	SourceANERcorp  = "anercorp"
	SourceNewsFANE  = "newsfane"
)

// Entity is one knowledge-base entry.
type Entity struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Wikidata string `json:"wikidata,omitempty"`
	Name     string `json:"name"`
	NameEn   string `json:"name_en"`
	// Aliases are other Arabic spellings that name the entity on their own
	// (بوتين، فلاديمير بوتن).
	Aliases []string `json:"aliases,omitempty"`
	// Partial are names trusted only inside an article that also names the
	// entity in full: surnames that are common words (صالح، المعلم) or
	// shared by many people.
	Partial   []string `json:"partial,omitempty"`
	AliasesEn []string `json:"aliases_en,omitempty"`
	Titles    []Title  `json:"titles,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of a country entity, and Nisba
	// its adjectives (الروسي، الروسية), which build titles but are not
	// mentions of the country (see package link).
	Country string   `json:"country,omitempty"`
	Nisba   []string `json:"nisba,omitempty"`
	// CapitalOf is the alpha-2 code of the country whose capital a city
	// entity is (iso-codes/countries give capitals): a dateline (القاهرة -
	// واس) gives an article its country. Not Country: the city is not a
	// name of the country.
	CapitalOf string `json:"capital_of,omitempty"`
	// Context lists the ids of the entities (countries, cities, parties) an
	// article must name for the Contextual names and the partial names to
	// mean this entity: قوات التحالف is the Saudi-led coalition in a story
	// about Yemen, the NATO coalition in one about Afghanistan.
	Context []string `json:"context,omitempty"`
	// Contextual are aliases (also listed in Aliases) that are descriptions
	// rather than names (قوات التحالف): see Context.
	Contextual []string `json:"contextual,omitempty"`
	// Class is a fine-grained class when a source gives one (NewsFANE's
	// Politician, Athlete …).
	Class string `json:"class,omitempty"`
	// Gazetteer marks a name from NER training data that is safe to find
	// in text without the NER (see Build).
	Gazetteer bool   `json:"gazetteer,omitempty"`
	Source    string `json:"source"`
}

// Title is an office an entity held, with the phrases that name it and the
// dates it held it. From and To are ISO dates; To is "" while in office.
type Title struct {
	Role    string   `json:"role,omitempty"`    // roles.tsv key (president, fm …), "" for a literal title
	Country string   `json:"country,omitempty"` // alpha-2 of the office's country
	Texts   []string `json:"texts"`
	From    string   `json:"from,omitempty"`
	To      string   `json:"to,omitempty"`
}

// Holds reports whether the title was held on day t.
func (t Title) Holds(day time.Time) bool {
	d := day.Format("2006-01-02")
	return (t.From == "" || t.From <= d) && (t.To == "" || d < t.To)
}

// Open reports whether the title has no end date (still held).
func (t Title) Open() bool { return t.To == "" }

// Trusted reports whether the entity comes from a curated source (or is a
// frequent, unambiguous name of the NER data) and may be looked for in text
// without the NER.
func (e *Entity) Trusted() bool {
	return e.Source == SourceCore || e.Source == SourceCountries || e.Source == SourceCapitals || e.Gazetteer
}

// Header is the first line of the data file: what it was built from.
type Header struct {
	Version  int            `json:"version"`
	Built    string         `json:"built"`
	Sources  []string       `json:"sources"`
	Counts   map[string]int `json:"counts"`
	Comment  string         `json:"comment,omitempty"`
	Entities int            `json:"entities"`
}

// Role is one office kind from roles.tsv.
type Role struct {
	Key         string
	NisbaHeads  []string // heads before a nisba: الرئيس (الروسي)
	CountryHead []string // heads before a country name: رئيس (روسيا)
	Desc        string
}

// KB is a loaded knowledge base with its lookup indexes. It is read-only
// and safe for concurrent use.
type KB struct {
	Header   Header
	Entities []*Entity
	Roles    map[string]*Role

	byID    map[string]*Entity
	byName  map[string][]*Entity // search key → entities naming it fully
	byPart  map[string][]*Entity // search key → entities naming it partially
	bySkel  map[string][]*Entity // consonant skeleton of a full name → entities
	titles  map[string][]titleRef
	nisba   map[string]string // search key of a nisba → alpha-2
	country map[string]*Entity
	maxLen  int // longest name, in words
}

// titleRef is one title phrase of one entity.
type titleRef struct {
	Entity *Entity
	Title  *Title
}

//go:embed data/kb.jsonl
var embedded []byte

//go:embed data/roles.tsv
var rolesTSV []byte

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the embedded knowledge base, loaded once.
func Default() (*KB, error) {
	defaultOnce.Do(func() {
		defaultKB, defaultErr = Load(bytes.NewReader(embedded))
	})
	return defaultKB, defaultErr
}

// MustDefault returns the embedded knowledge base. The embedded file is
// checked by the package's tests, so a failure here is a build defect, not
// bad input.
func MustDefault() *KB {
	k, err := Default()
	if err != nil {
		panic(fmt.Sprintf("kb: embedded knowledge base: %v", err))
	}
	return k
}

// Load reads a knowledge base in the data-file format: a header line, then
// one JSON entity per line.
func Load(r io.Reader) (*KB, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	k := &KB{}
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if line == 1 {
			if err := json.Unmarshal(b, &k.Header); err != nil {
				return nil, fmt.Errorf("kb: header: %w", err)
			}
			continue
		}
		e := new(Entity)
		if err := json.Unmarshal(b, e); err != nil {
			return nil, fmt.Errorf("kb: line %d: %w", line, err)
		}
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("kb: line %d: entity without id or name", line)
		}
		k.Entities = append(k.Entities, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	roles, err := parseRoles(rolesTSV)
	if err != nil {
		return nil, err
	}
	k.Roles = roles
	if err := k.index(); err != nil {
		return nil, err
	}
	return k, nil
}

// New builds a knowledge base from entities already in memory (Build, tests).
func New(entities []*Entity) (*KB, error) {
	roles, err := parseRoles(rolesTSV)
	if err != nil {
		return nil, err
	}
	k := &KB{Entities: entities, Roles: roles}
	if err := k.index(); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *KB) index() error {
	k.byID = make(map[string]*Entity, len(k.Entities))
	k.byName = map[string][]*Entity{}
	k.byPart = map[string][]*Entity{}
	k.bySkel = map[string][]*Entity{}
	k.titles = map[string][]titleRef{}
	k.nisba = map[string]string{}
	k.country = map[string]*Entity{}
	for _, e := range k.Entities {
		if _, dup := k.byID[e.ID]; dup {
			return fmt.Errorf("kb: duplicate id %q", e.ID)
		}
		k.byID[e.ID] = e
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			key := Key(n)
			if key == "" {
				continue
			}
			k.byName[key] = appendOnce(k.byName[key], e)
			if sk := Skeleton(key); len([]rune(sk)) >= 4 {
				k.bySkel[sk] = appendOnce(k.bySkel[sk], e)
			}
			if w := strings.Count(key, " ") + 1; w > k.maxLen {
				k.maxLen = w
			}
		}
		for _, n := range e.Partial {
			if key := Key(n); key != "" {
				k.byPart[key] = appendOnce(k.byPart[key], e)
			}
		}
		for i := range e.Titles {
			t := &e.Titles[i]
			for _, s := range t.Texts {
				key := Key(s)
				k.titles[key] = append(k.titles[key], titleRef{e, t})
				if w := strings.Count(key, " ") + 1; w > k.maxLen {
					k.maxLen = w
				}
			}
		}
		if e.Country != "" {
			k.country[e.Country] = e
			for _, n := range e.Nisba {
				k.nisba[Key(n)] = e.Country
			}
		}
	}
	for _, e := range k.Entities {
		for _, id := range e.Context {
			if k.byID[id] == nil {
				return fmt.Errorf("kb: %s: unknown context entity %q", e.ID, id)
			}
		}
	}
	for _, m := range []map[string][]*Entity{k.byName, k.byPart, k.bySkel} {
		for _, es := range m {
			sort.SliceStable(es, func(i, j int) bool { return rank(es[i]) < rank(es[j]) })
		}
	}
	return nil
}

// rank orders candidates: curated people and organisations, then
// countries, capitals, then names only seen in NER data.
func rank(e *Entity) int {
	switch e.Source {
	case SourceCore:
		return 0
	case SourceCountries:
		return 1
	case SourceCapitals:
		return 2
	}
	return 3
}

func appendOnce(list []*Entity, e *Entity) []*Entity {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// ByID returns the entity with the given id.
func (k *KB) ByID(id string) (*Entity, bool) {
	e, ok := k.byID[id]
	return e, ok
}

// Country returns the country entity of an alpha-2 code.
func (k *KB) Country(code string) (*Entity, bool) {
	e, ok := k.country[code]
	return e, ok
}

// Lookup returns the entities whose full name or alias has the search key
// of name (see Key), best first: curated before seen-in-corpus.
func (k *KB) Lookup(name string) []*Entity { return k.byName[Key(name)] }

// LookupKey is Lookup for a key already made by Key.
func (k *KB) LookupKey(key string) []*Entity { return k.byName[key] }

// LookupPartial returns the entities that name is a partial name of
// (surnames that need the full name in the same article).
func (k *KB) LookupPartial(key string) []*Entity { return k.byPart[key] }

// LookupSkeleton returns the entities whose name has the consonant skeleton
// of key: the spelling-variant fallback (زيلنسكي ~ زيلينسكي، ترمب ~ ترامب).
func (k *KB) LookupSkeleton(key string) []*Entity { return k.bySkel[Skeleton(key)] }

// NisbaCountry returns the country code a nisba adjective (الروسي،
// الأميركية) belongs to.
func (k *KB) NisbaCountry(key string) (string, bool) {
	c, ok := k.nisba[key]
	return c, ok
}

// ForEachName calls fn for every full-name key (trusted or not) and its
// entities, best first.
func (k *KB) ForEachName(fn func(key string, es []*Entity)) {
	for key, es := range k.byName {
		fn(key, es)
	}
}

// ForEachTitle calls fn for every title phrase key.
func (k *KB) ForEachTitle(fn func(key string)) {
	for key := range k.titles {
		fn(key)
	}
}

// MaxWords is the length in words of the longest name or title.
func (k *KB) MaxWords() int { return k.maxLen }

// TitleHolders returns, for a title phrase's key, the entities that held it
// and when.
func (k *KB) TitleHolders(key string) []TitleHolder {
	refs := k.titles[key]
	out := make([]TitleHolder, len(refs))
	for i, r := range refs {
		out[i] = TitleHolder{Entity: r.Entity, Title: *r.Title}
	}
	return out
}

// TitleHolder is one holder of a title phrase.
type TitleHolder struct {
	Entity *Entity
	Title  Title
}

// Holder resolves a title phrase (its key) on a day: the entity that held it
// then. ok is false when nobody or more than one entity held it. When the
// day is unknown (zero), the current holder (open-ended title) is returned.
func (k *KB) Holder(key string, day time.Time) (*Entity, bool) {
	return pickHolder(k.titles[key], day)
}

// RoleHolder resolves an office (role, country) on a day: نظيره الروسي needs
// the role of the counterpart and the country of the nisba.
func (k *KB) RoleHolder(role, country string, day time.Time) (*Entity, bool) {
	var refs []titleRef
	for _, e := range k.Entities {
		for i := range e.Titles {
			if t := &e.Titles[i]; t.Role == role && t.Country == country {
				refs = append(refs, titleRef{e, t})
			}
		}
	}
	return pickHolder(refs, day)
}

func pickHolder(refs []titleRef, day time.Time) (*Entity, bool) {
	var found *Entity
	for _, r := range refs {
		ok := false
		if day.IsZero() {
			ok = r.Title.Open()
		} else {
			ok = r.Title.Holds(day)
		}
		if !ok {
			continue
		}
		if found != nil && found != r.Entity {
			return nil, false
		}
		found = r.Entity
	}
	return found, found != nil
}

// keySeparators are the punctuation marks that separate words in a name.
// A Replacer builds its tables on first use, so it is made once, not per
// call (Key is on the linker's hot path).
var keySeparators = strings.NewReplacer("-", " ", "‐", " ", "_", " ", "(", " ", ")", " ", "«", " ", "»", " ", "\"", " ")

// Key is the matching form of a name: the search normalization (no
// diacritics, unified alef/ya/ta marbuta), hyphens as spaces, single spaces,
// and the connected spellings of عبد and أبو split (عبدالله = عبد الله).
func Key(s string) string {
	s = normalize.Search(s)
	s = keySeparators.Replace(s)
	if !strings.ContainsAny(s, " \t\n") && !strings.HasPrefix(s, "عبدال") {
		return s // one word, the common case
	}
	f := strings.Fields(s)
	for i, w := range f {
		// عبدالله/عبدالعزيز → عبد الله/عبد العزيز: both are written, the
		// spaced form is the standard one.
		if strings.HasPrefix(w, "عبدال") && len(w) > len("عبدال") {
			f[i] = "عبد " + strings.TrimPrefix(w, "عبد")
		}
	}
	return strings.Join(f, " ")
}

// Skeleton drops the long vowels ا و ي inside each word of a key (keeping
// a word's first and last letters): Arabic transliterations of foreign
// names vary mostly in them (زيلينسكي/زيلنسكي، ترامب/ترمب،
// الأمريكي/الأميركي).
func Skeleton(key string) string {
	var b strings.Builder
	for i, w := range strings.Fields(key) {
		if i > 0 {
			b.WriteByte(' ')
		}
		last := len(w) - utf8.RuneLen([]rune(w)[len([]rune(w))-1])
		for j, r := range w {
			// Interior long vowels only: a final one distinguishes names
			// (ويل Will / ويلو Willow).
			if j > 0 && j < last && (r == 'ا' || r == 'و' || r == 'ي') {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func parseRoles(b []byte) (map[string]*Role, error) {
	roles := map[string]*Role{}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("kb: roles.tsv line %d: want 3+ columns", i+1)
		}
		r := &Role{Key: f[0], NisbaHeads: splitList(f[1]), CountryHead: splitList(f[2])}
		if len(f) > 3 {
			r.Desc = f[3]
		}
		roles[r.Key] = r
	}
	return roles, nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// sortEntities orders entities by id so the data file diffs cleanly.
func sortEntities(es []*Entity) {
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
}
