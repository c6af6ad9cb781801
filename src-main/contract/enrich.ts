import { z } from 'zod';
import type { ApiError } from '../domain/errors';
import { defineCall } from './define';
import { datasetId } from './datasets';

/** Where a video's metadata came from. `oembed` is the only one that needs the network. */
export const METADATA_SOURCES = ['oembed', 'zeeschuimer', 'ytdlp', 'csv'] as const;
export type MetadataSource = (typeof METADATA_SOURCES)[number];

/** What an online lookup of one video ended in; every id asked gets exactly one. */
export const LOOKUP_OUTCOMES = ['found', 'deleted', 'private', 'bad-answer', 'failed'] as const;
export type LookupOutcome = (typeof LOOKUP_OUTCOMES)[number];

/** Online enrichment settings, kept in the database; the base URL is a setting so tests and mirrors can point elsewhere. */
export type EnrichSettings = {
  /** oEmbed endpoint; default https://www.tiktok.com/oembed. */
  baseUrl: string;
  /** Requests per second at most (the run waits between requests). */
  ratePerSecond: number;
  /**
   * Also download each found video's thumbnail from TikTok's image servers (another host than
   * oEmbed), to show on its card. Off unless the person turns it on (docs/ENRICH.md).
   */
  thumbnails: boolean;
};

/** What became of a found video's thumbnail: kept, not asked (a host outside the list), or asked and not kept. */
export const THUMBNAIL_OUTCOMES = ['stored', 'refused', 'failed'] as const;
export type ThumbnailOutcome = (typeof THUMBNAIL_OUTCOMES)[number];

/** What the consent screen shows before anything is sent. */
export type EnrichPlan = {
  datasetId: string;
  /** Videos in the dataset. */
  items: number;
  /** Videos without a caption or a creator from any source. */
  missing: number;
  /** Of those, already asked online (any outcome): never asked again. */
  alreadyAsked: number;
  /** Requests an online run would send now (missing − alreadyAsked). */
  requests: number;
  /** At the configured rate, in seconds. */
  estimatedS: number;
  /** The host the requests go to, and the full endpoint. */
  host: string;
  settings: EnrichSettings;
  /** One example request URL, exactly as it would be sent. */
  example: string | null;
  /** The only hosts thumbnails are downloaded from when `settings.thumbnails` is on (and subdomains). */
  thumbnailHosts: string[];
};

/** How much of a dataset's metadata is known, and from where (every screen's "what is known"). */
export type MetadataCoverage = {
  datasetId: string;
  items: number;
  withCaption: number;
  withCreator: number;
  withTopic: number;
  /** Of `withTopic`, items whose topics were inferred from co-occurring hashtags. */
  topicInferred: number;
  /** Items whose metadata came from each source (an item may count under several). */
  bySource: Record<MetadataSource, number>;
  /** Outcomes of online lookups so far. */
  lookups: Record<LookupOutcome, number>;
};

export type EnrichResult = {
  datasetId: string;
  asked: number;
  outcomes: Record<LookupOutcome, number>;
  /** Of the videos found, what became of their thumbnails (all 0 when downloading is off). */
  thumbnails: Record<ThumbnailOutcome, number>;
  /** Ids skipped because they were answered before (a resumed run). */
  skipped: number;
  durationMs: number;
  /** True when `enrich/cancel` (or Ctrl-C) stopped the run; what was fetched is kept. */
  cancelled: boolean;
};

export type EnrichFileResult = {
  /** The metadata file it became (`enrich/files`, `enrich/remove-file`). */
  fileId: number;
  source: Exclude<MetadataSource, 'oembed'>;
  /** Records read from the file. */
  records: number;
  /** Records about videos the dataset lists (all 0 when attached to all datasets). */
  matched: number;
  /** Records about other videos: they join the dataset's candidate pool. */
  added: number;
  /** Lines or rows skipped, one sentence each with the line number. */
  warnings: string[];
};

/** A metadata file or a dataset's online lookups, as the Metadata screen lists them. */
export type MetadataFileSummary = {
  id: number;
  /** The dataset it belongs to; null when attached to all datasets. */
  datasetId: string | null;
  source: MetadataSource;
  name: string;
  addedAtMs: number;
  /** Videos it tells about. */
  records: number;
  /** Of those, videos the dataset asked about lists. */
  inDataset: number;
};

