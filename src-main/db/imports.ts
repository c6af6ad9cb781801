// Repository functions for imports: one import is written as one transaction, in chunks that
// yield to the event loop, so a long import keeps the app responsive and a failure, a
// cancellation or a killed process leaves nothing of it behind.
import { setImmediate as tick } from 'node:timers/promises';
import { UserError } from '../domain/errors';
import type { FeedEvent, ImportFormat, ImportSummary, Item, SectionChoice } from '../domain/types';
import { beginWrite, endWrite, openDatabase, type Db } from './connection';
import { datasetWriter, getDataset, type NewDataset } from './datasets';
import { saveSectionChoices } from './section-choices';

/**
 * What the summary of an import adds to its dataset row (kept in datasets.summary as JSON): the
 * summary's own fields (docs/IMPORT.md, "The summary"), and how the source was read.
 */
export type ImportMeta = Pick<
  ImportSummary,
  | 'duplicatesRemoved'
  | 'inferred'
  | 'lacks'
  | 'activitySummary'
  | 'completion'
  | 'keywordFilters'
  | 'sections'
  | 'repairs'
  | 'skippedRecords'
  | 'unknownKeys'
  | 'files'
> & { format: ImportFormat; sessionGapMinutes: number; sourceBytes: number };

export type WriteOptions = {
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
  /** Rows between yields; Infinity writes without yielding (a connection shared with readers). */
  chunkRows: number;
  /** Called while another process holds the write lock (see beginWrite). */
  onWait?: (holder: string, waitedMs: number) => void;
  /**
   * The same export imported again with files that needed a choice now chosen: the dataset of
   * that id is replaced, in this same transaction.
   */
  replace?: boolean;
  /** Choices the person gave for this import, remembered by file name in this transaction. */
  sectionChoices?: ReadonlyMap<string, SectionChoice>;
};

/**
 * A second connection for writing an import: readers on the app's connection never see its rows
 * before COMMIT, so the write may yield to the event loop between chunks. A larger page cache
 * keeps a million-row transaction from spilling pages to the WAL early.
 */
export function openImportWriter(file: string): Db {
  const db = openDatabase(file);
  db.pragma('cache_size = -262144');
  return db;
}

export async function writeImport(
  db: Db,
  dataset: NewDataset,
  meta: ImportMeta,
  items: readonly Item[],
  events: readonly FeedEvent[],
  options: WriteOptions,
): Promise<void> {
  const write = datasetWriter(db);
  const id = dataset.id;
  const total = items.length + events.length;
  await beginWrite(db, {
    what: `import of ${dataset.name}`,
    onWait: options.onWait,
    signal: options.signal,
  });
  try {
    if (options.replace) db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
    if (options.sectionChoices) saveSectionChoices(db, options.sectionChoices, dataset.createdAt);
    write.dataset(dataset, meta);
    let done = 0;
    const pause = async () => {
      options.onProgress(done, total);
      if (Number.isFinite(options.chunkRows)) await tick();
      if (options.signal.aborted)
        throw new UserError('cancelled', `${dataset.name}: import cancelled.`);
    };
    for (const it of items) {
      write.item(id, it);
      if (++done % options.chunkRows === 0) await pause();
    }
    for (let seq = 0; seq < events.length; seq++) {
      write.event(id, seq, events[seq]!);
      if (++done % options.chunkRows === 0) await pause();
    }
    write.figures(id);
    options.onProgress(done, total);
    endWrite(db, true);
  } catch (error) {
    endWrite(db, false);
    throw error;
  }
}

export function findImportBySha256(db: Db, sha256: string): ImportSummary | undefined {
  const row = db.prepare('SELECT id FROM datasets WHERE source_sha256 = ?').get(sha256) as
    { id: string } | undefined;
  return row ? getImportSummary(db, row.id) : undefined;
}

/** A dataset's summary with what its import recorded; for any dataset, imported or not. */
export function getImportSummary(db: Db, id: string): ImportSummary | undefined {
  const summary = getDataset(db, id);
  if (!summary) return undefined;
  const row = db.prepare('SELECT summary FROM datasets WHERE id = ?').get(id) as {
    summary: string;
  };
  const meta = JSON.parse(row.summary) as Partial<ImportMeta>;
  const bare = db
    .prepare(
      `SELECT COUNT(*) AS n FROM items WHERE dataset_id = ? AND caption IS NULL AND creator IS NULL
         AND sound IS NULL AND duration_s IS NULL AND hashtags = '[]'`,
    )
    .get(id) as { n: number };
  return {
    ...summary,
    datasetId: id,
    format: meta.format ?? null,
    itemsWithMetadata: summary.itemCount - bare.n,
    itemsWithoutMetadata: bare.n,
    duplicatesRemoved: meta.duplicatesRemoved ?? 0,
    inferred: meta.inferred ?? [],
    lacks: meta.lacks ?? [],
    alreadyImported: false,
    // Datasets imported before these were recorded have none of them.
    activitySummary: meta.activitySummary ?? null,
    completion: meta.completion ?? null,
    keywordFilters: meta.keywordFilters ?? [],
    sections: meta.sections ?? [],
    repairs: meta.repairs ?? [],
    skippedRecords: meta.skippedRecords ?? [],
    unknownKeys: meta.unknownKeys ?? [],
    files: meta.files ?? [],
  };
}
