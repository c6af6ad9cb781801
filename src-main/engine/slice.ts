// The first, deliberately small engine (Foundation issue): the profile is a decayed sum of
// per-event topic deltas, and the feed is the top K items by profile · item-topic weights.
// The Engine issue replaces this module; it is kept small but every number is explained.
import type { FeedEvent, Item, ItemId } from '../domain/types';

export const ENGINE_VERSION = '0.1.0-slice';

/** Our assumption, not a published value: a signal loses half its weight in 7 days. */
export const HALF_LIFE_MS = 7 * 24 * 3600 * 1000;

/**
 * Per-event topic delta. Our own assumption for this slice: a like counts 1, a finished watch 1,
 * a partial watch its ratio, a skip -0.5. Inferred watches count half (evidence quality).
 */
export function eventStrength(event: FeedEvent): number {
  switch (event.kind) {
    case 'like':
    case 'share':
    case 'favorite':
    case 'rewatch':
      return 1;
    case 'watch': {
      const ratio = Math.min(event.watchRatio ?? 0.5, 1);
      return event.evidence === 'inferred' ? ratio / 2 : ratio;
    }
    case 'skip':
    case 'not-interested':
      return -0.5;
    default:
      return 0;
  }
}

export type TopicProfile = { atMs: number; weights: Record<string, number> };

/** weights(t) = Σ_e strength(e) · 0.5^((t − t_e) / half-life), split evenly over e's item topics. */
export function applyEvent(
  profile: TopicProfile,
  event: FeedEvent,
  item: Item | undefined,
): TopicProfile {
  const decay = Math.pow(0.5, (event.atMs - profile.atMs) / HALF_LIFE_MS);
  const weights: Record<string, number> = {};
  for (const [topic, w] of Object.entries(profile.weights)) weights[topic] = w * decay;
  const strength = eventStrength(event);
  const topics = item?.topics ?? [];
  for (const topic of topics) {
    weights[topic] = (weights[topic] ?? 0) + strength / topics.length;
  }
  return { atMs: event.atMs, weights };
}

export function decayTo(profile: TopicProfile, atMs: number): TopicProfile {
  const decay = Math.pow(0.5, (atMs - profile.atMs) / HALF_LIFE_MS);
  const weights: Record<string, number> = {};
  for (const [topic, w] of Object.entries(profile.weights)) weights[topic] = w * decay;
  return { atMs, weights };
}

export type Recommendation = {
  itemId: ItemId;
  rank: number;
  score: number;
  /** topic → profile weight × item topic weight; these sum to `score` exactly (baseline 0). */
  contributions: Record<string, number>;
};

/** score(i) = Σ_topic profile[topic] · (1 / |topics(i)|); ties broken by item id. */
export function recommend(
  profile: TopicProfile,
  items: readonly Item[],
  seen: ReadonlySet<ItemId>,
  k: number,
): Recommendation[] {
  const scored: Omit<Recommendation, 'rank'>[] = [];
  for (const item of items) {
    if (seen.has(item.id) || item.topics.length === 0) continue;
    const contributions: Record<string, number> = {};
    let score = 0;
    for (const topic of item.topics) {
      const c = (profile.weights[topic] ?? 0) / item.topics.length;
      contributions[topic] = c;
      score += c;
    }
    scored.push({ itemId: item.id, score, contributions });
  }
  scored.sort((a, b) => b.score - a.score || compareIds(a.itemId, b.itemId));
  return scored.slice(0, k).map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Numeric order for decimal id strings of any length, without converting to a JS number. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
