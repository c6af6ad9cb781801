// The what-if's profile-difference chart: topics chosen, a symmetric axis, one SVG snapshot.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProfileDiffChart } from '../../src-renderer/charts/ProfileDiffChart';
import { profileDiffModel, signed } from '../../src-renderer/charts/profile-diff-math';
import { setDisplayZone } from '../../src-renderer/format';
import { normaliseSvg } from '../helpers/svg';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 8);
const POINTS = [
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

  it('signs every tick but 0', () => {
    expect([signed(0.25), signed(-1), signed(0)]).toEqual(['+0.25', '−1', '0']);
  });
});

describe('profile difference rendering', () => {
  it('matches the normalised SVG snapshot', async () => {
    setDisplayZone('UTC');
    const html = renderToStaticMarkup(
      createElement(ProfileDiffChart, { points: POINTS, selected: 1, topics: TOPICS }),
    );
    const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0];
    expect(svg.match(/class="series diff"/g)).toHaveLength(3);
    expect(html).toContain('Fitness differs most: 0.800 lower than as recorded');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('snapshots/profile-diff.svg');
  });
});
