// The Audit screen's charts: pure layout over time, the sentences under them, one SVG snapshot.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { amplificationSentence, metricSentence } from '../../src-renderer/audit/sentences';
import { MetricChart } from '../../src-renderer/charts/MetricChart';
import { amplificationModel, metricChartModel } from '../../src-renderer/charts/metric-chart-math';
import { normaliseSvg } from '../helpers/svg';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 8);
const POINTS = [3.1, 2.6, 2.2, 1.9, 1.2].map((value, i) => ({ atMs: T0 + i * DAY, value }));
const SIZE = { width: 360, height: 150 };
const two = (v: number) => v.toFixed(2);

describe('metric chart layout', () => {
  it('puts a dot per slate in time order, from the left edge to the right', () => {
    const m = metricChartModel(POINTS, SIZE, 'UTC', two);
    expect(m.dots.map((d) => d.value)).toEqual([3.1, 2.6, 2.2, 1.9, 1.2]);
    expect(m.dots[0]!.x).toBe(0);
    expect(m.dots.at(-1)!.x).toBe(300); // 360 − margins 46 + 14
    // y grows downwards: the highest value is highest on screen.
    expect(m.dots[0]!.y).toBeLessThan(m.dots.at(-1)!.y);
    expect(m.path.startsWith('M0,')).toBe(true);
    expect(m.yTicks[0]!.label).toBe('0.00');
  });

  it('runs a share axis to 100% even when every value is small', () => {
    const shares = POINTS.map((p) => ({ ...p, value: p.value / 100 }));
    const m = metricChartModel(shares, SIZE, 'UTC', two, 1);
    expect(m.yTicks.at(-1)!.label).toBe('1.00');
  });

  it('breaks the line where the measure is not defined, with no dot there', () => {
    const gappy = POINTS.map((p, i) => (i === 2 ? { ...p, value: null } : p));
    const m = metricChartModel(gappy, SIZE, 'UTC', two);
    expect(m.dots.map((d) => d.value)).toEqual([3.1, 2.6, 1.9, 1.2]);
    // Two pieces: a second "M" starts the line again after the gap.
    expect(m.path.match(/M/g)).toHaveLength(2);
  });

  it('centres a single slate', () => {
    const m = metricChartModel(POINTS.slice(0, 1), SIZE, 'UTC', two);
    expect(m.dots[0]!.x).toBe(150);
  });

  it('places amplified topics earliest first and lists the others as never', () => {
    const m = amplificationModel(
      [
        { topic: 'fitness', events: 80, atMs: T0 + 3 * DAY },
        { topic: 'cooking', events: 12, atMs: T0 + DAY },
        { topic: 'news-politics', events: null, atMs: null },
      ],
      360,
      18,
      'UTC',
      [T0, T0 + 4 * DAY],
    );
    expect(m.rows.map((r) => r.topic)).toEqual(['cooking', 'fitness']);
    expect(m.rows[0]!.x).toBe(75);
    expect(m.rows[1]!.labelLeft).toBe(true);
    expect(m.never).toEqual(['news-politics']);
    expect(m.height).toBe(2 * 18 + 36);
  });
});

describe('audit sentences', () => {
  const entropy = {
    name: 'Profile entropy',
    format: (v: number) => `${v.toFixed(2)} bits`,
    rise: 'the profile broadened',
    fall: 'the profile narrowed',
  };
  const on = (values: (number | null)[]) =>
    values.map((value, i) => ({ atMs: T0 + i * DAY, value }));
  it('describes the whole series, its turning point and its dates, and what that means', () => {
    expect(metricSentence(entropy, on([3.1, 2.6, 1.2]))).toBe(
      'Profile entropy fell from 3.10 bits on 2026-03-01 to 1.20 bits on 2026-03-03 over 3 slates: the profile narrowed.',
    );
    expect(metricSentence(entropy, on([1.2, 3.1]))).toMatch(/: the profile broadened\.$/);
    // The first and last alone would say "broadened"; the series peaked and narrowed again.
    expect(metricSentence(entropy, on([1.2, 3.4, 2.9, 2.0]))).toBe(
      'Profile entropy rose from 1.20 bits on 2026-03-01 to a peak of 3.40 bits on 2026-03-02, then fell to 2.00 bits on 2026-03-04: the profile broadened, then the profile narrowed.',
    );
    expect(metricSentence(entropy, on([2, 2.05]))).toBe(
      'Profile entropy held steady at about 2.05 bits (between 2.00 bits and 2.05 bits) over 2 slates.',
    );
    expect(metricSentence(entropy, on([2]))).toBe(
      'Profile entropy was 2.00 bits at the only slate.',
    );
    expect(metricSentence(entropy, [])).toBe('No slate to measure profile entropy on.');
  });

  it('says where a measure is not defined instead of drawing a constant', () => {
    const kl = { ...entropy, name: 'Calibration KL', undefinedWhere: 'no known topics' };
    expect(metricSentence(kl, on([null, 0.4, null, 0.9]))).toBe(
      'Calibration KL rose from 0.40 bits on 2026-03-02 to 0.90 bits on 2026-03-04 over 4 slates: the profile broadened. It is not defined at 2 of the 4 slates (no known topics), left as gaps in the chart.',
    );
    expect(metricSentence(kl, on([null, null]))).toBe(
      'Calibration KL is not defined at any of the 2 slates (no known topics).',
    );
  });

  it('names the first amplified topic, or says none was', () => {
    const label = (t: string) => (t === 'cooking' ? 'Food & Cooking' : t);
    const topics = [
      { topic: 'fitness', events: 80, atMs: 2 },
      { topic: 'cooking', events: 1, atMs: 1 },
      { topic: 'pets', events: null, atMs: null },
    ];
    expect(amplificationSentence({ threshold: 0.3, topics }, label)).toBe(
      '2 of 3 topics reached 30% of the profile; the first, Food & Cooking, after 1 event.',
    );
    expect(amplificationSentence({ threshold: 0.3, topics: topics.slice(2) }, label)).toBe(
      'None of the 1 topic the profile held reached 30% of the profile.',
    );
  });
});

describe('metric chart rendering', () => {
  it('matches the normalised SVG snapshot', async () => {
    const svg = renderToStaticMarkup(
      createElement(MetricChart, { points: POINTS, label: 'Profile entropy', format: two }),
    );
    expect(svg.match(/class="metric-dot"/g)).toHaveLength(POINTS.length);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('snapshots/metric-chart.svg');
  });
});
