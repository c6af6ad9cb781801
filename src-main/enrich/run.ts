// An online enrichment run: asks oEmbed about each id, spaced to the configured rate, a few at a
// time, retrying 429s, 5xx and network errors with exponential backoff; every answer is written
// as it arrives (its own transaction), so a killed run loses nothing and a resumed one skips it.
// When thumbnails are on, a found video's image is downloaded before its answer is written, and
// written with it.
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EnrichSettings, LookupOutcome, ThumbnailOutcome } from '../contract/enrich';
import type { Db } from '../db/connection';
import { recordLookup, type Lookup } from '../db/metadata';
import { askOembed, type Attempt } from './oembed';
import type { ThumbnailFetch } from '../db/thumbnails';
import { fetchThumbnail } from './thumbnail';

/** Tuning with defaults (OURS, docs/ENRICH.md); tests shorten them. */
export type RunTuning = {
  /** Per request, answer included (oEmbed or a thumbnail): 10 s. */
  timeoutMs: number;
  /** Tries per id before it is recorded as `failed`: 4. */
  maxTries: number;
  /** First backoff; doubles each try: 1 s. */
  backoffMs: number;
  /** Requests in flight at once; default from the rate (see concurrencyFor). */
  concurrency: number | null;
};

export const DEFAULT_TUNING: RunTuning = {
  timeoutMs: 10_000,
  maxTries: 4,
  backoffMs: 1000,
  concurrency: null,
};

/** A server's Retry-After is honoured up to this long (OURS): past it the id is tried later. */
const MAX_WAIT_MS = 120_000;
const PROGRESS_EVERY_MS = 500;
/** How often, at most, a long run announces datasets that gained metadata. */
const GAINED_EVERY_MS = 5000;

export type RunRequest = {
  settings: EnrichSettings;
  /** Ids to ask, in order. */
  ids: readonly string[];
  /** The metadata file (a dataset's online lookups, db/metadata.ts onlineFileOf) found videos join. */
  fileId: number;
  signal: AbortSignal;
  /** The app's clock, for asked_at_ms and HTTP-date Retry-After values. */
  nowMs: () => number;
  onProgress(done: number, total: number): void;
  /** Ids that gained metadata since the last call; at most every few seconds, and at the end. */
  onGained(ids: string[]): void;
  /** Resolves when the database may be written (no import holds the write lock). */
  whenWritable(): Promise<void>;
  tuning?: Partial<RunTuning>;
};

export type RunOutcome = {
  asked: number;
  outcomes: Record<LookupOutcome, number>;
  thumbnails: Record<ThumbnailOutcome, number>;
  cancelled: boolean;
};

/** Enough requests in flight to keep the rate when answers take about a second, within 2..16. */
export function concurrencyFor(ratePerSecond: number): number {
  return Math.min(16, Math.max(2, Math.ceil(ratePerSecond)));
}

export function emptyOutcomes(): Record<LookupOutcome, number> {
  return { found: 0, deleted: 0, private: 0, 'bad-answer': 0, failed: 0 };
}

/**
 * Spaces request starts 1/rate apart. Timing uses the monotonic performance clock, never the
 * app's `now` (which tests fix): pacing is about elapsed time, not about dates.
 */
class Spacing {
  private next = 0;
  constructor(private readonly intervalMs: number) {}
  async take(signal: AbortSignal): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await sleep(at - now, undefined, { signal });
  }
  /** A 429's Retry-After holds back every request, not just the one that got it. */
  holdFor(ms: number): void {
    this.next = Math.max(this.next, performance.now() + ms);
  }
}

export async function runLookups(db: Db, req: RunRequest): Promise<RunOutcome> {
  const tuning = { ...DEFAULT_TUNING, ...req.tuning };
  // A write that fails stops every worker, not just its own.
  const stop = new AbortController();
  const signal = AbortSignal.any([req.signal, stop.signal]);
  // Every request and every wait listens to it: up to 16 workers at once is expected.
  setMaxListeners(64, signal);
  const spacing = new Spacing(1000 / req.settings.ratePerSecond);
  const outcomes = emptyOutcomes();
  const thumbnails: Record<ThumbnailOutcome, number> = { stored: 0, refused: 0, failed: 0 };
  const total = req.ids.length;
  let next = 0;
  let done = 0;
  let gained: string[] = [];
  let progressAt = performance.now();
  let gainedAt = performance.now();

  const ask = async (id: string): Promise<{ lookup: Lookup; attempt: Attempt }> => {
    let attempt: Attempt;
    for (let tries = 1; ; tries++) {
      await spacing.take(signal);
      attempt = await askOembed(id, {
        baseUrl: req.settings.baseUrl,
        timeoutMs: tuning.timeoutMs,
        signal,
      });
      if (attempt.kind === 'final' || tries >= tuning.maxTries) break;
      const asked = retryAfterMs(attempt.retryAfter, req.nowMs());
      if (asked !== null) spacing.holdFor(Math.min(asked, MAX_WAIT_MS));
      const wait = Math.min(MAX_WAIT_MS, Math.max(asked ?? 0, tuning.backoffMs * 2 ** (tries - 1)));
      await sleep(wait, undefined, { signal });
    }
    const lookup: Lookup =
      attempt.kind === 'final'
        ? {
            id,
            outcome: attempt.outcome,
            httpStatus: attempt.status,
            detail: attempt.detail,
            askedAtMs: req.nowMs(),
          }
        : {
            id,
            outcome: 'failed',
            httpStatus: attempt.status,
            detail: `gave up after ${tuning.maxTries} tries: ${attempt.detail}`,
            askedAtMs: req.nowMs(),
          };
    return { lookup, attempt };
  };

  const report = (force: boolean) => {
    const now = performance.now();
    if (force || now - progressAt >= PROGRESS_EVERY_MS) {
      progressAt = now;
      req.onProgress(done, total);
    }
    if (gained.length > 0 && (force || now - gainedAt >= GAINED_EVERY_MS)) {
      gainedAt = now;
      const ids = gained;
      gained = [];
      req.onGained(ids);
    }
  };

  const worker = async () => {
    while (next < total && !signal.aborted) {
      const id = req.ids[next++]!;
      const { lookup, attempt } = await ask(id);
      const record = attempt.kind === 'final' ? attempt.record : null;
      // A cancel during the download leaves the id unwritten, as for a request in flight.
      const thumbnail: ThumbnailFetch | null =
        req.settings.thumbnails && record?.thumbnailUrl
          ? await fetchThumbnail(record.thumbnailUrl, {
              oembedBaseUrl: req.settings.baseUrl,
              timeoutMs: tuning.timeoutMs,
              signal,
            })
          : null;
      await req.whenWritable();
      try {
        recordLookup(db, req.fileId, lookup, record, thumbnail);
      } catch (error) {
        stop.abort();
        throw error;
      }
      outcomes[lookup.outcome] += 1;
      if (thumbnail) thumbnails[thumbnail.outcome] += 1;
      done += 1;
      if (lookup.outcome === 'found') gained.push(id);
      report(false);
    }
  };

  const workers = Array.from(
    { length: Math.min(total, tuning.concurrency ?? concurrencyFor(req.settings.ratePerSecond)) },
    worker,
  );
  const settled = await Promise.allSettled(workers);
  report(true);
  // A cancel aborts the requests in flight; their ids have no lookup row and are asked next time.
  if (!req.signal.aborted) {
    const failure = settled.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && (r.reason as Error).name !== 'AbortError',
    );
    if (failure) throw failure.reason;
  }
  return { asked: done, outcomes, thumbnails, cancelled: req.signal.aborted };
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
