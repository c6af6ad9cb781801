// The report's chart math and SVG markup, without a DOM: scales, paths, labels, bars, escaping.
import { describe, expect, it } from 'vitest';
import {
  BAR_MARGIN,
  barChart,
  lineChart,
  MARGIN,
  spreadLabels,
} from '../../src-main/report/chart-math';
import { barChartSvg, escapeHtml, lineChartSvg } from '../../src-main/report/svg';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 1, 1);

describe('lineChart', () => {
  const size = { width: 400, height: 200 };
  const chart = lineChart(
    [T0, T0 + DAY, T0 + 2 * DAY],
    [
      { name: 'topic:cooking', values: [0, 5, 10] },
      { name: 'topic:fitness', values: [2, 2, 2] },
    ],
    size,
  );
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;

  it('spans the inner width in time and puts 0 at the bottom and the peak at the top', () => {
    expect(chart.paths[0]!.path).toBe(
      `M0,${innerHeight}L${innerWidth / 2},${innerHeight / 2}L${innerWidth},0`,
    );
    expect(chart.baseline).toBe(innerHeight);
    expect(chart.yTicks[0]).toEqual({ position: innerHeight, label: '0' });
    expect(chart.yTicks.at(-1)).toEqual({ position: 0, label: '10' });
  });

  it('labels ticks by the hour over days, by day over weeks and by month over years', () => {
    expect(chart.xTicks[0]!.label).toBe('Feb 1 00:00');
    expect(chart.xTicks.at(-1)!.label).toBe('Feb 3 00:00');
    const weeks = lineChart([T0, T0 + 20 * DAY], [{ name: 'a', values: [1, 2] }], size);
    expect(weeks.xTicks[0]!.label).toBe('Feb 1');
    const long = lineChart([T0, T0 + 800 * DAY], [{ name: 'a', values: [1, 2] }], size);
    expect(long.xTicks.every((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t.label))).toBe(true);
  });

  it('keeps negative values below a zero line that is not the bottom', () => {
    const mixed = lineChart([T0, T0 + DAY], [{ name: 'a', values: [-5, 5] }], size);
    expect(mixed.baseline).toBe(innerHeight / 2);
    expect(mixed.paths[0]!.lastY).toBe(0);
  });

  it('colours each series differently and ends each label at its line', () => {
    expect(chart.paths[0]!.color).not.toBe(chart.paths[1]!.color);
    expect(chart.paths[1]!.labelY).toBe(chart.paths[1]!.lastY);
  });
});

describe('spreadLabels', () => {
  it('moves crowded labels apart, keeps their order and stays inside the chart', () => {
    const out = spreadLabels([100, 100, 101, 20], 12, 104);
    expect(out[3]).toBe(20);
    const crowded = [out[0]!, out[1]!, out[2]!].sort((a, b) => a - b);
    expect(crowded[1]! - crowded[0]!).toBeGreaterThanOrEqual(12);
    expect(crowded[2]! - crowded[1]!).toBeGreaterThanOrEqual(12);
    expect(Math.max(...out)).toBeLessThanOrEqual(104);
    expect(out[0]!).toBeLessThan(out[1]!);
  });

  it('leaves labels that are far enough apart where they are', () => {
    expect(spreadLabels([10, 50, 90], 12, 100)).toEqual([10, 50, 90]);
  });
});

describe('barChart', () => {
  it('grows positive bars right of zero and negative ones left of it, in row order', () => {
    const chart = barChart(
      [
        { label: 'topic', value: 3 },
        { label: 'seen-similarity', value: -1 },
        { label: 'sound', value: 0 },
      ],
      500,
    );
    const [topic, seen, sound] = chart.bars;
    const span = 500 - BAR_MARGIN.right - BAR_MARGIN.left;
    expect(chart.zeroX).toBeCloseTo(BAR_MARGIN.left + span / 4, 3);
    expect(topic!.x).toBe(chart.zeroX);
    expect(topic!.width).toBeCloseTo((span * 3) / 4, 3);
    expect(seen!.x + seen!.width).toBeCloseTo(chart.zeroX, 3);
    expect(seen!.x).toBe(BAR_MARGIN.left);
    expect(sound!.width).toBe(0);
    expect(topic!.y).toBeLessThan(seen!.y);
    expect(chart.size.height).toBe(3 * 22);
  });
});

describe('SVG markup', () => {
  it('escapes every label and carries the model caveat', () => {
    const bars = barChartSvg(barChart([{ label: '<script>&"x"', value: 1 }], 400), 'T', String);
    expect(bars).not.toContain('<script>');
    expect(bars).toContain('&lt;script&gt;&amp;&quot;x&quot;');
    expect(bars).toContain('Feedlens model, not TikTok’s');
    const line = lineChartSvg(
      lineChart([T0, T0 + DAY], [{ name: "o'k", values: [1, 2] }], { width: 400, height: 200 }),
      'L',
    );
    expect(line).toContain('o&#39;k');
    expect(line).toContain('Feedlens model, not TikTok’s');
    expect(escapeHtml('a&b<c>"\'')).toBe('a&amp;b&lt;c&gt;&quot;&#39;');
  });
});
