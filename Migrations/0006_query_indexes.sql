-- kb schema, migration 6: what makes a question answer at once on a large database.
-- A question counts its records per group (year, holder, source) over all of them, then prints
-- the first rows of each group in date order. Counting a question that 50,000 statements answer
-- row by row costs SQLite ~20 ms even from an index, so the counts come from tallies: how many
-- statements (events) share each combination of the columns questions filter on, kept by the
-- triggers below on every insert, delete and update. The evidence rows come from indexes that
-- hold what questions filter on in the order they sort, so each group's first rows are a short
-- walk along an index. `kb query --sql` shows which of them a question uses.

-- Indexes for the evidence rows. Three narrower indexes of migrations 3 and 4 are replaced by
-- wider ones that start with the same columns.
DROP INDEX IF EXISTS stances_holder;
CREATE INDEX stances_holder_year ON stances(holder_country, year, date, id, topic_id, target_country, polarity); -- a holder's statements by year and date, with what "on <topic>" tests: "Russian positions on Israel by year"
CREATE INDEX stances_holder_topic ON stances(holder_country, topic_id, year, date, id, polarity); -- a holder's statements on one topic, by year and date: "Israeli positions on Iran's presence in Syria by year" (replaces stances_holder)

DROP INDEX IF EXISTS events_initiator_country;
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
