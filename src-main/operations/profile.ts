import { createHash } from 'node:crypto';
import { asUserError, type Db } from '../db/connection';
import { getImportSummary } from '../db/imports';
import { loadProfileSeries, storeProfileSeries, type SeriesKey } from '../db/profile-series';
import {
  createViewerForHandlers,
  deltaAt,
  ENGINE_VERSION,
  round,
  snapshot,
  type ProfileDelta,
} from '../engine/handler-support';
import type { DimType, EngineConfig } from '../engine';
import { DIM_TYPES } from '../engine/config';
import { bucketProfile } from '../engine/profile-buckets';
import { recordProfileSeries, type ProfileSeries } from '../engine/profile-series';
import { UserError } from '../domain/errors';
import { checkCompletion } from '../import/activity-summary';
import type { ParsedArgs } from '../contract';
import type {
  ExportSelf,
  ProfileDeltas,
  ProfileStream,
  ProfileTimeline,
  TimelinePoint,
} from '../contract/profile';
import type { Context } from './context';
import { catalogueOf, engineConfig } from './engine-options';
import { cachedDataset, readDataset, type DatasetData } from './loaded';

/** Samples kept per recorded series: a million events keep one sample every 50. */
const SERIES_SAMPLES = 20_000;
/** More session bands than this in view would be a grey wash: the chart says how many instead. */
const MAX_SESSION_BANDS = 150;

type EngineOptions = Parameters<typeof engineConfig>[0];

/**
 * Series replayed with other settings, per loaded dataset. Keyed by the loaded data itself, so a
 * series lives exactly as long as the pool it was replayed from (which any dataset change drops).
 */
const recorded = new WeakMap<DatasetData, Map<string, ProfileSeries>>();

function seriesOf(data: DatasetData, dimension: DimType, options: EngineOptions): ProfileSeries {
  const key = JSON.stringify([dimension, options]);
  const kept = recorded.get(data) ?? new Map<string, ProfileSeries>();
  recorded.set(data, kept);
  const hit = kept.get(key);
  if (hit) return hit;
  const series = replayAllSeries(data, [dimension], engineConfig(options))[0]!;
  kept.set(key, series);
  return series;
}

/** One replay, recording a series for each of `dimensions`. */
function replayAllSeries(
  data: DatasetData,
  dimensions: readonly DimType[],
  config: EngineConfig,
): ProfileSeries[] {
  const viewer = createViewerForHandlers(catalogueOf(data.pool), config, data.events);
  return recordProfileSeries(viewer, dimensions, SERIES_SAMPLES);
}

/**
 * The settings the chart opens with: their series is stored in the database (db/profile-series.ts),
 * so opening a dataset reads a few megabytes instead of every event and a replay of them.
 */
const DEFAULT_CONFIG = engineConfig({});
const DEFAULT_CONFIG_SHA256 = configSha256(DEFAULT_CONFIG);

function configSha256(config: EngineConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}

function defaultKey(datasetId: string, dimension: DimType): SeriesKey {
  return {
    datasetId,
    dimension,
    configSha256: DEFAULT_CONFIG_SHA256,
    engineVersion: ENGINE_VERSION,
  };
}

/**
 * Replays a dataset once with the default settings and stores its series for every dimension the
 * chart can follow (after an import, so that even the first open of the Profile chart, whatever it
 * follows, reads no events). Replaces stored ones.
 */
export function storeDefaultProfileSeries(db: Db, datasetId: string): void {
  const data = readDataset(db, datasetId);
  for (const series of replayAllSeries(data, DIM_TYPES, DEFAULT_CONFIG))
    storeProfileSeries(db, defaultKey(datasetId, series.dimension), series);
}

/**
 * The default settings' series: stored, or replayed now, and then stored with every other
 * dimension's from the same replay, for the next time.
 */
function defaultSeries(ctx: Context, datasetId: string, dimension: DimType): ProfileSeries {
  const stored = loadProfileSeries(ctx.db, defaultKey(datasetId, dimension));
  if (stored) return stored;
  const all = replayAllSeries(cachedDataset(ctx, datasetId), DIM_TYPES, DEFAULT_CONFIG);
  try {
    for (const series of all)
      storeProfileSeries(ctx.db, defaultKey(datasetId, series.dimension), series);
  } catch (error) {
    // Another process holds the write lock (an import): the answer stands, the next open replays.
    if (asUserError(error) === null) throw error;
  }
  return all.find((series) => series.dimension === dimension)!;
}

