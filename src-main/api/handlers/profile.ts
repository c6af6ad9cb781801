import { applyEvent, type TopicProfile } from '../../engine/slice';
import type { profileCalls, TimelinePoint } from '../contract/profile';
import type { Handlers } from '../router';
import { loadDataset } from './load';

export const profileHandlers: Pick<Handlers, keyof typeof profileCalls> = {
  'profile/timeline': ({ datasetId, topics, points }, ctx) => {
    const { items, events } = loadDataset(ctx, datasetId);
    const byId = new Map(items.map((i) => [i.id, i]));
    const every = Math.max(1, Math.ceil(events.length / points));
    const sampled: TimelinePoint[] = [];
    let profile: TopicProfile = { atMs: events[0]?.atMs ?? 0, weights: {} };
    events.forEach((event, index) => {
      profile = applyEvent(profile, event, event.itemId ? byId.get(event.itemId) : undefined);
      if (index % every === 0 || index === events.length - 1) {
        sampled.push({ atMs: event.atMs, eventIndex: index, weights: profile.weights });
      }
    });
    const strongest = Object.entries(profile.weights)
      .sort(([ta, a], [tb, b]) => b - a || (ta < tb ? -1 : 1))
      .slice(0, topics)
      .map(([topic]) => topic);
    return {
      datasetId,
      topics: strongest,
      points: sampled.map((p) => ({
        ...p,
        weights: Object.fromEntries(strongest.map((t) => [t, p.weights[t] ?? 0])),
      })),
    };
  },
};
