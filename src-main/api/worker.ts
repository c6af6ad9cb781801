// The app's worker thread (started by worker-host.ts): the same router as the main thread's, over
// a context of its own on the app's database. It answers each forwarded call with its envelope,
// posts every event it emits, and asks the main thread to print PDFs.
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../domain/errors';
import { exportTraces } from '../export/traces';
import { openContext } from '../operations/context';
import { createRouter, settle } from './router';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-host';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);

// Each call runs on the main thread's clock as read when it was made (operations read `now` once
// per call), kept through the call's awaits and the jobs it starts.
const callClock = new AsyncLocalStorage<number>();
const printing = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let nextPrint = 0;

const opened = openContext({
  shell: setup.shell,
  db: setup.dbPath,
  fixturesDir: setup.fixturesDir,
  tempDir: setup.tempDir,
  // The main thread loaded the demo before starting this thread.
  withoutDemo: true,
  now: () => callClock.getStore() ?? Date.now(),
  printPdf: (htmlFile, pdfFile) =>
    new Promise((resolve, reject) => {
      const id = nextPrint++;
      printing.set(id, { resolve, reject });
      post({ type: 'print', id, htmlFile, pdfFile });
    }),
});
opened.onAny((name, payload) => post({ type: 'event', name, payload }));
const router = createRouter(opened.ctx);
post({ type: 'ready' });

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      void callClock
        .run(message.nowMs, () => router.call(message.name, message.args))
        .then((envelope) => post({ type: 'answer', id: message.id, envelope }));
      return;
    case 'traces': {
      const { args, file } = message;
      void callClock
        .run(message.nowMs, () =>
          settle(opened.ctx, 'the trace export', () => exportTraces(opened.ctx, args, file)),
        )
        .then((envelope) => post({ type: 'answer', id: message.id, envelope }));
      return;
    }
    case 'printed': {
      const waiting = printing.get(message.id);
      printing.delete(message.id);
      const { error } = message;
      if (error === null) waiting?.resolve();
      // A UserError stays one (the router words it the same); anything else is an internal fault.
      else if (error.code === 'internal') waiting?.reject(new Error(error.message));
      else waiting?.reject(new UserError(error.code, error.message));
      return;
    }
  }
});
