// The "why" waterfall: pure layout from the baseline to the score, and one normalised SVG snapshot.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NAMED_STEPS, waterfallSteps } from '../../src-main/explain';
import type { Contribution } from '../../src-main/engine';
import { Waterfall } from '../../src-renderer/charts/Waterfall';
import { waterfall } from '../../src-renderer/charts/waterfall-math';
import { normaliseSvg } from '../helpers/svg';

// Twelve features as the engine records them (signed; they sum to score − baseline; largest
// first), one zero.
const CONTRIBUTIONS: Contribution[] = [
  { feature: 'topic', value: 0.9812 },
  { feature: 'creator', value: 0.8064 },
  { feature: 'followed', value: 0.4956 },
  { feature: 'duration', value: 0.4544 },
  { feature: 'hashtag', value: 0.3129 },
  { feature: 'language', value: 0.2583 },
  { feature: 'popularity', value: 0.2015 },
  { feature: 'seen-similarity', value: -0.1301 },
  { feature: 'sound', value: 0.0412 },
  { feature: 'freshness', value: 0.0207 },
  { feature: 'co-engagement', value: -0.0093 },
  { feature: 'exploration', value: 0 },
];
const BASELINE = 0.6123;
const WIDTH = 340;

/** The steps the main side chooses (src-main/explain/), laid out by the renderer's math. */
const layout = (contributions: Contribution[], baseline: number, width: number) =>
  waterfall(waterfallSteps(contributions, baseline), width);

describe('waterfall layout', () => {
  const chart = layout(CONTRIBUTIONS, BASELINE, WIDTH);
  const total = CONTRIBUTIONS.reduce((sum, c) => sum + c.value, 0);

  it('has at most seven named steps plus one "other", largest first, negatives included', () => {
    expect(chart.steps.length).toBe(NAMED_STEPS + 1);
    expect(chart.steps.map((s) => s.label)).toEqual([
      'topic',
      'creator',
      'you follow them',
      'length',
      'hashtags',
      'language',
      'popularity',
      'other (4)',
    ]);
    const other = chart.steps.at(-1)!;
    expect(other.features).toEqual(['seen-similarity', 'sound', 'freshness', 'co-engagement']);
    expect(other.value).toBeCloseTo(-0.1301 + 0.0412 + 0.0207 - 0.0093, 12);
    expect(other.positive).toBe(false);
  });

  it('chains each step from where the last ended and ends at the score', () => {
    expect(chart.steps[0]!.from).toBe(BASELINE);
    for (let i = 1; i < chart.steps.length; i++)
      expect(chart.steps[i]!.from).toBe(chart.steps[i - 1]!.to);
    expect(chart.score).toBeCloseTo(BASELINE + total, 12);
    expect(chart.steps.at(-1)!.to).toBe(chart.score);
  });

  it('fits every bar in the width, with the widest span from the lowest to the highest total', () => {
    for (const s of chart.steps) expect(s.x + s.width).toBeLessThanOrEqual(WIDTH + 1e-9);
    expect(Math.min(...chart.steps.map((s) => s.x))).toBe(0);
    expect(chart.baselineX).toBe(0);
    expect(Math.max(...chart.steps.map((s) => s.x + s.width))).toBeCloseTo(WIDTH, 9);
  });

  it('draws a negative step leftwards and keeps few contributions unfolded', () => {
    const small = layout(
      [
        { feature: 'topic', value: -0.5 },
        { feature: 'popularity', value: 0.2 },
      ],
      1,
      100,
    );
    expect(small.steps.map((s) => s.label)).toEqual(['topic', 'popularity']);
    expect(small.steps[0]).toMatchObject({ from: 1, to: 0.5, positive: false, x: 0 });
    expect(small.steps[0]!.width).toBeCloseTo(100, 9);
    expect(layout([], 0.4, 100).steps).toEqual([]);
    expect(waterfallSteps(CONTRIBUTIONS, BASELINE).zeros).toEqual(['exploration']);
  });
});

describe('waterfall rendering', () => {
  it('matches the normalised SVG snapshot', async () => {
    const svg = renderToStaticMarkup(
      createElement(Waterfall, { steps: waterfallSteps(CONTRIBUTIONS, BASELINE) }),
    );
    expect(svg.match(/class="waterfall-step"/g)).toHaveLength(NAMED_STEPS + 1);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('snapshots/waterfall.svg');
  });
});
