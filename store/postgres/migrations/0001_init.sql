-- Marsad's schema on PostgreSQL: the same tables as store/sqlite, in
-- PostgreSQL's types. Text that is compared or ordered (ids, dates) is
-- COLLATE "C" so that order is byte order, as in SQLite, whatever the
-- database's locale: ISO dates must sort as strings, and a locale collation
-- would ignore their punctuation.

-- Articles: the full article JSON plus the columns ingest, clustering and
-- search look things up by. seq keeps arrival order for Scan.
CREATE TABLE articles (
	seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           text COLLATE "C" NOT NULL UNIQUE,
	url          text,                  -- NULL when the article has no URL
	hash         text COLLATE "C" NOT NULL UNIQUE, -- SHA-256 of the search-normalized text
	source       text NOT NULL,
	title        text NOT NULL,
	published    text COLLATE "C" NOT NULL, -- ISO date or date-time, '' unknown
	story_id     text COLLATE "C" NOT NULL,
	duplicate_of text,                  -- near-duplicate of this article id
	terms        text NOT NULL,         -- search-normalized content terms
	sketch       bytea,
	added        timestamptz NOT NULL,  -- server time of the adding transaction
	-- json, not jsonb: the article is always read whole, json keeps the
	-- bytes as written without re-parsing them into a tree on every insert,
	-- and jsonb refuses the \u0000 escape that a text may legitimately need.
	article      json NOT NULL
);
-- A URL can be longer than a btree entry may be (about 2.7 kB; tracking
-- parameters do that), so uniqueness is enforced on its digest.
CREATE UNIQUE INDEX articles_url ON articles (md5(url));
CREATE INDEX articles_story ON articles (story_id, published, seq);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source, published);
CREATE INDEX articles_added ON articles (added);

CREATE TABLE stories (
	id       text COLLATE "C" PRIMARY KEY,
	title    text NOT NULL,
	latest   text COLLATE "C" NOT NULL, -- newest published value among its articles
	created  timestamptz NOT NULL,
	updated  timestamptz NOT NULL,
	articles integer NOT NULL
);
CREATE INDEX stories_latest ON stories (latest DESC, updated DESC, id);

-- Annotations as rows, one per mention/quote/time/event, for search and
-- cross-article queries. Offsets are UTF-8 byte offsets into the article's
-- text; norm is the search-normalized text.
CREATE TABLE mentions (
	article     text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity      text NOT NULL,
	entity_name text NOT NULL,
	entity_type text NOT NULL,
	start_byte  integer NOT NULL,
	end_byte    integer NOT NULL,
	text        text NOT NULL,
	kind        text NOT NULL,
	norm        text NOT NULL
);
CREATE INDEX mentions_article ON mentions (article);
CREATE INDEX mentions_entity ON mentions (entity);
CREATE INDEX mentions_norm ON mentions (norm);

CREATE TABLE quotes (
	article      text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	speaker      text NOT NULL,
	speaker_name text NOT NULL,
	cue          text NOT NULL,
	kind         text NOT NULL,
	start_byte   integer NOT NULL,
	end_byte     integer NOT NULL,
	text         text NOT NULL,
	norm         text NOT NULL
);
CREATE INDEX quotes_article ON quotes (article);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE times (
	article    text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	value      text NOT NULL,
	kind       text NOT NULL,
	mod        text NOT NULL,
	start_byte integer NOT NULL,
	end_byte   integer NOT NULL,
	text       text NOT NULL
);
CREATE INDEX times_article ON times (article);
CREATE INDEX times_value ON times (value);

CREATE TABLE events (
	article    text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	type       text NOT NULL,
	code       text NOT NULL,
	mode       text NOT NULL,
	actors     text[] NOT NULL,  -- entity ids
	targets    text[] NOT NULL,
	location   text NOT NULL,
	date       text NOT NULL,
	confidence double precision NOT NULL,
	start_byte integer NOT NULL,
	end_byte   integer NOT NULL
);
CREATE INDEX events_article ON events (article);
CREATE INDEX events_type ON events (type, date);
