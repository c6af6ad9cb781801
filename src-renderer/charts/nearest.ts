// Which drawn point a click or a hover means, for every chart that picks one.

/** The index of the position in `xs` nearest to `x`, the earlier on a tie; -1 when `xs` is empty. */
export function nearestIndex(xs: readonly number[], x: number): number {
  let best = -1;
  for (let i = 0; i < xs.length; i++)
    if (best < 0 || Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
  return best;
}
