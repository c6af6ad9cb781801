-- 0060: metadata belongs to a dataset (docs/ENRICH.md, Ownership). Every file added and every
-- dataset's online lookups become a `metadata_files` row owned by one dataset, or by none (NULL:
-- attached to all datasets); each metadata row belongs to one such file and goes with it, and
-- the file goes with its dataset. Before this, metadata was global: a capture added on one
-- dataset's screen joined every dataset's candidate pool and outlived every dataset.
--
-- Today's global rows move to the datasets whose items list their video ids, one file per
-- (dataset, source) named "Added before metadata belonged to a dataset". Rows no dataset lists
-- are kept, attached to all datasets (one file per source), so nothing a person added is lost;
-- the Metadata screen lists them and each can be removed in one click.
-- The triggers of 0030 that name `metadata` are dropped while the table is swapped, and made again.
DROP TRIGGER profile_series_items_insert;
DROP TRIGGER profile_series_items_update;
DROP TRIGGER profile_series_items_delete;

CREATE TABLE metadata_files (
  id          INTEGER PRIMARY KEY,
  dataset_id  TEXT REFERENCES datasets(id) ON DELETE CASCADE,
  source      TEXT NOT NULL CHECK (source IN ('oembed', 'zeeschuimer', 'ytdlp', 'csv')),
  name        TEXT NOT NULL,
  sha256      TEXT,
  records     INTEGER NOT NULL,
  added_at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX metadata_files_dataset ON metadata_files(dataset_id);

INSERT INTO metadata_files (dataset_id, source, name, records, added_at_ms)
  SELECT i.dataset_id, m.source, 'Added before metadata belonged to a dataset', COUNT(*),
    MAX(m.added_at_ms)
  FROM metadata m JOIN items i ON i.id = m.id
  GROUP BY i.dataset_id, m.source;
INSERT INTO metadata_files (dataset_id, source, name, records, added_at_ms)
  SELECT NULL, m.source, 'Added before metadata belonged to a dataset (used by no dataset)',
    COUNT(*), MAX(m.added_at_ms)
  FROM metadata m WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = m.id)
  GROUP BY m.source;

-- One row per (file, video id); a later line about the same id in the same file wins.
CREATE TABLE metadata_owned (
  file_id       INTEGER NOT NULL REFERENCES metadata_files(id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('oembed', 'zeeschuimer', 'ytdlp', 'csv')),
  caption       TEXT,
  creator       TEXT,
  hashtags      TEXT NOT NULL DEFAULT '[]',
  sound         TEXT,
  sound_title   TEXT,
  duration_s    REAL,
  language      TEXT,
  created_at_ms INTEGER,
  stats         TEXT,
  thumbnail_url TEXT,
  added_at_ms   INTEGER NOT NULL,
  PRIMARY KEY (file_id, id)
) STRICT;

INSERT INTO metadata_owned
  SELECT f.id, m.id, m.source, m.caption, m.creator, m.hashtags, m.sound, m.sound_title,
    m.duration_s, m.language, m.created_at_ms, m.stats, m.thumbnail_url, m.added_at_ms
  FROM metadata m
  JOIN (SELECT DISTINCT dataset_id, id FROM items) i ON i.id = m.id
  JOIN metadata_files f ON f.dataset_id = i.dataset_id AND f.source = m.source;
INSERT INTO metadata_owned
  SELECT f.id, m.id, m.source, m.caption, m.creator, m.hashtags, m.sound, m.sound_title,
    m.duration_s, m.language, m.created_at_ms, m.stats, m.thumbnail_url, m.added_at_ms
  FROM metadata m JOIN metadata_files f ON f.dataset_id IS NULL AND f.source = m.source
  WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = m.id);

DROP TABLE metadata;
ALTER TABLE metadata_owned RENAME TO metadata;
CREATE INDEX metadata_id ON metadata(id);

CREATE TRIGGER profile_series_items_insert AFTER INSERT ON items BEGIN
  DELETE FROM profile_series
  WHERE dataset_id IN (SELECT dataset_id FROM items WHERE id = NEW.id)
     OR EXISTS (SELECT 1 FROM metadata WHERE id = NEW.id);
END;
CREATE TRIGGER profile_series_items_update AFTER UPDATE ON items BEGIN
  DELETE FROM profile_series
  WHERE dataset_id IN (SELECT dataset_id FROM items WHERE id IN (OLD.id, NEW.id))
     OR EXISTS (SELECT 1 FROM metadata WHERE id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER profile_series_items_delete AFTER DELETE ON items BEGIN
  DELETE FROM profile_series
  WHERE dataset_id IN (SELECT dataset_id FROM items WHERE id = OLD.id)
     OR EXISTS (SELECT 1 FROM metadata WHERE id = OLD.id);
END;
-- Simple over narrow, as in 0030: any change to added metadata clears every kept series.
CREATE TRIGGER profile_series_metadata_insert AFTER INSERT ON metadata BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_metadata_update AFTER UPDATE ON metadata BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_metadata_delete AFTER DELETE ON metadata BEGIN
  DELETE FROM profile_series;
END;
