// Pure chart math for the Viewing screen's bar charts: one bar per day, month or bin, stacked when
// a bar has several series, with an optional reference line (the published monthly average).
// d3 computes the scales; React (ViewingBars.tsx) renders. Tested in test/renderer/viewing-charts.test.ts.
import { scaleBand, scaleLinear } from 'd3';
import type { ChartSize, Tick } from './chart-types';

export const BARS_MARGIN = { top: 12, right: 14, bottom: 26, left: 46 };

/** One bar: its values per series (stacked bottom-up in series order). */
export type BarDatum = { key: string; label: string; values: readonly number[] };

export type BarsModel = {
  bars: {
    key: string;
    label: string;
    x: number;
    width: number;
    total: number;
    segments: { series: number; y: number; height: number; value: number }[];
  }[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** The reference line's height, when a reference value was given. */
  referenceY: number | null;
};

/**
 * Bars from the left edge to the right in the given order; the y axis starts at 0 and reaches the
 * largest total or the reference value, made nice. At most `xLabels` bars are labelled, evenly.
 */
export function barsModel(
  data: readonly BarDatum[],
  size: ChartSize,
  format: (value: number) => string,
  options: { reference?: number; xLabels?: number } = {},
): BarsModel {
  const innerWidth = size.width - BARS_MARGIN.left - BARS_MARGIN.right;
  const innerHeight = size.height - BARS_MARGIN.top - BARS_MARGIN.bottom;
  const totals = data.map((d) => d.values.reduce((a, b) => a + b, 0));
  const peak = Math.max(options.reference ?? 0, ...totals);
  const y = scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .nice(4)
    .range([innerHeight, 0]);
  // Thin bars (a day each over months) touch; a few wide ones keep a gap.
  const x = scaleBand()
    .domain(data.map((d) => d.key))
    .range([0, innerWidth])
    .paddingInner(data.length > 60 ? 0 : 0.2);
  const bars = data.map((d, i) => {
    let base = 0;
    const segments = d.values.map((value, series) => {
      const top = base + value;
      const segment = {
        series,
        y: round(y(top)),
        height: round(y(base) - y(top)),
        value,
      };
      base = top;
      return segment;
    });
    return {
      key: d.key,
      label: d.label,
      x: round(x(d.key)!),
      width: round(x.bandwidth()),
      total: totals[i]!,
      segments,
    };
  });
  const every = Math.max(1, Math.ceil(data.length / (options.xLabels ?? 6)));
  return {
    bars,
    xTicks: bars
      .filter((_, i) => i % every === 0)
      .map((b) => ({ position: round(b.x + b.width / 2), label: b.label })),
    yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: format(v) })),
    referenceY: options.reference === undefined ? null : round(y(options.reference)),
  };
}

/** Three decimals keep SVG output stable across platforms. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
