// The one FeedEntry builder: a slate's i-th item with its full "why", as the Feed screen (feed/at)
// and the Lab's card (lab-view.ts) both show it.
import type { FeedEntry } from '../contract/feed';
import type { Item } from '../domain/types';
import type { PoolSource, Slate } from '../engine';
import { explainSlateItem, type ItemNames } from '../explain';

/**
 * Unrounded score, baseline and contributions (the trace file rounds them), so that the
 * contributions sum to score − baseline within 1e-9 here too.
 */
export function feedEntry(
  slate: Slate,
  i: number,
  item: Item,
  pool: PoolSource,
  names: ItemNames,
): FeedEntry {
  const t = slate.trace.items[i]!;
  const attribution = slate.raw.attributions[i]!;
  return {
    item,
    pool,
    rank: t.rank,
    score: attribution.score,
    baseline: attribution.baseline,
    contributions: slate.raw.contributions[i]!,
    objectives: t.objectives,
    sources: t.sources,
    rules: t.rules,
    slot: t.slot,
    rankScore: t.rankScore,
    features: t.features,
    explanation: explainSlateItem(slate, i, item.creator, names),
  };
}
