// Metadata enrichment (docs/ENRICH.md): online runs against oEmbed, one at a time per app and
// only with consent (the contract requires `consent: true`); files from this machine; the plan
// and coverage that the consent screen and every "what is known" line show.
import { performance } from 'node:perf_hooks';
import {
  LOOKUP_OUTCOMES,
  METADATA_SOURCES,
  type MetadataCoverage,
  type EnrichPlan,
  type EnrichResult,
  type EnrichFileResult,
  type MetadataFileSummary,
  type MovedMetadata,
} from '../contract/enrich';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { getAppState, setAppState } from '../db/app-state';
import { getDataset, listDatasets } from '../db/datasets';
import { loadCatalogue } from '../db/catalogue';
import {
  countLookups,
  countMetadataSources,
  datasetsListing,
  deleteMetadataFile,
  idsInDataset,
  listMetadataFiles,
  listMovedMetadata,
  loadLookupOutcomes,
  metadataFileOwner,
  metadataOf,
  onlineFileOf,
  shareOnlineAnswers,
  writeMetadata,
  type MetadataFileOwner,
  type MetadataRecord,
} from '../db/metadata';
import { deleteThumbnails, loadThumbnails } from '../db/thumbnails';
import { readMetadataFile } from '../enrich/files';
import { requestUrl } from '../enrich/oembed';
import { runLookups } from '../enrich/run';
import { readSettings } from '../enrich/settings';
import { THUMBNAIL_HOST_SUFFIXES } from '../enrich/thumbnail';
import { UserError } from '../domain/errors';
import type { Context } from './context';
import { cancelJob, queueIdle, runJob, startJob } from './jobs';
import { cachedDataset } from './loaded';

/** What an online run would ask now: videos lacking a caption or a creator, not finally answered. */
function planFor(ctx: Context, datasetId: string): { plan: EnrichPlan; ids: string[] } {
  const { items } = cachedDataset(ctx, datasetId);
  const settings = readSettings(ctx.db);
  const outcomes = loadLookupOutcomes(ctx.db);
  const missing = items.filter((it) => it.caption === null || it.creator === null);
  // `failed` (no usable answer after every retry) is asked again; any other outcome is final.
  const ids = missing
    .filter((it) => {
      const outcome = outcomes.get(it.id);
      return outcome === undefined || outcome === 'failed';
    })
    .map((it) => it.id);
  return {
    ids,
    plan: {
      datasetId,
      items: items.length,
      missing: missing.length,
      alreadyAsked: missing.length - ids.length,
      requests: ids.length,
      estimatedS: Math.ceil(ids.length / settings.ratePerSecond),
      host: new URL(settings.baseUrl).host,
      settings,
      example: ids.length > 0 ? requestUrl(settings.baseUrl, ids[0]!) : null,
      thumbnailHosts: [...THUMBNAIL_HOST_SUFFIXES],
    },
  };
}

export const enrichPlan = (ctx: Context, datasetId: string): EnrichPlan =>
  planFor(ctx, datasetId).plan;

async function runOnline(
  ctx: Context,
  jobId: string,
  datasetId: string,
  signal: AbortSignal,
): Promise<EnrichResult> {
  const started = performance.now();
  const { plan, ids } = planFor(ctx, datasetId);
  const progress = (done: number, total: number) =>
    ctx.emit('job/progress', { jobId, label: 'Fetching', done, total, unit: 'videos' });
  progress(0, ids.length);
  await queueIdle(ctx, 'import');
  const fileId = onlineFileOf(ctx.db, datasetId, ctx.now());
  if (shareOnlineAnswers(ctx.db, datasetId, fileId) > 0)
    ctx.emit('datasets/changed', { datasetIds: [datasetId] });
  const run = await runLookups(ctx.db, {
    settings: plan.settings,
    ids,
    fileId,
    signal,
    nowMs: ctx.now,
    onProgress: progress,
    onGained: (gained) => {
      const datasetIds = datasetsListing(ctx.db, gained);
      if (datasetIds.length > 0) ctx.emit('datasets/changed', { datasetIds });
    },
    whenWritable: () => queueIdle(ctx, 'import'),
  }).catch((error: unknown) => {
    throw busy(error) ?? error;
  });
  return {
    datasetId,
    asked: run.asked,
    outcomes: run.outcomes,
    thumbnails: run.thumbnails,
    skipped: plan.alreadyAsked,
    durationMs: Math.round(performance.now() - started),
    cancelled: run.cancelled,
  };
}

