// Repository functions for datasets, their items and their events. Each takes `db` first.
import {
  NO_WORDS,
  type DatasetKind,
  type DatasetSummary,
  type EventKind,
  type Evidence,
  type FeedEvent,
  type Item,
  type TargetType,
} from '../domain/types';
import type { Db } from './connection';

export type NewDataset = {
  id: string;
  name: string;
  kind: DatasetKind;
  sourceSha256: string | null;
  createdAt: string;
  warnings: string[];
};

type DatasetRow = {
  id: string;
  name: string;
  kind: DatasetKind;
  created_at: string;
  summary: string;
  event_count: number;
  item_count: number;
  session_count: number;
  first_at_ms: number | null;
  last_at_ms: number | null;
  event_kinds: string;
};

/** Writes a dataset with its items and events in one transaction: all of it or nothing. */
export function insertDataset(
  db: Db,
  dataset: NewDataset,
  items: Iterable<Item>,
  events: Iterable<FeedEvent>,
): DatasetSummary {
  const write = datasetWriter(db);
  return db.transaction(() => {
    write.dataset(dataset, {});
    for (const it of items) write.item(dataset.id, it);
    let seq = 0;
    for (const e of events) write.event(dataset.id, seq++, e);
    write.figures(dataset.id);
    return getDataset(db, dataset.id)!;
  })();
}

export type DatasetWriter = {
  /** The dataset's row; `summary` adds to its warnings in the summary column (an import's meta). */
  dataset(dataset: NewDataset, summary: Record<string, unknown>): void;
  item(datasetId: string, item: Item): void;
  /** `seq` is the event's place in the dataset's replay order. */
  event(datasetId: string, seq: number, event: FeedEvent): void;
  /** Stores the figures of the rows written for the dataset (migration 0070); call it last. */
  figures(datasetId: string): void;
};

/** What `datasets/list` shows of a dataset, counted as its rows are written. */
type Figures = {
  events: number;
  items: number;
  sessions: Set<number>;
  firstAtMs: number | null;
  lastAtMs: number | null;
  kinds: Map<EventKind, number>;
};

/**
 * The one writer of the datasets, items and events tables: insertDataset above and an import's
 * chunked transaction (db/imports.ts) both write their rows through it. The caller holds the
 * transaction. A dataset's rows are written once, after its row and before `figures`, so the
 * figures it stores are counted here instead of over the events at every listing.
 */
