-- kb schema, migration 6: what makes a question answer at once on a large database.
-- A question counts its records per group (year, holder, source) over all of them, then prints
-- the first rows of each group in date order. Counting a question that 50,000 statements answer
-- row by row costs SQLite ~20 ms even from an index, so the counts come from tallies: how many
-- statements (events) share each combination of the columns questions filter on, kept by the
-- triggers below on every insert, delete and update. The evidence rows come from indexes that
-- hold what questions filter on in the order they sort, so each group's first rows are a short
-- walk along an index. `kb query --sql` shows which of them a question uses.
-- It also makes storing a record cheaper: sources, actor mentions, events and stances are
-- rebuilt with their CHECK constraints written as OR chains (see below).

-- Cheaper checks, same rules. SQLite evaluates `x IN ('a', 'b', 'c')` in a CHECK by building a
-- temporary b-tree of the list for every row it inserts: ~10 µs a row, as much as storing the
-- row itself, paid four to seven times for each source, event and statement kb writes and once
-- for each actor mention (1.1 G of the 7.0 G instructions kb took to ingest 500 articles). Written
-- `x = 'a' OR x = 'b' OR x = 'c'`, the same test costs a few comparisons (NULL passes both). The
-- four tables are rebuilt by SQLite's procedure (kb runs migrations with foreign keys off and
-- checks every key before it commits); legacy_alter_table keeps the RENAME from re-checking the
-- views that name the table while it is missing (they name it again once renamed).
PRAGMA legacy_alter_table = ON;

CREATE TABLE sources_new ( -- One article: what is known about it (its text is in its sentences: see source_texts).
  id INTEGER PRIMARY KEY, -- source id
  content_hash TEXT NOT NULL UNIQUE, -- SHA-256 (hex) of the article as read (the file, or the JSON record); the same content under two names is one source
  fingerprint TEXT NOT NULL, -- hash of the content, the user-supplied metadata and the extractor/dictionary versions: when it changes, the source is re-extracted
  format TEXT NOT NULL CHECK (format = 'text' OR format = 'markdown' OR format = 'html' OR format = 'jsonl' OR format = 'json'), -- the input format it was read from
  title TEXT, -- headline
  title_origin TEXT CHECK (title_origin = 'text' OR title_origin = 'user' OR title_origin = 'inferred'), -- where the title came from: stated in the article (or its markup), supplied by the user, or inferred
  published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]*'), -- publication date, ISO-8601 at its precision
  published_precision TEXT CHECK (published_precision = 'day' OR published_precision = 'month' OR published_precision = 'year'), -- precision of `published`
  published_origin TEXT CHECK (published_origin = 'text' OR published_origin = 'user' OR published_origin = 'inferred'), -- where the publication date came from
  year INTEGER GENERATED ALWAYS AS (CAST(substr(published, 1, 4) AS INTEGER)) VIRTUAL, -- publication year, for grouping
  publisher TEXT, -- outlet or institution that published it
  publisher_origin TEXT CHECK (publisher_origin = 'text' OR publisher_origin = 'user' OR publisher_origin = 'inferred'), -- where the publisher came from
  authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors) AND json_type(authors) = 'array'), -- JSON array of author names
  authors_origin TEXT CHECK (authors_origin = 'text' OR authors_origin = 'user' OR authors_origin = 'inferred'), -- where the authors came from
  url TEXT, -- canonical address of the article, when known
  url_origin TEXT CHECK (url_origin = 'text' OR url_origin = 'user' OR url_origin = 'inferred'), -- where the url came from
  language TEXT, -- language code when stated (e.g. 'en')
  clean_text TEXT, -- NULL when the clean text is its sentences joined (read it from source_texts); the text itself in the rare case it is not
  char_count INTEGER NOT NULL CHECK (char_count >= 0), -- length of the clean text in code points
  ingested_at TEXT NOT NULL -- when kb stored it (UTC, ISO-8601)
) STRICT;
INSERT INTO sources_new(id, content_hash, fingerprint, format, title, title_origin, published, published_precision, published_origin, publisher, publisher_origin, authors, authors_origin, url, url_origin, language, clean_text, char_count, ingested_at)
SELECT id, content_hash, fingerprint, format, title, title_origin, published, published_precision, published_origin, publisher, publisher_origin, authors, authors_origin, url, url_origin, language, clean_text, char_count, ingested_at FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;

