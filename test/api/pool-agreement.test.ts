// A real export through the API: what its sections do to the profile, the candidate pool the feed
// draws from (own videos, added metadata, the demo on request, deleted videos left out), and
// agreement with the real feed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { cachedDataset } from '../../src-main/operations/loaded';
import { unwrap } from '../../src-main/api/router';
import { recordLookup, writeMetadata } from '../../src-main/db/metadata';
import { bareItem, type FeedEvent } from '../../src-main/domain/types';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const G3 = join(ROOT, 'fixtures', 'tiktok', 'g3', 'user_data_tiktok.json');
/** Posted 2024-06-10, liked 2024-06-15, never watched. */
const LIKED_ONLY = '7378904997376820207';
/** Known only from a metadata file; posted 2024-10-29. */
const ADDED = '7431000000000000001';

async function withExport(prepare?: (app: App) => void): Promise<{ app: App; id: string }> {
  const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const summary = unwrap(await app.router.invoke('import/run', { path: G3 }));
  prepare?.(app);
  return { app, id: summary.datasetId };
}

describe('a TikTok export without metadata', () => {
  it('builds a profile from favourites, shares, follows and searches, and says why watches do not', async () => {
    const { app, id } = await withExport();
    const { deltas } = unwrap(
      await app.router.invoke('profile/deltas', { datasetId: id, limit: 100 }),
    );
    const dims = new Set(deltas.flatMap((d) => d.changes.map((c) => c.dim)));
    for (const dim of [
      'sound:6800000000000000001',
      'hashtag:12345678',
      'creator:@demo.chef',
      'search:easy pasta recipe',
      'search:cat videos',
      'topic:cooking',
      'topic:pets',
    ])
      expect(dims).toContain(dim);
    const watches = deltas.filter((d) => d.kind === 'watch');
    expect(watches.length).toBeGreaterThan(0);
    for (const w of watches) expect(w.noChange).toBe('unknown-video');
    const searches = unwrap(
      await app.router.invoke('profile/timeline', { datasetId: id, dimension: 'search' }),
    );
    expect(searches.topics).toEqual(expect.arrayContaining(['easy pasta recipe', 'cat videos']));
    app.close();
  });

  it('serves its own videos, labelled, with a pool summary', async () => {
    const { app, id } = await withExport();
    const [dataset] = unwrap(await app.router.invoke('datasets/list', {})).filter(
      (d) => d.id === id,
    );
    const feed = unwrap(
      await app.router.invoke('feed/at', { datasetId: id, atMs: Date.UTC(2024, 10, 2) }),
    );
    expect(feed.pool).toEqual({
      size: { dataset: dataset!.itemCount, added: 0, demo: 0 },
      unseen: expect.any(Number),
      withMetadata: 0,
      unavailable: 0,
    });
    expect(feed.pool.unseen).toBeGreaterThan(0);
    expect(feed.pool.unseen).toBeLessThan(dataset!.itemCount);
    expect(feed.entries.length).toBeGreaterThan(0);
    for (const e of feed.entries) expect(e.pool).toBe('dataset');
    app.close();
  });

  it('adds the demo catalogue only on request, labelled demo, and never to the demo itself', async () => {
    const { app, id } = await withExport();
    const demo = unwrap(await app.router.invoke('datasets/list', {})).find((d) => d.id === 'demo')!;
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: id, withDemo: true }));
    expect(feed.pool.size.demo).toBe(demo.itemCount);
    const fromDemo = feed.entries.filter((e) => e.pool === 'demo');
    expect(fromDemo.length).toBeGreaterThan(0);
    // The export's searches (cooking, pets) pick demo videos of those topics.
    expect(fromDemo.some((e) => e.sources.some((s) => s.startsWith('interest:topic:')))).toBe(true);
    const own = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', withDemo: true }));
    expect(own.pool.size).toEqual({ dataset: demo.itemCount, added: 0, demo: 0 });
    expect(own.entries.every((e) => e.pool === 'dataset')).toBe(true);
    app.close();
  });

  it('draws on videos known only from metadata files, and never serves deleted ones', async () => {
    const { app, id } = await withExport((a) => {
      writeMetadata(
        a.db,
        'csv',
        [
          {
            ...bareItem(ADDED, null),
            caption: 'easy pasta recipe #cooking',
            creator: '@demo.cook',
          },
        ],
        FIXED_NOW,
      );
      recordLookup(
        a.db,
        writeMetadata(a.db, 'oembed', [], FIXED_NOW),
        {
          id: LIKED_ONLY,
          outcome: 'deleted',
          httpStatus: 404,
          detail: 'gone',
          askedAtMs: FIXED_NOW,
        },
        null,
      );
    });
    const [dataset] = unwrap(await app.router.invoke('datasets/list', {})).filter(
      (d) => d.id === id,
    );
    // Before the like, the liked video was unseen: only its deletion keeps it out.
    for (const atMs of [Date.UTC(2024, 5, 14), Date.UTC(2024, 10, 3)]) {
      const feed = unwrap(await app.router.invoke('feed/at', { datasetId: id, atMs }));
      expect(feed.pool.size).toEqual({ dataset: dataset!.itemCount - 1, added: 1, demo: 0 });
      expect(feed.pool.unavailable).toBe(1);
      expect(feed.pool.withMetadata).toBe(1);
      expect(feed.entries.map((e) => e.item.id)).not.toContain(LIKED_ONLY);
      expect(feed.removed.map((r) => r.itemId)).not.toContain(LIKED_ONLY);
      if (atMs > Date.UTC(2024, 9, 1)) {
        const added = feed.entries.find((e) => e.item.id === ADDED);
        expect(added?.pool).toBe('added');
      }
    }
    app.close();
  });
});

