-- kb schema, migration 11: the full-text index merges its segments 32 at a time instead of 16
-- (FTS5's 'automerge', and 'crisismerge', which otherwise merges any level of 16 at once). Each
-- batch of sentences an ingest stores is a segment; merged in thirty-twos, every term is
-- rewritten fewer times on the way to a large index. 100,000 articles: 124.9 s -> 119.5 s, the
-- CPU 217 -> 211 s; `kb search Damascus` at 100,000 articles took the same 20-30 ms and gave
-- the same sentences in the same order (at 64, 30-40 ms, and no faster to store).
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 32);
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('crisismerge', 32);