CREATE TABLE actor_mentions_new ( -- Every place a sentence names an actor (or names a place that is a location, not an actor).
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the sentence (and through it the source)
  start INTEGER NOT NULL CHECK (start >= 0), -- offset of the mention in the source's clean text (code points); the words are substr(sentences.text, start - sentences.start + 1, "end" - start)
  "end" INTEGER NOT NULL CHECK ("end" > start), -- offset just past it
  actor_id INTEGER NOT NULL REFERENCES actors(id), -- the actor named
  form TEXT NOT NULL CHECK (form = 'name' OR form = 'adjective' OR form = 'seat' OR form = 'surname' OR form = 'title'), -- how the text names it
  title TEXT, -- a title written before a person's name ("Deputy Foreign Minister")
  country TEXT, -- the state the actor is or served on the source's date (ISO alpha-3)
  is_location INTEGER NOT NULL DEFAULT 0 CHECK (is_location IN (0, 1)), -- 1 when the name is a place, not an actor ("east of Damascus", "in Buenos Aires")
  PRIMARY KEY (sentence_id, start, "end", actor_id)
) STRICT, WITHOUT ROWID;
INSERT INTO actor_mentions_new(sentence_id, start, "end", actor_id, form, title, country, is_location)
SELECT sentence_id, start, "end", actor_id, form, title, country, is_location FROM actor_mentions;
DROP TABLE actor_mentions;
ALTER TABLE actor_mentions_new RENAME TO actor_mentions;

CREATE TABLE events_new ( -- Material acts and interactions reported as having happened (or officially announced).
  id INTEGER PRIMARY KEY, -- event id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source that tells it
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the evidence sentence (the telling that dates it)
  event_type TEXT NOT NULL CHECK (event_type = 'AGREE' OR event_type = 'CONSULT' OR event_type = 'SUPPORT' OR event_type = 'CONCEDE' OR event_type = 'COOPERATE' OR event_type = 'AID' OR event_type = 'RETREAT' OR event_type = 'REQUEST' OR event_type = 'ACCUSE' OR event_type = 'REJECT' OR event_type = 'THREATEN' OR event_type = 'PROTEST' OR event_type = 'SANCTION' OR event_type = 'MOBILIZE' OR event_type = 'COERCE' OR event_type = 'ASSAULT'), -- PLOVER category
  cameo TEXT NOT NULL, -- closest CAMEO code (its first two digits are the CAMEO root), for GDELT and ICEWS users
  initiator_id INTEGER NOT NULL REFERENCES actors(id), -- who acted
  initiator_country TEXT, -- the state the initiator is or served then (ISO alpha-3)
  target_id INTEGER REFERENCES actors(id), -- who was acted upon, when the text says
  target_country TEXT, -- the target's state (ISO alpha-3)
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'), -- when it happened, ISO-8601 at its precision
  date_precision TEXT CHECK (date_precision = 'day' OR date_precision = 'month' OR date_precision = 'year'), -- precision of `date`
  date_basis TEXT CHECK (date_basis = 'text' OR date_basis = 'context' OR date_basis = 'publication'), -- where the date came from: the sentence, the sentence before it, or the publication date standing in (the text gives none)
  date_phrase TEXT, -- the words the date was read from ("on Monday", "Jan. 21")
  date_approximate INTEGER NOT NULL DEFAULT 0 CHECK (date_approximate IN (0, 1)), -- 1 for "mid-2018", "since 2017", "late November"
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL, -- year it happened, for grouping
  location TEXT, -- where, as the text says ("50 kilometers east of Damascus", "Quneitra")
  location_country TEXT, -- the state the location lies in (ISO alpha-3), from the actor dictionaries or Dictionaries/places
  mode TEXT CHECK (mode = 'aerial' OR mode = 'ground' OR mode = 'naval' OR mode = 'cyber'), -- how, where clear
  cue TEXT NOT NULL -- the words that report it ("bombing", "met", "invasion")
) STRICT;
INSERT INTO events_new(id, source_id, sentence_id, event_type, cameo, initiator_id, initiator_country, target_id, target_country, date, date_precision, date_basis, date_phrase, date_approximate, location, location_country, mode, cue)
SELECT id, source_id, sentence_id, event_type, cameo, initiator_id, initiator_country, target_id, target_country, date, date_precision, date_basis, date_phrase, date_approximate, location, location_country, mode, cue FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;

