-- kb schema, migration 12: the moment of publication in UTC, when the page gives a time and a
-- zone ("Mon, 18 Nov 2019 16:07:38 -0600" -> '2019-11-18T22:07:38Z'). `published` keeps the day
-- as the page states it, in the writer's own zone. (The column's comment sits inside its
-- definition: SQLite keeps that part of an ALTER TABLE in the schema.)
ALTER TABLE sources ADD COLUMN published_utc TEXT -- publication moment in UTC (ISO-8601 with 'Z') when the date had a time and a zone; else NULL
  CHECK (published_utc IS NULL OR published_utc GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');
