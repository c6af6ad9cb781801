// Imports (docs/IMPORT.md) as jobs of the app's one import queue: one writer at a time, each
// cancellable by its job id; a new dataset gets its default profile series recorded at once.
import { asUserError } from '../db/connection';
import { DEFAULT_SESSION_GAP_MINUTES } from '../contract/import';
import { listUsers, runImport } from '../import/pipeline';
import type { ImportSummary } from '../import/types';
import type { ParsedArgs } from '../contract';
import type { Context } from './context';
import { cancelJob, runJob, startJob, type Job } from './jobs';
import { storeDefaultProfileSeries } from './profile';

type ImportArgs = ParsedArgs<'import/run'>;

function importJob(ctx: Context, args: ImportArgs, { jobId, signal }: Job): Promise<ImportSummary> {
  return runImport(ctx.db, ctx.dbPath, {
    path: args.path,
    name: args.name,
    user: args.user,
    sections: args.sections,
    sessionGapMinutes: args.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES,
    nowMs: ctx.now(),
    signal,
    onProgress: (p) => ctx.emit('job/progress', { jobId, ...p }),
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
  return startJob(
    ctx,
    'import',
    'import',
    (job) => importJob(ctx, args, job),
    (jobId, outcome) =>
      ctx.emit(
        'import/finished',
        outcome.ok
          ? { jobId, ok: true, summary: outcome.value }
          : { jobId, ok: false, error: outcome.error },
      ),
  );
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
