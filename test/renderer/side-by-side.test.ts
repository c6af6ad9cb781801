// The side-by-side what-if: marks per video, the measures compared, the chart's sentence.
import { describe, expect, it } from 'vitest';
import type { PointSummary } from '../../src-main/contract/replay';
import type { SlateMetrics } from '../../src-main/engine/metrics';
import {
  changedPoints,
  markLabel,
  metricDifferences,
  profileDiffSentence,
  sideBySide,
} from '../../src-renderer/explain/side-by-side';

describe('two feeds side by side', () => {
  const sides = sideBySide(['a', 'b', 'c', 'd'], ['c', 'a', 'e', 'd']);

  it('marks each recorded video as kept, moved or left, and each changed one as entered', () => {
    expect(sides.base.map((r) => [r.itemId, r.mark, r.otherRank])).toEqual([
      ['a', 'down', 2],
      ['b', 'left', null],
      ['c', 'up', 1],
      ['d', 'same', null],
    ]);
    expect(sides.alt.map((r) => [r.itemId, r.mark, r.otherRank])).toEqual([
      ['c', 'up', 3],
      ['a', 'down', 1],
      ['e', 'entered', null],
      ['d', 'same', null],
    ]);
    expect(sides).toMatchObject({ entered: ['e'], left: ['b'], moved: ['a', 'c'] });
  });

  it('says where a video went in the recorded column and where it came from in the changed one', () => {
    expect(markLabel(sides.base[0]!, 'base')).toBe('↓ to 2');
    expect(markLabel(sides.alt[0]!, 'alt')).toBe('↑ from 3');
    expect(markLabel(sides.base[1]!, 'base')).toBe('left');
    expect(markLabel(sides.alt[2]!, 'alt')).toBe('entered');
    expect(markLabel(sides.base[3]!, 'base')).toBe('same place');
  });

  it('marks nothing when the feeds are the same', () => {
    const same = sideBySide(['a', 'b'], ['a', 'b']);
    expect([...same.base, ...same.alt].every((r) => r.mark === 'same')).toBe(true);
    expect(same).toMatchObject({ entered: [], left: [], moved: [] });
  });
});

const point = (atMs: number, over: Partial<PointSummary> = {}): PointSummary => ({
  atMs,
  entered: 0,
  left: 0,
  moved: 0,
  profileDimsChanged: 0,
  ...over,
});

describe('which slates differ', () => {
  it('lists the slates where either feed or the profile differs', () => {
    const points = [point(1), point(2, { profileDimsChanged: 3 }), point(3, { moved: 1 })];
    expect(changedPoints(points)).toEqual([1, 2]);
    expect(changedPoints([point(1)])).toEqual([]);
  });
});

const metrics = (over: Partial<SlateMetrics>): SlateMetrics => ({
  at: '',
  atMs: 0,
  profileEntropy: 2,
  top3Share: 0.5,
  intraListDistance: 0.8,
  explorationShare: 0.5,
  calibrationKL: 1,
  homogeneity: 0.2,
  ...over,
});

describe('the measures compared', () => {
  it('gives each with its change in the unit shown, shares in points, "same" when equal', () => {
    const rows = metricDifferences(
      metrics({}),
      metrics({
        profileEntropy: 2.1234,
        explorationShare: 0,
        top3Share: 0.51,
        homogeneity: 0.2001,
      }),
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.key, [r.base, r.alt, r.change]]));
    expect(byKey).toEqual({
      profileEntropy: ['2.00', '2.12', '+0.12'],
      top3Share: ['50%', '51%', '+1 point'],
      intraListDistance: ['0.80', '0.80', 'same'],
      explorationShare: ['50%', '0%', '−50 points'],
      calibrationKL: ['1.000', '1.000', 'same'],
      homogeneity: ['0.20', '0.20', 'same'],
    });
  });
});

describe('the profile difference in one sentence', () => {
  const name = (t: string) => t.toUpperCase();
  const time = (ms: number) => `t${ms}`;

  it('names the topic that differs most, by how much, when, and the others drawn', () => {
    const series = [
      { topic: 'fitness', values: [0, -0.5, -0.25] },
      { topic: 'cooking', values: [0, 0.1, 0.2] },
    ];
    expect(profileDiffSentence(series, [1, 2, 3], name, time)).toBe(
      'FITNESS differs most: 0.500 lower than as recorded at t2, then COOKING.',
    );
  });

  it('says the profile is the same when no topic differs', () => {
    expect(profileDiffSentence([], [1], name, time)).toMatch(/^No topic weight differs/);
  });
});
