// Pure chart math for the zoomable profile chart (ProfileStreamChart.tsx): shares stacked to 100%
// or raw weights on a linear or log scale, session bands, runs of mostly inferred evidence, and
// the conversions between pixels and time that the brush and the zoom buttons use.
// Tested without a DOM in test/renderer/profile-stream-math.test.ts.
import {
  area,
  curveStepBefore,
  line,
  max,
  scaleLinear,
  scaleSymlog,
  scaleUtc,
  schemeTableau10,
  stack,
  stackOffsetExpand,
  stackOrderNone,
} from 'd3';
import type { ProfileStream } from '@main/contract/profile';
import type { DimType } from '@main/engine/config';
import { countOf, type DisplayZone } from '../format';
import { timeTicks } from './time-ticks';

export type StreamView = 'share' | 'raw';
export type RawScale = 'linear' | 'log';
export type TimeRange = { fromMs: number; toMs: number };
export type ChartSize = { width: number; height: number };
export type Tick = { position: number; label: string };
export type Band = { x: number; width: number };

/** The chart's drawing size (the SVG's viewBox; the page scales it to fit). */
export const PROFILE_CHART_SIZE: ChartSize = { width: 760, height: 340 };
/** Room above the plot for the session strip and below it for the evidence strip and the axis. */
export const STREAM_MARGIN = { top: 22, right: 16, bottom: 50, left: 58 };
export const OTHER = 'other';

/** "topics", "searches": a dimension type as the Follow menu and the chart's title name it. */
export function dimensionPlural(dimension: DimType): string {
  return dimension === 'search' ? 'searches' : `${dimension}s`;
}
const OTHER_COLOR = '#9d9690';
/** A bucket counts as inferred when at least half its events were not observed. */
const INFERRED_MAJORITY = 0.5;

export type StreamLayer = { topic: string; color: string; path: string };
/**
 * A pause of more than a week between sessions, where the lines break, and its label: written
 * across the gap when it fits, upright when only that fits, else left to the tooltip (null). A
 * label never leaves its gap, so no two labels overlap.
 */
export type GapMark = Band & {
  fromMs: number;
  toMs: number;
  label: string;
  text: 'across' | 'upright' | null;
};

/** Room a gap label needs per character at 10px, and across it (OURS, a wide estimate). */
const LABEL_PX_PER_CHAR = 5.6;
const LABEL_PX_HIGH = 12;

function gapText(width: number, label: string): GapMark['text'] {
  if (width >= label.length * LABEL_PX_PER_CHAR + 8) return 'across';
  return width >= LABEL_PX_HIGH ? 'upright' : null;
}
export type StreamModel = {
  inner: ChartSize;
  /** Filled areas, bottom to top (shares only; drawn on a canvas when dense). */
  fills: StreamLayer[];
  /** One line per shown topic: its raw weight, or the top edge of its share (always SVG). */
  lines: StreamLayer[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** Each bucket's x (the time of its last event). */
  xs: number[];
  sessionBands: (Band & { index: number })[];
  inferredRuns: Band[];
  /** The share of not-observed events per bucket, as a step area in the evidence strip. */
  evidencePath: string;
  /** Long pauses: no line, band or hatching is drawn across them. */
  gaps: GapMark[];
};

/** Each bucket's shares of the shown topics and of the rest, stacked bottom to top (sum 1). */
export function stackShares(stream: Pick<ProfileStream, 'topics' | 'buckets'>) {
  const keys = [...stream.topics, OTHER];
  const rows = stream.buckets.map((b) => ({ ...b.weights, [OTHER]: b.other }));
  return stack<Record<string, number>>()
    .keys(keys)
    .value((row, key) => Math.max(0, row[key] ?? 0))
    .order(stackOrderNone)
    .offset(stackOffsetExpand)(rows)
    .map((layer) => ({ topic: layer.key, values: layer.map(([y0, y1]) => [y0, y1] as const) }));
}

export function topicColor(topics: readonly string[], topic: string): string {
  const i = topics.indexOf(topic);
  return i < 0 ? OTHER_COLOR : schemeTableau10[i % schemeTableau10.length]!;
}

/**
 * The buckets cut at every gap: [start, end) index pairs of runs drawn as one line or band. A
 * bucket begins a new run when a gap lies between its time and its predecessor's.
 */
export function segments(
  buckets: readonly { atMs: number }[],
  gaps: readonly TimeRange[],
): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= buckets.length; i++) {
    const broken =
      i === buckets.length ||
      gaps.some((g) => buckets[i - 1]!.atMs <= g.fromMs && buckets[i]!.atMs >= g.toMs);
    if (broken) {
      runs.push([start, i]);
      start = i;
    }
  }
  return buckets.length > 0 ? runs : [];
}

