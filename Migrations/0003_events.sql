-- kb schema, migration 3: events, typed with PLOVER's categories, dated when they happened,
-- each with the sentences that tell it.

CREATE TABLE events ( -- Material acts and interactions reported as having happened (or officially announced).
  id INTEGER PRIMARY KEY, -- event id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source that tells it
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the evidence sentence (the telling that dates it)
  event_type TEXT NOT NULL CHECK (event_type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT')), -- PLOVER category
  cameo TEXT NOT NULL, -- closest CAMEO code (its first two digits are the CAMEO root), for GDELT and ICEWS users
  initiator_id INTEGER NOT NULL REFERENCES actors(id), -- who acted
  initiator_country TEXT, -- the state the initiator is or served then (ISO alpha-3)
  target_id INTEGER REFERENCES actors(id), -- who was acted upon, when the text says
  target_country TEXT, -- the target's state (ISO alpha-3)
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'), -- when it happened, ISO-8601 at its precision
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')), -- precision of `date`
  date_basis TEXT CHECK (date_basis IN ('text', 'context', 'publication')), -- where the date came from: the sentence, the sentence before it, or the publication date standing in (the text gives none)
  date_phrase TEXT, -- the words the date was read from ("on Monday", "Jan. 21")
  date_approximate INTEGER NOT NULL DEFAULT 0 CHECK (date_approximate IN (0, 1)), -- 1 for "mid-2018", "since 2017", "late November"
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL, -- year it happened, for grouping
  location TEXT, -- where, as the text says ("50 kilometers east of Damascus", "Quneitra")
  location_country TEXT, -- the state the location lies in (ISO alpha-3), from the actor dictionaries or Dictionaries/places
  mode TEXT CHECK (mode IN ('aerial', 'ground', 'naval', 'cyber')), -- how, where clear
  cue TEXT NOT NULL -- the words that report it ("bombing", "met", "invasion")
) STRICT;
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_type_year ON events(event_type, year);
CREATE INDEX events_initiator ON events(initiator_id);
CREATE INDEX events_initiator_country ON events(initiator_country, event_type);
CREATE INDEX events_target_country ON events(target_country);

CREATE TABLE event_mentions ( -- Every telling of an event in its source: one event told twice is one event with two mentions.
  id INTEGER PRIMARY KEY, -- row id
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, -- the event
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence that tells it
  start INTEGER NOT NULL, -- offset of the cue in sources.clean_text (code points)
  "end" INTEGER NOT NULL -- offset just past the cue
) STRICT;
CREATE INDEX event_mentions_event ON event_mentions(event_id);

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

CREATE VIEW event_duplicate_candidates AS -- Events in different sources that agree on type, actors and date: candidates for the same event, linked, not merged.
SELECT a.id AS event_id, b.id AS other_event_id, a.event_type, a.initiator_country, a.target_country, a.date, b.date AS other_date,
       a.source_id, b.source_id AS other_source_id
FROM events a JOIN events b
  ON a.id < b.id AND a.source_id <> b.source_id AND a.event_type = b.event_type
 AND a.initiator_country IS b.initiator_country AND a.target_country IS b.target_country
 AND a.date_basis = 'text' AND b.date_basis = 'text'
 AND (a.date = b.date OR substr(a.date, 1, length(b.date)) = b.date OR substr(b.date, 1, length(a.date)) = a.date);
