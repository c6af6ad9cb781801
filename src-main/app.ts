// Starts the main side once for any shell: the application's context (operations/context.ts:
// the database, the demo on first start, the pushed events) and the router over it. Shells add
// only their transport.
import type { EventMap, EventName } from './contract';
import { createRouter, createThreadedRouter, settle, type Router } from './api/router';
import { startWorkerHost } from './api/worker-host';
import type { Envelope } from './contract/define';
import type { Db } from './db/connection';
import { exportTraces, type TraceExport } from './export/traces';
import {
  openContext,
  type Context,
  type ContextOptions,
  type PdfPrinter,
} from './operations/context';
import type { ReplayArgs } from './operations/replay';
import { printPdf } from './report/pdf';

export type AppOptions = Omit<ContextOptions, 'printPdf' | 'tempDir'> & {
  /** How the report becomes a PDF; omitted: the system's headless Chromium (report/pdf.ts). */
  printPdf?: PdfPrinter;
  /**
   * Run every call but the instant ones on a worker thread (api/worker-host.ts): the shells with
   * a window. The CLI runs in-process, since nothing else waits on its thread.
   */
  workerThread?: boolean;
};

export type App = {
  router: Router;
  ctx: Context;
  db: Db;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  onAny(listener: (name: EventName, payload: EventMap[EventName]) => void): () => void;
  /** A replay's decision traces written to `file` (the browser shell's trace export), on the worker thread if there is one. */
  exportTraces(args: ReplayArgs, file: string): Promise<Envelope<TraceExport>>;
  /** Settles once the app answers every call: at once in-process, else when its worker thread has started. */
  ready: Promise<void>;
  /** Closes the database and removes the temporary folder at once; settles when the worker thread has exited. */
  close(): Promise<void>;
};

export function startApp({ workerThread = false, ...options }: AppOptions): App {
  const opened = openContext({ ...options, printPdf: options.printPdf ?? printPdf });
  const { ctx } = opened;
  const local = createRouter(ctx);
  if (!workerThread) {
    const close = () => {
      opened.close();
      return Promise.resolve();
    };
    return {
      ...opened,
      router: local,
      db: ctx.db,
      ready: Promise.resolve(),
      exportTraces: (args, file) =>
        settle(ctx, 'the trace export', () => exportTraces(ctx, args, file)),
      close,
    };
  }
  const { shell, dbPath, fixturesDir, tempDir } = ctx;
  const host = startWorkerHost({ shell, dbPath, fixturesDir, tempDir }, ctx);
  return {
    ...opened,
    router: createThreadedRouter(local, host.call),
    db: ctx.db,
    exportTraces: host.exportTraces,
    ready: host.ready,
    close() {
      const exited = host.close();
      opened.close();
      return exited;
    },
  };
}
