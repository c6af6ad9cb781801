// feed/at with `candidates: 'demo'`: a real export's profile applied to the synthetic demo
// catalogue. The profile comes from the dataset's events (its own videos still count in it),
// the candidates only from the demo's videos, and every score is explained as any other.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import type { Feed } from '../../src-main/contract/feed';
import { writeMetadata } from '../../src-main/db/metadata';
import { DEMO_DATASET_ID } from '../../src-main/demo';
import { bareItem } from '../../src-main/domain/types';
import { catalogueOf } from '../../src-main/operations/engine-options';
import { cachedDataset } from '../../src-main/operations/loaded';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

// Searches for "easy pasta recipe" and "cat videos", favourites and follows: a profile with
// topics before any metadata (fixtures/tiktok/README.md).
const G3 = join(ROOT, 'fixtures', 'tiktok', 'g3', 'user_data_tiktok.json');
/** Posted 2024-06-10, liked 2024-06-15, never watched. */
const LIKED_ONLY = '7378904997376820207';
/** Known only from a metadata file; posted 2024-10-29 (as in pool-agreement.test.ts). */
const ADDED = '7431000000000000001';
const INTERESTS = new Set(['topic', 'creator', 'hashtag', 'sound']);

async function exportApp() {
  const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const { datasetId } = unwrap(await app.router.invoke('import/run', { path: G3 }));
  return { app, datasetId };
}

const interest = (feed: Feed) =>
  feed.entries.flatMap((e) => e.contributions.filter((c) => INTERESTS.has(c.feature)));

describe('feed/at over the demo catalogue', () => {
  it('serves only demo videos, ranked by the dataset’s profile, each score explained', async () => {
    const { app, datasetId } = await exportApp();
    const demoIds = new Set(cachedDataset(app.ctx, DEMO_DATASET_ID).pool.items.map((i) => i.id));
    const { events } = cachedDataset(app.ctx, datasetId);
    const eventIds = new Set(events.map((e) => e.id));
    // After the last event every video of the export is seen: its own pool is empty.
    const own = unwrap(await app.router.invoke('feed/at', { datasetId }));
    expect(own.entries).toHaveLength(0);
    expect(own.candidates).toBe('pool');

    const feed = unwrap(await app.router.invoke('feed/at', { datasetId, candidates: 'demo' }));
    expect(feed.candidates).toBe('demo');
    expect(feed.atMs).toBe(own.atMs);
    expect(feed.entries).toHaveLength(20);
    for (const entry of feed.entries) {
      expect(entry.pool).toBe('demo');
      expect(demoIds.has(entry.item.id)).toBe(true);
      const sum = entry.contributions.reduce((s, c) => s + c.value, 0);
      expect(Math.abs(sum - (entry.score - entry.baseline))).toBeLessThan(1e-9);
      // Every past event a "why" names is one of this dataset's events.
      for (const reason of entry.explanation.reasons)
        for (const e of reason.events) expect(eventIds.has(e.eventId)).toBe(true);
    }
    // The export's searches reach the made-up videos: some score rests on an interest.
    expect(interest(feed).some((c) => c.value > 0)).toBe(true);
    expect(feed.entries.some((e) => e.explanation.reasons.some((r) => r.events.length > 0))).toBe(
      true,
    );
    app.close();
  });

  it('takes the profile from the events before the moment: none before the first', async () => {
    const { app, datasetId } = await exportApp();
    const first = Math.min(...cachedDataset(app.ctx, datasetId).events.map((e) => e.atMs));
    const feed = unwrap(
      await app.router.invoke('feed/at', { datasetId, candidates: 'demo', atMs: first }),
    );
    expect(feed.entries).toHaveLength(20);
    for (const c of interest(feed)) expect(c.value).toBe(0);
    app.close();
  });

  it('never serves the dataset’s own or added videos, yet its own still shape the profile', async () => {
    const { app, datasetId } = await exportApp();
    writeMetadata(
      app.db,
      'csv',
      [
        // An unseen #cooking video known from a metadata file, which the export's searches favour.
        { ...bareItem(ADDED, null), caption: 'easy pasta recipe #cooking', creator: '@demo.cook' },
        // The liked video, now known to be about gaming, which nothing else in the export is.
        { ...bareItem(LIKED_ONLY, null), caption: 'speedrun tips #gaming', creator: '@demo.gamer' },
      ],
      FIXED_NOW,
    );
    const atMs = Date.UTC(2024, 10, 3);
    const own = unwrap(await app.router.invoke('feed/at', { datasetId, atMs }));
    expect(own.entries.map((e) => e.item.id)).toContain(ADDED);
    const demo = unwrap(
      await app.router.invoke('feed/at', { datasetId, atMs, candidates: 'demo', k: 200 }),
    );
    expect(demo.entries.length).toBeGreaterThan(20);
    for (const entry of demo.entries) expect(entry.pool).toBe('demo');
    // The like of a video the feed may not serve still moves the profile: demo gaming videos
    // are there for it, and their "why" names that like.
    const gaming = demo.entries.flatMap((e) =>
      e.explanation.reasons.filter((r) => r.dim === 'topic:gaming' && r.value > 0),
    );
    expect(gaming.length).toBeGreaterThan(0);
    expect(gaming[0]!.events.map((e) => e.words).join(' ')).toMatch(/like/);
    // The catalogue the feed ranked: every video is there, only the demo's may be served.
    const { pool } = cachedDataset(app.ctx, datasetId, { withDemo: true });
    expect(new Set(pool.sources)).toEqual(new Set(['dataset', 'added', 'demo']));
    const servable = catalogueOf(pool, 'demo').servable;
    pool.sources.forEach((source, i) => expect(servable[i]).toBe(source === 'demo' ? 1 : 0));
    app.close();
  });

  it('refuses for the demo itself, in one sentence', async () => {
    const { app } = await exportApp();
    const answer = await app.router.invoke('feed/at', {
      datasetId: DEMO_DATASET_ID,
      candidates: 'demo',
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'bad-args',
        message: expect.stringMatching(/^Only an imported dataset .*\.$/),
      },
    });
    app.close();
  });
});