export function datasetWriter(db: Db): DatasetWriter {
  const insertDatasetRow = db.prepare(
    `INSERT INTO datasets (id, name, kind, source_sha256, created_at, summary)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO items (dataset_id, id, creator, sound, sound_title, caption, hashtags, topics,
       duration_s, language, created_at_ms, stats)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (dataset_id, seq, id, at_ms, kind, item_id, target_type, target_value,
       watch_s, watch_ratio, level, evidence, session)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateFigures = db.prepare(
    `UPDATE datasets SET event_count = ?, item_count = ?, session_count = ?, first_at_ms = ?,
       last_at_ms = ?, event_kinds = ? WHERE id = ?`,
  );
  const counted = new Map<string, Figures>();
  const figuresOf = (datasetId: string) => {
    let f = counted.get(datasetId);
    if (f === undefined) {
      f = {
        events: 0,
        items: 0,
        sessions: new Set(),
        firstAtMs: null,
        lastAtMs: null,
        kinds: new Map(),
      };
      counted.set(datasetId, f);
    }
    return f;
  };
  return {
    dataset: (dataset, summary) =>
      insertDatasetRow.run(
        dataset.id,
        dataset.name,
        dataset.kind,
        dataset.sourceSha256,
        dataset.createdAt,
        JSON.stringify({ warnings: dataset.warnings, ...summary }),
      ),
    item: (datasetId, it) => {
      figuresOf(datasetId).items++;
      insertItem.run(
        datasetId,
        it.id,
        it.creator,
        it.sound,
        it.soundTitle,
        it.caption,
        jsonList(it.hashtags),
        jsonList(it.topics),
        it.durationS,
        it.language,
        it.createdAtMs,
        it.stats === null ? null : JSON.stringify(it.stats),
      );
    },
    event: (datasetId, seq, e) => {
      const f = figuresOf(datasetId);
      f.events++;
      f.sessions.add(e.session);
      if (f.firstAtMs === null || e.atMs < f.firstAtMs) f.firstAtMs = e.atMs;
      if (f.lastAtMs === null || e.atMs > f.lastAtMs) f.lastAtMs = e.atMs;
      f.kinds.set(e.kind, (f.kinds.get(e.kind) ?? 0) + 1);
      insertEvent.run(
        datasetId,
        seq,
        e.id,
        e.atMs,
        e.kind,
        e.itemId,
        e.target?.type ?? null,
        e.target?.value ?? null,
        e.watchS,
        e.watchRatio,
        e.level,
        e.evidence,
        e.session,
      );
    },
    figures: (datasetId) => {
      const f = figuresOf(datasetId);
      updateFigures.run(
        f.events,
        f.items,
        f.sessions.size,
        f.firstAtMs,
        f.lastAtMs,
        JSON.stringify(Object.fromEntries(f.kinds)),
        datasetId,
      );
      counted.delete(datasetId);
    },
  };
}

/** Most imported items have no hashtags or topics: skip a million JSON.stringify calls. */
const jsonList = (list: readonly string[]) => (list.length === 0 ? '[]' : JSON.stringify(list));

/** The SHA-256 a dataset was imported from (with `/user=NAME` for one subject); null for the demo. */
export function datasetSourceSha256(db: Db, id: string): string | null {
  const row = db.prepare('SELECT source_sha256 FROM datasets WHERE id = ?').get(id) as
    { source_sha256: string | null } | undefined;
  return row?.source_sha256 ?? null;
}

export function getDataset(db: Db, id: string): DatasetSummary | undefined {
  const row = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
  return row ? summarise(row) : undefined;
}

/** A dataset's kind, for a caller that needs nothing else of its row. */
export function getDatasetKind(db: Db, id: string): DatasetKind | undefined {
  const row = db.prepare('SELECT kind FROM datasets WHERE id = ?').get(id) as
    { kind: DatasetKind } | undefined;
  return row?.kind;
}

export function listDatasets(db: Db): DatasetSummary[] {
  const rows = db.prepare('SELECT * FROM datasets ORDER BY created_at, id').all() as DatasetRow[];
  return rows.map(summarise);
}

/** Renames a dataset; returns whether it exists. */
export function renameDataset(db: Db, id: string, name: string): boolean {
  return db.prepare('UPDATE datasets SET name = ? WHERE id = ?').run(name, id).changes > 0;
}

/**
 * Deletes a dataset with everything that is its own: items, events, its metadata files and their
 * rows (ON DELETE CASCADE, migration 0060), and the online lookups of videos no dataset lists any
 * more, with their downloaded thumbnails (ON DELETE CASCADE, migration 0040).
 */
export function deleteDataset(db: Db, id: string): boolean {
  return db.transaction(() => {
    const deleted = db.prepare('DELETE FROM datasets WHERE id = ?').run(id).changes > 0;
    if (deleted)
      db.prepare(
        'DELETE FROM lookups WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = lookups.id)',
      ).run();
    return deleted;
  })();
}

/** A dataset's row as its summary: the figures stored at write time, no event read. */
function summarise(row: DatasetRow): DatasetSummary {
  const stored = JSON.parse(row.summary) as { warnings?: string[] };
  const kinds = Object.entries(JSON.parse(row.event_kinds) as Record<EventKind, number>);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: row.created_at,
    events: Object.fromEntries(kinds.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    eventCount: row.event_count,
    itemCount: row.item_count,
    sessions: row.session_count,
    from: row.first_at_ms === null ? null : new Date(row.first_at_ms).toISOString(),
    to: row.last_at_ms === null ? null : new Date(row.last_at_ms).toISOString(),
    warnings: stored.warnings ?? [],
  };
}

/** An `items` row as better-sqlite3 returns it. */
export type ItemRow = {
  id: string;
  creator: string | null;
  sound: string | null;
  sound_title: string | null;
  caption: string | null;
  hashtags: string;
  topics: string;
  duration_s: number | null;
  language: string | null;
  created_at_ms: number | null;
  stats: string | null;
};

export function loadItems(db: Db, datasetId: string): Item[] {
  const rows = db
    .prepare('SELECT * FROM items WHERE dataset_id = ? ORDER BY length(id), id')
    .all(datasetId) as ItemRow[];
  return rows.map(rowToItem);
}

const wordList = (json: string) => (json === '[]' ? NO_WORDS : (JSON.parse(json) as string[]));

export function rowToItem(r: ItemRow): Item {
  return {
    id: r.id,
    creator: r.creator,
    sound: r.sound,
    soundTitle: r.sound_title,
    caption: r.caption,
    hashtags: wordList(r.hashtags),
    topics: wordList(r.topics),
    topicsInferred: false,
    durationS: r.duration_s,
    language: r.language,
    createdAtMs: r.created_at_ms,
    stats: r.stats === null ? null : (JSON.parse(r.stats) as Item['stats']),
    thumbnailUrl: null,
  };
}

const EVENT_COLUMNS = `id, at_ms, kind, item_id, target_type, target_value, watch_s, watch_ratio,
  level, evidence, session`;

/**
 * A dataset's events in the order they were written. A million rows take seconds, so each row is
 * read as an array (no per-row object with column names) and the few strings that repeat on
 * every row (kind, video id, evidence, target type) are shared rather than kept a million times.
 */
export function loadEvents(db: Db, datasetId: string): FeedEvent[] {
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE dataset_id = ? ORDER BY seq`)
    .raw()
    .iterate(datasetId) as IterableIterator<EventRow>;
  return toEvents(rows);
}

