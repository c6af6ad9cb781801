-- 0030: a dataset's recorded profile series (engine/profile-series.ts) for one dimension type and
-- engine configuration, so the Profile chart opens without reading and replaying every event.
-- A row is a cache of what a replay gives: the triggers below delete it whenever something the
-- replay reads changes, and the app records it again. Arrays are stored as the little-endian
-- bytes of a Float64Array (times, weights) or an Int32Array (counts, positions). Also an index
-- by time, so a signal-log page reads only its first events.

CREATE TABLE profile_series (
  id             INTEGER PRIMARY KEY,
  dataset_id     TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  dimension      TEXT NOT NULL,
  -- SHA-256 of the resolved engine configuration's JSON.
  config_sha256  TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  half_life_ms   REAL NOT NULL,
  -- Per sample (Float64, Int32, Int32, Int32) and the JSON array of the samples' event ids.
  at_ms          BLOB NOT NULL,
  event_index    BLOB NOT NULL,
  events         BLOB NOT NULL,
  not_observed   BLOB NOT NULL,
  event_ids      TEXT NOT NULL,
  -- Per session, three Float64 values: its index, first and last event time.
  sessions       BLOB NOT NULL,
  UNIQUE (dataset_id, dimension, config_sha256, engine_version)
) STRICT;

-- One row per dimension met, in the order the replay met them.
CREATE TABLE profile_series_tracks (
  series_id INTEGER NOT NULL REFERENCES profile_series(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  -- Int32 sample positions, Float64 stored weights, Float64 times they were stored at.
  sample    BLOB NOT NULL,
  w         BLOB NOT NULL,
  at        BLOB NOT NULL,
  PRIMARY KEY (series_id, position)
) STRICT;

-- A signal-log page reads only the events up to its end, in replay order (db/datasets.ts).
CREATE INDEX events_by_time ON events(dataset_id, at_ms, seq);

-- A dataset's events are written once, with the dataset's row (insertDataset, writeImport), and
-- go with it (ON DELETE CASCADE above); no trigger on events, which would triple the time a
-- million-event import takes (18 s instead of 6 s).

-- A video's item: every dataset listing the same video borrows its fields (db/catalogue.ts), and
-- a video with added metadata stops being "known only from metadata", which every imported
-- dataset's topic inference reads.
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

-- Added metadata and lookup outcomes are global: any change may reach any dataset's pool.
CREATE TRIGGER profile_series_metadata_insert AFTER INSERT ON metadata BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_metadata_update AFTER UPDATE ON metadata BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_metadata_delete AFTER DELETE ON metadata BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_lookups_insert AFTER INSERT ON lookups BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_lookups_update AFTER UPDATE ON lookups BEGIN
  DELETE FROM profile_series;
END;
CREATE TRIGGER profile_series_lookups_delete AFTER DELETE ON lookups BEGIN
  DELETE FROM profile_series;
END;
