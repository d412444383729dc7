-- Articles: the full article JSON plus the columns ingest, clustering and
-- search look things up by. seq keeps arrival order for Scan.
CREATE TABLE articles (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT UNIQUE,           -- NULL when the article has no URL
	hash         TEXT NOT NULL UNIQUE,  -- SHA-256 of the search-normalized text
	source       TEXT NOT NULL,
	title        TEXT NOT NULL,
	published    TEXT NOT NULL,         -- ISO date or date-time, '' unknown
	story_id     TEXT NOT NULL,
	duplicate_of TEXT,                  -- near-duplicate of this article id
	terms        TEXT NOT NULL,         -- search-normalized content terms (for FTS later)
	sketch       BLOB,
	added        INTEGER NOT NULL,      -- unix nanoseconds
	json         BLOB NOT NULL
);
CREATE INDEX articles_story ON articles(story_id, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_added ON articles(added);

CREATE TABLE stories (
	id       TEXT PRIMARY KEY,
	title    TEXT NOT NULL,
	latest   TEXT NOT NULL,   -- newest published value among its articles
	created  INTEGER NOT NULL,
	updated  INTEGER NOT NULL,
	articles INTEGER NOT NULL
);
CREATE INDEX stories_latest ON stories(latest DESC, updated DESC);

-- Annotations as rows, one per mention/quote/time/event, for search and
-- cross-article queries. norm is the search-normalized text.
CREATE TABLE mentions (
	article     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity      TEXT NOT NULL,
	entity_name TEXT NOT NULL,
	entity_type TEXT NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	text        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	norm        TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_norm ON mentions(norm);

CREATE TABLE quotes (
	article      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	speaker      TEXT NOT NULL,
	speaker_name TEXT NOT NULL,
	cue          TEXT NOT NULL,
	kind         TEXT NOT NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL,
	text         TEXT NOT NULL,
	norm         TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE times (
	article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	value   TEXT NOT NULL,
	kind    TEXT NOT NULL,
	mod     TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL
);
CREATE INDEX times_article ON times(article);
CREATE INDEX times_value ON times(value);

CREATE TABLE events (
	article    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	type       TEXT NOT NULL,
	code       TEXT NOT NULL,
	mode       TEXT NOT NULL,
	actors     TEXT NOT NULL,  -- entity ids, space separated
	targets    TEXT NOT NULL,
	location   TEXT NOT NULL,
	date       TEXT NOT NULL,
	confidence REAL NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_type ON events(type, date);
