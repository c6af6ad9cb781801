// Pure chart math for the profile-over-time chart: d3 computes scales and path strings, React
// (ProfileChart.tsx) renders them. Tested without a DOM in test/renderer/profile-chart-math.test.ts.
import { extent, line, max, scaleLinear, scaleUtc, schemeTableau10 } from 'd3';
import type { ProfileTimeline } from '@main/api/contract/profile';
import type { DisplayZone } from '../format';
import { timeTicks } from './time-ticks';

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

export function profileChartModel(
  timeline: ProfileTimeline,
  size: ChartSize,
  zone: DisplayZone,
): ProfileChartModel {
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
  return {
    series,
    xTicks: timeTicks(first ?? 0, last ?? 1, 6, zone).map((t) => ({
      position: round(x(new Date(t.ms))),
      label: t.label,
    })),
    yTicks: y.ticks(5).map((v) => ({ position: round(y(v)), label: String(v) })),
    points: timeline.points.map((p) => ({ x: round(x(new Date(p.atMs))), atMs: p.atMs })),
  };
}

/** Three decimals keep SVG output stable across platforms (Observable Plot does the same). */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