CREATE TABLE stances_new ( -- Positions the text attributes to an actor, quoted or reported, each with its evidence sentence.
  id INTEGER PRIMARY KEY, -- statement id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the evidence sentence
  holder_id INTEGER NOT NULL REFERENCES actors(id), -- whose position it is: the state or organization (a named official's position belongs to the state they served that day)
  holder_country TEXT, -- the holder's state (ISO alpha-3)
  speaker_id INTEGER REFERENCES actors(id), -- the person who voiced it, when named
  polarity TEXT NOT NULL CHECK (polarity = 'support' OR polarity = 'oppose' OR polarity = 'neutral' OR polarity = 'mixed'), -- toward the topic
  topic_id INTEGER REFERENCES topics(id), -- what it is about
  target_id INTEGER REFERENCES actors(id), -- the actor it is directed at, when the text names one
  target_country TEXT, -- the target's state (ISO alpha-3)
  act TEXT NOT NULL CHECK (act = 'AGREE' OR act = 'CONSULT' OR act = 'SUPPORT' OR act = 'CONCEDE' OR act = 'COOPERATE' OR act = 'AID' OR act = 'RETREAT' OR act = 'REQUEST' OR act = 'ACCUSE' OR act = 'REJECT' OR act = 'THREATEN' OR act = 'PROTEST' OR act = 'SANCTION' OR act = 'MOBILIZE' OR act = 'COERCE' OR act = 'ASSAULT'), -- the PLOVER verbal type it expresses (ACCUSE, REJECT, THREATEN, REQUEST, SUPPORT; CONSULT for neutral speech)
  cue TEXT NOT NULL, -- the words that attribute it ("told reporters", "blamed", "assurances")
  negated INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)), -- 1 for "did not condemn", "refused to criticize"
  quote TEXT, -- the quoted words, verbatim, when there are any (a quotation may run over several sentences)
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'), -- when it was stated, ISO-8601 at its precision
  date_precision TEXT CHECK (date_precision = 'day' OR date_precision = 'month' OR date_precision = 'year'), -- precision of `date`
  date_basis TEXT CHECK (date_basis = 'text' OR date_basis = 'context' OR date_basis = 'publication'), -- where the date came from (publication: the text gives none, the publication date stands in)
  date_phrase TEXT, -- the words the date was read from
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL -- year it was stated, for grouping
) STRICT;
INSERT INTO stances_new(id, source_id, sentence_id, holder_id, holder_country, speaker_id, polarity, topic_id, target_id, target_country, act, cue, negated, quote, date, date_precision, date_basis, date_phrase)
SELECT id, source_id, sentence_id, holder_id, holder_country, speaker_id, polarity, topic_id, target_id, target_country, act, cue, negated, quote, date, date_precision, date_basis, date_phrase FROM stances;
DROP TABLE stances;
ALTER TABLE stances_new RENAME TO stances;

PRAGMA legacy_alter_table = OFF;

-- The indexes of migrations 3 and 4, gone with the tables they indexed.
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_type_year ON events(event_type, year);
CREATE INDEX events_initiator ON events(initiator_id);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX stances_source ON stances(source_id);
CREATE INDEX stances_topic ON stances(topic_id);
CREATE INDEX stances_speaker ON stances(speaker_id);
CREATE INDEX stances_target ON stances(target_country);

-- The names in a question, in any letter case ("russian positions on israel"): each was a scan
-- of every alias.
CREATE INDEX actor_aliases_alias_nocase ON actor_aliases(alias COLLATE NOCASE);

