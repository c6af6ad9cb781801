// The enrich calls through the real router: settings, the plan (which sends nothing), consent,
// a run with progress and events, and a resumed run that asks nothing twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/contract';
import { unwrap } from '../../src-main/api/router';
import { startApp } from '../../src-main/app';
import { OEMBED_FIXTURE, startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const G3 = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const statuses = new Map(
  readFileSync(OEMBED_FIXTURE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; status: number })
    .map((a) => [a.id, a.status]),
);

let server: OembedServer;
beforeAll(async () => {
  server = await startOembedServer();
});
afterAll(() => server.close());

describe('enrich handlers', () => {
  it('plans without sending, needs consent, runs with progress and resumes without asking twice', async () => {
    const app = startApp({
      shell: 'cli',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      withoutDemo: true,
    });
    try {
      const { router } = app;
      expect(unwrap(await router.invoke('enrich/settings', {}))).toEqual({
        baseUrl: 'https://www.tiktok.com/oembed',
        ratePerSecond: 2,
        // Downloading thumbnails is a separate choice, off until made (docs/ENRICH.md).
        thumbnails: false,
      });
      const { datasetId } = unwrap(await router.invoke('import/run', { path: G3 }));
      const plan = unwrap(await router.invoke('enrich/plan', { datasetId }));
      expect(plan).toMatchObject({
        items: 1966,
        missing: 1966,
        alreadyAsked: 0,
        requests: 1966,
        estimatedS: 983,
        host: 'www.tiktok.com',
      });
      expect(plan.example).toMatch(
        /^https:\/\/www\.tiktok\.com\/oembed\?url=https%3A%2F%2Fwww\.tiktok\.com%2F%40_%2Fvideo%2F\d+$/,
      );
      const refused = await router.call('enrich/run', { datasetId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad-args' } });
      expect(server.requests.size).toBe(0);

      unwrap(
        await router.invoke('enrich/settings', { baseUrl: server.baseUrl, ratePerSecond: 100_000 }),
      );
      const progress: EventMap['job/progress'][] = [];
      const changed: string[][] = [];
      const finished: EventMap['enrich/finished'][] = [];
      app.on('job/progress', (p) => progress.push(p));
      app.on('datasets/changed', (c) => changed.push(c.datasetIds));
      app.on('enrich/finished', (f) => finished.push(f));

      // Cancel a first run early: what it fetched is kept.
      const { jobId } = unwrap(await router.invoke('enrich/start', { datasetId, consent: true }));
      await new Promise<void>((resolve) => {
        const off = app.on('job/progress', (p) => {
          if (p.jobId === jobId && p.done >= 50) {
            off();
            resolve();
          }
        });
      });
      expect(unwrap(await router.invoke('enrich/cancel', { jobId }))).toEqual({ cancelled: true });
      await new Promise<void>((resolve) => {
        const off = app.on('enrich/finished', () => {
          off();
          resolve();
        });
      });
      const first = finished[0]!;
      expect(first).toMatchObject({ jobId, ok: true, result: { cancelled: true } });
      const askedFirst = first.ok ? first.result.asked : 0;
      expect(askedFirst).toBeGreaterThanOrEqual(50);
      expect(progress[0]).toEqual({
        jobId,
        label: 'Fetching',
        done: 0,
        total: 1966,
        unit: 'videos',
      });

      const result = unwrap(await router.invoke('enrich/run', { datasetId, consent: true }));
      const total = Object.values(result.outcomes).reduce((a, b) => a + b, 0) + askedFirst;
      expect(total).toBe(1966);
      expect(result.cancelled).toBe(false);
      // Each video's one lookup is what the stand-in answers for it: the fixture's status, or
      // (for the few ids the fixture lacks) a generated 200.
      const ids = (
        app.db.prepare('SELECT id FROM items WHERE dataset_id = ?').all(datasetId) as {
          id: string;
        }[]
      ).map((r) => r.id);
      const expected = { found: 0, deleted: 0, private: 0 };
      for (const id of ids) {
        const status = statuses.get(id) ?? 200;
        expected[status === 200 ? 'found' : status === 404 ? 'deleted' : 'private'] += 1;
      }
      const rows = app.db
        .prepare('SELECT outcome, COUNT(*) AS n FROM lookups GROUP BY outcome ORDER BY outcome')
        .all();
      expect(rows).toEqual([
        { outcome: 'deleted', n: expected.deleted },
        { outcome: 'found', n: expected.found },
        { outcome: 'private', n: expected.private },
      ]);
      // Nothing was asked twice beyond the requests in flight at the cancel.
      const twice = [...server.requests.values()].filter((n) => n > 1).length;
      expect(twice).toBeLessThanOrEqual(16);
      expect(changed.at(-1)).toEqual([datasetId]);

      const coverage = unwrap(await router.invoke('enrich/coverage', { datasetId }));
      expect(coverage).toMatchObject({
        items: 1966,
        lookups: { ...expected, 'bad-answer': 0, failed: 0 },
        bySource: { oembed: expected.found },
      });
      expect(coverage.withCreator).toBe(expected.found);
      // The share itself is the taxonomy's (test/domain); here: enrichment gave topics to many.
      expect(coverage.withTopic / coverage.items).toBeGreaterThan(0.3);
      const again = unwrap(await router.invoke('enrich/plan', { datasetId }));
      expect(again).toMatchObject({
        requests: 0,
        alreadyAsked: expected.deleted + expected.private,
      });
      const feed = await router.call('feed/at', { datasetId });
      expect(feed.ok).toBe(true);
    } finally {
      app.close();
    }
  });
});
