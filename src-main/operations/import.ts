// Imports (docs/IMPORT.md) as jobs of the app's one import queue: one writer at a time, each
// cancellable by its job id; a new dataset gets its default profile series recorded at once.
import { asUserError } from '../db/connection';
import {
  DEFAULT_SESSION_GAP_MINUTES,
  type ImportFinished,
  type ImportStatus,
} from '../contract/import';
import { listUsers, runImport } from '../import/pipeline';
import type { ImportSummary } from '../import/types';
import type { ParsedArgs } from '../contract';
import type { Context } from './context';
import { cancelJob, runJob, startJob, type Job } from './jobs';
import { storeDefaultProfileSeries } from './profile';

type ImportArgs = ParsedArgs<'import/run'>;

/**
 * What a page that reloaded mid-import asks for (`import/status`): each running import's last
 * progress and the last imports' ends, per app. The events themselves went to a page that is gone.
 */
type Heard = {
  progress: Map<string, ImportStatus & { state: 'running' }>;
  ends: Map<string, ImportFinished>;
};
const heard = new WeakMap<Context, Heard>();
const KEPT_ENDS = 20;

function heardOf(ctx: Context): Heard {
  let h = heard.get(ctx);
  if (!h) heard.set(ctx, (h = { progress: new Map(), ends: new Map() }));
  return h;
}

/** `import/status`: running, finished, or unknown to this run of the app. */
export function importStatus(ctx: Context, jobId: string): ImportStatus {
  const h = heardOf(ctx);
  const end = h.ends.get(jobId);
  if (end) return { state: 'finished', finished: end };
  return h.progress.get(jobId) ?? { state: 'unknown' };
}

function importJob(ctx: Context, args: ImportArgs, { jobId, signal }: Job): Promise<ImportSummary> {
  return runImport(ctx.db, ctx.dbPath, {
    path: args.path,
    name: args.name,
    user: args.user,
    sections: args.sections,
    sessionGapMinutes: args.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES,
    nowMs: ctx.now(),
    signal,
    onProgress: (p) => {
      heardOf(ctx).progress.set(jobId, { state: 'running', progress: p });
      ctx.emit('job/progress', { jobId, ...p });
    },
  }).then((summary) => {
    if (!summary.alreadyImported) {
      recordProfile(ctx, jobId, summary.datasetId);
      ctx.emit('datasets/changed', { datasetIds: [summary.datasetId] });
    }
    return summary;
  });
}

/** Imports in the queue and settles with the summary (the CLI, batch audits, verification). */
export function importNow(ctx: Context, args: ImportArgs): Promise<ImportSummary> {
  return runJob(ctx, 'import', (job) => importJob(ctx, args, job));
}

/** Queues an import and returns its job id; `import/finished` carries the summary or the error. */
export function startImport(ctx: Context, args: ImportArgs): { jobId: string } {
  const started = startJob(
    ctx,
    'import',
    'import',
    (job) => importJob(ctx, args, job),
    (jobId, outcome) => {
      const finished: ImportFinished = outcome.ok
        ? { jobId, ok: true, summary: outcome.value }
        : { jobId, ok: false, error: outcome.error };
      const h = heardOf(ctx);
      h.progress.delete(jobId);
      h.ends.set(jobId, finished);
      // A Map keeps insertion order: the first key is the oldest end.
      if (h.ends.size > KEPT_ENDS) h.ends.delete(h.ends.keys().next().value!);
      ctx.emit('import/finished', finished);
    },
  );
  // Running from the start, so a page that reloads before the first progress still finds it.
  heardOf(ctx).progress.set(started.jobId, { state: 'running', progress: null });
  return started;
}

export const cancelImport = (jobId: string) => cancelJob('import', jobId);

/** The subjects (users) an export holds, for the picker before an import. */
export async function importUsers(ctx: Context, path: string) {
  return {
    users: await listUsers({ path, nowMs: ctx.now(), signal: new AbortController().signal }),
  };
}

/**
 * Stores the new dataset's profile series for the default settings, after the import's own
 * transaction: the import stands without it (another process holding the write lock only means
 * the Profile chart's first open replays and stores it), and storing it again replaces it.
 */
function recordProfile(ctx: Context, jobId: string, datasetId: string): void {
  ctx.emit('job/progress', {
    jobId,
    label: 'Recording the profile',
    done: 0,
    total: null,
    unit: 'events',
  });
  try {
    storeDefaultProfileSeries(ctx.db, datasetId);
  } catch (error) {
    if (asUserError(error) === null) throw error;
  }
}