/** Metadata migration 0060 moved: per dataset (null: attached to all), how many videos. */
export type MovedMetadata = {
  datasetId: string | null;
  datasetName: string | null;
  records: number;
};

/** Pushed once per online run when it ends. */
export type EnrichFinished =
  { jobId: string; ok: true; result: EnrichResult } | { jobId: string; ok: false; error: ApiError };

const onlineArgs = z
  .object({
    datasetId,
    /** The user's explicit opt-in (the consent screen's button, or `feedlens enrich --online`). */
    consent: z.literal(true),
  })
  .strict();

export const enrichCalls = {
  /** Counts and the exact request an online run would send; sends nothing. */
  'enrich/plan': defineCall<EnrichPlan>()(z.object({ datasetId }).strict()),
  /** What is known about the dataset's videos, and from where. */
  'enrich/coverage': defineCall<MetadataCoverage>()(z.object({ datasetId }).strict()),
  /** Reads (no argument) or changes the online settings. */
  'enrich/settings': defineCall<EnrichSettings>()(
    z
      .object({
        baseUrl: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
        // Up to 100,000: a local stand-in or mirror may be asked without pacing.
        ratePerSecond: z.number().positive().max(100_000).optional(),
        thumbnails: z.boolean().optional(),
      })
      .strict(),
  ),
  /**
   * Starts an online run over the dataset's videos that lack metadata and returns at once.
   * `job/progress` events carry `{jobId, label: 'Fetching', done, total, unit: 'videos'}` and
   * one `enrich/finished` ends it. Resumable: ids already answered are never asked again.
   */
  'enrich/start': defineCall<{ jobId: string }>()(onlineArgs),
  /** Stops a running online job after its current request; what was fetched is kept. */
  'enrich/cancel': defineCall<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(100) }).strict(),
  ),
  /** Runs an online job to its end (CLI and tests). */
  'enrich/run': defineCall<EnrichResult>()(onlineArgs),
  /**
   * The downloaded thumbnails of these videos as `data:` URLs (the page's CSP allows no other
   * image source), by video id; videos without one are absent. One call per screen of cards.
   */
  'enrich/thumbnails': defineCall<{ images: Record<string, string> }>()(
    z.object({ ids: z.array(z.string().min(1).max(100)).max(100) }).strict(),
  ),
  /** Deletes every downloaded thumbnail; cards show their generated ones again. */
  'enrich/delete-thumbnails': defineCall<{ deleted: number }>()(z.object({}).strict()),
  /**
   * Adds metadata from a file on this machine (a Zeeschuimer capture, yt-dlp info JSON or
   * `--dump-json` lines, or a CSV `id,caption,creator,hashtags,sound,duration`). Sends nothing.
   */
  'enrich/file': defineCall<EnrichFileResult>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        /** The dataset it belongs to; null attaches it to every dataset (an explicit choice). */
        datasetId: datasetId.nullable(),
      })
      .strict(),
  ),
  /**
   * Attaches a Zeeschuimer capture imported as a dataset (`fromDatasetId`) to another dataset as
   * metadata, as if its file had been added there.
   */
  'enrich/dataset-as-metadata': defineCall<EnrichFileResult>()(
    z.object({ datasetId, fromDatasetId: datasetId }).strict(),
  ),
  /** The metadata files the dataset's candidate pool reads: its own and those attached to all. */
  'enrich/files': defineCall<{ files: MetadataFileSummary[] }>()(z.object({ datasetId }).strict()),
  /**
   * Once after migration 0060 moved the global metadata of before to the datasets that list its
   * videos: what went where (and what stayed with all datasets), until `enrich/moved-seen`. Empty
   * when nothing was moved or the notice was seen.
   */
  'enrich/moved-notice': defineCall<{ moved: MovedMetadata[] }>()(z.object({}).strict()),
  /** The person read the notice: `enrich/moved-notice` is empty from now on. */
  'enrich/moved-seen': defineCall<{ seen: true }>()(z.object({}).strict()),
  /** Removes a metadata file and everything it said; the datasets it reached change. */
  'enrich/remove-file': defineCall<{ removed: boolean }>()(
    z.object({ fileId: z.number().int().positive() }).strict(),
  ),
};
