// A confidence interval for a proportion that stays honest at small counts and at 0 % or 100 %,
// where the textbook p ± z·√(p(1 − p)/n) collapses to a single point.

/** z for a two-sided 95 % interval: the 97.5th percentile of the standard normal. */
export const Z_95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/**
 * The Wilson score interval for `successes` out of `trials` (E. B. Wilson, "Probable inference,
 * the law of succession, and statistical inference", JASA 22, 1927; recommended for small n by
 * Brown, Cai & DasGupta, "Interval estimation for a binomial proportion", Statistical Science 16,
 * 2001):
 *
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * with p = successes / trials. Null when there is no trial.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
