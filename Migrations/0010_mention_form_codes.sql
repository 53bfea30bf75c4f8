-- kb schema, migration 10: actor mentions store how the text names the actor as a number, and
-- the dictionary's aliases take one b-tree instead of three.
-- actor_mentions is the largest table after the sentences (a row for every name in every
-- sentence: 8.2 million at 100,000 articles), and `form` was its widest column: 'adjective',
-- 'surname', … five bytes on average. Stored as a number (0 for 'name' and 1 for 'adjective',
-- four mentions in five, take no bytes at all in SQLite's records), with `form` still there to
-- read and to filter on, worked out from it: the table is 15% smaller (0.4 MB for every 1,000
-- articles). The table is rebuilt by SQLite's procedure (kb runs migrations with foreign keys off
-- and checks every key before it commits); legacy_alter_table keeps the RENAME from re-checking
-- actor_mentions_view, which names the table while it is missing (and again once renamed).
PRAGMA legacy_alter_table = ON;

CREATE TABLE actor_mentions_new ( -- Every place a sentence names an actor (or names a place that is a location, not an actor).
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence (and through it the source)
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the mention in the source's clean text (code points); the words are substr(sentences.text, start - sentences.start + 1, "end" - start)
  "end" INTEGER NOT NULL CHECK ("end" > start), -- offset just past it
  actor_id INTEGER NOT NULL REFERENCES actors(id), -- the actor named
  form_code INTEGER NOT NULL CHECK (form_code >= 0 AND form_code <= 4), -- how the text names it, as stored: 0 name, 1 adjective, 2 surname, 3 seat, 4 title (`form` spells it out)
  form TEXT GENERATED ALWAYS AS (CASE form_code WHEN 0 THEN 'name' WHEN 1 THEN 'adjective' WHEN 2 THEN 'surname' WHEN 3 THEN 'seat' ELSE 'title' END) VIRTUAL, -- how the text names it: 'name', 'adjective', 'surname', 'seat' or 'title'
  title TEXT, -- a title written before a person's name ("Deputy Foreign Minister")
  country TEXT, -- the state the actor is or served on the source's date (ISO alpha-3)
  is_location INTEGER NOT NULL DEFAULT 0 CHECK (is_location IN (0, 1)), -- 1 when the name is a place, not an actor ("east of Damascus", "in Buenos Aires")
  PRIMARY KEY (sentence_id, start, "end", actor_id)
) STRICT, WITHOUT ROWID;
INSERT INTO actor_mentions_new(sentence_id, start, "end", actor_id, form_code, title, country, is_location)
SELECT sentence_id, start, "end", actor_id,
       CASE form WHEN 'name' THEN 0 WHEN 'adjective' THEN 1 WHEN 'surname' THEN 2 WHEN 'seat' THEN 3 ELSE 4 END,
       title, country, is_location
FROM actor_mentions;

DROP TABLE actor_mentions;
ALTER TABLE actor_mentions_new RENAME TO actor_mentions;

-- The dictionary's aliases are kept in one b-tree, in the order of their key, instead of a table
-- and an index of the same three columns (its row id served nothing); and they are looked up in
-- any letter case (migration 6), so the index of their exact spelling goes. 0.2 MB in every
-- database, a fifth of what an empty one holds.
CREATE TABLE actor_aliases_new ( -- The surface forms that name an actor.
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, -- the actor
  alias TEXT NOT NULL, -- the form as written ("Russian Federation", "Kremlin", "Israeli", "Netanyahu")
  form TEXT NOT NULL CHECK (form IN ('name', 'adjective', 'seat', 'surname')), -- how it names the actor
  PRIMARY KEY (actor_id, alias, form)
) STRICT, WITHOUT ROWID;
INSERT INTO actor_aliases_new(actor_id, alias, form) SELECT actor_id, alias, form FROM actor_aliases;
DROP TABLE actor_aliases;
ALTER TABLE actor_aliases_new RENAME TO actor_aliases;
CREATE INDEX actor_aliases_alias_nocase ON actor_aliases(alias COLLATE NOCASE);

PRAGMA legacy_alter_table = OFF;
