// Interpretable features of a (viewer, item) pair. Every feature is 0 for "nothing known", so the
// attribution baseline (the zero vector: an item the profile knows nothing about, of unknown
// popularity and age) gives unknown facts no credit and no blame.
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { DIM_TYPE_CODE } from './dims';
import type { ProfileStore } from './store';

export const FEATURES = [
  'topic',
  'hashtag',
  'creator',
  'sound',
  'followed',
  'popularity',
  'freshness',
  'duration',
  'language',
  'seen-similarity',
  'co-engagement',
  'exploration',
] as const;
export type Feature = (typeof FEATURES)[number];
export const F = FEATURES.length;

/** Which profile dimension type stands behind an affinity feature (for event traces). */
export const FEATURE_DIM_TYPE: Partial<Record<Feature, number>> = {
  topic: DIM_TYPE_CODE.topic,
  hashtag: DIM_TYPE_CODE.hashtag,
  creator: DIM_TYPE_CODE.creator,
  sound: DIM_TYPE_CODE.sound,
  duration: DIM_TYPE_CODE.duration,
  language: DIM_TYPE_CODE.language,
};
const TYPE_TO_FEATURE = [0, 1, 2, 3, 8, 7]; // topic, hashtag, creator, sound, language, duration

/** What the features need to know about the viewer at the slate's time. */
export type FeatureContext = {
  catalogue: PreparedCatalogue;
  store: ProfileStore;
  config: EngineConfig;
  nowMs: number;
  /** exp factor for decay: value(t) = w · exp(−(t − at) · decayRate). */
  decayRate: number;
  /** creator dim id → followed. */
  followedDims: ReadonlySet<number>;
  /** dim id → count among the last `seenWindow` seen items' topics. */
  recentTopicCounts: ReadonlyMap<number, number>;
  recentSize: number;
  /** item index → Σ co-engagement weight from recent positively engaged items. */
  coScores: ReadonlyMap<number, number>;
};

/** A profile dimension's decayed value as the features read it. */
export function dimValue(ctx: FeatureContext, id: number): number {
  const s = ctx.store;
  if (id >= s.has.length || !s.has[id]) return 0;
  const age = ctx.nowMs - s.at[id]!;
  return age === 0 ? s.w[id]! : s.w[id]! * Math.exp(-age * ctx.decayRate);
}

/**
 * Writes item i's features into out[offset .. offset + F):
 *   affinity(type) = Σ_{d ∈ dims(i) of type} split(d) · tanh(w_d(t) / affinityScale)   (mean over
 *     the item's topics / hashtags; the creator's, sound's, language's and duration bucket's own)
 *   followed = 1 if the creator is followed
 *   popularity = log1p(count) / log1p(max count)
 *   freshness = 0.5^(age / freshnessHalfLife), age from createdAtMs or id >> 32 (0 when unknown)
 *   seen-similarity = Σ_topics split · (count among recently seen items' topics) / window
 *   co-engagement = tanh(Σ cosine co-engagement with recently engaged items)
 *   exploration = 1 if only the exploration source produced the candidate
 */
export function writeFeatures(
  ctx: FeatureContext,
  i: number,
  exploreOnly: boolean,
  out: Float64Array,
  offset: number,
): void {
  const cat = ctx.catalogue;
  for (let f = 0; f < F; f++) out[offset + f] = 0;
  const scale = ctx.config.affinityScale;
  let seenSim = 0;
  for (let p = cat.dimStart[i]!; p < cat.dimStart[i + 1]!; p++) {
    const d = cat.dimId[p]!;
    const type = cat.dimType[p]!;
    const w = dimValue(ctx, d);
    if (w !== 0) out[offset + TYPE_TO_FEATURE[type]!]! += cat.dimSplit[p]! * Math.tanh(w / scale);
    if (type === 0 && ctx.recentSize > 0)
      seenSim += (cat.dimSplit[p]! * (ctx.recentTopicCounts.get(d) ?? 0)) / ctx.recentSize;
  }
  const creator = cat.creatorDim[i]!;
  out[offset + 4] = creator >= 0 && ctx.followedDims.has(creator) ? 1 : 0;
  out[offset + 5] = cat.popularity[i]!;
  const created = cat.createdAtMs[i]!;
  if (!Number.isNaN(created)) {
    const ageDays = Math.max(0, ctx.nowMs - created) / 86_400_000;
    out[offset + 6] = Math.pow(0.5, ageDays / ctx.config.freshnessHalfLifeDays);
  }
  out[offset + 9] = seenSim;
  const co = ctx.coScores.get(i);
  if (co !== undefined) out[offset + 10] = Math.tanh(co);
  out[offset + 11] = exploreOnly ? 1 : 0;
}