-- Indexes for the evidence rows. Two narrower indexes of migrations 3 and 4 (stances_holder,
-- events_initiator_country) are replaced by wider ones that start with the same columns.
CREATE INDEX stances_holder_year ON stances(holder_country, year, date, id, topic_id, target_country, polarity); -- a holder's statements by year and date, with what "on <topic>" tests: "Russian positions on Israel by year"
CREATE INDEX stances_holder_topic ON stances(holder_country, topic_id, year, date, id, polarity); -- a holder's statements on one topic, by year and date: "Israeli positions on Iran's presence in Syria by year" (replaces stances_holder)

CREATE INDEX events_initiator_year ON events(initiator_country, event_type, year, date, id, target_country, location_country, location); -- a state's events of a type by year and date, with where and against whom: "Israeli strikes in Syria by year" (replaces events_initiator_country)
CREATE INDEX events_pair_year ON events(event_type, initiator_country, target_country, year, date, id, cameo); -- events of a type between two states, one side first, by year and date: "meetings between Israel and Russia by year"

DROP INDEX IF EXISTS stance_events_event;
CREATE INDEX stance_events_event ON stance_events(event_id, stance_id); -- the statements linked to an event, from the index alone (replaces stance_events_event on event_id)

-- Tallies of statements. Each trigger first updates the combination's row and inserts it only
-- when there was none (changes() = 0), so that a statement like others already stored costs one
-- index look-up and one row write.
CREATE TABLE stance_tallies ( -- How many statements share each combination of holder's state, topic, target's state, polarity, act and year: `kb query` counts from here. Kept by triggers on stances; one row per combination, none with n = 0.
  holder_country TEXT, -- stances.holder_country
  topic_id INTEGER, -- stances.topic_id
  target_country TEXT, -- stances.target_country
  polarity TEXT NOT NULL, -- stances.polarity
  act TEXT NOT NULL, -- stances.act
  year INTEGER, -- stances.year (NULL: undated)
  n INTEGER NOT NULL CHECK (n > 0) -- how many statements
) STRICT;
CREATE INDEX stance_tallies_key ON stance_tallies(holder_country, topic_id, target_country, year, polarity, act); -- a holder's tallies, and the key the triggers look up (IS matches NULL)

INSERT INTO stance_tallies(holder_country, topic_id, target_country, polarity, act, year, n)
SELECT holder_country, topic_id, target_country, polarity, act, year, count(*) FROM stances
GROUP BY holder_country, topic_id, target_country, polarity, act, year;

CREATE TRIGGER stance_tallies_ai AFTER INSERT ON stances BEGIN
  UPDATE stance_tallies SET n = n + 1 WHERE holder_country IS NEW.holder_country AND topic_id IS NEW.topic_id
    AND target_country IS NEW.target_country AND year IS NEW.year AND polarity = NEW.polarity AND act = NEW.act;
  INSERT INTO stance_tallies(holder_country, topic_id, target_country, polarity, act, year, n)
  SELECT NEW.holder_country, NEW.topic_id, NEW.target_country, NEW.polarity, NEW.act, NEW.year, 1 WHERE changes() = 0;
END;
CREATE TRIGGER stance_tallies_ad AFTER DELETE ON stances BEGIN
  UPDATE stance_tallies SET n = n - 1 WHERE n > 1 AND holder_country IS OLD.holder_country AND topic_id IS OLD.topic_id
    AND target_country IS OLD.target_country AND year IS OLD.year AND polarity = OLD.polarity AND act = OLD.act;
  DELETE FROM stance_tallies WHERE changes() = 0 AND holder_country IS OLD.holder_country AND topic_id IS OLD.topic_id
    AND target_country IS OLD.target_country AND year IS OLD.year AND polarity = OLD.polarity AND act = OLD.act;
END;
CREATE TRIGGER stance_tallies_au AFTER UPDATE OF holder_country, topic_id, target_country, polarity, act, date ON stances BEGIN
  UPDATE stance_tallies SET n = n - 1 WHERE n > 1 AND holder_country IS OLD.holder_country AND topic_id IS OLD.topic_id
    AND target_country IS OLD.target_country AND year IS OLD.year AND polarity = OLD.polarity AND act = OLD.act;
  DELETE FROM stance_tallies WHERE changes() = 0 AND holder_country IS OLD.holder_country AND topic_id IS OLD.topic_id
    AND target_country IS OLD.target_country AND year IS OLD.year AND polarity = OLD.polarity AND act = OLD.act;
  UPDATE stance_tallies SET n = n + 1 WHERE holder_country IS NEW.holder_country AND topic_id IS NEW.topic_id
    AND target_country IS NEW.target_country AND year IS NEW.year AND polarity = NEW.polarity AND act = NEW.act;
  INSERT INTO stance_tallies(holder_country, topic_id, target_country, polarity, act, year, n)
  SELECT NEW.holder_country, NEW.topic_id, NEW.target_country, NEW.polarity, NEW.act, NEW.year, 1 WHERE changes() = 0;
