import { describe, expect, it } from 'vitest';
import type { ProfileTimeline } from '../../src-main/api/contract/profile';
import { profileChartModel } from '../../src-renderer/charts/profile-chart-math';
import { whyBars } from '../../src-renderer/charts/why-bars-math';

const timeline: ProfileTimeline = {
  datasetId: 'd',
  dimension: 'topic',
  engineVersion: 'test',
  topics: ['cooking', 'fitness'],
  points: [
    {
      atMs: Date.UTC(2026, 2, 1),
      eventIndex: 0,
      eventId: 'e0',
      weights: { cooking: 0, fitness: 1 },
    },
    {
      atMs: Date.UTC(2026, 2, 2),
      eventIndex: 5,
      eventId: 'e5',
      weights: { cooking: 2, fitness: 1 },
    },
    {
      atMs: Date.UTC(2026, 2, 3),
      eventIndex: 9,
      eventId: 'e9',
      weights: { cooking: 4, fitness: 0.5 },
    },
  ],
};

describe('profile chart math', () => {
  it('draws one path per topic across the whole width, with the peak at the top', () => {
    const model = profileChartModel(timeline, { width: 460, height: 240 }, 'UTC');
    expect(model.series.map((s) => s.topic)).toEqual(['cooking', 'fitness']);
    // inner size: 460 − 44 − 16 = 400 wide, 240 − 12 − 28 = 200 high; y domain [0, 4].
    expect(model.series[0]!.path).toBe('M0,200L200,100L400,0');
    expect(model.series[1]!.path).toBe('M0,150L200,150L400,175');
    expect(model.series[0]!.last).toBe(4);
    expect(model.points.map((p) => p.x)).toEqual([0, 200, 400]);
    expect(model.yTicks.at(-1)).toEqual({ position: 0, label: '4' });
  });

  it('keeps a flat zero profile on the chart instead of dividing by zero', () => {
    const flat = { ...timeline, points: timeline.points.map((p) => ({ ...p, weights: {} })) };
    const model = profileChartModel(flat, { width: 460, height: 240 }, 'UTC');
    expect(model.series[0]!.path).toBe('M0,200L200,200L400,200');
  });
});

describe('why bars', () => {
  it('orders by magnitude and places negative bars left of the zero axis', () => {
    const bars = whyBars(
      [
        { feature: 'topic:a', value: 0.5 },
        { feature: 'topic:b', value: -1 },
        { feature: 'topic:c', value: 0 },
      ],
      200,
    );
    expect(bars.map((b) => b.feature)).toEqual(['topic:b', 'topic:a']);
    expect(bars[0]).toMatchObject({ x: 0, width: 100, positive: false, y: 0 });
    expect(bars[1]).toMatchObject({ x: 100, width: 50, positive: true, y: 20 });
  });
});