/** "8 days", "5 weeks", "11 months", "2 years": a gap's length in the largest fitting unit. */
export function gapLength(ms: number): string {
  const days = ms / 86_400_000;
  if (days < 14) return countOf(Math.round(days), 'day');
  if (days < 61) return countOf(Math.round(days / 7), 'week');
  // A mean Gregorian month, 365.2425 / 12 days.
  if (days < 730) return countOf(Math.round(days / 30.436875), 'month');
  return countOf(Math.round(days / 365.2425), 'year');
}

/** Half the width a lone point between two gaps is drawn with, so it shows as a sliver. */
const LONE_POINT_PX = 1.5;

/**
 * The path of each run joined into one (an "M" starts each run again after a gap), each drawn
 * over its own x positions. A run of one point would be an invisible zero-width shape: it is
 * drawn as that point held for LONE_POINT_PX either side.
 */
function joined<T>(
  values: readonly T[],
  xs: readonly number[],
  runs: readonly [number, number][],
  path: (run: readonly T[], runXs: readonly number[]) => string | null,
): string {
  return runs
    .map(([a, b]) => {
      if (b - a > 1) return path(values.slice(a, b), xs.slice(a, b)) ?? '';
      const x = xs[a]!;
      return (
        path([values[a]!, values[a]!], [round(x - LONE_POINT_PX), round(x + LONE_POINT_PX)]) ?? ''
      );
    })
    .join('');
}

export function streamChartModel(
  stream: ProfileStream,
  size: ChartSize,
  zone: DisplayZone,
  view: StreamView,
  scale: RawScale,
): StreamModel {
  const inner = {
    width: size.width - STREAM_MARGIN.left - STREAM_MARGIN.right,
    height: size.height - STREAM_MARGIN.top - STREAM_MARGIN.bottom,
  };
  const { range } = stream;
  const x = timeScale(range, inner.width);
  const xs = stream.buckets.map((b) => round(x(b.atMs)));
  const runs = segments(stream.buckets, stream.gaps);
  let fills: StreamLayer[] = [];
  let lines: StreamLayer[];
  let yTicks: Tick[];
  if (view === 'share') {
    const y = scaleLinear().domain([0, 1]).range([inner.height, 0]);
    const shape = (run: readonly (readonly [number, number])[], runXs: readonly number[]) =>
      area<readonly [number, number]>()
        .x((_, i) => runXs[i]!)
        .y0(([y0]) => round(y(y0)))
        .y1(([, y1]) => round(y(y1)))(run);
    const edge = (run: readonly (readonly [number, number])[], runXs: readonly number[]) =>
      line<readonly [number, number]>()
        .x((_, i) => runXs[i]!)
        .y(([, y1]) => round(y(y1)))(run);
    const stacked = stackShares(stream);
    fills = stacked.map((l) => ({
      topic: l.topic,
      color: topicColor(stream.topics, l.topic),
      path: joined(l.values, xs, runs, shape),
    }));
    lines = stacked
      .filter((l) => l.topic !== OTHER)
      .map((l) => ({
        topic: l.topic,
        color: topicColor(stream.topics, l.topic),
        path: joined(l.values, xs, runs, edge),
      }));
    yTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({
      position: round(y(v)),
      label: `${v * 100}%`,
    }));
  } else {
    const peak = max(stream.buckets, (b) => max(stream.topics, (t) => b.weights[t] ?? 0)) ?? 0;
    const top = peak > 0 ? peak : 1;
    // Symlog is linear near zero and logarithmic beyond, so a weight of 0 still has a place.
    const y =
      scale === 'log'
        ? scaleSymlog().domain([0, top]).range([inner.height, 0])
        : scaleLinear().domain([0, top]).nice().range([inner.height, 0]);
    lines = stream.topics.map((topic) => ({
      topic,
      color: topicColor(stream.topics, topic),
      path: joined(stream.buckets, xs, runs, (run, runXs) =>
        line<ProfileStream['buckets'][number]>()
          .x((_, i) => runXs[i]!)
          .y((b) => round(y(b.weights[topic] ?? 0)))(run),
      ),
    }));
    yTicks = (scale === 'log' ? logTicks(top) : y.ticks(5)).map((v) => ({
      position: round(y(v)),
      label: formatWeight(v),
    }));
  }
  return {
    inner,
    fills,
    lines,
    xTicks: timeTicks(range.fromMs, range.toMs, 6, zone).map((t) => ({
      position: round(x(t.ms)),
      label: t.label,
    })),
    yTicks,
    xs,
    sessionBands: stream.sessions.map((s) => {
      const left = clamp(x(s.startMs), 0, inner.width);
      const right = clamp(x(s.endMs), 0, inner.width);
      return { index: s.index, x: round(left), width: round(Math.max(2, right - left)) };
    }),
    inferredRuns: runs.flatMap(([a, b]) =>
      inferredRuns(stream.buckets.slice(a, b), xs.slice(a, b)),
    ),
    evidencePath: joined(stream.buckets, xs, runs, evidencePath),
    gaps: stream.gaps.map((g) => {
      const left = clamp(x(g.fromMs), 0, inner.width);
      const right = clamp(x(g.toMs), 0, inner.width);
      const label = `no events for ${gapLength(g.toMs - g.fromMs)}`;
      return {
        ...g,
        x: round(left),
        width: round(right - left),
        label,
        text: gapText(right - left, label),
      };
    }),
  };
}

