// Seam: the main thread only routes. Every call but the few that answer at once (router.ts,
// MAIN_THREAD_CALLS) runs on one long-lived worker thread (api/worker.ts) that hosts the same
// router over a context of its own: its own SQLite connection (WAL: a reader never waits for the
// writer), the loaded datasets and the job queues. The main thread forwards each call with its
// clock's reading, re-emits the thread's events and prints its PDFs (Electron prints on the main
// thread). Whatever the thread does, the router, the static files and the events keep answering.
// docs/ARCHITECTURE.md, "Threads".
import type { Worker } from 'node:worker_threads';
import type { CallName, EventMap, EventName } from '../contract';
import type { Shell } from '../contract/app';
import type { Envelope } from '../contract/define';
import { UserError, type ApiError } from '../domain/errors';
import type { TraceExport } from '../export/traces';
import type { Context } from '../operations/context';
import type { ReplayArgs } from '../operations/replay';
import { startWorker } from '../ts-worker';

/** What the thread needs to open its own context on the app's database. */
export type WorkerSetup = {
  shell: Shell;
  dbPath: string;
  fixturesDir: string;
  tempDir: string;
};

export type ToWorker =
  | { type: 'call'; id: number; name: CallName; args: unknown; nowMs: number }
  | { type: 'traces'; id: number; args: ReplayArgs; file: string; nowMs: number }
  | { type: 'printed'; id: number; error: ApiError | null };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: EventName; payload: EventMap[EventName] }
  | { type: 'print'; id: number; htmlFile: string; pdfFile: string };

export type WorkerHost = {
  call(name: CallName, args: unknown): Promise<Envelope<unknown>>;
  /** The browser shell's trace export (shells/web/traces.ts), written to `file` on the thread. */
  exportTraces(args: ReplayArgs, file: string): Promise<Envelope<TraceExport>>;
  /** Settles once the first thread has opened its context (or has stopped trying). */
  ready: Promise<void>;
  /** Terminates the thread (whatever it is doing) and settles once it has exited. */
  close(): Promise<void>;
};

// Sources run through tsx (ts-worker.ts); the Electron bundle has the thread beside main.js. A
// variable, not a literal, so that the bundler leaves the URL alone.
const ENTRY = import.meta.url.endsWith('.ts') ? './worker.ts' : './app-worker.js';

/** Jobs that end with a finished event, by their id's prefix (operations/jobs.ts). */
const FINISHED = { import: 'import/finished', enrich: 'enrich/finished' } as const;

type Thread = {
  worker: Worker;
  pending: Map<number, { name: string; answer: (envelope: Envelope<unknown>) => void }>;
  /** Jobs started on this thread whose finished event has not come yet. */
  jobs: Set<string>;
};

/** Starts the thread at once; a thread that dies is replaced by the next call. */
export function startWorkerHost(setup: WorkerSetup, ctx: Context): WorkerHost {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let thread: Thread | null = spawn();
  let nextId = 0;
  let closing = false;

  function spawn(): Thread {
    const worker = startWorker(new URL(ENTRY, import.meta.url), { workerData: setup });
    const spawned: Thread = { worker, pending: new Map(), jobs: new Set() };
    worker.on('message', (message: FromWorker) => received(spawned, message));
    worker.on('error', (error) => console.error('[feedlens] the worker thread failed:', error));
    worker.on('exit', (code) => {
      markReady();
      if (thread === spawned) thread = null;
      const why = closing ? 'the app is closing' : `its thread stopped (exit code ${code})`;
      for (const { name, answer } of spawned.pending.values())
        answer({ ok: false, error: { code: 'internal', message: `${name} failed: ${why}.` } });
      // A job's screen waits for its finished event: it gets one, with the reason.
      for (const jobId of spawned.jobs) {
        const queue = jobId.startsWith('enrich-') ? 'enrich' : 'import';
        const error: ApiError = { code: 'internal', message: `The ${queue} failed: ${why}.` };
        ctx.emit(FINISHED[queue], { jobId, ok: false, error });
      }
    });
    return spawned;
  }

  function received(from: Thread, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        markReady();
        return;
      case 'answer': {
        const call = from.pending.get(message.id);
        from.pending.delete(message.id);
        const { envelope } = message;
        if (envelope.ok && (call?.name === 'import/start' || call?.name === 'enrich/start'))
          from.jobs.add((envelope.value as { jobId: string }).jobId);
        call?.answer(envelope);
        return;
      }
      case 'event':
        if (message.name === 'import/finished' || message.name === 'enrich/finished')
          from.jobs.delete((message.payload as { jobId: string }).jobId);
        ctx.emit(message.name, message.payload);
        return;
      case 'print': {
        const reply = (error: ApiError | null) =>
          from.worker.postMessage({ type: 'printed', id: message.id, error } satisfies ToWorker);
        ctx.printPdf(message.htmlFile, message.pdfFile).then(
          () => reply(null),
          (error: unknown) => reply(asApiError(error)),
        );
        return;
      }
    }
  }

  /** Posts what `message` asks (the id and the clock added) and settles with the answer. */
  function ask(
    name: string,
    message:
      | { type: 'call'; name: CallName; args: unknown }
      | { type: 'traces'; args: ReplayArgs; file: string },
  ): Promise<Envelope<unknown>> {
    if (closing) {
      const error: ApiError = { code: 'internal', message: `${name} failed: the app is closing.` };
      return Promise.resolve({ ok: false, error });
    }
    const current = (thread ??= spawn());
    const id = nextId++;
    return new Promise((answer) => {
      current.pending.set(id, { name, answer });
      current.worker.postMessage({ ...message, id, nowMs: ctx.now() } satisfies ToWorker);
    });
  }

  return {
    call: (name, args) => ask(name, { type: 'call', name, args }),
    ready,
    exportTraces: (args, file) =>
      ask('the trace export', { type: 'traces', args, file }) as Promise<Envelope<TraceExport>>,
    async close() {
      closing = true;
      await thread?.worker.terminate();
    },
  };
}

function asApiError(error: unknown): ApiError {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
