// The what-if's profile-difference chart: topics chosen, a symmetric axis, one SVG snapshot.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nearestIndex } from '../../src-renderer/charts/nearest';
import { DIFF_SIZE, ProfileDiffSvg } from '../../src-renderer/charts/ProfileDiffSvg';
import {
  profileDiffModel,
  signed,
  type DiffPoint,
} from '../../src-renderer/charts/profile-diff-math';
import { profileDiffSentence } from '../../src-renderer/explain/side-by-side';
import { normaliseSvg } from '../helpers/svg';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 8);
const POINTS: DiffPoint[] = [
  { atMs: T0, diffs: {} },
  { atMs: T0 + DAY, diffs: { fitness: -0.8, cooking: 0.3 } },
  { atMs: T0 + 2 * DAY, diffs: { fitness: -0.4, cooking: 0.3, gaming: 0.3 } },
];
const SIZE = { width: 560, height: 180 };
const TOPICS = [
  { id: 'cooking', label: 'Food & Cooking' },
  { id: 'fitness', label: 'Fitness' },
  { id: 'gaming', label: 'Gaming' },
];

describe('profile difference layout', () => {
  it('draws the topics that differ most, largest first, ties by id, missing as 0', () => {
    const m = profileDiffModel(POINTS, SIZE, 'UTC', 2);
    expect(m.series.map((s) => [s.topic, s.peak])).toEqual([
      ['fitness', 0.8],
      ['cooking', 0.3],
    ]);
    expect(m.series[0]!.values).toEqual([0, -0.8, -0.4]);
    expect(m.xs).toEqual([0, 248, 496]);
  });

  it('centres the axis on 0, so above and below read alike', () => {
    const m = profileDiffModel(POINTS, SIZE, 'UTC');
    const innerHeight = SIZE.height - 10 - 26;
    expect(m.zeroY).toBe(innerHeight / 2);
    expect(m.yTicks.map((t) => t.label)).toContain('+0.5');
    expect(m.yTicks.map((t) => t.label)).toContain('−0.5');
    // The fitness line goes below the zero line.
    const ys = [...m.series[0]!.path.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((x) => Number(x[1]));
    expect(ys[1]).toBeGreaterThan(m.zeroY);
  });

  it('has no line when nothing differs (a rule switched off leaves the profile as it was)', () => {
    const m = profileDiffModel([{ atMs: T0, diffs: {} }], SIZE, 'UTC');
    expect(m.series).toEqual([]);
    expect(m.zeroY).toBe((SIZE.height - 10 - 26) / 2);
  });

  it('picks the slate drawn nearest to a click, the earlier on a tie', () => {
    const xs = profileDiffModel(POINTS, SIZE, 'UTC').xs;
    expect([nearestIndex(xs, -20), nearestIndex(xs, 130), nearestIndex(xs, 124)]).toEqual([
      0, 1, 0,
    ]);
    expect([nearestIndex(xs, 400), nearestIndex(xs, 9999), nearestIndex([], 10)]).toEqual([
      2, 2, -1,
    ]);
  });

  it('signs every tick but 0', () => {
    expect([signed(0.25), signed(-1), signed(0)]).toEqual(['+0.25', '−1', '0']);
  });
});

describe('profile difference rendering', () => {
  it('matches the normalised SVG snapshot', async () => {
    const model = profileDiffModel(POINTS, DIFF_SIZE, 'UTC');
    const svg = renderToStaticMarkup(
      createElement(ProfileDiffSvg, { model, selected: 1, topics: TOPICS }),
    );
    expect(svg.match(/class="series diff"/g)).toHaveLength(3);
    expect(svg).toContain('<title>Food &amp; Cooking</title>');
    const label = (t: string) => TOPICS.find((x) => x.id === t)!.label;
    expect(profileDiffSentence(model.series, [T0, T0 + DAY, T0 + 2 * DAY], label, String)).toBe(
      `Fitness differs most: 0.800 lower than as recorded at ${T0 + DAY}, then Food & Cooking, Gaming.`,
    );
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('snapshots/profile-diff.svg');
  });
});
