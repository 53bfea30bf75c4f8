-- kb schema, migration 13: the place a wire dateline names ("ANKARA, March 4, 2024 (Reuters) –"
-- -> 'Ankara'). The dateline's date goes to `published` (origin 'text') and a known agency to
-- `publisher`; the dateline itself is taken out of the text.
ALTER TABLE sources ADD COLUMN dateline_place TEXT; -- the place the article's dateline names ("Ankara"), as written there but in title case; NULL without a dateline
