// One plain sentence per Audit chart, from the numbers it draws, describing the whole series.
// Pure; tested in test/renderer/audit-charts.test.ts and, by shape, audit-sentences.test.ts.
import type { Amplification } from '@main/contract/replay';
import { countOf, formatCount, formatTime } from '../format';

export type MetricSentenceSpec = {
  /** "Profile entropy" */
  name: string;
  format: (value: number) => string;
  /** What a rise means and what a fall means, in the reader's words. */
  rise: string;
  fall: string;
  /** Where the measure has no value: "the slate’s videos have no known topics". */
  undefinedWhere?: string;
};

/** A slate's value of a measure; null where the measure is not defined (a slate with no topic). */
export type MetricValue = { atMs: number; value: number | null };

/** A change smaller than this share of the largest value reads as "held steady". */
const STEADY = 0.05;

type Point = { atMs: number; value: number };

/** The shape of a series, with the points that make it: its ends, its highest and lowest. */
export type SeriesShape =
  | { shape: 'empty' | 'undefined' }
  | { shape: 'single'; only: Point }
  | {
      shape: 'flat' | 'rising' | 'falling' | 'peak' | 'valley' | 'peak-and-valley';
      first: Point;
      last: Point;
      high: Point;
      low: Point;
    };

/**
 * The shape of the defined values, over the whole series: a high point that stands above both
 * ends by more than STEADY of the largest value is a peak, a low point as far below both ends a
 * valley; otherwise the series rose or fell from its first value to its last, or held steady.
 * The earliest of equal highs (or lows) is the one named.
 */
export function seriesShape(points: readonly MetricValue[]): SeriesShape {
  if (points.length === 0) return { shape: 'empty' };
  const defined = points.filter((p): p is Point => p.value !== null);
  const first = defined[0];
  const last = defined.at(-1);
  if (!first || !last) return { shape: 'undefined' };
  if (defined.length === 1) return { shape: 'single', only: first };
  const high = defined.reduce((a, b) => (b.value > a.value ? b : a));
  const low = defined.reduce((a, b) => (b.value < a.value ? b : a));
  const ends = { first, last, high, low };
  const steady = STEADY * Math.max(Math.abs(high.value), Math.abs(low.value));
  const peak = high.value - Math.max(first.value, last.value) > steady;
  const valley = Math.min(first.value, last.value) - low.value > steady;
  if (peak && valley) return { shape: 'peak-and-valley', ...ends };
  if (peak) return { shape: 'peak', ...ends };
  if (valley) return { shape: 'valley', ...ends };
  if (Math.abs(last.value - first.value) <= steady) return { shape: 'flat', ...ends };
  return { shape: last.value > first.value ? 'rising' : 'falling', ...ends };
}

/**
 * One sentence for the whole series: "Profile entropy rose from 1.20 bits on 2026-03-01 to a
 * peak of 3.10 bits on 2026-03-09, then fell to 2.00 bits on 2026-03-20: the profile broadened,
 * then the profile narrowed." Slates where the measure is not defined are counted and named.
 */
export function metricSentence(spec: MetricSentenceSpec, points: readonly MetricValue[]): string {
  const { name, format: f } = spec;
  const shape = seriesShape(points);
  const at = (p: Point) => `${f(p.value)} on ${formatTime(p.atMs, 'day')}`;
  const span = `over ${countOf(points.length, 'slate')}`;
  const why = spec.undefinedWhere ? ` (${spec.undefinedWhere})` : '';
  const missing = points.filter((p) => p.value === null).length;
  const gaps =
    missing > 0
      ? ` It is not defined at ${formatCount(missing)} of the ${countOf(points.length, 'slate')}${why}, left as gaps in the chart.`
      : '';
  switch (shape.shape) {
    case 'empty':
      return `No slate to measure ${name.toLowerCase()} on.`;
    case 'undefined':
      return `${name} is not defined at any of the ${countOf(points.length, 'slate')}${why}.`;
    case 'single':
      return points.length === 1
        ? `${name} was ${f(shape.only.value)} at the only slate.`
        : `${name} was ${f(shape.only.value)} at the only slate where it is defined.${gaps}`;
    case 'flat': {
      const between =
        f(shape.low.value) === f(shape.high.value)
          ? ''
          : ` (between ${f(shape.low.value)} and ${f(shape.high.value)})`;
      return `${name} held steady at about ${f(shape.last.value)}${between} ${span}.${gaps}`;
    }
    case 'rising':
      return `${name} rose from ${at(shape.first)} to ${at(shape.last)} ${span}: ${spec.rise}.${gaps}`;
    case 'falling':
      return `${name} fell from ${at(shape.first)} to ${at(shape.last)} ${span}: ${spec.fall}.${gaps}`;
    case 'peak':
      return `${name} rose from ${at(shape.first)} to a peak of ${at(shape.high)}, then fell to ${at(shape.last)}: ${spec.rise}, then ${spec.fall}.${gaps}`;
    case 'valley':
      return `${name} fell from ${at(shape.first)} to a low of ${at(shape.low)}, then rose to ${at(shape.last)}: ${spec.fall}, then ${spec.rise}.${gaps}`;
    case 'peak-and-valley': {
      const [a, b] =
        shape.high.atMs < shape.low.atMs
          ? [`a peak of ${at(shape.high)}`, `a low of ${at(shape.low)}`]
          : [`a low of ${at(shape.low)}`, `a peak of ${at(shape.high)}`];
      return `${name} went up and down ${span}: from ${at(shape.first)} to ${a}, then ${b}, ending at ${at(shape.last)}.${gaps}`;
    }
  }
}

/** "2 of 9 topics reached 30% of the profile; the first, Food & Cooking, after 41 events." */
export function amplificationSentence(
  amplification: Amplification,
  label: (topic: string) => string,
): string {
  const { topics, threshold } = amplification;
  const share = `${Math.round(threshold * 100)}% of the profile`;
  if (topics.length === 0) return 'The profile never held a topic, so none could be amplified.';
  const amplified = topics
    .filter((t): t is typeof t & { events: number } => t.events !== null)
    .sort((a, b) => a.events - b.events);
  const first = amplified[0];
  if (!first)
    return `None of the ${countOf(topics.length, 'topic')} the profile held reached ${share}.`;
  return `${amplified.length} of ${countOf(topics.length, 'topic')} reached ${share}; the first, ${label(first.topic)}, after ${countOf(first.events, 'event')}.`;
}
