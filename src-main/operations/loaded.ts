import { loadAddedItems, loadCatalogue } from '../db/catalogue';
import type { Db } from '../db/connection';
import {
  countEvents,
  getDataset,
  getDatasetKind,
  loadEvents,
  loadFirstEvents,
} from '../db/datasets';
import { loadLookupOutcomes } from '../db/metadata';
import { DEMO_DATASET_ID, readDemo } from '../demo';
import { inferTopicsFromCooccurrence } from '../domain/cooccurrence';
import type { DatasetKind, DatasetSummary, FeedEvent, Item, ItemId } from '../domain/types';
import { mergePool, orderEvents, type Pool } from '../engine';
import { UserError } from '../domain/errors';

export type DatasetData = {
  summary: DatasetSummary;
  /** The candidate pool's videos: the dataset's own first, then added ones, then demo ones. */
  items: Item[];
  pool: Pool;
  events: FeedEvent[];
  /** The first `count` events in replay order; read alone while `events` has not been. */
  firstEvents(count: number): readonly FeedEvent[];
  eventCount(): number;
};

/** What reading a dataset needs of the context (a Context has it). */
type DatasetCache = {
  db: Db;
  fixturesDir: string;
  /** Least recent first. */
  loaded: Map<string, DatasetData>;
};

type LoadOptions = {
  /** Add the synthetic demo catalogue to the pool (only for datasets of imported kinds). */
  withDemo?: boolean;
};

/**
 * How many loaded pools stay in memory (a heavy user's six months is about 20 MB): two datasets,
 * or one with and without the demo catalogue (the Profile asks without, the Feed may ask with).
 */
const KEPT = 3;

/**
 * Only a person's own data gets other videos in its pool: the demo and a Lab session already
 * have the demo catalogue as their own.
 */
const IMPORTED_KINDS: ReadonlySet<DatasetKind> = new Set([
  'tiktok-export',
  'zeeschuimer',
  'event-log',
]);

/**
 * Reads a whole dataset for the engine with its candidate pool, or fails with a not-found the
 * user can act on. The pool is every video the dataset knows (its items enriched from other
 * datasets and added metadata), for imported datasets also the videos known only from metadata
 * files and, when asked, the demo catalogue; videos an online lookup found deleted or private
 * are marked so that no feed serves them. Reading 40,000 events takes about half a second and
 * every screen asks again (each page of the signal log, each step of the moment slider), so the
 * last few pools stay loaded until any dataset changes (the context's emit clears them then).
 */
export function cachedDataset(
  ctx: DatasetCache,
  datasetId: string,
  options: LoadOptions = {},
): DatasetData {
  // The cache holds pools, so it keys on everything a pool depends on besides the database.
  const key = `${datasetId}\u0000${options.withDemo === true ? 'with-demo' : 'own'}`;
  const kept = ctx.loaded.get(key);
  if (kept) {
    ctx.loaded.delete(key);
    ctx.loaded.set(key, kept);
    return kept;
  }
  const data = readDataset(
    ctx.db,
    datasetId,
    options.withDemo === true ? (events) => demoItems(ctx, events) : undefined,
  );
  ctx.loaded.set(key, data);
  for (const oldest of ctx.loaded.keys()) {
    if (ctx.loaded.size <= KEPT) break;
    ctx.loaded.delete(oldest);
  }
  return data;
}

/**
 * Reads a dataset and its pool from the database, without the cache; `demo` gives the demo
 * videos to add to an imported dataset's pool (none when absent). The events and the summary
 * (which counts them) are read when first asked for: a screen that needs only the videos (the
 * metadata coverage, a signal-log page) does not wait seconds for a million events.
 */
export function readDataset(
  db: Db,
  datasetId: string,
  demo?: (events: readonly FeedEvent[]) => Item[],
): DatasetData {
  const kind = getDatasetKind(db, datasetId);
  if (kind === undefined) throw new UserError('not-found', `No dataset "${datasetId}".`);
  const imported = IMPORTED_KINDS.has(kind);
  let events: FeedEvent[] | undefined;
  let summary: DatasetSummary | undefined;
  const readEvents = () => (events ??= loadEvents(db, datasetId));
  // Hashtags no keyword maps earn topics from the hashtags they co-occur with, once per load, over
  // the person's videos and the added ones (the synthetic demo says nothing about real tags).
  const own = loadCatalogue(db, datasetId);
  const known = inferTopicsFromCooccurrence(
    imported ? [...own, ...loadAddedItems(db, datasetId)] : own,
  );
  const pool = mergePool(
    [
      { source: 'dataset', items: known.slice(0, own.length) },
      { source: 'added', items: known.slice(own.length) },
      { source: 'demo', items: imported && demo ? demo(readEvents()) : [] },
    ],
    unavailableIds(db),
  );
  return {
    items: pool.items,
    pool,
    get summary() {
      return (summary ??= getDataset(db, datasetId)!);
    },
    get events() {
      return readEvents();
    },
    firstEvents: (count) =>
      events ? orderEvents(events).slice(0, count) : loadFirstEvents(db, datasetId, count),
    eventCount: () => events?.length ?? countEvents(db, datasetId),
  };
}

/**
 * The demo catalogue (the demo dataset's, while the database has it, else the bundled one), dated
 * to the dataset's first event: its synthetic dates (2026) say nothing about a person's timeline,
 * and would otherwise keep every demo video out of an older export's feeds as "unpublished".
 */
function demoItems(ctx: DatasetCache, events: readonly FeedEvent[]): Item[] {
  const demo = getDataset(ctx.db, DEMO_DATASET_ID);
  const items =
    demo?.kind === 'demo'
      ? loadCatalogue(ctx.db, DEMO_DATASET_ID)
      : readDemo(ctx.fixturesDir).items;
  let first = Infinity;
  for (const e of events) first = Math.min(first, e.atMs);
  return first === Infinity ? items : items.map((item) => ({ ...item, createdAtMs: first }));
}

function unavailableIds(db: Db): Set<ItemId> {
  const out = new Set<ItemId>();
  for (const [id, outcome] of loadLookupOutcomes(db))
    if (outcome === 'deleted' || outcome === 'private') out.add(id);
  return out;
}
