-- kb schema, migration 5: compact storage. The article text was stored twice (sources.clean_text
-- and sentences.text); now the sentences hold it and `source_texts` joins them back, exactly:
-- the clean text is its paragraphs joined by a blank line, and a paragraph is its sentences
-- joined by one space (kb checks this for every source it stores, and keeps the text in
-- sources.clean_text for the rare one where it does not hold). Actor mentions lose what they
-- repeated (the words, derivable from the sentence and the offsets; the source, given by the
-- sentence) and are keyed by their place in the sentence; who appears where is summed up in
-- `source_actors`, one row per actor per source, indexed by actor (instead of an index on
-- every mention).
-- kb runs migrations with foreign keys off and checks every key before it commits.

DROP VIEW sources_view;
DROP VIEW actor_mentions_view;
DROP VIEW actors_view;
DROP VIEW events_view;
DROP VIEW stance_statements_view;

CREATE TABLE sources_new ( -- One article: what is known about it (its text is in its sentences: see source_texts).
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
  clean_text TEXT, -- NULL when the clean text is its sentences joined (read it from source_texts); the text itself in the rare case it is not
  char_count INTEGER NOT NULL CHECK (char_count >= 0), -- length of the clean text in code points
  ingested_at TEXT NOT NULL -- when kb stored it (UTC, ISO-8601)
) STRICT;
INSERT INTO sources_new(id, content_hash, fingerprint, format, title, title_origin, published, published_precision, published_origin,
  publisher, publisher_origin, authors, authors_origin, url, url_origin, language, clean_text, char_count, ingested_at)
SELECT s.id, s.content_hash, s.fingerprint, s.format, s.title, s.title_origin, s.published, s.published_precision, s.published_origin,
  s.publisher, s.publisher_origin, s.authors, s.authors_origin, s.url, s.url_origin, s.language,
  CASE WHEN s.clean_text IS (
    SELECT group_concat(p.text, char(10) || char(10)) FROM (
      SELECT group_concat(x.text, ' ') AS text FROM (SELECT text, paragraph FROM sentences WHERE source_id = s.id ORDER BY ordinal) x
      GROUP BY x.paragraph ORDER BY x.paragraph) p)
  THEN NULL ELSE s.clean_text END,
  s.char_count, s.ingested_at
FROM sources s;

CREATE TABLE sentences_new ( -- The sentences of each source's clean text, in order; together they are the text (source_texts).
  id INTEGER PRIMARY KEY, -- sentence id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source it belongs to
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0), -- position in the source, from 0
  paragraph INTEGER NOT NULL CHECK (paragraph >= 0), -- paragraph (block) number in the source, from 0
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the first code point in the source's clean text (source_texts.clean_text)
  "end" INTEGER NOT NULL CHECK ("end" >= start), -- offset just past the last code point
  text TEXT NOT NULL, -- the sentence, verbatim: substr(clean_text, start + 1, "end" - start)
  UNIQUE (source_id, ordinal)
) STRICT;
INSERT INTO sentences_new(id, source_id, ordinal, paragraph, start, "end", text)
SELECT id, source_id, ordinal, paragraph, start, "end", text FROM sentences;

