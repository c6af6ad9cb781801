import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

function demoApp() {
  return startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
}

describe('router', () => {
  it('refuses an unknown call name with unknown-call', async () => {
    const app = demoApp();
    expect(await app.router.call('nope/nothing', {})).toEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'Unknown call "nope/nothing".' },
    });
    expect((await app.router.call('__proto__', {})).ok).toBe(false);
    app.close();
  });

  it('validates arguments before any handler runs', async () => {
    const app = demoApp();
    const result = await app.router.call('feed/at', { datasetId: 'demo', k: 'twenty' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-args');
      expect(result.error.message).toContain('"k"');
    }
    const extra = await app.router.call('datasets/list', { surprise: true });
    expect(extra.ok).toBe(false);
    app.close();
  });

  it('loads the demo dataset on first start, once', async () => {
    const db = tempDbPath();
    const first = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    const list = unwrap(await first.router.invoke('datasets/list', {}));
    first.close();
    const second = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    expect(unwrap(await second.router.invoke('datasets/list', {}))).toEqual(list);
    second.close();
    expect(list.map((d) => d.id)).toEqual(['demo']);
    expect(list[0]!.eventCount).toBeGreaterThanOrEqual(200);
    expect(list[0]!.itemCount).toBeGreaterThanOrEqual(500);
  });

  it('reports a missing dataset as not-found', async () => {
    const app = demoApp();
    const result = await app.router.invoke('profile/timeline', { datasetId: 'missing' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No dataset "missing".' },
    });
    app.close();
  });

  it('builds a profile timeline whose topics are the strongest at the end', async () => {
    const app = demoApp();
    const timeline = unwrap(
      await app.router.invoke('profile/timeline', { datasetId: 'demo', topics: 4 }),
    );
    expect(timeline.topics).toHaveLength(4);
    expect(timeline.points.length).toBeGreaterThan(10);
    const last = timeline.points.at(-1)!.weights;
    const values = timeline.topics.map((t) => last[t]!);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    app.close();
  });

  it('explains every feed entry: contributions sum to score − baseline', async () => {
    const app = demoApp();
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', k: 10 }));
    expect(feed.entries).toHaveLength(10);
    for (const entry of feed.entries) {
      const sum = entry.contributions.reduce((s, c) => s + c.value, 0);
      expect(Math.abs(sum - (entry.score - entry.baseline))).toBeLessThan(1e-9);
    }
    expect(feed.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Re-ranking rules (exploration slots, diversity) reorder; the exploit slots keep score order.
    const exploit = feed.entries.filter((e) => e.slot === 'exploit').map((e) => e.rankScore);
    expect([...exploit].sort((a, b) => b - a)).toEqual(exploit);
    app.close();
  });

  it('deletes a dataset and pushes datasets/changed', async () => {
    const app = demoApp();
    const pushed: string[][] = [];
    app.on('datasets/changed', (p) => pushed.push(p.datasetIds));
    expect(unwrap(await app.router.invoke('datasets/delete', { id: 'demo' }))).toEqual({
      deleted: true,
    });
    expect(unwrap(await app.router.invoke('datasets/delete', { id: 'demo' }))).toEqual({
      deleted: false,
    });
    expect(pushed).toEqual([['demo']]);
    expect(unwrap(await app.router.invoke('datasets/list', {}))).toEqual([]);
    app.close();
  });
});
