import { randomUUID } from 'node:crypto';
import { asUserError } from '../../db/connection';
import { DEFAULT_SESSION_GAP_MINUTES } from '../../import/limits';
import { listUsers, runImport } from '../../import/pipeline';
import type { ImportSummary } from '../../import/types';
import type { importCalls } from '../../contract/import';
import { UserError } from '../../domain/errors';
import type { SectionChoice } from '../../domain/types';
import type { Context, Handlers } from '../router';
import { storeDefaultProfileSeries } from './profile';

type ImportArgs = {
  path: string;
  name?: string;
  sessionGapMinutes?: number;
  user?: string;
  sections?: Record<string, SectionChoice>;
};

// Imports run one after another per app (one writer at a time), each cancellable by its job id.
const queues = new WeakMap<Context, Promise<unknown>>();
const running = new Map<string, AbortController>();

function enqueue(ctx: Context, jobId: string, args: ImportArgs): Promise<ImportSummary> {
  const controller = new AbortController();
  running.set(jobId, controller);
  const job = (queues.get(ctx) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() =>
      runImport(ctx.db, ctx.dbPath, {
        path: args.path,
        name: args.name,
        user: args.user,
        sections: args.sections,
        sessionGapMinutes: args.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES,
        nowMs: ctx.now(),
        signal: controller.signal,
        onProgress: (p) => ctx.emit('job/progress', { jobId, ...p }),
      }),
    )
    .then((summary) => {
      if (!summary.alreadyImported) {
        recordProfile(ctx, jobId, summary.datasetId);
        ctx.emit('datasets/changed', { datasetIds: [summary.datasetId] });
      }
      return summary;
    })
    .finally(() => running.delete(jobId));
  queues.set(ctx, job);
  return job;
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

/**
 * Settles when no import of this app is running. An import holds SQLite's write lock across
 * yields of one long transaction, so other writers (metadata enrichment) wait here instead of
 * blocking the event loop on the busy timeout.
 */
export async function importsIdle(ctx: Context): Promise<void> {
  for (;;) {
    const tail = queues.get(ctx);
    if (tail === undefined) return;
    await tail.catch(() => undefined);
    if (queues.get(ctx) === tail) return;
  }
}

export const importHandlers: Pick<Handlers, keyof typeof importCalls> = {
  'import/start': (args, ctx) => {
    const jobId = `import-${randomUUID()}`;
    enqueue(ctx, jobId, args).then(
      (summary) => ctx.emit('import/finished', { jobId, ok: true, summary }),
      (error: unknown) =>
        ctx.emit('import/finished', { jobId, ok: false, error: toApiError(error) }),
    );
    return { jobId };
  },
  'import/cancel': ({ jobId }) => {
    const controller = running.get(jobId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  },
  'import/run': (args, ctx) => enqueue(ctx, `import-${randomUUID()}`, args),
  'import/users': async ({ path }, ctx) => ({
    users: await listUsers({ path, nowMs: ctx.now(), signal: new AbortController().signal }),
  }),
};

function toApiError(error: unknown) {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  // The same rule as the router: the user sees one sentence, the log gets the details.
  console.error('[feedlens] import failed:', error);
  return {
    code: 'internal' as const,
    message: `import failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}
