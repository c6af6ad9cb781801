// The zoomable profile chart's math without a DOM: stacking, brush and zoom ranges, the nearest
// point, and one normalised SVG snapshot of a small stacked chart.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nearestIndex } from '../../src-renderer/charts/nearest';
import type { ProfileStream } from '../../src-main/contract/profile';
import { DIM_TYPES } from '../../src-main/engine/config';
import { ProfileStreamSvg } from '../../src-renderer/charts/ProfileStreamSvg';
import {
  dimensionPlural,
  gapLength,
  legendValues,
  PROFILE_CHART_SIZE,
  segments,
  rangeFromPixels,
  stackShares,
  streamChartModel,
  zoomRange,
} from '../../src-renderer/charts/profile-stream-math';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1);

const bucket = (
  day: number,
  eventIndex: number,
  weights: Record<string, number>,
  other: number,
  events = 10,
  notObserved = 0,
) => ({
  atMs: T0 + day * DAY,
  eventIndex,
  eventId: `e${eventIndex}`,
  weights,
  other,
  events,
  notObserved,
});

const stream: ProfileStream = {
  datasetId: 'd',
  dimension: 'topic',
  engineVersion: 'test',
  topics: ['cooking', 'fitness'],
  buckets: [
    bucket(0, 0, { cooking: 1, fitness: 1 }, 2),
    bucket(1, 9, { cooking: 3, fitness: 1 }, 0, 10, 8),
    bucket(2, 19, { cooking: 0, fitness: 0 }, 0, 10, 6),
    bucket(3, 29, { cooking: 2, fitness: 6 }, 2, 10, 1),
  ],
  sessions: [
    { index: 0, startMs: T0, endMs: T0 + DAY / 2 },
    { index: 1, startMs: T0 + 2 * DAY, endMs: T0 + 3 * DAY },
  ],
  sessionCount: 2,
  gaps: [],
  full: { fromMs: T0, toMs: T0 + 3 * DAY },
  range: { fromMs: T0, toMs: T0 + 3 * DAY },
};

describe('dimension names', () => {
  it('are plural in English, searches included', () => {
    expect(DIM_TYPES.map(dimensionPlural)).toEqual([
      'topics',
      'hashtags',
      'creators',
      'sounds',
      'languages',
      'durations',
      'searches',
      'effects',
    ]);
  });
});

describe('stacking shares', () => {
  it('stacks topics then "other" to 1 at every point, and keeps an empty profile at zero', () => {
    const layers = stackShares(stream);
    expect(layers.map((l) => l.topic)).toEqual(['cooking', 'fitness', 'other']);
    expect(layers[0]!.values[0]).toEqual([0, 0.25]);
    expect(layers[1]!.values[0]).toEqual([0.25, 0.5]);
    expect(layers[2]!.values[0]).toEqual([0.5, 1]);
    expect(layers[1]!.values[3]).toEqual([0.2, 0.8]);
    expect(layers.at(-1)!.values.map(([, top]) => top)).toEqual([1, 1, 0, 1]);
  });
});

describe('the chart model', () => {
  const size = { width: 474, height: 272 };
  // inner: 474 − 58 − 16 = 400 wide, 272 − 22 − 50 = 200 high; three days across.
  it('places shares on a 0–100% axis and marks mostly-inferred buckets and sessions', () => {
    const model = streamChartModel(stream, size, 'UTC', 'share', 'log');
    expect(model.inner).toEqual({ width: 400, height: 200 });
    expect(model.xs).toEqual([0, 133.333, 266.667, 400]);
    expect(model.fills.map((f) => f.topic)).toEqual(['cooking', 'fitness', 'other']);
    expect(model.lines.map((l) => l.topic)).toEqual(['cooking', 'fitness']);
    expect(model.lines[0]!.path).toBe('M0,150L133.333,50L266.667,200L400,160');
    expect(model.yTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    // Buckets 1 and 2 (8 and 6 of 10 not observed), each spanning back to its predecessor.
    expect(model.inferredRuns).toEqual([{ x: 0, width: 266.667 }]);
    expect(model.sessionBands).toEqual([
      { index: 0, x: 0, width: 66.667 },
      { index: 1, x: 266.667, width: 133.333 },
    ]);
  });

  it('draws raw weights on a log scale that keeps small weights off the floor', () => {
    const linear = streamChartModel(stream, size, 'UTC', 'raw', 'linear');
    const log = streamChartModel(stream, size, 'UTC', 'raw', 'log');
    expect(linear.fills).toEqual([]);
    // fitness = 1 at the first point: a sixth of the way up on linear, far higher on symlog.
    const firstY = (path: string) => Number(/^M0,([\d.]+)/.exec(path)![1]);
    expect(firstY(linear.lines[1]!.path)).toBeCloseTo(200 - 200 / 6, 2);
    expect(firstY(log.lines[1]!.path)).toBeLessThan(200 - 200 / 3);
    expect(log.yTicks[0]!.label).toBe('0');
  });

  it('labels a single day by the hour, not the date nine times', () => {
    const day = { ...stream, range: { fromMs: T0, toMs: T0 + DAY - 1 } };
    const labels = streamChartModel(day, size, 'UTC', 'share', 'log').xTicks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(1).every((l) => /^\d\d:\d\d$/.test(l))).toBe(true);
  });
});

