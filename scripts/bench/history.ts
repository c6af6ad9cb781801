// The heavy user's recorded history (scripts/bench/history.json) and the guard that makes
// `npm run bench` fail when its ratio to the same run's bare baseline regresses by more than 25 %
// against the median of that history. Ratios, not seconds, because the machine is shared and noisy.
import { readFileSync, writeFileSync } from 'node:fs';
import { median } from './figure';

export type HistoryEntry = {
  date: string;
  commit: string;
  seconds: number;
  baselineSeconds: number;
  ratio: number;
  loadAverage: number;
};

/** How much worse than the recorded median a ratio may be before the bench fails. */
export const ALLOWED_REGRESSION = 0.25;

/**
 * null when `ratio` is within ALLOWED_REGRESSION of the history's median ratio (or there is no
 * history yet), else one sentence saying how far it regressed.
 */
export function regression(ratio: number, history: readonly HistoryEntry[]): string | null {
  if (history.length === 0) return null;
  const recorded = median(history.map((h) => h.ratio));
  const limit = recorded * (1 + ALLOWED_REGRESSION);
  if (ratio <= limit) return null;
  const pct = Math.round((ratio / recorded - 1) * 100);
  return `heavy user regressed: ${ratio.toFixed(2)}× its bare baseline, ${pct} % above the recorded median ${recorded.toFixed(2)}× (limit ${limit.toFixed(2)}×, ${history.length} recorded run${history.length === 1 ? '' : 's'} in scripts/bench/history.json)`;
}

export const HISTORY_FILE = new URL('./history.json', import.meta.url);

export function readHistory(): HistoryEntry[] {
  return JSON.parse(readFileSync(HISTORY_FILE, 'utf8')) as HistoryEntry[];
}

export function appendHistory(entry: HistoryEntry): void {
  writeFileSync(HISTORY_FILE, `${JSON.stringify([...readHistory(), entry], null, 2)}\n`);
}
