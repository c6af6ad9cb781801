// Pure layout for the "why" waterfall: the steps the main side chose (src-main/explain/, from the
// baseline to the score, largest first, the small rest folded into one "other" step) placed on a
// horizontal scale, so the chart stays readable at any count.
import { scaleLinear } from 'd3';
import type { WhyStep } from '@main/contract/feed';

export type WaterfallStep = WhyStep & {
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

/** Each step from where the last ended, on a scale from the lowest to the highest running total. */
export function waterfall(
  input: { baseline: number; score: number; steps: readonly WhyStep[] },
  width: number,
): Waterfall {
  const { baseline, score, steps } = input;
  const totals = [baseline, ...steps.map((s) => s.to)];
  const lo = Math.min(...totals);
  const hi = Math.max(...totals);
  const pad = hi > lo ? 0 : 1;
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([0, width]);
  return {
    steps: steps.map((s, i) => ({
      ...s,
      x: x(Math.min(s.from, s.to)),
      width: Math.abs(x(s.to) - x(s.from)),
      y: i * STEP_HEIGHT,
      positive: s.value > 0,
    })),
    baselineX: x(baseline),
    scoreX: x(score),
    score,
    height: steps.length * STEP_HEIGHT,
  };
}
