-- kb schema, migration 1: sources, the files they came from, sentences, full-text search.
-- Dates are ISO-8601 text ('2019', '2019-02', '2019-02-21') with a precision column and a
-- generated `year` for grouping. Offsets count Unicode code points (Python's str indexes).

CREATE TABLE _kb_migrations ( -- Which migrations (Migrations/NNNN_name.sql) this database has had, each applied once, in order.
  version INTEGER PRIMARY KEY, -- the migration's number
  name TEXT NOT NULL, -- its file name
  applied_at TEXT NOT NULL -- when it was applied (UTC, ISO-8601)
) STRICT;

CREATE TABLE _kb_meta ( -- Facts about this database: which kb and which dictionaries built it.
  key TEXT PRIMARY KEY, -- name of the fact, e.g. 'kb_version', 'dictionary_version'
  value TEXT NOT NULL -- its value
) STRICT;

CREATE TABLE sources ( -- One article: its clean text and what is known about it.
  id INTEGER PRIMARY KEY, -- source id
  content_hash TEXT NOT NULL UNIQUE, -- SHA-256 (hex) of the article as read (the file, or the JSON record); the same content under two names is one source
  fingerprint TEXT NOT NULL, -- hash of the content, the user-supplied metadata and the extractor/dictionary versions: when it changes, the source is re-extracted
  format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html', 'jsonl', 'json')), -- the input format it was read from
  title TEXT, -- headline
  title_origin TEXT CHECK (title_origin IN ('text', 'user', 'inferred')), -- where the title came from: stated in the article (or its markup), supplied by the user, or inferred
  published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]*'), -- publication date, ISO-8601 at its precision
  published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')), -- precision of `published`
  published_origin TEXT CHECK (published_origin IN ('text', 'user', 'inferred')), -- where the publication date came from
  year INTEGER GENERATED ALWAYS AS (CAST(substr(published, 1, 4) AS INTEGER)) VIRTUAL, -- publication year, for grouping
  publisher TEXT, -- outlet or institution that published it
  publisher_origin TEXT CHECK (publisher_origin IN ('text', 'user', 'inferred')), -- where the publisher came from
  authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors) AND json_type(authors) = 'array'), -- JSON array of author names
  authors_origin TEXT CHECK (authors_origin IN ('text', 'user', 'inferred')), -- where the authors came from
  url TEXT, -- canonical address of the article, when known
  url_origin TEXT CHECK (url_origin IN ('text', 'user', 'inferred')), -- where the url came from
  language TEXT, -- language code when stated (e.g. 'en')
  clean_text TEXT NOT NULL, -- the article text without page debris; sentence offsets point into it
  char_count INTEGER NOT NULL CHECK (char_count >= 0), -- length of clean_text in code points
  ingested_at TEXT NOT NULL -- when kb stored it (UTC, ISO-8601)
) STRICT;

CREATE TABLE source_files ( -- Every file (or JSON record) that holds a source's content; one source may have several.
  id INTEGER PRIMARY KEY, -- row id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source
  path TEXT NOT NULL, -- absolute path of the file as ingested
  record TEXT NOT NULL DEFAULT '', -- for JSON Lines / JSON: the record's id, or its line number; '' for a whole file
  name TEXT NOT NULL, -- the name used in exports: the file's base name, plus '#ID' or '#LINE' for a record
  ingested_at TEXT NOT NULL, -- when this file was last read (UTC, ISO-8601)
  UNIQUE (path, record)
) STRICT;
CREATE INDEX source_files_source ON source_files(source_id);

CREATE TABLE sentences ( -- The sentences of each source's clean text, in order.
  id INTEGER PRIMARY KEY, -- sentence id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source it belongs to
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0), -- position in the source, from 0
  paragraph INTEGER NOT NULL CHECK (paragraph >= 0), -- paragraph (block) number in the source, from 0
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the first code point in sources.clean_text
  "end" INTEGER NOT NULL CHECK ("end" >= start), -- offset just past the last code point
  text TEXT NOT NULL, -- the sentence, verbatim: substr(clean_text, start + 1, "end" - start)
  UNIQUE (source_id, ordinal)
) STRICT;

CREATE VIRTUAL TABLE sentences_fts USING fts5( -- Full-text index over sentences.text (kept in sync by triggers).
  text,
  content="sentences",
  content_rowid="id",
  tokenize="unicode61 remove_diacritics 2"
);

CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIEW sources_view AS -- Sources with their file names, for reading in the sqlite3 shell or Datasette.
SELECT s.id, s.title, s.published, s.published_precision, s.year, s.publisher, s.authors, s.url,
       (SELECT group_concat(f.name, '; ') FROM source_files f WHERE f.source_id = s.id) AS files,
       (SELECT count(*) FROM sentences x WHERE x.source_id = s.id) AS sentence_count,
       s.format, s.content_hash
FROM sources s;
