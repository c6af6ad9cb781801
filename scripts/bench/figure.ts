// One benchmark figure: a measurement, the baseline measured in the same run, and their ratio.
// Ratios are what docs/PERFORMANCE.md compares, since this machine is shared and noisy.
export type Figure = {
  value: number;
  unit: string;
  baseline: number | null;
  /** value / baseline (for times: how many times slower than the baseline). */
  ratio: number | null;
  target: string;
  /** Extra readings (peak RSS, counts) that explain the figure. */
  notes?: Record<string, number | string>;
};

export type BenchSuite = () => Promise<Record<string, Figure>>;

export function figure(
  value: number,
  unit: string,
  baseline: number | null,
  target: string,
  notes?: Figure['notes'],
): Figure {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
    target,
    ...(notes ? { notes } : {}),
  };
}

/** Median of the wall times (ms) of `runs` calls of fn, after `warmup` unmeasured calls. */
export function medianMs(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