/** Runs an online lookup in the app's enrichment queue and settles with its result. */
export function enrichNow(ctx: Context, datasetId: string): Promise<EnrichResult> {
  // Fails now, not in the queue, when the dataset does not exist.
  cachedDataset(ctx, datasetId);
  return runJob(ctx, 'enrich', ({ jobId, signal }) => runOnline(ctx, jobId, datasetId, signal));
}

/** Queues an online lookup and returns its job id; `enrich/finished` carries the result. */
export function startEnrich(ctx: Context, datasetId: string): { jobId: string } {
  cachedDataset(ctx, datasetId);
  return startJob(
    ctx,
    'enrich',
    'enrichment',
    ({ jobId, signal }) => runOnline(ctx, jobId, datasetId, signal),
    (jobId, outcome) =>
      ctx.emit(
        'enrich/finished',
        outcome.ok
          ? { jobId, ok: true, result: outcome.value }
          : { jobId, ok: false, error: outcome.error },
      ),
  );
}

export const cancelEnrich = (jobId: string) => cancelJob('enrich', jobId);

/** What is known of a dataset's videos: captions, creators, topics, by source and lookup outcome. */
export function enrichCoverage(ctx: Context, datasetId: string): MetadataCoverage {
  const { items } = cachedDataset(ctx, datasetId);
  const sources = countMetadataSources(ctx.db, datasetId);
  const lookups = countLookups(ctx.db, datasetId);
  return {
    datasetId,
    items: items.length,
    withCaption: items.filter((it) => it.caption !== null && it.caption !== '').length,
    withCreator: items.filter((it) => it.creator !== null).length,
    withTopic: items.filter((it) => it.topics.length > 0).length,
    topicInferred: items.filter((it) => it.topics.length > 0 && it.topicsInferred).length,
    bySource: Object.fromEntries(METADATA_SOURCES.map((s) => [s, sources.get(s) ?? 0])) as Record<
      (typeof METADATA_SOURCES)[number],
      number
    >,
    lookups: Object.fromEntries(LOOKUP_OUTCOMES.map((o) => [o, lookups.get(o) ?? 0])) as Record<
      (typeof LOOKUP_OUTCOMES)[number],
      number
    >,
  };
}

/** The stored thumbnails of `ids`, as data URLs. */
export function thumbnailImages(
  ctx: Context,
  ids: readonly string[],
): { images: Record<string, string> } {
  return {
    images: Object.fromEntries(
      loadThumbnails(ctx.db, ids).map((t) => [
        t.id,
        `data:${t.mime};base64,${t.bytes.toString('base64')}`,
      ]),
    ),
  };
}

/** Deletes every stored thumbnail, after this app's imports. */
export async function deleteAllThumbnails(ctx: Context): Promise<{ deleted: number }> {
  await queueIdle(ctx, 'import');
  return { deleted: deleteThumbnails(ctx.db) };
}

/**
 * Reads a metadata file from this machine and records what it says about videos, as a file of
 * `datasetId` (null: of every dataset).
 */
export async function addMetadataFile(
  ctx: Context,
  path: string,
  datasetId: string | null,
): Promise<EnrichFileResult> {
  // The file is read first: what is wrong with it is the first thing to say.
  const file = await readMetadataFile(path, {
    nowMs: ctx.now(),
    signal: new AbortController().signal,
  });
  if (datasetId !== null) cachedDataset(ctx, datasetId);
  const owner = { datasetId, name: basename(path), sha256: await sha256Of(path) };
  return { ...(await attach(ctx, owner, file.source, file.records)), warnings: file.warnings };
}

