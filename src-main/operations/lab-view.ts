// What a Lab session looks like from outside (the LabState of the API contract): the card with
// its full "why" in the Feed screen's FeedEntry shape, the profile's strongest dimensions and the
// running metrics. Read-only over the session.
import type { LabDim, LabMetrics, LabProfile, LabState, LabTiming } from '../contract/lab';
import {
  AMPLIFICATION_THRESHOLD,
  configHash,
  round,
  snapshot,
  timeToAmplification,
} from '../engine';
import { entropyBits, topicDistribution } from '../engine/metrics';
import { itemNames } from '../explain';
import { BUBBLE_SHARE, BUBBLE_WINDOW, type LabSession } from '../lab/session';
import { feedEntry } from './feed-entry';

const UP_NEXT = 5;
const RECENT = 50;
const OTHER_DIMS = 12;

export function labState(s: LabSession): LabState {
  const slate = s.slate;
  const onScreen = s.card >= 0 ? s.world.items[s.card]! : null;
  const cardId = onScreen?.id ?? null;
  const at = s.cardSlate?.trace.items.findIndex((t) => t.itemId === cardId) ?? -1;
  return {
    sessionId: s.id,
    name: s.name,
    settings: s.settings,
    seed: s.seed,
    persona: s.persona,
    personaSeed: s.personaSeed,
    configHash: configHash(s.config),
    // The card's slate's entry as the Feed screen gets it.
    card:
      at >= 0
        ? feedEntry(
            s.cardSlate!,
            at,
            onScreen!,
            'demo',
            itemNames(s.world.items, s.world.catalogue.indexOf),
          )
        : null,
    upNext: (slate?.trace.items ?? [])
      .filter((t) => t.itemId !== cardId)
      .slice(0, UP_NEXT)
      .map((t) => s.world.items[s.world.catalogue.indexOf.get(t.itemId)!]!),
    atMs: s.atMs,
    profile: profileOf(s),
    metrics: metricsOf(s),
    recent: s.turns.slice(-RECENT),
    timing: timingOf(s.timings),
    datasetId: s.datasetId,
    simulated: true,
  };
}

function profileOf(s: LabSession): LabProfile {
  const values = snapshot(s.viewer, s.atMs);
  const byType = new Map<string, LabDim[]>();
  const sums = new Map<string, number>();
  for (const [key, weight] of values) {
    if (weight <= 0) continue;
    const cut = key.indexOf(':');
    const type = key.slice(0, cut);
    sums.set(type, (sums.get(type) ?? 0) + weight);
    const list = byType.get(type) ?? [];
    list.push({ key, type, name: key.slice(cut + 1), weight, share: 0 });
    byType.set(type, list);
  }
  const strongest = (a: LabDim, b: LabDim): number =>
    b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const finish = (d: LabDim): LabDim => ({
    ...d,
    weight: round(d.weight),
    share: round(d.weight / sums.get(d.type)!),
  });
  const topics = (byType.get('topic') ?? []).sort(strongest).map(finish);
  const others = [...byType]
    .filter(([type]) => type !== 'topic')
    .flatMap(([, list]) => list.map(finish))
    .sort((a, b) => b.share - a.share || strongest(a, b))
    .slice(0, OTHER_DIMS);
  return { topics, others };
}

function metricsOf(s: LabSession): LabMetrics {
  const p = topicDistribution(snapshot(s.viewer, s.atMs));
  const shares = [...p.values()].sort((a, b) => b - a);
  const mix = new Map<string, number>();
  const creators = new Set<string>();
  for (const i of s.shown) {
    const { topics, creator } = s.world.items[i]!;
    for (const t of topics) mix.set(t, (mix.get(t) ?? 0) + 1 / topics.length / s.shown.length);
    if (creator) creators.add(creator);
  }
  return {
    videos: s.videos,
    events: s.events.length,
    profileEntropy: round(entropyBits(p)),
    top3Share: round(shares.slice(0, 3).reduce((x, y) => x + y, 0)),
    timeToAmplification: timeToAmplification(
      s.events,
      s.world.catalogue,
      s.config,
      AMPLIFICATION_THRESHOLD,
    ),
    amplificationThreshold: AMPLIFICATION_THRESHOLD,
    bubbleAfter: s.bubbleAfter,
    bubbleTopic: s.bubbleTopic,
    bubbleShare: BUBBLE_SHARE,
    bubbleWindow: BUBBLE_WINDOW,
    recentMix: [...mix]
      .map(([topic, share]) => ({ topic, share: round(share) }))
      .sort((a, b) => b.share - a.share || (a.topic < b.topic ? -1 : 1)),
    recentCreators: creators.size,
  };
}

/** Nearest-rank 95th percentile. */
export function p95(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

export function timingOf(timings: readonly number[]): LabTiming {
  const last = timings.at(-1);
  const p = p95(timings);
  return {
    lastMs: last === undefined ? null : round(last),
    p95Ms: p === null ? null : round(p),
    samples: timings.length,
  };
}
