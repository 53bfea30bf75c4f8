-- kb schema, migration 7: query indexes that a large ingest builds once, at its end.
-- The indexes listed below serve questions (`kb query`, the views) and nothing an ingest does
-- while it stores sources: no lookup of the writer and no foreign-key cascade uses them (the
-- ingest deletes sources, sentences, events and statements, which cascade through
-- events_source, stances_source, event_mentions_event and stance_events_event, kept; it never
-- deletes an actor or a topic once it has started storing). Their keys come in random order
-- (holder, event type, country, actor), so every batch of new rows writes pages all over each of
-- them: at 100,000 articles they were a third of the writer's time and most of the 15 GB that
-- went through the WAL. A `kb ingest` that stores many sources (see `--defer-indexes`) drops
-- them, noting here how to rebuild each in the same transaction, and builds them again at its
-- end, sorted in one pass: the same indexes, 7 s for 100,000 articles. An ingest killed in
-- between leaves them noted here; the next `kb ingest` rebuilds them before it reads anything,
-- and `kb check` reports them missing. Questions are answered the same without them, slower.
CREATE TABLE _kb_query_indexes ( -- The indexes an ingest may drop while it stores many sources, and rebuild at its end.
  name TEXT PRIMARY KEY, -- the index (sqlite_master.name)
  deferred_sql TEXT -- while the index is dropped: the statement that builds it again (NULL: the index is there)
) STRICT;

INSERT INTO _kb_query_indexes(name) VALUES
  ('events_type_year'), ('events_initiator'), ('events_target_country'), ('events_initiator_year'), ('events_pair_year'),
  ('stances_topic'), ('stances_speaker'), ('stances_target'), ('stances_holder_year'), ('stances_holder_topic'),
  ('source_actors_actor');

-- The full-text index merges its segments 16 at a time instead of 4 (FTS5's 'automerge'): each
-- batch of sentences becomes a segment, and merging in fours rewrote every term about five
-- times on the way to a 100,000-article index; in sixteens, about three. The writer's time at
-- 100,000 articles went from 104 to 94 CPU seconds; a search reads a few more segments.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 16);
