// Property tests for the Audit sentences (src-renderer/audit/sentences.ts): for random series of a
// known shape (rising, falling, peak, valley, flat, not defined), with slates where the measure is
// not defined mixed in, the sentence names that shape and the dates of its turning points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricSentence, seriesShape, type MetricValue } from '../../src-renderer/audit/sentences';
import { formatTime } from '../../src-renderer/format';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 8);
const spec = {
  name: 'Calibration KL',
  format: (v: number) => v.toFixed(3),
  rise: 'drifted away',
  fall: 'came closer',
  undefinedWhere: 'a slate with no known topics',
};

type Shape = 'rising' | 'falling' | 'peak' | 'valley' | 'flat';

/** Non-decreasing values from 0 to exactly 1. */
const climb = (n: number) =>
  fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    .map((xs) => [0, ...xs.sort((a, b) => a - b), 1]);

/**
 * A series of a known shape as base + amplitude · f, with the amplitude at least the base so the
 * shape stands out (> 5 % of the largest value) however it is shifted. A peak rises to 1 at an
 * inner point and both ends stay at or below 0.6; a valley is a peak upside down.
 */
const shaped: fc.Arbitrary<{ shape: Shape; values: number[] }> = fc
  .record({
    shape: fc.constantFrom<Shape>('rising', 'falling', 'peak', 'valley', 'flat'),
    base: fc.double({ min: 0, max: 5, noNaN: true }),
    extra: fc.double({ min: 0, max: 5, noNaN: true }),
    up: fc.integer({ min: 0, max: 12 }).chain(climb),
    down: fc.integer({ min: 0, max: 12 }).chain(climb),
    ends: fc.tuple(
      fc.double({ min: 0, max: 0.6, noNaN: true }),
      fc.double({ min: 0, max: 0.6, noNaN: true }),
    ),
    flat: fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), {
      minLength: 2,
      maxLength: 20,
    }),
  })
  .map(({ shape, base, extra, up, down, ends, flat }) => {
    const amplitude = base + extra + 0.1;
    const scaled = (f: number[]) => f.map((v) => base + amplitude * v);
    // Up from ends[0] to 1 and down to ends[1]: the peak is the one point at 1 between them.
    const hill = [
      ...up.slice(0, -1).map((v) => ends[0] + (1 - ends[0]) * v),
      1,
      ...down
        .slice(0, -1)
        .reverse()
        .map((v) => ends[1] + (1 - ends[1]) * v),
    ];
    switch (shape) {
      case 'rising':
        return { shape, values: scaled(up) };
      case 'falling':
        return { shape, values: scaled([...up].reverse()) };
      case 'peak':
        return { shape, values: scaled([ends[0], ...hill.slice(1, -1), ends[1]]) };
      case 'valley':
        return {
          shape,
          values: scaled([ends[0], ...hill.slice(1, -1), ends[1]].map((v) => 1 - v)),
        };
      case 'flat':
        return { shape, values: flat.map((noise) => (base + 1) * (1 + noise)) };
    }
  });

/** The values on consecutive days, with `gaps` slates where the measure is not defined spliced in. */
function withGaps(values: number[], gaps: number[]): MetricValue[] {
  const series: (number | null)[] = [...values];
  for (const g of gaps) series.splice(g % (series.length + 1), 0, null);
  return series.map((value, i) => ({ atMs: T0 + i * DAY, value }));
}

const day = (atMs: number) => formatTime(atMs, 'day');

describe('the Audit sentence names the shape of the whole series', () => {
  it('rising, falling, peak, valley or flat, with the dates of the ends and turning points', () => {
    fc.assert(
      fc.property(shaped, fc.array(fc.nat(), { maxLength: 4 }), ({ shape, values }, gaps) => {
        const points = withGaps(values, gaps);
        const sentence = metricSentence(spec, points);
        const defined = points.filter((p) => p.value !== null) as { atMs: number; value: number }[];
        const first = defined[0]!;
        const last = defined.at(-1)!;
        const highest = defined.find((p) => p.value === Math.max(...defined.map((d) => d.value)))!;
        const lowest = defined.find((p) => p.value === Math.min(...defined.map((d) => d.value)))!;
        expect(seriesShape(points).shape).toBe(shape);
        switch (shape) {
          case 'rising':
            expect(sentence).toMatch(/^Calibration KL rose from /);
            expect(sentence).toContain(`: drifted away.`);
            break;
          case 'falling':
            expect(sentence).toMatch(/^Calibration KL fell from /);
            expect(sentence).toContain(`: came closer.`);
            break;
          case 'peak':
            expect(sentence).toContain(
              `to a peak of ${spec.format(highest.value)} on ${day(highest.atMs)}, then fell`,
            );
            expect(sentence).toContain('drifted away, then came closer');
            break;
          case 'valley':
            expect(sentence).toContain(
              `to a low of ${spec.format(lowest.value)} on ${day(lowest.atMs)}, then rose`,
            );
            expect(sentence).toContain('came closer, then drifted away');
            break;
          case 'flat':
            expect(sentence).toMatch(/^Calibration KL held steady at about /);
            break;
        }
        if (shape !== 'flat') {
          expect(sentence).toContain(`from ${spec.format(first.value)} on ${day(first.atMs)}`);
          expect(sentence).toContain(`${spec.format(last.value)} on ${day(last.atMs)}`);
          expect(sentence).not.toMatch(/held steady/);
        }
        if (shape === 'rising' || shape === 'falling') expect(sentence).not.toMatch(/peak|low of/);
        const missing = points.length - defined.length;
        if (missing > 0)
          expect(sentence).toContain(
            ` It is not defined at ${missing} of the ${points.length} slates (a slate with no known topics), left as gaps in the chart.`,
          );
        else expect(sentence).not.toContain('not defined');
      }),
      { numRuns: 500 },
    );
  });

  it('says plainly when the measure is not defined at any slate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (n) => {
        const points = Array.from({ length: n }, (_, i) => ({ atMs: T0 + i * DAY, value: null }));
        expect(seriesShape(points).shape).toBe('undefined');
        expect(metricSentence(spec, points)).toBe(
          `Calibration KL is not defined at any of the ${n} ${n === 1 ? 'slate' : 'slates'} (a slate with no known topics).`,
        );
      }),
    );
  });

  it('names a peak and a valley both, in the order they came', () => {
    const points = withGaps([1, 3, 0.2, 1], []);
    expect(metricSentence(spec, points)).toBe(
      'Calibration KL went up and down over 4 slates: from 1.000 on 2026-03-01 to a peak of 3.000 on 2026-03-02, then a low of 0.200 on 2026-03-03, ending at 1.000 on 2026-03-04.',
    );
  });
});
