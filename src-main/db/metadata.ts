// Repository functions for metadata added after import (migration 0020) and for online lookups.
// Each takes `db` first. Metadata belongs to a metadata file (migration 0060): one row per (file,
// video id), and the file to one dataset or, when `dataset_id` is NULL, to all; a dataset's online
// lookups are one such file. Topics are never stored here; the catalogue derives them from the words.
import type { LookupOutcome, MetadataSource, MovedMetadata } from '../contract/enrich';
import { topicsForText } from '../domain/taxonomy';
import type { Item } from '../domain/types';
import type { Db } from './connection';
import { writeThumbnail, type ThumbnailFetch } from './thumbnails';

/** What one source says about one video; `null` is unknown, as in Item. */
export type MetadataRecord = Omit<Item, 'topics' | 'topicsInferred'>;

export type Lookup = {
  id: string;
  outcome: LookupOutcome;
  /** The last HTTP status seen; null when no answer came (timeout, dropped connection). */
  httpStatus: number | null;
  /** One line saying what happened, shown per item. */
  detail: string;
  askedAtMs: number;
};

export type MetadataRow = {
  id: string;
  source: MetadataSource;
  caption: string | null;
  creator: string | null;
  hashtags: string;
  sound: string | null;
  sound_title: string | null;
  duration_s: number | null;
  language: string | null;
  created_at_ms: number | null;
  stats: string | null;
  thumbnail_url: string | null;
};

const UPSERT = `INSERT INTO metadata (file_id, id, source, caption, creator, hashtags, sound, sound_title,
    duration_s, language, created_at_ms, stats, thumbnail_url, added_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (file_id, id) DO UPDATE SET caption = excluded.caption, creator = excluded.creator,
    hashtags = excluded.hashtags, sound = excluded.sound, sound_title = excluded.sound_title,
    duration_s = excluded.duration_s, language = excluded.language,
    created_at_ms = excluded.created_at_ms, stats = excluded.stats,
    thumbnail_url = excluded.thumbnail_url, added_at_ms = excluded.added_at_ms`;

function upsert(
  db: Db,
  fileId: number,
  source: MetadataSource,
  record: MetadataRecord,
  addedAtMs: number,
): void {
  db.prepare(UPSERT).run(
    fileId,
    record.id,
    source,
    record.caption,
    record.creator,
    JSON.stringify(record.hashtags),
    record.sound,
    record.soundTitle,
    record.durationS,
    record.language,
    record.createdAtMs,
    record.stats === null ? null : JSON.stringify(record.stats),
    record.thumbnailUrl,
    addedAtMs,
  );
}

/** Who a metadata file belongs to and what it was. */
export type MetadataFileOwner = {
  /** The dataset it was added for; null when explicitly attached to all datasets. */
  datasetId: string | null;
  name: string;
  sha256: string | null;
};

/**
 * Writes every record of one file in one transaction, all of them or none, as a new metadata
 * file of its owner; the same file (same sha256) added again for the same owner replaces its
 * earlier copy. Returns the file's id.
 */
