-- kb schema, migration 8: an index under every foreign key that cascades.
-- Deleting a sentence deletes the rows that cite it, and SQLite finds them by their sentence_id.
-- Four tables had no index leading with it, so each deleted sentence scanned all four: at
-- 100,000 articles, deleting one source of 39 sentences (what `kb ingest` does when a file
-- changes, or when new dictionaries re-extract it) took 9.3 s. With these indexes, a few
-- milliseconds. Sentence ids grow as sources are stored, so each index is written at its end.
CREATE INDEX events_sentence ON events(sentence_id);
CREATE INDEX stances_sentence ON stances(sentence_id);
CREATE INDEX event_mentions_sentence ON event_mentions(sentence_id);
CREATE INDEX actor_candidates_sentence ON actor_candidates(sentence_id);
