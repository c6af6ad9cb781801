import { describe, expect, it } from 'vitest';
import type { AgreementSession } from '../../src-main/contract/feed';
import { agreementChartModel } from '../../src-renderer/charts/agreement-chart-math';
import { addSample, etaSeconds } from '../../src-renderer/enrich/eta';

const session = (i: number, atMs: number, hitRate: number, chance: number): AgreementSession => ({
  session: i,
  atMs,
  watched: 10,
  hits: Math.round(hitRate * 10),
  hitRate,
  ndcg: hitRate,
  chance,
});

describe('agreement chart math', () => {
  it('places sessions by time, hit rate and chance on one scale', () => {
    const sessions = [
      session(0, Date.UTC(2025, 0, 1), 0.2, 0.1),
      session(3, Date.UTC(2025, 0, 2), 0.4, 0.1),
      session(7, Date.UTC(2025, 0, 3), 0, 0.05),
    ];
    // inner 400 × 100 (margins 40 + 16, 10 + 26); y domain [0, 0.4].
    const model = agreementChartModel(sessions, { width: 456, height: 136 }, 'UTC');
    expect(model.dots).toEqual([
      { session: 0, x: 0, y: 50, hitRate: 0.2, atMs: sessions[0]!.atMs },
      { session: 3, x: 200, y: 0, hitRate: 0.4, atMs: sessions[1]!.atMs },
      { session: 7, x: 400, y: 100, hitRate: 0, atMs: sessions[2]!.atMs },
    ]);
    expect(model.hitPath).toBe('M0,50L200,0L400,100');
    expect(model.chancePath).toBe('M0,75L200,75L400,87.5');
    expect(model.yTicks.at(-1)).toEqual({ position: 0, label: '40%' });
  });

  it('draws one session in the middle and an all-zero run without dividing by zero', () => {
    const model = agreementChartModel([session(0, 1000, 0, 0)], { width: 456, height: 136 }, 'UTC');
    expect(model.dots[0]).toMatchObject({ x: 200, y: 100 });
    expect(agreementChartModel([], { width: 456, height: 136 }, 'UTC').hitPath).toBe('');
  });
});

describe('time left of an online run', () => {
  it('is unknown until progress shows, then follows the recent rate', () => {
    expect(etaSeconds([], 100)).toBeNull();
    expect(etaSeconds([{ atMs: 0, done: 0 }], 100)).toBeNull();
    // 10 videos in 5 s = 2/s; 80 left → 40 s.
    const samples = [
      { atMs: 0, done: 10 },
      { atMs: 5000, done: 20 },
    ];
    expect(etaSeconds(samples, 100)).toBe(40);
  });

  it('forgets samples older than the window, so a slow start does not stick', () => {
    let samples = addSample([], { atMs: 0, done: 0 });
    samples = addSample(samples, { atMs: 60_000, done: 10 });
    // The window is the last 30 s: the sample at 0 falls out of it.
    samples = addSample(samples, { atMs: 75_000, done: 160 });
    expect(samples).toHaveLength(2);
    // 150 videos in 15 s = 10/s; 40 left → 4 s.
    expect(etaSeconds(samples, 200)).toBe(4);
  });

  it('says nothing while stalled (a backoff) rather than dividing by zero', () => {
    const stalled = [
      { atMs: 0, done: 50 },
      { atMs: 10_000, done: 50 },
    ];
    expect(etaSeconds(stalled, 100)).toBeNull();
  });
});
