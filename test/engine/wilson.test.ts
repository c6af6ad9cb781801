// The Wilson score interval behind agreement's confidence interval (engine/wilson.ts): published
// values, and what any interval for a proportion must do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src-main/engine/wilson';

describe('the Wilson score interval', () => {
  it('matches published values', () => {
    // R: prop.test(5, 10, correct = FALSE)$conf.int gives 0.2365931 0.7634069.
    expect(wilsonInterval(5, 10)!.low).toBeCloseTo(0.2365931, 7);
    expect(wilsonInterval(5, 10)!.high).toBeCloseTo(0.7634069, 7);
    // Wikipedia, "Binomial proportion confidence interval", Wilson score interval: 81 of 263.
    expect(wilsonInterval(81, 263)!.low).toBeCloseTo(0.2553, 4);
    expect(wilsonInterval(81, 263)!.high).toBeCloseTo(0.3662, 4);
    // The "rule of three"'s neighbour: 0 of 10 still leaves up to 27.8 %.
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775328, 7) });
  });

  it('is null with no trial', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('holds the proportion, stays in [0, 1], mirrors at 1 − p and narrows as n grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const i = wilsonInterval(x, n)!;
          expect(i.low).toBeGreaterThanOrEqual(0);
          expect(i.high).toBeLessThanOrEqual(1);
          expect(i.low).toBeLessThanOrEqual(x / n + 1e-12);
          expect(i.high).toBeGreaterThanOrEqual(x / n - 1e-12);
          const mirror = wilsonInterval(n - x, n)!;
          expect(mirror.low).toBeCloseTo(1 - i.high, 12);
          const tenfold = wilsonInterval(10 * x, 10 * n)!;
          expect(tenfold.high - tenfold.low).toBeLessThan(i.high - i.low);
        },
      ),
      { numRuns: 500 },
    );
  });
});
