// Pure chart math for the Audit screen's metric charts: one measure over the replay's slates, and
// the topics' time to amplification. d3 computes scales and path strings; React (MetricChart.tsx,
// AmplificationChart.tsx) renders them. Tested in test/renderer/metric-chart-math.test.ts.
import { line, scaleLinear, scaleUtc } from 'd3';
import type { DisplayZone } from '../format';
import type { ChartSize, Tick } from './chart-types';
import { timeTicks } from './time-ticks';

export const METRIC_MARGIN = { top: 10, right: 14, bottom: 26, left: 46 };

/** A slate's value; null where the measure is not defined there, drawn as a gap in the line. */
export type MetricPoint = { atMs: number; value: number | null };

export type MetricChartModel = {
  path: string;
  dots: { x: number; y: number; atMs: number; value: number }[];
  xTicks: Tick[];
  yTicks: Tick[];
};

/**
 * A line over time with a dot per slate, broken where the measure is not defined. The y domain starts at 0 and reaches at least `floorMax`
 * (1 for shares, so a share of 5% does not fill the chart), else the data's maximum, made nice.
 */
export function metricChartModel(
  points: readonly MetricPoint[],
  size: ChartSize,
  zone: DisplayZone,
  format: (value: number) => string,
  floorMax = 0,
): MetricChartModel {
  const innerWidth = size.width - METRIC_MARGIN.left - METRIC_MARGIN.right;
  const innerHeight = size.height - METRIC_MARGIN.top - METRIC_MARGIN.bottom;
  const x = timeScale(points, innerWidth);
  const defined = points.filter((p): p is { atMs: number; value: number } => p.value !== null);
  const peak = Math.max(floorMax, ...defined.map((p) => p.value));
  const y = scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .nice()
    .range([innerHeight, 0]);
  const at = (p: MetricPoint) =>
    p.value === null ? null : { x: round(x(new Date(p.atMs))), y: round(y(p.value)) };
  return {
    path:
      line<MetricPoint>()
        .defined((p) => p.value !== null)
        .x((p) => at(p)!.x)
        .y((p) => at(p)!.y)(points) ?? '',
    dots: defined.map((p) => ({ ...at(p)!, atMs: p.atMs, value: p.value })),
    xTicks: xTicks(x, zone),
    yTicks: y.ticks(4).map((v) => ({ position: round(y(v)), label: format(v) })),
  };
}

export type AmplifiedTopic = { topic: string; events: number | null; atMs: number | null };

export type AmplificationModel = {
  /** Amplified topics, earliest first, one row each: where on the time axis it happened. */
  rows: { topic: string; y: number; x: number; events: number; atMs: number; labelLeft: boolean }[];
  /** Topics the profile held that never reached the threshold. */
  never: string[];
  xTicks: Tick[];
  height: number;
};

/** A dot per amplified topic at the moment it first held the threshold share; rows grow the chart. */
export function amplificationModel(
  topics: readonly AmplifiedTopic[],
  width: number,
  rowHeight: number,
  zone: DisplayZone,
  domainMs: readonly [number, number],
): AmplificationModel {
  const innerWidth = width - METRIC_MARGIN.left - METRIC_MARGIN.right;
  const amplified = topics
    .filter((t): t is AmplifiedTopic & { events: number; atMs: number } => t.events !== null)
    .sort((a, b) => a.events - b.events || (a.topic < b.topic ? -1 : 1));
  const x = timeScale(
    [{ atMs: domainMs[0] }, { atMs: domainMs[1] }, ...amplified.map((t) => ({ atMs: t.atMs }))],
    innerWidth,
  );
  const rows = amplified.map((t, i) => ({
    topic: t.topic,
    y: round((i + 0.5) * rowHeight),
    x: round(x(new Date(t.atMs))),
    events: t.events,
    atMs: t.atMs,
    // Past the middle the label goes left of its dot, so it stays inside the chart.
    labelLeft: x(new Date(t.atMs)) > innerWidth / 2,
  }));
  return {
    rows,
    never: topics.filter((t) => t.events === null).map((t) => t.topic),
    xTicks: xTicks(x, zone),
    height: Math.max(1, rows.length) * rowHeight + METRIC_MARGIN.top + METRIC_MARGIN.bottom,
  };
}

function timeScale(points: readonly { atMs: number }[], innerWidth: number) {
  const times = points.map((p) => p.atMs);
  const first = times.length > 0 ? Math.min(...times) : 0;
  const last = times.length > 0 ? Math.max(...times) : first;
  // One slate (or all at one time) still gets a domain, centred.
  const domain = first === last ? [first - 1, last + 1] : [first, last];
  return scaleUtc()
    .domain(domain.map((ms) => new Date(ms)))
    .range([0, innerWidth]);
}

function xTicks(x: ReturnType<typeof timeScale>, zone: DisplayZone): Tick[] {
  const [from, to] = x.domain().map((d) => d.getTime()) as [number, number];
  return timeTicks(from, to, 4, zone).map((t) => ({
    position: round(x(new Date(t.ms))),
    label: t.label,
  }));
}

/** Three decimals keep SVG output stable across platforms. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
