// Pure chart math for the profile-over-time chart: d3 computes scales and path strings, React
// (ProfileChart.tsx) renders them. Tested without a DOM in test/renderer/profile-chart-math.test.ts.
import { extent, line, max, scaleLinear, scaleUtc, schemeTableau10, utcFormat } from 'd3';
import type { ProfileTimeline } from '@main/api/contract/profile';

export type ChartSize = { width: number; height: number };
export const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };

export type Series = { topic: string; color: string; path: string; last: number };
export type Tick = { position: number; label: string };
export type ProfileChartModel = {
  series: Series[];
  xTicks: Tick[];
  yTicks: Tick[];
  points: { x: number; atMs: number }[];
};

export function profileChartModel(timeline: ProfileTimeline, size: ChartSize): ProfileChartModel {
  const innerWidth = size.width - MARGIN.left - MARGIN.right;
  const innerHeight = size.height - MARGIN.top - MARGIN.bottom;
  const times = timeline.points.map((p) => p.atMs);
  const [first, last] = extent(times);
  const x = scaleUtc()
    .domain([new Date(first ?? 0), new Date(last ?? 1)])
    .range([0, innerWidth]);
  const peak = max(timeline.points, (p) => max(timeline.topics, (t) => p.weights[t] ?? 0)) ?? 0;
  const y = scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .nice()
    .range([innerHeight, 0]);
  const series = timeline.topics.map((topic, i) => {
    const path =
      line<ProfileTimeline['points'][number]>()
        .x((p) => round(x(new Date(p.atMs))))
        .y((p) => round(y(p.weights[topic] ?? 0)))(timeline.points) ?? '';
    return {
      topic,
      color: schemeTableau10[i % schemeTableau10.length]!,
      path,
      last: timeline.points.at(-1)?.weights[topic] ?? 0,
    };
  });
  const format = timeTickFormat(first ?? 0, last ?? 1);
  return {
    series,
    xTicks: x.ticks(6).map((d) => ({ position: round(x(d)), label: format(d) })),
    yTicks: y.ticks(5).map((v) => ({ position: round(y(v)), label: String(v) })),
    points: timeline.points.map((p) => ({ x: round(x(new Date(p.atMs))), atMs: p.atMs })),
  };
}

const DAY_MS = 86_400_000;

/**
 * Tick labels that stay distinct over the span: 'Jan 2024' over many months (an export's likes
 * and follows reach back years), 'Mar 05' over days, 'Mar 05 14:00' within a day or two.
 */
export function timeTickFormat(firstMs: number, lastMs: number): (date: Date) => string {
  const span = lastMs - firstMs;
  if (span > 180 * DAY_MS) return utcFormat('%b %Y');
  if (span > 2 * DAY_MS) return utcFormat('%b %d');
  return utcFormat('%b %d %H:%M');
}

/** Three decimals keep SVG output stable across platforms (Observable Plot does the same). */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