/** Attaches the videos of a capture imported as a dataset to another dataset, as its metadata. */
export async function attachDatasetAsMetadata(
  ctx: Context,
  datasetId: string,
  fromDatasetId: string,
): Promise<EnrichFileResult> {
  cachedDataset(ctx, datasetId);
  const from = getDataset(ctx.db, fromDatasetId);
  if (from === undefined) throw new UserError('not-found', `No dataset "${fromDatasetId}".`);
  if (from.kind !== 'zeeschuimer' || fromDatasetId === datasetId)
    throw new UserError(
      'bad-args',
      `"${from.name}" is not a Zeeschuimer capture of another dataset: only a capture's videos can be attached as metadata.`,
    );
  const records = loadCatalogue(ctx.db, fromDatasetId).map(metadataOf);
  const owner = { datasetId, name: `The videos of "${from.name}"`, sha256: null };
  return { ...(await attach(ctx, owner, 'zeeschuimer', records)), warnings: [] };
}

async function attach(
  ctx: Context,
  owner: MetadataFileOwner,
  source: EnrichFileResult['source'],
  records: readonly MetadataRecord[],
): Promise<Omit<EnrichFileResult, 'warnings'>> {
  await queueIdle(ctx, 'import');
  let fileId: number;
  try {
    fileId = writeMetadata(ctx.db, source, records, ctx.now(), owner);
  } catch (error) {
    throw busy(error) ?? error;
  }
  const ids = records.map((r) => r.id);
  const matched = owner.datasetId === null ? 0 : idsInDataset(ctx.db, owner.datasetId, ids).size;
  const datasetIds =
    owner.datasetId === null ? listDatasets(ctx.db).map((d) => d.id) : [owner.datasetId];
  ctx.emit('datasets/changed', { datasetIds });
  return { fileId, source, records: records.length, matched, added: records.length - matched };
}

/** The metadata files a dataset's pool reads, with how many of their videos it lists. */
export function metadataFiles(ctx: Context, datasetId: string): { files: MetadataFileSummary[] } {
  cachedDataset(ctx, datasetId);
  return { files: listMetadataFiles(ctx.db, datasetId) };
}

const MOVED_SEEN = 'notice:metadata-moved-seen';

/** What migration 0060 moved, until the person has seen it said (app_state `notice:…`). */
export function movedMetadataNotice(ctx: Context): { moved: MovedMetadata[] } {
  return { moved: getAppState(ctx.db, MOVED_SEEN) ? [] : listMovedMetadata(ctx.db) };
}

export function markMovedMetadataSeen(ctx: Context): { seen: true } {
  setAppState(ctx.db, MOVED_SEEN, '1');
  return { seen: true };
}

/** Removes a metadata file and its rows, after this app's imports. */
export async function removeMetadataFile(
  ctx: Context,
  fileId: number,
): Promise<{ removed: boolean }> {
  await queueIdle(ctx, 'import');
  const owner = metadataFileOwner(ctx.db, fileId);
  if (owner === undefined) return { removed: false };
  deleteMetadataFile(ctx.db, fileId);
  const datasetIds = owner === null ? listDatasets(ctx.db).map((d) => d.id) : [owner];
  ctx.emit('datasets/changed', { datasetIds });
  return { removed: true };
}

/** The file's SHA-256, so that the same file added again replaces its earlier copy. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Another process (a `feedlens import` beside the app) holding the write lock past the timeout. */
function busy(error: unknown): UserError | null {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
    ? new UserError(
        'conflict',
        'Another program is writing to this database (perhaps an import); what was fetched is kept: run the enrichment again when it is done.',
      )
    : null;
}
