// Repository functions for downloaded thumbnails (migration 0040). Each takes `db` first. A row
// is written with its video's lookup (recordLookup in metadata.ts), in that lookup's transaction.
import type { Db } from './connection';

export type ThumbnailMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** What became of one thumbnail: kept, not asked (host, scheme) or asked and not kept. */
export type ThumbnailFetch =
  | { outcome: 'stored'; mime: ThumbnailMime; bytes: Buffer; detail: string }
  | { outcome: 'refused' | 'failed'; detail: string };

export type StoredThumbnail = { id: string; mime: ThumbnailMime; bytes: Buffer };

/** Writes what became of one video's thumbnail; the caller holds the transaction. */
export function writeThumbnail(db: Db, id: string, fetch: ThumbnailFetch, atMs: number): void {
  const stored = fetch.outcome === 'stored';
  db.prepare(
    `INSERT INTO thumbnails (id, outcome, detail, mime, bytes, fetched_at_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome, detail = excluded.detail,
       mime = excluded.mime, bytes = excluded.bytes, fetched_at_ms = excluded.fetched_at_ms`,
  ).run(
    id,
    fetch.outcome,
    fetch.detail,
    stored ? fetch.mime : null,
    stored ? fetch.bytes : null,
    atMs,
  );
}

/** The kept images of these video ids (those without one are absent). */
export function loadThumbnails(db: Db, ids: readonly string[]): StoredThumbnail[] {
  return db
    .prepare(
      `SELECT t.id AS id, t.mime AS mime, t.bytes AS bytes FROM json_each(?) j
       JOIN thumbnails t ON t.id = j.value WHERE t.outcome = 'stored' ORDER BY t.id`,
    )
    .all(JSON.stringify(ids)) as StoredThumbnail[];
}

/** What became of one video’s thumbnail (the tests read it; the app shows only the counts). */
export function getThumbnailOutcome(
  db: Db,
  id: string,
): { outcome: ThumbnailFetch['outcome']; detail: string } | undefined {
  return db.prepare('SELECT outcome, detail FROM thumbnails WHERE id = ?').get(id) as
    { outcome: ThumbnailFetch['outcome']; detail: string } | undefined;
}

/** Deletes every downloaded thumbnail; returns how many rows went. */
export function deleteThumbnails(db: Db): number {
  return db.prepare('DELETE FROM thumbnails').run().changes;
}