/**
 * A dataset's first `count` events in replay order (by time, then as written: what the engine's
 * `orderEvents` gives), for a signal-log page that needs only those.
 */
export function loadFirstEvents(db: Db, datasetId: string, count: number): FeedEvent[] {
  const rows = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE dataset_id = ? ORDER BY at_ms, seq LIMIT ?`)
    .raw()
    .iterate(datasetId, count) as IterableIterator<EventRow>;
  return toEvents(rows);
}

/** A dataset's number of events, as stored when they were written (0 for no such dataset). */
export function countEvents(db: Db, datasetId: string): number {
  const row = db.prepare('SELECT event_count FROM datasets WHERE id = ?').get(datasetId) as
    { event_count: number } | undefined;
  return row?.event_count ?? 0;
}

function toEvents(rows: Iterable<EventRow>): FeedEvent[] {
  const shared = new Map<string, string>();
  const share = <T extends string | null>(value: T): T => {
    if (value === null) return value;
    const kept = shared.get(value);
    if (kept !== undefined) return kept as T;
    shared.set(value, value);
    return value;
  };
  const events: FeedEvent[] = [];
  for (const [
    id,
    atMs,
    kind,
    itemId,
    targetType,
    targetValue,
    watchS,
    watchRatio,
    level,
    evidence,
    session,
  ] of rows) {
    events.push({
      id,
      atMs,
      kind: share(kind),
      itemId: share(itemId),
      target: targetType === null ? null : { type: share(targetType), value: targetValue ?? '' },
      watchS,
      watchRatio,
      level,
      evidence: share(evidence),
      session,
    });
  }
  return events;
}

/** An `events` row in the order of EVENT_COLUMNS. */
type EventRow = [
  id: string,
  atMs: number,
  kind: EventKind,
  itemId: string | null,
  targetType: TargetType | null,
  targetValue: string | null,
  watchS: number | null,
  watchRatio: number | null,
  level: number | null,
  evidence: Evidence,
  session: number,
];
