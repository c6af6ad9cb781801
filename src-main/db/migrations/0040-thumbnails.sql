-- 0040: thumbnails downloaded during an online run, when the person chose to (docs/ENRICH.md).
-- One row per video whose oEmbed answer named a thumbnail while downloading was on: the image
-- itself when it was kept, else why not. Written in the same transaction as the video's lookup,
-- so a killed run has both or neither, and goes with that lookup. Nothing the engine reads, so
-- no trigger clears profile series.
CREATE TABLE thumbnails (
  id            TEXT PRIMARY KEY REFERENCES lookups(id) ON DELETE CASCADE,
  outcome       TEXT NOT NULL CHECK (outcome IN ('stored', 'refused', 'failed')),
  detail        TEXT NOT NULL,
  mime          TEXT CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes         BLOB,
  fetched_at_ms INTEGER NOT NULL,
  CHECK ((outcome = 'stored') = (mime IS NOT NULL AND bytes IS NOT NULL))
) STRICT;