END;

-- Tallies of events.
CREATE TABLE event_tallies ( -- How many events share each combination of type, CAMEO code, initiator's and target's states, where, and year: `kb query` counts from here. Kept by triggers on events; one row per combination, none with n = 0.
  event_type TEXT NOT NULL, -- events.event_type
  cameo TEXT NOT NULL, -- events.cameo
  initiator_country TEXT, -- events.initiator_country
  target_country TEXT, -- events.target_country
  location_country TEXT, -- events.location_country
  located INTEGER NOT NULL CHECK (located IN (0, 1)), -- 1 when events.location is not NULL
  year INTEGER, -- events.year (NULL: undated)
  n INTEGER NOT NULL CHECK (n > 0) -- how many events
) STRICT;
CREATE INDEX event_tallies_key ON event_tallies(event_type, initiator_country, target_country, year, cameo, location_country, located); -- a type's tallies by initiator and target, and the key the triggers look up (IS matches NULL)

INSERT INTO event_tallies(event_type, cameo, initiator_country, target_country, location_country, located, year, n)
SELECT event_type, cameo, initiator_country, target_country, location_country, location IS NOT NULL, year, count(*) FROM events
GROUP BY event_type, cameo, initiator_country, target_country, location_country, location IS NOT NULL, year;

CREATE TRIGGER event_tallies_ai AFTER INSERT ON events BEGIN
  UPDATE event_tallies SET n = n + 1 WHERE event_type = NEW.event_type AND initiator_country IS NEW.initiator_country
    AND target_country IS NEW.target_country AND year IS NEW.year AND cameo = NEW.cameo AND location_country IS NEW.location_country
    AND located = (NEW.location IS NOT NULL);
  INSERT INTO event_tallies(event_type, cameo, initiator_country, target_country, location_country, located, year, n)
  SELECT NEW.event_type, NEW.cameo, NEW.initiator_country, NEW.target_country, NEW.location_country, NEW.location IS NOT NULL, NEW.year, 1
  WHERE changes() = 0;
END;
CREATE TRIGGER event_tallies_ad AFTER DELETE ON events BEGIN
  UPDATE event_tallies SET n = n - 1 WHERE n > 1 AND event_type = OLD.event_type AND initiator_country IS OLD.initiator_country
    AND target_country IS OLD.target_country AND year IS OLD.year AND cameo = OLD.cameo AND location_country IS OLD.location_country
    AND located = (OLD.location IS NOT NULL);
  DELETE FROM event_tallies WHERE changes() = 0 AND event_type = OLD.event_type AND initiator_country IS OLD.initiator_country
    AND target_country IS OLD.target_country AND year IS OLD.year AND cameo = OLD.cameo AND location_country IS OLD.location_country
    AND located = (OLD.location IS NOT NULL);
END;
CREATE TRIGGER event_tallies_au AFTER UPDATE OF event_type, cameo, initiator_country, target_country, location_country, location, date ON events BEGIN
  UPDATE event_tallies SET n = n - 1 WHERE n > 1 AND event_type = OLD.event_type AND initiator_country IS OLD.initiator_country
    AND target_country IS OLD.target_country AND year IS OLD.year AND cameo = OLD.cameo AND location_country IS OLD.location_country
    AND located = (OLD.location IS NOT NULL);
  DELETE FROM event_tallies WHERE changes() = 0 AND event_type = OLD.event_type AND initiator_country IS OLD.initiator_country
    AND target_country IS OLD.target_country AND year IS OLD.year AND cameo = OLD.cameo AND location_country IS OLD.location_country
    AND located = (OLD.location IS NOT NULL);
  UPDATE event_tallies SET n = n + 1 WHERE event_type = NEW.event_type AND initiator_country IS NEW.initiator_country
    AND target_country IS NEW.target_country AND year IS NEW.year AND cameo = NEW.cameo AND location_country IS NEW.location_country
    AND located = (NEW.location IS NOT NULL);
  INSERT INTO event_tallies(event_type, cameo, initiator_country, target_country, location_country, located, year, n)
  SELECT NEW.event_type, NEW.cameo, NEW.initiator_country, NEW.target_country, NEW.location_country, NEW.location IS NOT NULL, NEW.year, 1
  WHERE changes() = 0;
