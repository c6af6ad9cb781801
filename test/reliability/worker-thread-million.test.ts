// The main thread only routes, at scale (issue #20, item 1): app/info polled every 50 ms through a
// what-if (replay/counterfactual, the adjacency rule off) on a generated 1,000,000-event dataset
// (test/helpers/million.ts), which runs on the app's worker thread. Slow, like
// test/e2e/million.test.ts: writing the dataset and the what-if take minutes on a small machine.
// The figures are printed and recorded in docs/PERFORMANCE.md.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { startWebServer, type WebServer } from '../../src-main/shells/web/server';
import { MILLION_ID, writeMillionDb } from '../helpers/million';
import { pollInfo } from '../helpers/poll';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

let app: App;
let server: WebServer;

beforeAll(async () => {
  const db = tempDbPath();
  const started = Date.now();
  writeMillionDb(db);
  console.log(`1,000,000 events: dataset written in ${Date.now() - started} ms`);
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Feedlens</title>');
  app = startApp({ shell: 'web', db, now: () => FIXED_NOW, workerThread: true });
  server = await startWebServer({ app, rendererDir: renderer });
  unwrap(await app.router.invoke('datasets/sessions', { datasetId: 'demo' }));
}, 900_000);

afterAll(async () => {
  await server?.close();
  await app?.close();
});

it('answers app/info every 50 ms within 250 ms through a what-if at 1,000,000 events', async () => {
  const started = performance.now();
  const whatIf = app.router.invoke('replay/counterfactual', {
    datasetId: MILLION_ID,
    altRules: { adjacency: false },
  });
  const latencies = await pollInfo(server, whatIf);
  const diff = unwrap(await whatIf);
  console.log(
    `app/info every 50 ms through a what-if at 1,000,000 events (${Math.round(performance.now() - started)} ms): ` +
      `${latencies.count} answers, p99 ${latencies.p99} ms, max ${latencies.max} ms at ${latencies.maxAtMs} ms; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  expect(diff.datasetId).toBe(MILLION_ID);
  expect(diff.points.length).toBeGreaterThan(100);
  expect(latencies.max).toBeLessThan(250);
}, 900_000);
