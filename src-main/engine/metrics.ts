// Metrics over time: how concentrated the profile is, how diverse and calibrated each slate is,
// how much of it explores, and how fast a topic gets amplified.
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { compareStrings, isoUtc, round } from './format';
import type { ReplayResult } from './replay';
import { valuesAt } from './counterfactual';
import { createViewer, stepViewer } from './viewer';
import { orderEvents } from './replay';
import { decay } from './signals';

export type SlateMetrics = {
  at: string;
  atMs: number;
  /** Shannon entropy (bits) of the profile's positive topic weights, normalised to a distribution. */
  profileEntropy: number;
  /** Share of the three strongest topics in that distribution. */
  top3Share: number;
  /** Mean pairwise topic-set Jaccard distance between slate items (intra-list distance). */
  intraListDistance: number;
  /** Share of slate items placed in exploration slots. */
  explorationShare: number;
  /**
   * KL(p ‖ q̃), p = profile topic mix, q = slate topic mix, q̃ = (1 − α) q + α p, α = 0.01 (Steck
   * 2018). Null when either mix is empty: with no topic in the slate, q̃ = α p and the KL would be
   * log2(1/α) ≈ 6.64 whatever happened, a constant that reads like a drift.
   */
  calibrationKL: number | null;
  /** Herfindahl index Σ q_t² of the slate's topic mix (1 = one topic only); null when it has none. */
  homogeneity: number | null;
};

/** Topic distribution from positive topic weights (sorted by topic id). */
export function topicDistribution(values: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let sum = 0;
  for (const [dim, w] of values) {
    if (dim.startsWith('topic:') && w > 0) {
      out.set(dim.slice(6), w);
      sum += w;
    }
  }
  const sorted = [...out].sort((a, b) => compareStrings(a[0], b[0]));
  return new Map(sum > 0 ? sorted.map(([t, w]) => [t, w / sum]) : []);
}

export function entropyBits(p: ReadonlyMap<string, number>): number {
  let h = 0;
  for (const x of p.values()) if (x > 0) h -= x * Math.log2(x);
  return h;
}

export function slateTopicMix(
  itemIds: readonly string[],
  catalogue: PreparedCatalogue,
): Map<string, number> {
  const q = new Map<string, number>();
  for (const id of itemIds) {
    const topics = [...new Set(catalogue.items[catalogue.indexOf.get(id)!]!.topics)];
    for (const t of topics) q.set(t, (q.get(t) ?? 0) + 1 / topics.length / itemIds.length);
  }
  return new Map([...q].sort((a, b) => compareStrings(a[0], b[0])));
}

/** KL(p ‖ q̃) in bits with Steck's smoothing q̃ = (1 − α) q + α p. */
export function calibrationKL(
  p: ReadonlyMap<string, number>,
  q: ReadonlyMap<string, number>,
  alpha = 0.01,
): number {
  let kl = 0;
  for (const [t, pt] of p) {
    if (pt <= 0) continue;
    const qt = (1 - alpha) * (q.get(t) ?? 0) + alpha * pt;
    kl += pt * Math.log2(pt / qt);
  }
  return kl;
}

function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  if (A.size === 0 && B.size === 0) return 1;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return 1 - inter / (A.size + B.size - inter);
}

/** Metrics for every slate of a replay. */
export function replayMetrics(
  result: ReplayResult,
  catalogue: PreparedCatalogue,
  config: EngineConfig,
): SlateMetrics[] {
  return result.slates.map((slate, s) => {
    const t = result.times[s]!;
    const items = slate.trace.items;
    return slateMetrics(
      items.map((i) => i.itemId),
      items.map((i) => i.slot),
      result.profiles?.[s] ?? valuesAt(result, t, config),
      t,
      catalogue,
    );
  });
}

/** The measures of one slate at t: its videos in order, their slots, the profile's values at t. */
export function slateMetrics(
  itemIds: readonly string[],
  slots: readonly ('exploit' | 'explore')[],
  values: ReadonlyMap<string, number>,
  t: number,
  catalogue: PreparedCatalogue,
): SlateMetrics {
  const p = topicDistribution(values);
  const q = slateTopicMix(itemIds, catalogue);
  const topics = itemIds.map((id) => catalogue.items[catalogue.indexOf.get(id)!]!.topics);
  let dist = 0;
  let pairs = 0;
  for (let a = 0; a < topics.length; a++) {
    for (let b = a + 1; b < topics.length; b++) {
      dist += jaccardDistance(topics[a]!, topics[b]!);
      pairs++;
    }
  }
  const shares = [...p.values()].sort((x, y) => y - x);
  let herfindahl = 0;
  for (const x of q.values()) herfindahl += x * x;
  return {
    at: isoUtc(t),
    atMs: t,
    profileEntropy: round(entropyBits(p)),
    top3Share: round(shares.slice(0, 3).reduce((x, y) => x + y, 0)),
    intraListDistance: round(pairs ? dist / pairs : 0),
    explorationShare: round(
      slots.length ? slots.filter((s) => s === 'explore').length / slots.length : 0,
    ),
    calibrationKL: p.size > 0 && q.size > 0 ? round(calibrationKL(p, q)) : null,
    homogeneity: q.size > 0 ? round(herfindahl) : null,
  };
}

/** A topic counts as amplified once it holds this share of the profile's topics (OURS). */
export const AMPLIFICATION_THRESHOLD = 0.3;

/**
 * Time to amplification: for each topic, the number of events until its share of the positive
 * topic weights first reaches `threshold` (null if never). Shares are taken after every event.
 */
export function timeToAmplification(
  events: readonly FeedEvent[],
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  threshold = AMPLIFICATION_THRESHOLD,
): Record<string, number | null> {
  const ordered = orderEvents(events);
  const v = createViewer(catalogue, config, ordered, { trackEvidence: false });
  const h = config.halfLifeDays * 86_400_000;
  const topicIds: number[] = [];
  const names: string[] = [];
  const seenTopics = new Set<number>();
  const out: Record<string, number | null> = {};
  let scanned = 0;
  while (v.applied < ordered.length) {
    stepViewer(v);
    for (; scanned < v.store.touched.length; scanned++) {
      const id = v.store.touched[scanned]!;
      if (seenTopics.has(id)) continue;
      const key = v.store.dims.key(id);
      if (!key.startsWith('topic:')) continue;
      seenTopics.add(id);
      topicIds.push(id);
      names.push(key.slice(6));
      out[key.slice(6)] ??= null;
    }
    const t = ordered[v.applied - 1]!.atMs;
    let sum = 0;
    const values = topicIds.map((id) => Math.max(0, decay(v.store.w[id]!, v.store.at[id]!, t, h)));
    for (const x of values) sum += x;
    if (sum <= 0) continue;
    values.forEach((x, k) => {
      if (out[names[k]!] === null && x / sum >= threshold) out[names[k]!] = v.applied;
    });
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => compareStrings(a[0], b[0])));
}
