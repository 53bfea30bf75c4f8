-- kb schema, migration 4: stance statements — who holds which position on what, when, in which
-- words — and the topics and events they are about.

CREATE TABLE topics ( -- What statements are about: concepts of the topic dictionary, classes of events ("Israeli strikes"), or an actor.
  id INTEGER PRIMARY KEY, -- topic id
  key TEXT NOT NULL UNIQUE, -- stable key: 'iran_presence_syria', 'strikes:ISR', 'actor:state:ISR'
  label TEXT NOT NULL, -- readable name ("Iran's presence in Syria", "Israeli strikes", "Israel")
  kind TEXT NOT NULL CHECK (kind IN ('concept', 'event_class', 'actor')), -- a concept from Dictionaries/stances/topics.tsv, a class of events, or an actor
  event_type TEXT CHECK (event_type IS NULL OR event_type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT')), -- for an event class: its PLOVER type
  country TEXT -- for an event class: the doer's state; for an actor topic: the actor's state (ISO alpha-3)
) STRICT;

CREATE TABLE stances ( -- Positions the text attributes to an actor, quoted or reported, each with its evidence sentence.
  id INTEGER PRIMARY KEY, -- statement id
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, -- the source
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- the evidence sentence
  holder_id INTEGER NOT NULL REFERENCES actors(id), -- whose position it is: the state or organization (a named official's position belongs to the state they served that day)
  holder_country TEXT, -- the holder's state (ISO alpha-3)
  speaker_id INTEGER REFERENCES actors(id), -- the person who voiced it, when named
  polarity TEXT NOT NULL CHECK (polarity IN ('support', 'oppose', 'neutral', 'mixed')), -- toward the topic
  topic_id INTEGER REFERENCES topics(id), -- what it is about
  target_id INTEGER REFERENCES actors(id), -- the actor it is directed at, when the text names one
  target_country TEXT, -- the target's state (ISO alpha-3)
  act TEXT NOT NULL CHECK (act IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT')), -- the PLOVER verbal type it expresses (ACCUSE, REJECT, THREATEN, REQUEST, SUPPORT; CONSULT for neutral speech)
  cue TEXT NOT NULL, -- the words that attribute it ("told reporters", "blamed", "assurances")
  negated INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)), -- 1 for "did not condemn", "refused to criticize"
  quote TEXT, -- the quoted words, verbatim, when there are any (a quotation may run over several sentences)
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'), -- when it was stated, ISO-8601 at its precision
  date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')), -- precision of `date`
  date_basis TEXT CHECK (date_basis IN ('text', 'context', 'publication')), -- where the date came from (publication: the text gives none, the publication date stands in)
  date_phrase TEXT, -- the words the date was read from
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL -- year it was stated, for grouping
) STRICT;
CREATE INDEX stances_source ON stances(source_id);
CREATE INDEX stances_holder ON stances(holder_country, topic_id, year);
CREATE INDEX stances_topic ON stances(topic_id);
CREATE INDEX stances_speaker ON stances(speaker_id);
CREATE INDEX stances_target ON stances(target_country);

CREATE TABLE stance_events ( -- Events a statement is about, named in its sentence or the ones next to it ("In the wake of those strikes …").
  stance_id INTEGER NOT NULL REFERENCES stances(id) ON DELETE CASCADE, -- the statement
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, -- the event
  PRIMARY KEY (stance_id, event_id)
) STRICT;
CREATE INDEX stance_events_event ON stance_events(event_id);

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