describe('gaps longer than a week', () => {
  const size = { width: 474, height: 272 };
  // Six weeks: two points, eleven days without an event, two points, a month's pause, one point.
  const long: ProfileStream = {
    ...stream,
    buckets: [
      bucket(0, 0, { cooking: 1, fitness: 1 }, 2),
      bucket(2, 9, { cooking: 3, fitness: 1 }, 0, 10, 8),
      bucket(13, 19, { cooking: 2, fitness: 2 }, 0, 10, 9),
      bucket(14, 29, { cooking: 2, fitness: 6 }, 2, 10, 9),
      bucket(42, 39, { cooking: 1, fitness: 1 }, 1),
    ],
    gaps: [
      { fromMs: T0 + 2 * DAY, toMs: T0 + 13 * DAY },
      { fromMs: T0 + 14 * DAY, toMs: T0 + 42 * DAY },
    ],
    full: { fromMs: T0, toMs: T0 + 42 * DAY },
    range: { fromMs: T0, toMs: T0 + 42 * DAY },
  };

  it('cuts the points into runs at each gap', () => {
    expect(segments(long.buckets, long.gaps)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(segments(long.buckets, [])).toEqual([[0, 5]]);
    expect(segments([], long.gaps)).toEqual([]);
  });

  it('names a gap’s length in days, weeks, months or years', () => {
    expect(gapLength(8 * DAY)).toBe('8 days');
    expect(gapLength(28 * DAY)).toBe('4 weeks');
    expect(gapLength(335 * DAY)).toBe('11 months');
    expect(gapLength(800 * DAY)).toBe('2 years');
  });

  it('breaks every line, band and hatching at a gap and labels it', () => {
    for (const view of ['share', 'raw'] as const) {
      const model = streamChartModel(long, size, 'UTC', view, 'linear');
      // One "M" per run: the line starts again after each gap, never crossing it.
      for (const l of [...model.lines, ...model.fills]) expect(l.path.match(/M/g)).toHaveLength(3);
      expect(model.evidencePath.match(/M/g)).toHaveLength(3);
    }
    const model = streamChartModel(long, size, 'UTC', 'share', 'linear');
    // The last point stands alone after the month's pause: a 3 px sliver, not an invisible dot.
    expect(model.lines[0]!.path).toMatch(/M398\.5,[\d.]+L401\.5,[\d.]+$/);
    // 400 px for 42 days: the gaps span days 2–13 and 14–42.
    expect(model.gaps).toEqual([
      {
        ...long.gaps[0],
        x: 19.048,
        width: 104.762,
        label: 'no events for 11 days',
        text: 'upright',
      },
      {
        ...long.gaps[1],
        x: 133.333,
        width: 266.667,
        label: 'no events for 4 weeks',
        text: 'across',
      },
    ]);
    // Points 1–3 are mostly inferred; no hatching spans the first gap (2 → 13).
    expect(model.inferredRuns).toEqual([
      { x: 0, width: 19.048 },
      { x: 123.81, width: 9.523 },
    ]);
    const svg = renderToStaticMarkup(
      createElement(ProfileStreamSvg, {
        stream: long,
        model,
        view: 'share',
        dense: false,
        hatch: 'hatch',
        hover: null,
        brush: null,
      }),
    );
    expect(svg.match(/data-testid="profile-gap"/g)).toHaveLength(2);
    expect(svg).toContain('>no events for 4 weeks</text>');
  });

  it('writes a gap’s label across it, upright, or only in its tooltip, as its width allows', () => {
    // Three pauses of 8 days a day apart, beside a long one: in 400 px for 200 days each narrow
    // gap is 16 px wide, room for an upright label.
    const day = (d: number) => T0 + d * DAY;
    const crowded: ProfileStream = {
      ...stream,
      buckets: [0, 10, 19, 28, 37, 200].map((d, i) => bucket(d, i, { cooking: 1 }, 0)),
      gaps: [
        { fromMs: day(1), toMs: day(9) },
        { fromMs: day(10), toMs: day(18) },
        { fromMs: day(19), toMs: day(27) },
        { fromMs: day(37), toMs: day(200) },
      ],
      full: { fromMs: day(0), toMs: day(200) },
      range: { fromMs: day(0), toMs: day(200) },
    };
    const gaps = streamChartModel(crowded, size, 'UTC', 'share', 'linear').gaps;
    expect(gaps.map((g) => g.label)).toEqual([
      'no events for 8 days',
      'no events for 8 days',
      'no events for 8 days',
      'no events for 5 months',
    ]);
    expect(gaps.map((g) => g.text)).toEqual(['upright', 'upright', 'upright', 'across']);
    // In 100 px the narrow gaps are 4 px wide (the tooltip names them), the long one 81.5 px.
    const narrow = streamChartModel(crowded, { ...size, width: 174 }, 'UTC', 'share', 'linear');
    expect(narrow.gaps.map((g) => g.text)).toEqual([null, null, null, 'upright']);
  });
});

describe('the legend', () => {
  it('shows the hovered point’s values, else the mean over the points in view', () => {
    // Shares at point 1: cooking 3/4, fitness 1/4, other 0.
    expect(legendValues(stream, 'share', 1)).toEqual({
      at: 'point',
      values: [
        { topic: 'cooking', value: 0.75 },
        { topic: 'fitness', value: 0.25 },
        { topic: 'other', value: 0 },
      ],
    });
    // Mean of the four points' shares: cooking (0.25 + 0.75 + 0 + 0.2) / 4.
    const mean = legendValues(stream, 'share', null);
    expect(mean.at).toBe('mean');
    expect(mean.values.map((v) => v.topic)).toEqual(['cooking', 'fitness', 'other']);
    expect(mean.values[0]!.value).toBeCloseTo(1.2 / 4, 12);
    expect(mean.values[2]!.value).toBeCloseTo((0.5 + 0 + 0 + 0.2) / 4, 12);
    // Raw weights: no "other"; the mean, not the last value (fitness ends at 6).
    expect(legendValues(stream, 'raw', null).values).toEqual([
      { topic: 'cooking', value: 1.5 },
      { topic: 'fitness', value: 2 },
    ]);
    expect(legendValues(stream, 'raw', 3).values[1]).toEqual({ topic: 'fitness', value: 6 });
    // A hover left over from a wider answer falls back to the mean.
    expect(legendValues(stream, 'raw', 9).at).toBe('mean');
  });
});

describe('brush and zoom', () => {
  const range = { fromMs: 0, toMs: 1000 * 60_000 };
  it('turns a brush dragged either way into the time range under it, clamped to the plot', () => {
    expect(rangeFromPixels(100, 300, range, 400)).toEqual({
      fromMs: 250 * 60_000,
      toMs: 750 * 60_000,
    });
    expect(rangeFromPixels(300, 100, range, 400)).toEqual(rangeFromPixels(100, 300, range, 400));
    expect(rangeFromPixels(-50, 500, range, 400)).toEqual(range);
  });

  it('zooms around the centre, pans by half a screen and never leaves the timeline', () => {
    const half = zoomRange(range, range, 0.5);
    expect(half).toEqual({ fromMs: 250 * 60_000, toMs: 750 * 60_000 });
    expect(zoomRange(half, range, 1, 0.5)).toEqual({ fromMs: 500 * 60_000, toMs: 1000 * 60_000 });
    expect(zoomRange(half, range, 1, -2)).toEqual({ fromMs: 0, toMs: 500 * 60_000 });
    expect(zoomRange(half, range, 8)).toEqual(range);
    const tiny = zoomRange(range, range, 1e-9);
    expect(tiny.toMs - tiny.fromMs).toBe(60_000); // never narrower than a minute
  });

  it('finds the point nearest a click', () => {
    expect(nearestIndex([0, 133.333, 266.667, 400], 190)).toBe(1);
    expect(nearestIndex([0, 133.333, 266.667, 400], 210)).toBe(2);
    expect(nearestIndex([0, 133.333, 266.667, 400], 999)).toBe(3);
  });
});

/** Numbers to 3 decimals, so a float's last digits never fail the snapshot. */
function normalise(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(3))))
    .replace(/></g, '>\n<');
}

describe('profile chart rendering', () => {
  it('matches the normalised SVG snapshot of a small stacked chart', async () => {
    const model = streamChartModel(stream, PROFILE_CHART_SIZE, 'UTC', 'share', 'log');
    const svg = renderToStaticMarkup(
      createElement(ProfileStreamSvg, {
        stream,
        model,
        view: 'share',
        dense: false,
        hatch: 'hatch',
        hover: null,
        brush: null,
      }),
    );
    expect(svg.match(/class="layer"/g)).toHaveLength(3);
    expect(svg.match(/class="series edge"/g)).toHaveLength(2);
    await expect(normalise(svg)).toMatchFileSnapshot('snapshots/profile-stream.svg');
  });
});
