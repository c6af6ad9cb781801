// Pure layout for the "why" waterfall: from the baseline (an item the profile knows nothing
// about) to the score, one step per feature contribution, the largest first, negatives included,
// and the small rest folded into one "other" step, so the chart stays readable at any count.
import { scaleLinear } from 'd3';
import type { Contribution } from './why-bars-math';

export type WaterfallStep = {
  label: string;
  /** The features in this step (one, or every feature folded into "other"). */
  features: string[];
  value: number;
  /** Running total before and after this step. */
  from: number;
  to: number;
  x: number;
  width: number;
  y: number;
  positive: boolean;
};

export type Waterfall = {
  steps: WaterfallStep[];
  baselineX: number;
  scoreX: number;
  score: number;
  height: number;
};

export const STEP_HEIGHT = 22;

// Feature names as a person would say them; the raw tables below keep the engine's names.
const STEP_LABELS: Record<string, string> = {
  hashtag: 'hashtags',
  followed: 'you follow them',
  duration: 'length',
  'seen-similarity': 'seen a lot lately',
  'co-engagement': 'near what you liked',
};
/** Seven named steps at most; everything smaller is one "other" step. */
export const NAMED_STEPS = 7;

/**
 * Steps ordered by |value| (ties by feature name), each starting where the last ended; the last
 * ends at baseline + Σ contributions (= the score). Zero contributions are left out.
 */
export function waterfall(
  contributions: readonly Contribution[],
  baseline: number,
  width: number,
  named = NAMED_STEPS,
): Waterfall {
  const sorted = contributions
    .filter((c) => c.value !== 0)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1));
  const groups = sorted
    .slice(0, named)
    .map((c) => ({ label: STEP_LABELS[c.feature] ?? c.feature, features: [c.feature] }));
  const rest = sorted.slice(named);
  if (rest.length > 0)
    groups.push({ label: `other (${rest.length})`, features: rest.map((c) => c.feature) });
  const valueOf = new Map(sorted.map((c) => [c.feature, c.value]));
  let total = baseline;
  const totals = [baseline];
  const spans = groups.map((g) => {
    const value = g.features.reduce((sum, f) => sum + valueOf.get(f)!, 0);
    const from = total;
    total += value;
    totals.push(total);
    return { ...g, value, from, to: total };
  });
  const lo = Math.min(...totals);
  const hi = Math.max(...totals);
  const pad = hi > lo ? 0 : 1;
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([0, width]);
  return {
    steps: spans.map((s, i) => ({
      ...s,
      x: x(Math.min(s.from, s.to)),
      width: Math.abs(x(s.to) - x(s.from)),
      y: i * STEP_HEIGHT,
      positive: s.value > 0,
    })),
    baselineX: x(baseline),
    scoreX: x(total),
    score: total,
    height: spans.length * STEP_HEIGHT,
  };
}
