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
  it('says which way a measure went, and what that means', () => {
    expect(metricSentence(entropy, [3.1, 2.6, 1.2])).toBe(
      'Profile entropy went from 3.10 bits to 1.20 bits over 3 slates: the profile narrowed.',
    );
    expect(metricSentence(entropy, [1.2, 3.1])).toMatch(/: the profile broadened\.$/);
    expect(metricSentence(entropy, [2, 2.05])).toBe(
      'Profile entropy held steady at about 2.05 bits over 2 slates.',
    );
    expect(metricSentence(entropy, [2])).toBe('Profile entropy was 2.00 bits at the only slate.');
    expect(metricSentence(entropy, [])).toBe('No slate to measure profile entropy on.');
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
