// A whole slate explained: each served item's explanation and each removal's words, and the
// removals counted by rule, for the Feed, the Lab, the report and `feedlens why`.
import { compareIds, type Removal, type RuleName, type Slate } from '../engine';
import { explainEntry, type Explanation, type ItemNames } from './entry';
import { causeWords, removedPhrase } from './words';

export type RemovalWords = Removal & { words: string };
export type RemovedByRule = { rule: RuleName; count: number; words: string };

/** The i-th item of a slate, explained (`creator`: the video's creator, for "you follow"). */
export function explainSlateItem(
  slate: Slate,
  i: number,
  creator: string | null,
  names: ItemNames,
): Explanation {
  const t = slate.trace.items[i]!;
  return explainEntry(
    {
      ...t,
      creator,
      baseline: slate.raw.attributions[i]!.baseline,
      contributions: slate.raw.contributions[i]!,
    },
    slate.trace.atMs,
    names,
  );
}

/** Each removal with its words, in id order (how the Feed lists them). */
export function explainRemovals(slate: Slate): RemovalWords[] {
  const at = slate.trace.atMs;
  return [...slate.trace.removed]
    .sort((a, b) => compareIds(a.itemId, b.itemId))
    .map((r) => ({ ...r, words: causeWords(r, at) }));
}

/** Removals counted by rule, most first (ties by rule name), each with what the rule did. */
export function removedByRule(removed: readonly Removal[]): RemovedByRule[] {
  const counts = new Map<RuleName, number>();
  let filterDays: number | null = null;
  for (const r of removed) {
    counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
    if (r.cause.cause === 'negative-feedback') filterDays = r.cause.filterDays;
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, count]) => ({ rule, count, words: removedPhrase(rule, filterDays) }));
}
