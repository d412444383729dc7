package marsad

// Story is a group of articles about one event, with what they share and
// where they differ. Its JSON form is the contract of `marsad story --json`.
type Story struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Articles   []StoryArticle  `json:"articles"`
	Entities   []StoryEntity   `json:"entities"`
	Quotes     []StoryQuote    `json:"quotes"`
	Timeline   []TimelineEntry `json:"timeline"`
	Events     []StoryEvent    `json:"events"`
	Comparison Comparison      `json:"comparison"`
	Summary    []SummaryLine   `json:"summary"`
}

// StoryArticle is an article as listed in a story.
type StoryArticle struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// StoryEntity is an entity merged over a story's articles.
type StoryEntity struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	NameEn   string `json:"name_en"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// StoryQuote is a quote in one of a story's articles.
type StoryQuote struct {
	Speaker     string `json:"speaker"`
	SpeakerName string `json:"speaker_name"`
	Article     string `json:"article"`
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// TimelineEntry is one resolved date with the articles that mention it.
type TimelineEntry struct {
	Value    string   `json:"value"`
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
}

// StoryEvent is one coded event as a story's outlets report it: the events
// of one type, mode, actors and targets from every article that codes
// them, each article's sentence as evidence. Ids are the story's entity
// ids (after merging names that are one entity).
type StoryEvent struct {
	Type    string     `json:"type"`
	Code    string     `json:"code"`
	Mode    string     `json:"mode"`
	Actors  []string   `json:"actors"`
	Targets []string   `json:"targets"`
	Date    string     `json:"date"`
	Sources []Evidence `json:"sources"`
}

// Comparison says, claim by claim, what a story's sources agree on, what only
// one of them reports, and where they contradict each other.
type Comparison struct {
	Agreements []Claim    `json:"agreements"`
	Unique     []Claim    `json:"unique"`
	Conflicts  []Conflict `json:"conflicts"`
}

// Claim is one fact or statement and the places each source carries it.
type Claim struct {
	Claim   string     `json:"claim"`
	Sources []Evidence `json:"sources"`
}

// Conflict is one fact or statement that sources give incompatibly.
type Conflict struct {
	About    string     `json:"about"`
	Variants []Evidence `json:"variants"`
}

// Evidence points at a span of one article.
type Evidence struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// SummaryLine is one extracted sentence of a story summary, cited to its
// article.
type SummaryLine struct {
	Text    string `json:"text"`
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}
