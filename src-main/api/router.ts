// The one router: every shell (Electron IPC, the browser shell's HTTP server, the CLI, the tests)
// sends `(name, args)` here and gets an envelope back. Names are checked against the contract and
// arguments validated by its schemas before any handler runs.
import type { z } from 'zod';
import { asUserError } from '../db/connection';
import { contract, isCallName, type Args, type CallName, type Result } from '../contract';
import { UserError } from '../domain/errors';
import type { Envelope } from '../contract/define';
import { appHandlers } from './handlers/app';
import { datasetsHandlers } from './handlers/datasets';
import { enrichHandlers } from './handlers/enrich';
import { exportHandlers } from './handlers/export';
import { feedHandlers } from './handlers/feed';
import { importHandlers } from './handlers/import';
import { labHandlers } from './handlers/lab';
import { profileHandlers } from './handlers/profile';
import { fidelityHandlers } from './handlers/fidelity';
import { replayHandlers } from './handlers/replay';
import { reportHandlers } from './handlers/report';
import { uploadsHandlers } from './handlers/uploads';
import { viewingHandlers } from './handlers/viewing';
import type { Context } from '../operations/context';
import type { Handlers } from './handler';

const handlers: Handlers = {
  ...appHandlers,
  ...datasetsHandlers,
  ...profileHandlers,
  ...feedHandlers,
  ...replayHandlers,
  ...fidelityHandlers,
  ...importHandlers,
  ...uploadsHandlers,
  ...enrichHandlers,
  ...labHandlers,
  ...exportHandlers,
  ...reportHandlers,
  ...viewingHandlers,
};

export type Router = {
  /** For shells: an untrusted name and untrusted arguments. */
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  /** For in-process callers (CLI, tests): the same path, typed. */
  invoke<K extends CallName>(name: K, args: Args<K>): Promise<Envelope<Result<K>>>;
};

export function createRouter(ctx: Context): Router {
  async function call(name: string, rawArgs: unknown): Promise<Envelope<unknown>> {
    if (!isCallName(name)) {
      return { ok: false, error: { code: 'unknown-call', message: `Unknown call "${name}".` } };
    }
    const parsed = (contract[name].args as z.ZodType).safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad-args', message: describeIssues(name, parsed.error) },
      };
    }
    const handler = handlers[name] as (args: unknown, ctx: Context) => unknown;
    return settle(ctx, name, () => handler(parsed.data, ctx));
  }
  return {
    call,
    invoke: (name, args) => call(name, args) as never,
  };
}

/**
 * The calls the main thread answers itself when the app has a worker thread (worker-host.ts):
 * each reads a row, a fixture file or an upload's chunk and never a dataset's events, so it
 * answers while the thread replays. Uploads keep their open files on this thread.
 */
export const MAIN_THREAD_CALLS: ReadonlySet<string> = new Set<CallName>([
  'app/info',
  'datasets/list',
  'uploads/begin',
  'uploads/chunk',
  'uploads/finish',
  'lab/personas',
  'lab/scenarios',
  'lab/lessons',
]);

/** A router that sends every call but MAIN_THREAD_CALLS (and unknown names) to `forward`. */
export function createThreadedRouter(
  local: Router,
  forward: (name: CallName, args: unknown) => Promise<Envelope<unknown>>,
): Router {
  const call = (name: string, args: unknown) =>
    isCallName(name) && !MAIN_THREAD_CALLS.has(name) ? forward(name, args) : local.call(name, args);
  return { call, invoke: (name, args) => call(name, args) as never };
}

/** Runs `work` and puts its result or its error in an envelope, as every call's is. */
export async function settle<T>(
  ctx: Context,
  name: string,
  work: () => T | Promise<T>,
): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof UserError) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    // Another process holds the write lock: a conflict the user can act on, not a fault.
    const busy = asUserError(error, ctx.dbPath);
    if (busy) return { ok: false, error: { code: busy.code, message: busy.message } };
    // An internal fault: the user sees one sentence; the details go to the shell's log.
    console.error(`[feedlens] ${name} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } };
  }
}

function describeIssues(name: string, error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? ` at "${first.path.join('.')}"` : '';
  return `Bad arguments for ${name}${where}: ${first?.message ?? 'invalid'}.`;
}

/** Unwraps an envelope, turning an error into a UserError (for the CLI and tests). */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new UserError(envelope.error.code, envelope.error.message);
}
