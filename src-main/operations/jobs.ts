// The one job runner: long work (an import, an online enrichment) queued one after another per
// app and per queue, cancellable by its job id, reporting progress as `job/progress` events and
// its end through the caller's finished event. A queue is one writer at a time: two imports at
// once would fight over SQLite's write lock, two enrichments would ask the same ids twice.
import { randomUUID } from 'node:crypto';
import { UserError, type ApiError } from '../domain/errors';
import type { Context } from './context';

/** Job ids start with their queue's name (`import-…`, `enrich-…`). */
type Queue = 'import' | 'enrich';

export type Job = {
  jobId: string;
  signal: AbortSignal;
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const tails = new WeakMap<Context, Map<Queue, Promise<unknown>>>();
const running = new Map<string, { queue: Queue; controller: AbortController }>();

function tailsOf(ctx: Context): Map<Queue, Promise<unknown>> {
  let map = tails.get(ctx);
  if (!map) tails.set(ctx, (map = new Map()));
  return map;
}

/** Runs `work` after every earlier job of this app's `queue` has settled; resolves with its result. */
export function runJob<T>(
  ctx: Context,
  queue: Queue,
  work: (job: Job) => Promise<T>,
  jobId = `${queue}-${randomUUID()}`,
): Promise<T> {
  const controller = new AbortController();
  running.set(jobId, { queue, controller });
  const queued = tailsOf(ctx);
  const job = (queued.get(queue) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => work({ jobId, signal: controller.signal }))
    .finally(() => running.delete(jobId));
  queued.set(queue, job);
  return job;
}

/**
 * Starts `work` in the queue and returns its job id at once; `finished` gets the result or the
 * error as the API sends it. `what` names the work in an internal fault's sentence.
 */
export function startJob<T>(
  ctx: Context,
  queue: Queue,
  what: string,
  work: (job: Job) => Promise<T>,
  finished: (jobId: string, outcome: Outcome<T>) => void,
): { jobId: string } {
  const jobId = `${queue}-${randomUUID()}`;
  runJob(ctx, queue, work, jobId).then(
    (value) => finished(jobId, { ok: true, value }),
    (error: unknown) => finished(jobId, { ok: false, error: apiError(what, error) }),
  );
  return { jobId };
}

/** Cancels a running or queued job of `queue`; false when there is none with that id. */
export function cancelJob(queue: Queue, jobId: string): { cancelled: boolean } {
  const job = running.get(jobId);
  if (job?.queue !== queue) return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}

/**
 * Settles when no job of this app's `queue` is running. An import holds SQLite's write lock across
 * yields of one long transaction, so other writers (metadata enrichment, a rename) wait here
 * instead of blocking the event loop on the busy timeout.
 */
export async function queueIdle(ctx: Context, queue: Queue): Promise<void> {
  const queued = tailsOf(ctx);
  for (;;) {
    const tail = queued.get(queue);
    if (tail === undefined) return;
    await tail.catch(() => undefined);
    if (queued.get(queue) === tail) return;
  }
}

/** The router's rule for a job's failure: the user sees one sentence, the log gets the details. */
function apiError(what: string, error: unknown): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  console.error(`[feedlens] ${what} failed:`, error);
  return {
    code: 'internal',
    message: `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}
