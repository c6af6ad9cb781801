-- 0020: metadata added to videos after import (online oEmbed lookups, Zeeschuimer captures,
-- yt-dlp info JSON, CSV files), and the outcome of every online lookup.
-- Global to the database: what a video's caption is does not depend on which dataset lists it.

-- One row per (video id, source); a later file of the same source replaces the row.
CREATE TABLE metadata (
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
  PRIMARY KEY (id, source)
) STRICT;

-- One row per video id asked online; written with the answer, so a killed run loses nothing.
CREATE TABLE lookups (
  id          TEXT PRIMARY KEY,
  outcome     TEXT NOT NULL CHECK (outcome IN ('found', 'deleted', 'private', 'bad-answer', 'failed')),
  http_status INTEGER,
  detail      TEXT NOT NULL,
  asked_at_ms INTEGER NOT NULL
) STRICT;
