// Pure chart math for the what-if's profile difference over time: for the topics that differ
// most, the changed replay's weight minus the recorded one's at each slate, around a zero line.
// d3 computes scales and path strings; ProfileDiffChart.tsx renders them. Tested in
// test/renderer/profile-diff-math.test.ts.
import { line, scaleLinear, scaleUtc } from 'd3';
import type { DisplayZone } from '../format';
import { timeTicks } from './time-ticks';

export const DIFF_MARGIN = { top: 10, right: 14, bottom: 26, left: 50 };

export type DiffPoint = { atMs: number; diffs: Readonly<Record<string, number>> };
export type AxisTick = { position: number; label: string };

export type ProfileDiffModel = {
  /** The topics drawn, largest |difference| at any slate first (ties by id). */
  series: { topic: string; path: string; peak: number; values: number[] }[];
  /** Each slate's x, in the points' order. */
  xs: number[];
  zeroY: number;
  xTicks: AxisTick[];
  yTicks: AxisTick[];
};

/**
 * At most `maxTopics` lines. A topic missing from a point's diffs did not differ there, so it is
 * 0. The y domain is symmetric around 0, so "higher than recorded" and "lower" read alike.
 */
export function profileDiffModel(
  points: readonly DiffPoint[],
  size: { width: number; height: number },
  zone: DisplayZone,
  maxTopics = 5,
): ProfileDiffModel {
  const innerWidth = size.width - DIFF_MARGIN.left - DIFF_MARGIN.right;
  const innerHeight = size.height - DIFF_MARGIN.top - DIFF_MARGIN.bottom;
  const peaks = new Map<string, number>();
  for (const p of points)
    for (const [topic, d] of Object.entries(p.diffs))
      peaks.set(topic, Math.max(peaks.get(topic) ?? 0, Math.abs(d)));
  const topics = [...peaks]
    .filter(([, peak]) => peak > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxTopics);
  const extent = topics[0]?.[1] ?? 0;
  const y = scaleLinear()
    .domain(extent > 0 ? [-extent, extent] : [-1, 1])
    .nice(4)
    .range([innerHeight, 0]);
  const times = points.map((p) => p.atMs);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // One slate (or all at one time) still gets a domain, centred.
  const domain =
    points.length === 0 ? [0, 1] : first === last ? [first - 1, last + 1] : [first, last];
  const x = scaleUtc()
    .domain(domain.map((ms) => new Date(ms)))
    .range([0, innerWidth]);
  const xs = points.map((p) => round(x(new Date(p.atMs))));
  const path = line<number>()
    .x((_, i) => xs[i]!)
    .y((v) => round(y(v)));
  const [from, to] = x.domain().map((d) => d.getTime()) as [number, number];
  return {
    series: topics.map(([topic, peak]) => {
      const values = points.map((p) => p.diffs[topic] ?? 0);
      return { topic, path: path(values) ?? '', peak, values };
    }),
    xs,
    zeroY: round(y(0)),
    xTicks: timeTicks(from, to, 4, zone).map((t) => ({
      position: round(x(new Date(t.ms))),
      label: t.label,
    })),
    yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: signed(v) })),
  };
}

/** "+0.5", "−0.25", "0": the sign always shown, as a difference reads. */
export function signed(v: number): string {
  if (v === 0) return '0';
  return `${v > 0 ? '+' : '−'}${Math.abs(v)}`;
}

/** Three decimals keep SVG output stable across platforms. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