export function writeMetadata(
  db: Db,
  source: MetadataSource,
  records: readonly MetadataRecord[],
  addedAtMs: number,
  owner: MetadataFileOwner = { datasetId: null, name: 'metadata', sha256: null },
): number {
  return db.transaction(() => {
    if (owner.sha256 !== null)
      db.prepare('DELETE FROM metadata_files WHERE dataset_id IS ? AND sha256 = ?').run(
        owner.datasetId,
        owner.sha256,
      );
    const fileId = Number(
      db
        .prepare(
          `INSERT INTO metadata_files (dataset_id, source, name, sha256, records, added_at_ms)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(owner.datasetId, source, owner.name, owner.sha256, records.length, addedAtMs)
        .lastInsertRowid,
    );
    for (const record of records) upsert(db, fileId, source, record, addedAtMs);
    return fileId;
  })();
}

/** The file holding a dataset's online lookups' metadata, made when first needed. */
export function onlineFileOf(db: Db, datasetId: string, nowMs: number): number {
  const row = db
    .prepare(`SELECT id FROM metadata_files WHERE dataset_id = ? AND source = 'oembed'`)
    .get(datasetId) as { id: number } | undefined;
  if (row) return row.id;
  return Number(
    db
      .prepare(
        `INSERT INTO metadata_files (dataset_id, source, name, sha256, records, added_at_ms)
         VALUES (?, 'oembed', 'Online lookups', NULL, 0, ?)`,
      )
      .run(datasetId, nowMs).lastInsertRowid,
  );
}

/**
 * Copies into a dataset's online file what earlier online answers (another dataset's run) found
 * about its videos: lookups are never asked twice, so their answers are shared this way, on this
 * dataset's own run, without a request. Returns how many videos gained a row.
 */
export function shareOnlineAnswers(db: Db, datasetId: string, fileId: number): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO metadata
       SELECT @file, m.id, m.source, m.caption, m.creator, m.hashtags, m.sound, m.sound_title,
         m.duration_s, m.language, m.created_at_ms, m.stats, m.thumbnail_url, m.added_at_ms
       FROM metadata m
       WHERE m.source = 'oembed' AND m.file_id <> @file
         AND EXISTS (SELECT 1 FROM items i WHERE i.dataset_id = @dataset AND i.id = m.id)
         AND m.file_id = (SELECT MAX(o.file_id) FROM metadata o
                          WHERE o.id = m.id AND o.source = 'oembed' AND o.file_id <> @file)`,
    )
    .run({ dataset: datasetId, file: fileId }).changes;
}

/** A metadata file as the Metadata screen lists it. */
export type MetadataFileRow = {
  id: number;
  datasetId: string | null;
  source: MetadataSource;
  name: string;
  addedAtMs: number;
  /** Videos the file tells about. */
  records: number;
  /** Of those, videos the dataset lists. */
  inDataset: number;
};

/** The metadata files a dataset's pool reads: its own and those attached to all, oldest first. */
export function listMetadataFiles(db: Db, datasetId: string): MetadataFileRow[] {
  return db
    .prepare(
      `SELECT f.id AS id, f.dataset_id AS datasetId, f.source AS source, f.name AS name,
         f.added_at_ms AS addedAtMs,
         (SELECT COUNT(*) FROM metadata m WHERE m.file_id = f.id) AS records,
         (SELECT COUNT(*) FROM metadata m WHERE m.file_id = f.id
            AND EXISTS (SELECT 1 FROM items i WHERE i.dataset_id = @dataset AND i.id = m.id))
           AS inDataset
       FROM metadata_files f WHERE f.dataset_id = @dataset OR f.dataset_id IS NULL
       ORDER BY f.added_at_ms, f.id`,
    )
    .all({ dataset: datasetId }) as MetadataFileRow[];
}

/** Deletes a metadata file and its rows; false when there is none with this id. */
export function deleteMetadataFile(db: Db, fileId: number): boolean {
  return db.prepare('DELETE FROM metadata_files WHERE id = ?').run(fileId).changes > 0;
}

/** The dataset a metadata file belongs to (null: all); undefined when there is no such file. */
export function metadataFileOwner(db: Db, fileId: number): string | null | undefined {
  const row = db.prepare('SELECT dataset_id FROM metadata_files WHERE id = ?').get(fileId) as
    { dataset_id: string | null } | undefined;
  return row?.dataset_id;
}

/**
 * Records one online answer, with its metadata when found and what became of its thumbnail when
 * one was downloaded, in its own small transaction: a run killed at any moment keeps every answer
 * written before it, each whole.
 */
export function recordLookup(
  db: Db,
  fileId: number,
  lookup: Lookup,
  found: MetadataRecord | null,
  thumbnail: ThumbnailFetch | null = null,
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO lookups (id, outcome, http_status, detail, asked_at_ms) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome,
         http_status = excluded.http_status, detail = excluded.detail,
         asked_at_ms = excluded.asked_at_ms`,
    ).run(lookup.id, lookup.outcome, lookup.httpStatus, lookup.detail, lookup.askedAtMs);
    if (found) upsert(db, fileId, 'oembed', found, lookup.askedAtMs);
    if (thumbnail) writeThumbnail(db, lookup.id, thumbnail, lookup.askedAtMs);
  })();
}

/** Every lookup's outcome by video id. */
export function loadLookupOutcomes(db: Db): Map<string, LookupOutcome> {
  const rows = db.prepare('SELECT id, outcome FROM lookups').all() as {
    id: string;
    outcome: LookupOutcome;
  }[];
  return new Map(rows.map((r) => [r.id, r.outcome]));
}

export function getLookup(db: Db, id: string): Lookup | undefined {
  const row = db.prepare('SELECT * FROM lookups WHERE id = ?').get(id) as
    | {
        id: string;
        outcome: LookupOutcome;
        http_status: number | null;
        detail: string;
        asked_at_ms: number;
      }
    | undefined;
  return row
    ? {
        id: row.id,
        outcome: row.outcome,
        httpStatus: row.http_status,
        detail: row.detail,
        askedAtMs: row.asked_at_ms,
      }
    : undefined;
}

/** Outcomes of lookups of the dataset's videos. */
export function countLookups(db: Db, datasetId: string): Map<LookupOutcome, number> {
  const rows = db
    .prepare(
      `SELECT l.outcome AS outcome, COUNT(*) AS n FROM items d JOIN lookups l ON l.id = d.id
       WHERE d.dataset_id = ? GROUP BY l.outcome ORDER BY l.outcome`,
    )
    .all(datasetId) as { outcome: LookupOutcome; n: number }[];
  return new Map(rows.map((r) => [r.outcome, r.n]));
}

/**
 * How many of the dataset's videos each source knows: metadata rows, and for `zeeschuimer` also
 * videos that an imported capture (a dataset of that kind, this one included) lists.
 */
export function countMetadataSources(db: Db, datasetId: string): Map<MetadataSource, number> {
  const rows = db
    .prepare(
      `SELECT source, COUNT(*) AS n FROM (
         SELECT m.source AS source, m.id AS id FROM items d JOIN metadata m ON m.id = d.id
           JOIN metadata_files f ON f.id = m.file_id
         WHERE d.dataset_id = @dataset AND (f.dataset_id = @dataset OR f.dataset_id IS NULL)
         UNION
         SELECT 'zeeschuimer', o.id FROM items d JOIN items o ON o.id = d.id
           JOIN datasets k ON k.id = o.dataset_id AND k.kind = 'zeeschuimer'
         WHERE d.dataset_id = @dataset
       ) GROUP BY source ORDER BY source`,
    )
    .all({ dataset: datasetId }) as { source: MetadataSource; n: number }[];
  return new Map(rows.map((r) => [r.source, r.n]));
}

/** Of these video ids, those the dataset lists. */
export function idsInDataset(db: Db, datasetId: string, ids: readonly string[]): Set<string> {
  const rows = db
    .prepare(
      `SELECT j.value AS id FROM json_each(?) j
       WHERE EXISTS (SELECT 1 FROM items i WHERE i.dataset_id = ? AND i.id = j.value)`,
    )
    .all(JSON.stringify(ids), datasetId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** The datasets that list any of these video ids, by id. */
export function datasetsListing(db: Db, ids: readonly string[]): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT i.dataset_id AS id FROM json_each(?) j JOIN items i ON i.id = j.value
       ORDER BY i.dataset_id`,
    )
    .all(JSON.stringify(ids)) as { id: string }[];
  return rows.map((r) => r.id);
}

/** What an item says, without the topics (the catalogue derives those). */
export function metadataOf(item: Item): MetadataRecord {
  return {
    id: item.id,
    creator: item.creator,
    sound: item.sound,
    soundTitle: item.soundTitle,
    caption: item.caption,
    hashtags: item.hashtags,
    durationS: item.durationS,
    language: item.language,
    createdAtMs: item.createdAtMs,
    stats: item.stats,
    thumbnailUrl: item.thumbnailUrl,
  };
}

/** A metadata row as an item; its topics come from its caption and hashtags. */
export function metadataRowToItem(r: MetadataRow): Item {
  const hashtags = JSON.parse(r.hashtags) as string[];
  return {
    id: r.id,
    creator: r.creator,
    sound: r.sound,
    soundTitle: r.sound_title,
    caption: r.caption,
    hashtags,
    topics: topicsForText(r.caption, hashtags),
    topicsInferred: false,
    durationS: r.duration_s,
    language: r.language,
    createdAtMs: r.created_at_ms,
    stats: r.stats === null ? null : (JSON.parse(r.stats) as Item['stats']),
    thumbnailUrl: r.thumbnail_url,
  };
}

/** The names migration 0060 gave the files it made from the global metadata of before. */
export const MOVED_FILE_NAMES = [
  'Added before metadata belonged to a dataset',
  'Added before metadata belonged to a dataset (used by no dataset)',
];

/**
 * What migration 0060 moved and is still there: per dataset (null: attached to all, as no dataset
 * listed its videos), the videos its files tell about. Ordered by dataset name, then id.
 */
export function listMovedMetadata(db: Db): MovedMetadata[] {
  return db
    .prepare(
      `SELECT f.dataset_id AS datasetId, d.name AS datasetName, COUNT(m.id) AS records
       FROM metadata_files f
       LEFT JOIN datasets d ON d.id = f.dataset_id
       JOIN metadata m ON m.file_id = f.id
       WHERE f.name IN (?, ?) AND f.sha256 IS NULL
       GROUP BY f.dataset_id
       ORDER BY f.dataset_id IS NULL, d.name, f.dataset_id`,
    )
    .all(...MOVED_FILE_NAMES) as MovedMetadata[];
}