END;

-- Statements linked to classes of events. The link rows go with their stance_events row (the
-- delete trigger; deleting a statement or an event deletes its stance_events rows by cascade).
CREATE TABLE stance_event_classes ( -- Each link of a statement to an event (stance_events), with the event's class (type, doer's state), the statement's holder's state, and whether the statement's topic is that class: "positions on Israeli strikes" are those on the topic plus the linked ones on other topics, found here without joining every strike. Kept by triggers.
  event_type TEXT NOT NULL, -- events.event_type of the linked event
  initiator_country TEXT, -- events.initiator_country of the linked event
  on_topic INTEGER NOT NULL CHECK (on_topic IN (0, 1)), -- 1 when the statement's topic is the event's class (topics.event_type and topics.country)
  holder_country TEXT, -- stances.holder_country of the statement
  stance_id INTEGER NOT NULL, -- the statement (stance_events.stance_id)
  event_id INTEGER NOT NULL -- the event (stance_events.event_id)
) STRICT;
CREATE INDEX stance_event_classes_class ON stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id); -- the statements linked to a class of events, off its topic, by holder
CREATE INDEX stance_event_classes_link ON stance_event_classes(stance_id, event_id); -- a link's row, for the triggers

CREATE VIEW stance_event_classes_source AS -- What stance_event_classes holds, computed from stance_events, events, stances and topics (the triggers copy from here; the tests compare the two).
SELECT e.event_type, e.initiator_country,
       coalesce(s.topic_id IN (SELECT t.id FROM topics t WHERE t.event_type = e.event_type AND t.country = e.initiator_country), 0) AS on_topic,
       s.holder_country, se.stance_id, se.event_id
FROM stance_events se JOIN events e ON e.id = se.event_id JOIN stances s ON s.id = se.stance_id;

INSERT INTO stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id, event_id)
SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes_source;

CREATE TRIGGER stance_event_classes_ai AFTER INSERT ON stance_events BEGIN
  INSERT INTO stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id, event_id)
  SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes_source
  WHERE stance_id = NEW.stance_id AND event_id = NEW.event_id;
END;
CREATE TRIGGER stance_event_classes_ad AFTER DELETE ON stance_events BEGIN
  DELETE FROM stance_event_classes WHERE stance_id = OLD.stance_id AND event_id = OLD.event_id;
END;
CREATE TRIGGER stance_event_classes_au AFTER UPDATE ON stance_events BEGIN
  DELETE FROM stance_event_classes WHERE stance_id = OLD.stance_id AND event_id = OLD.event_id;
  INSERT INTO stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id, event_id)
  SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes_source
  WHERE stance_id = NEW.stance_id AND event_id = NEW.event_id;
END;
CREATE TRIGGER stance_event_classes_event_au AFTER UPDATE OF event_type, initiator_country ON events BEGIN
  DELETE FROM stance_event_classes WHERE stance_id IN (SELECT stance_id FROM stance_events WHERE event_id = NEW.id) AND event_id = NEW.id;
  INSERT INTO stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id, event_id)
  SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes_source WHERE event_id = NEW.id;
END;
CREATE TRIGGER stance_event_classes_stance_au AFTER UPDATE OF holder_country, topic_id ON stances BEGIN
  DELETE FROM stance_event_classes WHERE stance_id = NEW.id;
  INSERT INTO stance_event_classes(event_type, initiator_country, on_topic, holder_country, stance_id, event_id)
  SELECT event_type, initiator_country, on_topic, holder_country, stance_id, event_id FROM stance_event_classes_source WHERE stance_id = NEW.id;
END;
