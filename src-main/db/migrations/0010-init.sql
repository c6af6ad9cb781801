-- 0010: datasets, their items (catalogue entries) and their events.
-- Times are epoch milliseconds UTC; ids of videos are decimal strings (never numbers).

CREATE TABLE datasets (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  source_sha256 TEXT UNIQUE,
  created_at    TEXT NOT NULL,
  summary       TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TABLE items (
  dataset_id    TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  creator       TEXT,
  sound         TEXT,
  sound_title   TEXT,
  caption       TEXT,
  hashtags      TEXT NOT NULL DEFAULT '[]',
  topics        TEXT NOT NULL DEFAULT '[]',
  duration_s    REAL,
  language      TEXT,
  created_at_ms INTEGER,
  stats         TEXT,
  PRIMARY KEY (dataset_id, id)
) STRICT;

CREATE INDEX items_by_id ON items(id);

CREATE TABLE events (
  dataset_id   TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  id           TEXT NOT NULL,
  at_ms        INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  item_id      TEXT,
  target_type  TEXT,
  target_value TEXT,
  watch_s      REAL,
  watch_ratio  REAL,
  level        REAL,
  evidence     TEXT NOT NULL,
  session      INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, seq),
  UNIQUE (dataset_id, id)
) STRICT;

-- Small facts about this database, such as whether the demo was loaded (so a deleted demo stays
-- deleted).
CREATE TABLE app_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
