// Pure chart math for the report: d3 scales and shapes turn numbers into coordinates and SVG path
// strings, with no DOM (svg.ts writes the markup). Tested in test/report/chart-math.test.ts.
import { line, max, min, scaleBand, scaleLinear, scaleUtc, schemeTableau10, utcFormat } from 'd3';

export type Size = { width: number; height: number };
export const MARGIN = { top: 12, right: 120, bottom: 28, left: 48 };

export type Tick = { position: number; label: string };
/** A null value (a measure not defined there) breaks the line. */
export type LineSeries = { name: string; values: readonly (number | null)[] };
export type LinePath = {
  name: string;
  color: string;
  path: string;
  /** Where the line ends, and where its label goes (moved apart so no two labels overlap). */
  lastY: number;
  labelY: number;
};
export type LineChart = {
  size: Size;
  paths: LinePath[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** Where the horizontal axis sits (y = 0, or the bottom when every value is positive). */
  baseline: number;
};

/**
 * Lines over time: x is a UTC time scale over `timesMs`, y one linear scale over every series,
 * niced and always including 0. Series values line up with `timesMs`.
 */
export function lineChart(timesMs: readonly number[], series: LineSeries[], size: Size): LineChart {
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;
  const first = timesMs[0] ?? 0;
  const last = timesMs.at(-1) ?? first;
  const x = scaleUtc()
    .domain([new Date(first), new Date(Math.max(last, first + 1))])
    .range([0, innerWidth]);
  const all = series.flatMap((s) => s.values.filter((v) => v !== null));
  const low = Math.min(0, min(all) ?? 0);
  const high = Math.max(0, max(all) ?? 0);
  const y = scaleLinear()
    .domain([low, high > low ? high : low + 1])
    .nice()
    .range([innerHeight, 0]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => round(x(new Date(timesMs[i]!))))
    .y((v) => round(y(v!)));
  const format = tickFormat(last - first);
  const lastYs = series.map((s) => round(y(s.values.findLast((v) => v !== null) ?? 0)));
  const labelYs = spreadLabels(lastYs, LABEL_GAP, innerHeight);
  return {
    size,
    paths: series.map((s, i) => ({
      name: s.name,
      color: schemeTableau10[i % schemeTableau10.length]!,
      path: path(s.values as (number | null)[]) ?? '',
      lastY: lastYs[i]!,
      labelY: labelYs[i]!,
    })),
    xTicks: x.ticks(6).map((d) => ({ position: round(x(d)), label: format(d) })),
    yTicks: y.ticks(5).map((v) => ({ position: round(y(v)), label: String(v) })),
    baseline: round(y(Math.max(low, Math.min(0, high)))),
  };
}

/** Tick labels that say enough for the span: years apart, days apart, or hours within days. */
function tickFormat(spanMs: number): (d: Date) => string {
  const day = 86_400_000;
  return utcFormat(spanMs > 365 * day ? '%b %Y' : spanMs > 3 * day ? '%b %-d' : '%b %-d %H:%M');
}

const LABEL_GAP = 12;

/**
 * Moves label positions apart so that neighbours are at least `gap` apart, keeping their order
 * and staying within [0, bottom] where there is room: a downward sweep, then an upward one.
 */
export function spreadLabels(ys: readonly number[], gap: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  if (placed.length > 0) placed[placed.length - 1] = Math.min(placed.at(-1)!, bottom);
  for (let k = placed.length - 2; k >= 0; k--)
    placed[k] = Math.max(0, Math.min(placed[k]!, placed[k + 1]! - gap));
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = round(placed[k]!)));
  return out;
}

export type Bar = { label: string; value: number; x: number; y: number; width: number };
export type BarChart = { size: Size; bars: Bar[]; bandHeight: number; zeroX: number };
export const BAR_MARGIN = { left: 190, right: 70 };

/**
 * Horizontal bars, one band per row in the given order. Negative values grow left of the zero
 * line, so a feature that pulled scores down reads as such.
 */
export function barChart(
  rows: readonly { label: string; value: number }[],
  width: number,
): BarChart {
  const bandHeight = 22;
  const height = rows.length * bandHeight;
  const low = Math.min(0, min(rows, (r) => r.value) ?? 0);
  const high = Math.max(0, max(rows, (r) => r.value) ?? 0);
  const x = scaleLinear()
    .domain([low, high > low ? high : low + 1])
    .range([BAR_MARGIN.left, width - BAR_MARGIN.right]);
  const band = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([0, height])
    .padding(0.2);
  const zeroX = round(x(0));
  return {
    size: { width, height },
    bandHeight: round(band.bandwidth()),
    zeroX,
    bars: rows.map((r, i) => {
      const end = round(x(r.value));
      return {
        label: r.label,
        value: r.value,
        x: Math.min(zeroX, end),
        y: round(band(i)!),
        width: round(Math.abs(end - zeroX)),
      };
    }),
  };
}

/** Three decimals keep the SVG text stable across platforms (as Observable Plot does). */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
