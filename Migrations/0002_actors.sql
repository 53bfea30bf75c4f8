-- kb schema, migration 2: actors from the dictionaries (and learned from texts), their names,
-- their dated roles, and every mention of them in a sentence.

CREATE TABLE actors ( -- States, people, organizations and armed groups: the dictionary's, and people learned from texts.
  id INTEGER PRIMARY KEY, -- actor id
  key TEXT NOT NULL UNIQUE, -- stable key: 'state:ISR', 'org:HEZBOLLAH', 'person:benjamin-netanyahu', 'learned:…'
  name TEXT NOT NULL, -- canonical name
  kind TEXT NOT NULL CHECK (kind IN ('state', 'person', 'organization', 'armed_group', 'international_organization', 'other')), -- what sort of actor
  country TEXT CHECK (country IS NULL OR (length(country) = 3 AND country = upper(country))), -- ISO 3166-1 alpha-3 of the state it is or belongs to (people: their home state; see actor_roles for the state served on a date)
  gender TEXT CHECK (gender IN ('m', 'f')), -- for people, when known
  origin TEXT NOT NULL CHECK (origin IN ('dictionary', 'learned')) -- from Dictionaries/actors, or learned from a text ("Russian Deputy Foreign Minister Sergei X")
) STRICT;
CREATE INDEX actors_kind ON actors(kind);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE actor_aliases ( -- The surface forms that name an actor.
  id INTEGER PRIMARY KEY, -- row id
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, -- the actor
  alias TEXT NOT NULL, -- the form as written ("Russian Federation", "Kremlin", "Israeli", "Netanyahu")
  form TEXT NOT NULL CHECK (form IN ('name', 'adjective', 'seat', 'surname')), -- how it names the actor
  UNIQUE (actor_id, alias, form)
) STRICT;
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);

CREATE TABLE actor_roles ( -- Offices people held, bounded by dates: a statement belongs to the state its speaker served that day.
  id INTEGER PRIMARY KEY, -- row id
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, -- the person
  country TEXT CHECK (country IS NULL OR length(country) = 3), -- ISO alpha-3 of the state served (NULL for posts in international bodies)
  title TEXT NOT NULL, -- the office ("Prime Minister", "Deputy Foreign Minister")
  organization_id INTEGER REFERENCES actors(id), -- the organization the office belongs to, when not a state's (Hamas, the UN)
  start TEXT, -- first day in office, ISO-8601 at its precision (NULL: unknown)
  "end" TEXT, -- last day in office (NULL: still in office)
  start_year INTEGER GENERATED ALWAYS AS (CAST(substr(start, 1, 4) AS INTEGER)) VIRTUAL, -- year the role began
  end_year INTEGER GENERATED ALWAYS AS (CAST(substr("end", 1, 4) AS INTEGER)) VIRTUAL -- year the role ended
) STRICT;
CREATE INDEX actor_roles_actor ON actor_roles(actor_id);

CREATE TABLE actor_mentions ( -- Every place a sentence names an actor (or names a place that is a location, not an actor).
  id INTEGER PRIMARY KEY, -- row id
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- its source (for quick filtering)
  actor_id INTEGER NOT NULL REFERENCES actors(id), -- the actor named
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the mention in sources.clean_text (code points)
  "end" INTEGER NOT NULL CHECK ("end" > start), -- offset just past it
  surface TEXT NOT NULL, -- the words as written ("Israel’s", "the Kremlin", "Russian")
  form TEXT NOT NULL CHECK (form IN ('name', 'adjective', 'seat', 'surname', 'title')), -- how the text names it
  title TEXT, -- a title written before a person's name ("Deputy Foreign Minister")
  country TEXT, -- the state the actor is or served on the source's date (ISO alpha-3)
  is_location INTEGER NOT NULL DEFAULT 0 CHECK (is_location IN (0, 1)) -- 1 when the name is a place, not an actor ("east of Damascus", "in Buenos Aires")
) STRICT;
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
CREATE INDEX actor_mentions_source ON actor_mentions(source_id);
CREATE INDEX actor_mentions_sentence ON actor_mentions(sentence_id);

CREATE TABLE actor_candidates ( -- Capitalized names kb could not resolve to an actor, for an analyst to review and add to the dictionary.
  id INTEGER PRIMARY KEY, -- row id
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- its source
  start INTEGER NOT NULL, -- offset in sources.clean_text
  "end" INTEGER NOT NULL, -- offset just past it
  surface TEXT NOT NULL, -- the name as written
  reason TEXT NOT NULL -- why it was not resolved ('name with no affiliation', 'ambiguous name', …)
) STRICT;
CREATE INDEX actor_candidates_source ON actor_candidates(source_id);

CREATE VIEW actor_mentions_view AS -- Actor mentions with names, sentences and sources, for the sqlite3 shell and Datasette.
SELECT m.id, a.name AS actor, a.kind, coalesce(m.country, a.country) AS country, m.surface, m.form, m.title,
       m.is_location, x.text AS sentence, s.title AS source_title, s.published, s.year,
       (SELECT name FROM source_files f WHERE f.source_id = s.id ORDER BY f.id LIMIT 1) AS file,
       m.actor_id, m.sentence_id, m.source_id
FROM actor_mentions m
JOIN actors a ON a.id = m.actor_id
JOIN sentences x ON x.id = m.sentence_id
JOIN sources s ON s.id = m.source_id;

CREATE VIEW actors_view AS -- Actors with how often and in how many sources they are named (locations excluded).
SELECT a.id, a.name, a.kind, a.country, a.origin,
       (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = a.id AND m.is_location = 0) AS mentions,
       (SELECT count(DISTINCT m.source_id) FROM actor_mentions m WHERE m.actor_id = a.id AND m.is_location = 0) AS sources,
       a.key
FROM actors a;
