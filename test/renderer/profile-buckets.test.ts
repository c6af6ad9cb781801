// Aggregation per zoom level (engine/profile-series.ts, profile-buckets.ts through profile/stream):
// every bucket is exactly the profile the engine holds after its last event, a narrower range
// gives points inside it, and the evidence counts add up to the events shown.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { catalogueOf, engineConfig } from '../../src-main/operations/engine-options';
import { cachedDataset } from '../../src-main/operations/loaded';
import { unwrap } from '../../src-main/api/router';
import { DIM_TYPES } from '../../src-main/engine/config';
import { createViewerForHandlers } from '../../src-main/engine/handler-support';
import { bucketProfile, LONG_GAP_MS } from '../../src-main/engine/profile-buckets';
import { recordProfileSeries, type ProfileSeries } from '../../src-main/engine/profile-series';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

function demoApp() {
  return startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
}

describe('profile/stream', () => {
  it('gives, at each point, the same weights as the event-by-event timeline', async () => {
    const app = demoApp();
    const stream = unwrap(
      await app.router.invoke('profile/stream', { datasetId: 'demo', topics: 4, buckets: 2000 }),
    );
    const timeline = unwrap(
      await app.router.invoke('profile/timeline', { datasetId: 'demo', topics: 4, points: 2000 }),
    );
    expect(stream.topics).toEqual(timeline.topics);
    // The demo is small enough to keep every event: one point per event.
    expect(stream.buckets.map((b) => b.eventIndex)).toEqual(
      timeline.points.map((p) => p.eventIndex),
    );
    stream.buckets.forEach((b, i) => expect(b.weights).toEqual(timeline.points[i]!.weights));
    const events = stream.buckets.reduce((sum, b) => sum + b.events, 0);
    expect(events).toBe(timeline.points.length);
    expect(stream.range).toEqual(stream.full);
    app.close();
  });

  it('records several dimensions in one pass, each as it would be alone', () => {
    const app = demoApp();
    const data = cachedDataset(app.ctx, 'demo');
    const viewer = () =>
      createViewerForHandlers(catalogueOf(data.pool), engineConfig({}), data.events);
    const together = recordProfileSeries(viewer(), DIM_TYPES, 40);
    expect(together.map((s) => s.dimension)).toEqual(DIM_TYPES);
    for (const series of together) {
      const alone = recordProfileSeries(viewer(), [series.dimension], 40)[0]!;
      expect(series).toEqual(alone);
    }
    expect(together.find((s) => s.dimension === 'hashtag')!.dims.length).toBeGreaterThan(10);
    app.close();
  });

  it('keeps exact weights when it samples only every k-th event (as for a million events)', async () => {
    const app = demoApp();
    const data = cachedDataset(app.ctx, 'demo');
    const viewer = createViewerForHandlers(catalogueOf(data.pool), engineConfig({}), data.events);
    const series = recordProfileSeries(viewer, ['topic'], 40)[0]!;
    expect(series.atMs.length).toBeLessThanOrEqual(40);
    const cut = bucketProfile(series, { buckets: 40, topics: 4, maxSessions: 1000 });
    const timeline = unwrap(
      await app.router.invoke('profile/timeline', { datasetId: 'demo', topics: 4, points: 2000 }),
    );
    const byIndex = new Map(timeline.points.map((p) => [p.eventIndex, p.weights]));
    expect(cut.buckets.length).toBeGreaterThan(10);
    for (const b of cut.buckets) expect(b.weights).toEqual(byIndex.get(b.eventIndex));
    expect(cut.buckets.reduce((sum, b) => sum + b.events, 0)).toBe(timeline.points.length);
    app.close();
  });

  it('cuts a zoomed range into at most N points inside it, with its sessions', async () => {
    const app = demoApp();
    const whole = unwrap(
      await app.router.invoke('profile/stream', { datasetId: 'demo', buckets: 50 }),
    );
    expect(whole.buckets.length).toBeLessThanOrEqual(50);
    expect(whole.buckets.at(-1)!.atMs).toBe(whole.full.toMs);
    const span = whole.full.toMs - whole.full.fromMs;
    const range = { fromMs: whole.full.fromMs + span / 4, toMs: whole.full.fromMs + span / 2 };
    const zoomed = unwrap(
      await app.router.invoke('profile/stream', {
        datasetId: 'demo',
        buckets: 20,
        fromMs: Math.round(range.fromMs),
        toMs: Math.round(range.toMs),
      }),
    );
    expect(zoomed.buckets.length).toBeGreaterThan(1);
    expect(zoomed.buckets.length).toBeLessThanOrEqual(20);
    for (const b of zoomed.buckets) {
      expect(b.atMs).toBeGreaterThanOrEqual(range.fromMs);
      expect(b.atMs).toBeLessThanOrEqual(range.toMs);
      expect(b.notObserved).toBeLessThanOrEqual(b.events);
    }
    expect(zoomed.sessions.length).toBeGreaterThan(0);
    for (const s of zoomed.sessions) {
      expect(s.endMs).toBeGreaterThanOrEqual(range.fromMs);
      expect(s.startMs).toBeLessThanOrEqual(range.toMs);
    }
    expect(zoomed.sessions.length).toBeLessThan(whole.sessions.length);
    expect(zoomed.topics).toEqual(whole.topics);
    app.close();
  });

  it('refuses a range that ends before it starts, in one sentence', async () => {
    const app = demoApp();
    const result = await app.router.invoke('profile/stream', {
      datasetId: 'demo',
      fromMs: 2,
      toMs: 1,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/fromMs must not be after toMs/);
    app.close();
  });

  it('ends a bucket before every pause of over a week, and lists the pauses', () => {
    const DAY = 86_400_000;
    // One event a day on days 0–9 and 30–39 (a 21-day pause), then 40–41 after a 1-day pause.
    const days = [
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 12 }, (_, i) => 30 + i),
    ];
    const n = days.length;
    const series: ProfileSeries = {
      dimension: 'topic',
      halfLifeMs: 7 * DAY,
      atMs: Float64Array.from(days, (d) => d * DAY),
      eventIndex: Int32Array.from(days, (_, i) => i),
      eventIds: days.map((_, i) => `e${i}`),
      events: new Int32Array(n).fill(1),
      notObserved: new Int32Array(n),
      dims: [{ name: 'cooking', sample: [0], w: [1], at: [0] }],
      // A session a day.
      sessions: days.map((d, i) => ({ index: i, startMs: d * DAY, endMs: d * DAY + 60_000 })),
    };
    const cut = bucketProfile(series, { buckets: 4, topics: 1, maxSessions: 100 });
    expect(cut.gaps).toEqual([{ fromMs: 9 * DAY + 60_000, toMs: 30 * DAY }]);
    expect(cut.gaps[0]!.toMs - cut.gaps[0]!.fromMs).toBeGreaterThan(LONG_GAP_MS);
    // Still at most 4 points, one of them the last before the pause.
    expect(cut.buckets.length).toBeLessThanOrEqual(4);
    expect(cut.buckets.map((b) => b.atMs)).toContain(9 * DAY);
    expect(cut.buckets.reduce((sum, b) => sum + b.events, 0)).toBe(n);
    // A range after the pause has none.
    expect(
      bucketProfile(series, { buckets: 4, topics: 1, maxSessions: 100, fromMs: 31 * DAY }).gaps,
    ).toEqual([]);
  });
});
