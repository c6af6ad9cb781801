import {
  applyEvent,
  decayTo,
  ENGINE_VERSION,
  recommend,
  type TopicProfile,
} from '../../engine/slice';
import type { feedCalls } from '../contract/feed';
import type { Handlers } from '../router';
import { loadDataset } from './load';

export const feedHandlers: Pick<Handlers, keyof typeof feedCalls> = {
  'feed/at': ({ datasetId, atMs, k }, ctx) => {
    const { items, events } = loadDataset(ctx, datasetId);
    const byId = new Map(items.map((i) => [i.id, i]));
    const at = atMs ?? (events.at(-1)?.atMs ?? 0) + 1;
    let profile: TopicProfile = { atMs: events[0]?.atMs ?? at, weights: {} };
    const seen = new Set<string>();
    for (const event of events) {
      if (event.atMs > at) break;
      profile = applyEvent(profile, event, event.itemId ? byId.get(event.itemId) : undefined);
      if (event.itemId) seen.add(event.itemId);
    }
    const ranked = recommend(decayTo(profile, at), items, seen, k);
    return {
      datasetId,
      atMs: at,
      engineVersion: ENGINE_VERSION,
      entries: ranked.map((r) => ({
        item: byId.get(r.itemId)!,
        rank: r.rank,
        score: r.score,
        baseline: 0,
        contributions: Object.entries(r.contributions).map(([feature, value]) => ({
          feature: `topic:${feature}`,
          value,
        })),
      })),
    };
  },
};
