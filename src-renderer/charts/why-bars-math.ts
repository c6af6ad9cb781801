// Pure math for the "why" bars: one signed bar per feature contribution around a zero axis.
import { scaleLinear } from 'd3';

export type Contribution = { feature: string; value: number };
export type Bar = {
  feature: string;
  value: number;
  x: number;
  width: number;
  y: number;
  positive: boolean;
};

export const ROW_HEIGHT = 20;

/**
 * One bar per non-zero contribution, in the order given (the engine's: largest |value| first,
 * ties by name), scaled so the largest spans half the width.
 */
export function whyBars(contributions: readonly Contribution[], width: number, limit = 12): Bar[] {
  const rows = contributions.filter((c) => c.value !== 0).slice(0, limit);
  const extent = Math.max(...rows.map((c) => Math.abs(c.value)), 1e-12);
  const x = scaleLinear().domain([-extent, extent]).range([0, width]);
  const zero = x(0);
  return rows.map((c, i) => {
    const end = x(c.value);
    return {
      feature: c.feature,
      value: c.value,
      x: Math.min(zero, end),
      width: Math.abs(end - zero),
      y: i * ROW_HEIGHT,
      positive: c.value > 0,
    };
  });
}
