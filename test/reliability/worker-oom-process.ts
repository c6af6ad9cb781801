// An app with its worker thread in a process of its own, started by worker-thread.test.ts with a
// small heap (`--max-old-space-size`, which worker threads inherit): imports `argv[3]` into the
// database `argv[2]`, then asks one more call, and prints what each answered as one JSON line.
import { startApp } from '../../src-main/app';
import type { EventMap } from '../../src-main/contract';

const app = startApp({
  shell: 'web',
  db: process.argv[2]!,
  workerThread: true,
});
await app.ready;
const finished = new Promise<EventMap['import/finished']>((resolve) =>
  app.on('import/finished', resolve),
);
const started = await app.router.invoke('import/start', { path: process.argv[3]! });
const outcome = await finished;
const after = await app.router.invoke('datasets/sessions', { datasetId: 'demo' });
console.log(JSON.stringify({ started: started.ok, outcome, after: after.ok }));
await app.close();