describe('a Zeeschuimer capture alone', () => {
  it('builds no profile (loaded is not seen) unless loadedFactor counts it, and stays servable', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const capture = join(ROOT, 'fixtures', 'zeeschuimer', 'capture.ndjson');
    const { datasetId } = unwrap(await app.router.invoke('import/run', { path: capture }));
    const off = unwrap(await app.router.invoke('profile/deltas', { datasetId }));
    expect(off.deltas.length).toBeGreaterThan(0);
    for (const d of off.deltas) {
      expect(d.changes).toEqual([]);
      expect(d.noChange).toBe('loaded-not-seen');
    }
    const on = unwrap(await app.router.invoke('profile/deltas', { datasetId, loadedFactor: 0.5 }));
    expect(on.deltas.some((d) => d.changes.some((c) => c.dim.startsWith('topic:')))).toBe(true);
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId, loadedFactor: 0.5 }));
    expect(feed.pool.unseen).toBe(feed.pool.size.dataset);
    expect(feed.entries.length).toBeGreaterThan(0);
    app.close();
  });
});

describe('topics inferred from co-occurring hashtags', () => {
  it('reach the pool the engine ranks, labelled inferred', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const capture = join(ROOT, 'fixtures', 'zeeschuimer', 'multilingual.ndjson');
    const { datasetId } = unwrap(await app.router.invoke('import/run', { path: capture }));
    const { pool } = cachedDataset(app.ctx, datasetId);
    const inferred = pool.items.filter((i) => i.topicsInferred);
    expect(inferred.length).toBeGreaterThan(0);
    for (const item of inferred) expect(item.topics.length).toBeGreaterThan(0);
    app.close();
  });
});

describe('agreement with the real feed', () => {
  it('the demo: hits are the served videos watched in the session, as replay/run reports', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const a = unwrap(await app.router.invoke('feed/agreement', { datasetId: 'demo', seed: 3 }));
    expect(a.datasetId).toBe('demo');
    expect(a.k).toBe(20);
    expect(a.sessions.length).toBeGreaterThan(0);
    const run = unwrap(
      await app.router.invoke('replay/run', { datasetId: 'demo', seed: 3, includeTraces: true }),
    );
    // Counted from the fixture's events and the served slates: a slate serves only what a feed
    // could (nothing seen, nothing unpublished), so each served video watched in that session is
    // a hit.
    const events = JSON.parse(
      readFileSync(join(ROOT, 'fixtures', 'demo', 'persona-session.json'), 'utf8'),
    ) as FeedEvent[];
    for (const s of a.sessions) {
      const watched = new Set(
        events
          .filter((e) => e.session === s.session && (e.kind === 'watch' || e.kind === 'rewatch'))
          .map((e) => e.itemId),
      );
      const served = run.traces.find((t) => t.atMs === s.atMs)!.items.map((i) => i.itemId);
      expect(served.length).toBe(20);
      expect(s.hits).toBe(served.filter((id) => watched.has(id)).length);
      expect(s.hitRate).toBe(s.hits / Math.min(20, s.watched));
    }
    const hits = a.sessions.reduce((n, s) => n + s.hits, 0);
    expect(hits).toBeGreaterThan(0);
    expect({ datasetId: 'demo', ...run.agreement }).toEqual(a);
    const every = unwrap(
      await app.router.invoke('replay/run', {
        datasetId: 'demo',
        seed: 3,
        every: 5,
        includeTraces: false,
      }),
    );
    expect(every.agreement).toBeNull();
    app.close();
  });

  it('an export: its watched videos are in its pool, so sessions count', async () => {
    const { app, id } = await withExport();
    const [dataset] = unwrap(await app.router.invoke('datasets/list', {})).filter(
      (d) => d.id === id,
    );
    const a = unwrap(await app.router.invoke('feed/agreement', { datasetId: id }));
    expect(a.sessions.length + a.skippedSessions).toBe(dataset!.sessions);
    expect(a.sessions.length).toBeGreaterThan(0);
    expect(a.chance).toBeGreaterThan(0);
    app.close();
  });
});
