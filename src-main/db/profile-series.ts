// Recorded profile series (migration 0030): what one replay of a dataset gives the Profile chart,
// stored so the chart opens without reading the dataset's events. Triggers delete a series when
// anything its replay read changes; these functions only write and read it whole.
import type { DimType } from '../engine/config';
import type { DimTrack, ProfileSeries, SessionSpan } from '../engine/profile-series';
import type { Db } from './connection';

/** What a series was recorded from besides the dataset: the same key gives the same numbers. */
export type SeriesKey = {
  datasetId: string;
  dimension: DimType;
  configSha256: string;
  engineVersion: string;
};

type SeriesRow = {
  id: number;
  half_life_ms: number;
  at_ms: Buffer;
  event_index: Buffer;
  events: Buffer;
  not_observed: Buffer;
  event_ids: string;
  sessions: Buffer;
};

type TrackRow = { name: string; sample: Buffer; w: Buffer; at: Buffer };

/** Stores `series` under `key`, replacing any series stored under it, in one transaction. */
export function storeProfileSeries(db: Db, key: SeriesKey, series: ProfileSeries): void {
  db.transaction(() => {
    db.prepare(
      `DELETE FROM profile_series
       WHERE dataset_id = ? AND dimension = ? AND config_sha256 = ? AND engine_version = ?`,
    ).run(key.datasetId, key.dimension, key.configSha256, key.engineVersion);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO profile_series (dataset_id, dimension, config_sha256, engine_version,
           half_life_ms, at_ms, event_index, events, not_observed, event_ids, sessions)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        key.datasetId,
        key.dimension,
        key.configSha256,
        key.engineVersion,
        series.halfLifeMs,
        bytes(series.atMs),
        bytes(series.eventIndex),
        bytes(series.events),
        bytes(series.notObserved),
        JSON.stringify(series.eventIds),
        bytes(Float64Array.from(series.sessions.flatMap((s) => [s.index, s.startMs, s.endMs]))),
      );
    const insert = db.prepare(
      `INSERT INTO profile_series_tracks (series_id, position, name, sample, w, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    series.dims.forEach((track, position) =>
      insert.run(
        lastInsertRowid,
        position,
        track.name,
        bytes(Int32Array.from(track.sample)),
        bytes(Float64Array.from(track.w)),
        bytes(Float64Array.from(track.at)),
      ),
    );
  })();
}

/** The series stored under `key`, or undefined when none is (never recorded, or invalidated). */
export function loadProfileSeries(db: Db, key: SeriesKey): ProfileSeries | undefined {
  const row = db
    .prepare(
      `SELECT id, half_life_ms, at_ms, event_index, events, not_observed, event_ids, sessions
       FROM profile_series
       WHERE dataset_id = ? AND dimension = ? AND config_sha256 = ? AND engine_version = ?`,
    )
    .get(key.datasetId, key.dimension, key.configSha256, key.engineVersion) as
    SeriesRow | undefined;
  if (!row) return undefined;
  const tracks = db
    .prepare(
      'SELECT name, sample, w, at FROM profile_series_tracks WHERE series_id = ? ORDER BY position',
    )
    .all(row.id) as TrackRow[];
  const spans = float64s(row.sessions);
  const sessions: SessionSpan[] = [];
  for (let k = 0; k < spans.length; k += 3)
    sessions.push({ index: spans[k]!, startMs: spans[k + 1]!, endMs: spans[k + 2]! });
  return {
    dimension: key.dimension,
    halfLifeMs: row.half_life_ms,
    atMs: float64s(row.at_ms),
    eventIndex: int32s(row.event_index),
    eventIds: JSON.parse(row.event_ids) as string[],
    events: int32s(row.events),
    notObserved: int32s(row.not_observed),
    dims: tracks.map((t): DimTrack => ({
      name: t.name,
      sample: Array.from(int32s(t.sample)),
      w: Array.from(float64s(t.w)),
      at: Array.from(float64s(t.at)),
    })),
    sessions,
  };
}

/**
 * When each of the dataset's sessions starts, epoch ms in time order: from any stored series
 * (every series of a dataset records the same sessions, whatever its settings), else from the
 * events themselves (a stored series is gone after any change until the Profile chart records it
 * again). Never a replay.
 */
export function sessionStarts(db: Db, datasetId: string): number[] {
  const row = db
    .prepare('SELECT sessions FROM profile_series WHERE dataset_id = ? LIMIT 1')
    .get(datasetId) as { sessions: Buffer } | undefined;
  if (row) {
    const spans = float64s(row.sessions);
    const starts: number[] = [];
    for (let k = 1; k < spans.length; k += 3) starts.push(spans[k]!);
    return starts;
  }
  const rows = db
    .prepare(
      'SELECT MIN(at_ms) AS at FROM events WHERE dataset_id = ? GROUP BY session ORDER BY at',
    )
    .all(datasetId) as { at: number }[];
  return rows.map((r) => r.at);
}

/** Whether any series is stored for the dataset (for tests of the invalidation triggers). */
export function countProfileSeries(db: Db, datasetId: string): number {
  return (
    db.prepare('SELECT COUNT(*) AS n FROM profile_series WHERE dataset_id = ?').get(datasetId) as {
      n: number;
    }
  ).n;
}

/** The array's bytes in the platform's order (little-endian on every platform Feedlens runs on). */
function bytes(values: Float64Array | Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

// A blob's Buffer may start at any offset of a shared pool: copied, it is aligned for the view.
function float64s(blob: Buffer): Float64Array {
  return new Float64Array(new Uint8Array(blob).buffer);
}

function int32s(blob: Buffer): Int32Array {
  return new Int32Array(new Uint8Array(blob).buffer);
}