/** The profile over time for one dimension type, sampled at about `points` events. */
export function profileTimeline(
  ctx: Context,
  {
    datasetId,
    topics,
    points,
    dimension,
    halfLifeDays,
    inferredFactor,
    loadedFactor,
  }: ParsedArgs<'profile/timeline'>,
): ProfileTimeline {
  const { pool, events } = cachedDataset(ctx, datasetId);
  const config = engineConfig({ halfLifeDays, inferredFactor, loadedFactor });
  const viewer = createViewerForHandlers(catalogueOf(pool), config, events);
  const every = Math.max(1, Math.ceil(viewer.events.length / points));
  const prefix = `${dimension}:`;
  const sampled: TimelinePoint[] = [];
  let last = new Map<string, number>();
  while (viewer.applied < viewer.events.length) {
    viewer.step();
    const index = viewer.applied - 1;
    if (index % every === 0 || index === viewer.events.length - 1) {
      const event = viewer.events[index]!;
      const weights: Record<string, number> = {};
      last = snapshot(viewer.state, event.atMs);
      for (const [key, w] of last)
        if (key.startsWith(prefix)) weights[key.slice(prefix.length)] = w;
      sampled.push({ atMs: event.atMs, eventIndex: index, eventId: event.id, weights });
    }
  }
  const strongest = [...last]
    .filter(([key, w]) => key.startsWith(prefix) && w > 0)
    .map(([key, w]) => [key.slice(prefix.length), w] as const)
    .sort(([ta, a], [tb, b]) => b - a || (ta < tb ? -1 : 1))
    .slice(0, topics)
    .map(([name]) => name);
  return {
    datasetId,
    dimension,
    engineVersion: ENGINE_VERSION,
    topics: strongest,
    points: sampled.map((p) => ({
      ...p,
      weights: Object.fromEntries(strongest.map((t) => [t, round(p.weights[t] ?? 0)])),
    })),
  };
}

/**
 * The profile over a time range, bucketed for the zoom level: the default settings' series from
 * the database, other settings' replayed once per loaded dataset.
 */
export function profileStream(
  ctx: Context,
  {
    datasetId,
    topics,
    buckets,
    fromMs,
    toMs,
    dimension,
    halfLifeDays,
    inferredFactor,
    loadedFactor,
  }: ParsedArgs<'profile/stream'>,
): ProfileStream {
  const options = { halfLifeDays, inferredFactor, loadedFactor };
  const series =
    configSha256(engineConfig(options)) === DEFAULT_CONFIG_SHA256
      ? defaultSeries(ctx, datasetId, dimension)
      : seriesOf(cachedDataset(ctx, datasetId), dimension, options);
  const maxSessions = MAX_SESSION_BANDS;
  return {
    datasetId,
    dimension,
    engineVersion: ENGINE_VERSION,
    ...bucketProfile(series, { fromMs, toMs, buckets, topics, maxSessions }),
  };
}

/** Every event's profile delta, a page at a time. */
export function profileDeltas(
  ctx: Context,
  {
    datasetId,
    offset,
    limit,
    halfLifeDays,
    inferredFactor,
    loadedFactor,
  }: ParsedArgs<'profile/deltas'>,
): ProfileDeltas {
  const data = cachedDataset(ctx, datasetId);
  const config = engineConfig({ halfLifeDays, inferredFactor, loadedFactor });
  // A replay is causal: the page needs only the events up to its end, not all of them.
  const total = data.eventCount();
  const events = data.firstEvents(offset + limit);
  const viewer = createViewerForHandlers(catalogueOf(data.pool), config, events);
  const end = Math.min(viewer.events.length, offset + limit);
  while (viewer.applied < end) viewer.step();
  const deltas: ProfileDelta[] = [];
  for (let i = offset; i < end; i++) {
    const d = deltaAt(viewer.state.log, viewer.state.store, viewer.events, i, config);
    deltas.push({
      ...d,
      changes: d.changes.map((c) => ({ ...c, before: round(c.before), after: round(c.after) })),
    });
  }
  return { datasetId, total, offset, deltas };
}

/**
 * What a TikTok export says about itself: its Activity Summary checked against the dataset as it
 * is now (durations added after the import count), and the person's own keyword filters.
 */
export function exportSelf(ctx: Context, datasetId: string): ExportSelf {
  const stored = getImportSummary(ctx.db, datasetId);
  if (!stored) throw new UserError('not-found', `No dataset "${datasetId}".`);
  const { activitySummary, keywordFilters } = stored;
  if (activitySummary === null)
    return { datasetId, activitySummary, completion: null, keywordFilters };
  const data = cachedDataset(ctx, datasetId);
  const byId = new Map(data.items.map((item) => [item.id, item]));
  const completion = checkCompletion(activitySummary, data.events, (id) => byId.get(id));
  return { datasetId, activitySummary, completion, keywordFilters };
}