function timeScale(range: TimeRange, width: number) {
  const scale = scaleUtc()
    .domain([new Date(range.fromMs), new Date(Math.max(range.toMs, range.fromMs + 1))])
    .range([0, width]);
  return (ms: number) => scale(new Date(ms));
}

/** Runs of neighbouring buckets whose events were mostly inferred; a bucket spans back to its predecessor. */
function inferredRuns(buckets: ProfileStream['buckets'], xs: readonly number[]): Band[] {
  const runs: Band[] = [];
  let start: number | null = null;
  buckets.forEach((b, i) => {
    const inferred = b.events > 0 && b.notObserved / b.events >= INFERRED_MAJORITY;
    if (inferred && start === null) start = xs[Math.max(0, i - 1)]!;
    const endsHere = start !== null && (!inferred || i === buckets.length - 1);
    if (endsHere) {
      const end = inferred ? xs[i]! : xs[Math.max(0, i - 1)]!;
      runs.push({ x: start!, width: round(Math.max(1, end - start!)) });
      start = null;
    }
  });
  return runs;
}

const EVIDENCE_STRIP = 12;
function evidencePath(
  buckets: readonly ProfileStream['buckets'][number][],
  xs: readonly number[],
): string {
  return (
    area<ProfileStream['buckets'][number]>()
      .curve(curveStepBefore)
      .x((_, i) => xs[i]!)
      .y0(EVIDENCE_STRIP)
      .y1((b) => round(EVIDENCE_STRIP * (1 - (b.events > 0 ? b.notObserved / b.events : 0))))(
      buckets,
    ) ?? ''
  );
}

export type LegendValues = {
  /** Each shown dimension's value (and "other"'s in the share view), in legend order. */
  values: { topic: string; value: number }[];
  /** 'point': the value at the hovered point; 'mean': the mean over the points in view. */
  at: 'point' | 'mean';
};

/**
 * What the legend prints beside each swatch: at the hovered point its share of the profile (the
 * band's height) or its raw weight; with no point hovered, the mean of that over every point in
 * view, so a wide band is never labelled with the value it happens to end on.
 */
export function legendValues(
  stream: Pick<ProfileStream, 'topics' | 'buckets'>,
  view: StreamView,
  hover: number | null,
): LegendValues {
  const keys = view === 'share' ? [...stream.topics, OTHER] : stream.topics;
  const perPoint: number[][] =
    view === 'share'
      ? stackShares(stream).map((l) => l.values.map(([y0, y1]) => y1 - y0))
      : keys.map((t) => stream.buckets.map((b) => b.weights[t] ?? 0));
  const inRange = hover !== null && hover >= 0 && hover < stream.buckets.length;
  const n = stream.buckets.length;
  return {
    values: keys.map((topic, k) => ({
      topic,
      value: inRange
        ? perPoint[k]![hover]!
        : n > 0
          ? perPoint[k]!.reduce((a, b) => a + b, 0) / n
          : 0,
    })),
    at: inRange ? 'point' : 'mean',
  };
}

/** The brush: two pixel positions in the plot to the time range between them (in either order). */
export function rangeFromPixels(x0: number, x1: number, range: TimeRange, width: number) {
  const toMs = (px: number) =>
    Math.round(range.fromMs + (clamp(px, 0, width) / width) * (range.toMs - range.fromMs));
  return { fromMs: toMs(Math.min(x0, x1)), toMs: toMs(Math.max(x0, x1)) };
}

/**
 * Zoom buttons: the range scaled by `factor` (0.5 = in, 2 = out) around its centre, moved by
 * `shift` of its own span (−0.5 = half a screen earlier), kept inside the whole timeline.
 */
export function zoomRange(range: TimeRange, full: TimeRange, factor: number, shift = 0) {
  const fullSpan = full.toMs - full.fromMs;
  const span = Math.min(fullSpan, Math.max(MIN_SPAN_MS, (range.toMs - range.fromMs) * factor));
  const centre = (range.fromMs + range.toMs) / 2 + shift * (range.toMs - range.fromMs);
  const fromMs = clamp(Math.round(centre - span / 2), full.fromMs, full.toMs - span);
  return { fromMs, toMs: Math.round(fromMs + span) };
}
/** The narrowest range worth a zoom: a minute. */
const MIN_SPAN_MS = 60_000;

function logTicks(top: number): number[] {
  const ticks = [0];
  for (let v = 0.01; v <= top; v *= 10) ticks.push(v);
  return ticks.filter((v, i) => i === 0 || v >= top / 1e4);
}

function formatWeight(v: number): string {
  return v >= 1 || v === 0 ? String(Number(v.toFixed(1))) : String(Number(v.toPrecision(1)));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Three decimals keep SVG output stable across platforms (Observable Plot does the same). */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
