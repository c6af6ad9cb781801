// The side-by-side what-if: the feed as recorded beside the changed one, each video marked as
// kept, moved (up or down, from which place), left or entered, and the slate measures compared.
// Pure and tested (test/renderer/side-by-side.test.ts).
import type { PointSummary } from '@main/contract/replay';
import type { SlateMetrics } from '@main/engine/metrics';

export type SideMark = 'same' | 'up' | 'down' | 'left' | 'entered';

/** One video in one column: its place (1-based) and, where it moved, its place in the other feed. */
export type SideRow = { itemId: string; rank: number; mark: SideMark; otherRank: number | null };

export type SideBySide = {
  base: SideRow[];
  alt: SideRow[];
  entered: string[];
  left: string[];
  moved: string[];
};

/** Both feeds in rank order, each video marked against the other feed (as engine/counterfactual.ts diffs them). */
export function sideBySide(base: readonly string[], alt: readonly string[]): SideBySide {
  const baseRanks = ranks(base);
  const altRanks = ranks(alt);
  const baseRows = base.map((itemId, i): SideRow => {
    const to = altRanks.get(itemId) ?? null;
    return row(itemId, i + 1, to, to === null ? 'left' : move(i + 1, to));
  });
  const altRows = alt.map((itemId, i): SideRow => {
    const from = baseRanks.get(itemId) ?? null;
    return row(itemId, i + 1, from, from === null ? 'entered' : move(from, i + 1));
  });
  return {
    base: baseRows,
    alt: altRows,
    entered: altRows.filter((r) => r.mark === 'entered').map((r) => r.itemId),
    left: baseRows.filter((r) => r.mark === 'left').map((r) => r.itemId),
    moved: baseRows.filter((r) => r.mark === 'up' || r.mark === 'down').map((r) => r.itemId),
  };
}

const ranks = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i + 1] as const));

/** A smaller place number in the changed feed is a move up. */
const move = (from: number, to: number): SideMark =>
  to === from ? 'same' : to < from ? 'up' : 'down';

function row(itemId: string, rank: number, otherRank: number | null, mark: SideMark): SideRow {
  return { itemId, rank, mark, otherRank: mark === 'same' ? null : otherRank };
}

/**
 * How a mark reads beside its video: the recorded column says where a video went ("↑ to 3"), the
 * changed column where it came from ("↓ from 2").
 */
export function markLabel(row: SideRow, side: 'base' | 'alt'): string {
  switch (row.mark) {
    case 'same':
      return 'same place';
    case 'left':
      return 'left';
    case 'entered':
      return 'entered';
    case 'up':
    case 'down':
      return `${row.mark === 'up' ? '↑' : '↓'} ${side === 'base' ? 'to' : 'from'} ${row.otherRank}`;
  }
}

export type MetricDifference = {
  key: keyof Omit<SlateMetrics, 'at' | 'atMs'>;
  label: string;
  base: string;
  alt: string;
  /** Signed and formatted ("+0.12", "−50 points"); "same" when equal at the shown precision. */
  change: string;
};

const MEASURES: { key: MetricDifference['key']; label: string; share: boolean; digits: number }[] =
  [
    { key: 'profileEntropy', label: 'Profile entropy (bits)', share: false, digits: 2 },
    { key: 'top3Share', label: 'Top-3 share', share: true, digits: 0 },
    { key: 'intraListDistance', label: 'Slate diversity', share: false, digits: 2 },
    { key: 'explorationShare', label: 'Exploration share', share: true, digits: 0 },
    { key: 'calibrationKL', label: 'Calibration KL', share: false, digits: 3 },
    { key: 'homogeneity', label: 'Homogeneity', share: false, digits: 2 },
  ];

/** Each slate measure as recorded and as changed, with the change in the unit it is shown in. */
export function metricDifferences(base: SlateMetrics, alt: SlateMetrics): MetricDifference[] {
  return MEASURES.map(({ key, label, share, digits }) => {
    const scale = share ? 100 : 1;
    const shown = (v: number) => (v * scale).toFixed(digits);
    const [b, a] = [base[key], alt[key]];
    // Not defined (a slate with no topic): shown as —, and no change can be stated.
    const cell = (v: number | null) => (v === null ? '—' : `${shown(v)}${share ? '%' : ''}`);
    if (b === null || a === null) return { key, label, base: cell(b), alt: cell(a), change: '—' };
    const delta = Number(shown(a)) - Number(shown(b));
    const unit = share ? (Math.abs(delta) === 1 ? ' point' : ' points') : '';
    return {
      key,
      label,
      base: cell(b),
      alt: cell(a),
      change:
        delta === 0 ? 'same' : `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(digits)}${unit}`,
    };
  });
}

/** Indices of the points where either feed or the profile differs, in time order. */
export function changedPoints(points: readonly PointSummary[]): number[] {
  return points.flatMap((p, i) =>
    p.entered + p.left + p.moved > 0 || p.profileDimsChanged > 0 ? [i] : [],
  );
}

/**
 * The profile-difference chart in one sentence: the topic that differs most, by how much and
 * when; or that no topic weight differs (a rule switched off changes what is shown, not what was
 * watched, so the profile stays the same).
 */
export function profileDiffSentence(
  series: readonly { topic: string; values: readonly number[] }[],
  times: readonly number[],
  name: (topic: string) => string,
  time: (atMs: number) => string,
): string {
  const top = series[0];
  if (!top) return 'No topic weight differs at any slate: the profile is the same in both replays.';
  let at = 0;
  top.values.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(top.values[at]!)) at = i;
  });
  const v = top.values[at]!;
  return `${name(top.topic)} differs most: ${Math.abs(v).toFixed(3)} ${
    v > 0 ? 'higher' : 'lower'
  } than as recorded at ${time(times[at]!)}${
    series.length > 1
      ? `, then ${series
          .slice(1)
          .map((s) => name(s.topic))
          .join(', ')}`
      : ''
  }.`;
}
