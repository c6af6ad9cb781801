import { describe, expect, it } from 'vitest';
import { regression, type HistoryEntry } from '../../scripts/bench/history';

const entry = (ratio: number): HistoryEntry => ({
  date: '2026-12-07T21:00:00.000Z',
  commit: 'abc1234',
  seconds: ratio * 0.3,
  baselineSeconds: 0.3,
  ratio,
  loadAverage: 1,
});

describe('the heavy user guard', () => {
  it('compares against the median of the history, not its mean or its last run', () => {
    // Median 8 (mean 36.7, last 2): 10.5 is 31 % above it and fails; 9.9 is 24 % above and passes.
    const history = [entry(8), entry(100), entry(2)];
    expect(regression(9.9, history)).toBeNull();
    const failure = regression(10.5, history);
    expect(failure).toBe(
      'heavy user regressed: 10.50× its bare baseline, 31 % above the recorded median 8.00× (limit 10.00×, 3 recorded runs in scripts/bench/history.json)',
    );
  });

  it('allows exactly 25 % and fails just above it', () => {
    expect(regression(10, [entry(8)])).toBeNull();
    expect(regression(10.01, [entry(8)])).not.toBeNull();
  });

  it('passes a faster run and any run when nothing is recorded yet', () => {
    expect(regression(1, [entry(8), entry(9)])).toBeNull();
    expect(regression(1000, [])).toBeNull();
  });
});