CREATE TABLE actor_mentions_new ( -- Every place a sentence names an actor (or names a place that is a location, not an actor).
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence (and through it the source)
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the mention in the source's clean text (code points); the words are substr(sentences.text, start - sentences.start + 1, "end" - start)
  "end" INTEGER NOT NULL CHECK ("end" > start), -- offset just past it
  actor_id INTEGER NOT NULL REFERENCES actors(id), -- the actor named
  form TEXT NOT NULL CHECK (form IN ('name', 'adjective', 'seat', 'surname', 'title')), -- how the text names it
  title TEXT, -- a title written before a person's name ("Deputy Foreign Minister")
  country TEXT, -- the state the actor is or served on the source's date (ISO alpha-3)
  is_location INTEGER NOT NULL DEFAULT 0 CHECK (is_location IN (0, 1)), -- 1 when the name is a place, not an actor ("east of Damascus", "in Buenos Aires")
  PRIMARY KEY (sentence_id, start, "end", actor_id)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO actor_mentions_new(sentence_id, start, "end", actor_id, form, title, country, is_location)
SELECT sentence_id, start, "end", actor_id, form, title, country, is_location FROM actor_mentions ORDER BY id;

CREATE TABLE source_actors ( -- Each actor a source names (as an actor: not as a place, not by a bare title), with how often: who appears where.
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source
  actor_id INTEGER NOT NULL REFERENCES actors(id), -- the actor
  mentions INTEGER NOT NULL CHECK (mentions > 0), -- how many of the source's actor_mentions name it so
  country TEXT, -- the state it is or served on the source's date, as its mentions say (the most frequent; NULL: none said)
  PRIMARY KEY (source_id, actor_id)
) STRICT, WITHOUT ROWID;
INSERT INTO source_actors(source_id, actor_id, mentions, country)
SELECT m.source_id, m.actor_id, count(*),
       (SELECT m2.country FROM actor_mentions m2 WHERE m2.source_id = m.source_id AND m2.actor_id = m.actor_id AND m2.is_location = 0
          AND m2.form <> 'title' AND m2.country IS NOT NULL GROUP BY m2.country ORDER BY count(*) DESC, m2.country LIMIT 1)
FROM actor_mentions m WHERE m.is_location = 0 AND m.form <> 'title'
GROUP BY m.source_id, m.actor_id;

DROP TABLE actor_mentions;
DROP TABLE sentences;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
ALTER TABLE sentences_new RENAME TO sentences;
ALTER TABLE actor_mentions_new RENAME TO actor_mentions;
CREATE INDEX source_actors_actor ON source_actors(actor_id);

-- The full-text index keeps its rows (the sentence ids did not change); its triggers went with the old table.
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

CREATE VIEW source_texts AS -- Each source's clean text, joined from its sentences (or as stored, when sources.clean_text holds it).
SELECT s.id AS source_id, s.title,
       coalesce(s.clean_text, (
         SELECT group_concat(p.text, char(10) || char(10)) FROM (
           SELECT group_concat(x.text, ' ') AS text FROM (SELECT text, paragraph FROM sentences WHERE source_id = s.id ORDER BY ordinal) x
           GROUP BY x.paragraph ORDER BY x.paragraph) p)) AS clean_text
FROM sources s;

CREATE VIEW sources_view AS -- Sources with their file names, for reading in the sqlite3 shell or Datasette.
SELECT s.id, s.title, s.published, s.published_precision, s.year, s.publisher, s.authors, s.url,
       (SELECT group_concat(f.name, '; ') FROM source_files f WHERE f.source_id = s.id) AS files,
       (SELECT count(*) FROM sentences x WHERE x.source_id = s.id) AS sentence_count,
       s.format, s.content_hash
FROM sources s;

CREATE VIEW actor_mentions_view AS -- Actor mentions with names, words, sentences and sources, for the sqlite3 shell and Datasette.
SELECT a.name AS actor, a.kind, coalesce(m.country, a.country) AS country,
       substr(x.text, m.start - x.start + 1, m."end" - m.start) AS surface, m.form, m.title,
       m.is_location, x.text AS sentence, s.title AS source_title, s.published, s.year,
       (SELECT name FROM source_files f WHERE f.source_id = s.id ORDER BY f.id LIMIT 1) AS file,
       m.actor_id, m.sentence_id, x.source_id, m.start, m."end"
FROM actor_mentions m
JOIN actors a ON a.id = m.actor_id
JOIN sentences x ON x.id = m.sentence_id
JOIN sources s ON s.id = x.source_id;

CREATE VIEW actors_view AS -- Actors with how often and in how many sources they are named (as places and by bare titles not counted).
SELECT a.id, a.name, a.kind, a.country, a.origin,
       coalesce((SELECT sum(sa.mentions) FROM source_actors sa WHERE sa.actor_id = a.id), 0) AS mentions,
       (SELECT count(*) FROM source_actors sa WHERE sa.actor_id = a.id) AS sources,
       a.key
FROM actors a;

CREATE VIEW events_view AS -- Events with names, years, evidence and source, for the sqlite3 shell and Datasette.
SELECT e.id, e.event_type, e.cameo, i.name AS initiator, e.initiator_country, t.name AS target, e.target_country,
       e.date, e.date_precision, e.date_basis, e.year, e.location, e.location_country, e.mode, e.cue, x.text AS sentence,
       s.title AS source_title, s.published,
       (SELECT name FROM source_files f WHERE f.source_id = s.id ORDER BY f.id LIMIT 1) AS file,
       (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS mentions,
       e.source_id, e.sentence_id
FROM events e
JOIN actors i ON i.id = e.initiator_id
LEFT JOIN actors t ON t.id = e.target_id
JOIN sentences x ON x.id = e.sentence_id
JOIN sources s ON s.id = e.source_id;

CREATE VIEW stance_statements_view AS -- Stance statements with names, years, quotes and source titles, for the sqlite3 shell and Datasette.
SELECT st.id, h.name AS holder, st.holder_country, sp.name AS speaker, st.polarity, tp.label AS topic, tp.key AS topic_key,
       tg.name AS target, st.target_country, st.act, st.cue, st.negated, st.quote, st.date, st.date_precision, st.date_basis, st.year,
       x.text AS sentence, s.title AS source_title, s.published,
       (SELECT name FROM source_files f WHERE f.source_id = s.id ORDER BY f.id LIMIT 1) AS file,
       st.source_id, st.sentence_id
FROM stances st
JOIN actors h ON h.id = st.holder_id
LEFT JOIN actors sp ON sp.id = st.speaker_id
LEFT JOIN topics tp ON tp.id = st.topic_id
LEFT JOIN actors tg ON tg.id = st.target_id
JOIN sentences x ON x.id = st.sentence_id
JOIN sources s ON s.id = st.source_id;
