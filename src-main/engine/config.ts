// Every tunable number of the engine in one place, with its default and where it comes from.
// "OURS" marks our own assumption; everything else cites a published source (docs/ALGORITHM.md).
import type { Evidence } from '../domain/types';
import { stableHash } from './hash';
import {
  outOfNetworkFactor,
  presetWeights,
  type ObjectiveWeights,
  type PresetName,
} from './presets';

export const RULES = [
  'unpublished',
  'seen',
  'not-interested',
  'keyword-filter',
  'fatigue',
  'topic-sliders',
  'out-of-network',
  'author-diversity',
  'exploration',
  'adjacency',
] as const;
export type RuleName = (typeof RULES)[number];

/**
 * `search` (a normalised search term) and `effect` (a favourited effect) come only from named
 * signals: no item carries them, so they show in the profile but never source candidates.
 */
export const DIM_TYPES = [
  'topic',
  'hashtag',
  'creator',
  'sound',
  'language',
  'duration',
  'search',
  'effect',
] as const;
export type DimType = (typeof DIM_TYPES)[number];

/** Base amounts of each signal before evidence, split and decay (all OURS; ordering cited). */
export type SignalWeights = {
  /** Watch ratio r < 1: amount = skipFloor + (finish − skipFloor) · r (so r = 1/3 is neutral). */
  watchSkipFloor: number;
  watchFinish: number;
  /** Extra for looping past the end: + loopBonus · min(r − 1, 1). */
  watchLoopBonus: number;
  /** TikTok 2020: finishing a longer video is a strong signal: × (1 + longBonus · min(d/60 s, 1)). */
  watchLongBonus: number;
  /** A watch of unknown ratio (duration unknown): a weak positive. */
  watchUnknown: number;
  rewatch: number;
  like: number;
  unlike: number;
  favorite: number;
  share: number;
  comment: number;
  follow: number;
  unfollow: number;
  /** Split over the topics the query maps to (taxonomy keywords). */
  search: number;
  /** The `search:<term>` dimension of the normalised query itself. */
  searchTerm: number;
  /** A favourited hashtag: `hashtag:<name>`, and the same amount split over its topics. */
  favoriteHashtag: number;
  /** A favourited sound: `sound:<id>`. */
  favoriteSound: number;
  /** A favourited effect: `effect:<id>`. */
  favoriteEffect: number;
  /** A shared profile, sound or hashtag: `creator:<handle>`, `sound:<id>`, `hashtag:<name>` (+ topics). */
  shareTarget: number;
  /** A comment without its video (TikTok does not link them): split over the text's topics. */
  commentText: number;
  skip: number;
  /** An item a page loaded (a capture's impression), before the loaded factor (0 by default). */
  loadedImpression: number;
  notInterested: number;
  notInterestedTopic: number;
};

export type EngineConfig = {
  /** Profile half-life in days (OURS: 7). */
  halfLifeDays: number;
  /**
   * Evidence quality factor (OURS: observed 1, inferred 0.5; loaded 0 since loaded is not seen).
   * Inferred and loaded are settings (`inferredFactor`, `loadedFactor` in the API).
   */
  evidenceFactor: Record<Evidence, number>;
  signal: SignalWeights;
  /** How an item-level signal is shared across dimension types (OURS). */
  dimensionShare: Record<DimType, number>;
  preset: PresetName;
  /** V overrides for the adjustable presets (TikTok Algo 101, Custom). */
  weights: Partial<ObjectiveWeights>;
  rules: Record<RuleName, boolean>;
  slateSize: number;
  /** ε: share of slate positions reserved for exploration (Vombatkere et al. WWW'24: 50–70% explore). */
  explorationShare: number;
  /** Twitter 2023 author diversity: multiplier (1 − floor) · decay^n + floor. */
  authorDiversity: { decay: number; floor: number };
  /** Twitter 2023 feedback fatigue: filtered for filterDays, then ×rampStart rising to ×1 by rampEndDays. */
  fatigue: { filterDays: number; rampStart: number; rampEndDays: number };
  /** Topic slider multipliers for levels 0, 1, 2 (linear between). OURS; never 0 (TikTok: never eliminates). */
  sliderMultipliers: [number, number, number];
  /** TikTok keyword filters: at most 200. */
  maxKeywordFilters: number;
  candidates: {
    interestDims: number;
    perDim: number;
    followed: number;
    coEngagement: number;
    popular: number;
    explore: number;
    /** How many unseen items a source may pass over when it meets seen ones, as a multiple of its quota. */
    scanFactor: number;
  };
  /** Affinity feature = tanh(weight / affinityScale) (OURS). */
  affinityScale: number;
  /** Freshness = 0.5^(age / freshnessHalfLifeDays) (OURS: 3 days). */
  freshnessHalfLifeDays: number;
  /** How many recently seen items the repetition feature looks at (OURS). */
  seenWindow: number;
  /** How many recent positively engaged items seed co-engagement (OURS). */
  coEngagementWindow: number;
  /** Past events listed per feature in a trace (the rest are summed as "other"). */
  traceEventsPerFeature: number;
};

export const DEFAULT_CONFIG: EngineConfig = {
  halfLifeDays: 7,
  evidenceFactor: { observed: 1, inferred: 0.5, loaded: 0 },
  signal: {
    watchSkipFloor: -0.5,
    watchFinish: 1,
    watchLoopBonus: 0.5,
    watchLongBonus: 0.5,
    watchUnknown: 0.25,
    rewatch: 2.5,
    like: 3,
    unlike: -3,
    favorite: 3,
    share: 4,
    comment: 3,
    follow: 5,
    unfollow: -5,
    search: 2,
    // OURS, each equal to its video-level analogue: the term weighs what the query's topics weigh,
    // a favourited hashtag, sound or effect what a favourited video does, a shared profile, sound
    // or hashtag what a shared video does.
    searchTerm: 2,
    favoriteHashtag: 3,
    favoriteSound: 3,
    favoriteEffect: 3,
    shareTarget: 4,
    // OURS: half a comment on a known video; words alone are a noisier guide to topic than a video.
    commentText: 1.5,
    skip: -0.5,
    // OURS: a watch of unknown length (watchUnknown), since a loaded video may have been seen.
    loadedImpression: 0.25,
    notInterested: -5,
    notInterestedTopic: -1,
  },
  // search and effect: no item carries them, so item-level signals never reach them.
  dimensionShare: {
    topic: 1,
    hashtag: 0.5,
    creator: 1,
    sound: 0.5,
    language: 0.2,
    duration: 0.3,
    search: 0,
    effect: 0,
  },
  preset: 'tiktok-algo101',
  weights: {},
  rules: {
    unpublished: true,
    seen: true,
    'not-interested': true,
    'keyword-filter': true,
    fatigue: true,
    'topic-sliders': true,
    'out-of-network': true,
    'author-diversity': true,
    exploration: true,
    adjacency: true,
  },
  slateSize: 20,
  explorationShare: 0.5,
  authorDiversity: { decay: 0.5, floor: 0.25 },
  fatigue: { filterDays: 14, rampStart: 0.2, rampEndDays: 140 },
  sliderMultipliers: [0.25, 1, 2],
  maxKeywordFilters: 200,
  candidates: {
    interestDims: 12,
    perDim: 40,
    followed: 60,
    coEngagement: 60,
    popular: 60,
    explore: 40,
    scanFactor: 3,
  },
  affinityScale: 3,
  freshnessHalfLifeDays: 3,
  seenWindow: 50,
  coEngagementWindow: 20,
  traceEventsPerFeature: 3,
};

export type ConfigInput = {
  [K in keyof EngineConfig]?: EngineConfig[K] extends readonly unknown[]
    ? EngineConfig[K]
    : EngineConfig[K] extends object
      ? Partial<EngineConfig[K]>
      : EngineConfig[K];
};

/** Defaults overlaid with `input`, one level deep for the grouped settings. */
export function resolveConfig(input: ConfigInput = {}): EngineConfig {
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const base = (DEFAULT_CONFIG as Record<string, unknown>)[key];
    out[key] =
      base &&
      typeof base === 'object' &&
      !Array.isArray(base) &&
      typeof value === 'object' &&
      !Array.isArray(value)
        ? { ...(base as object), ...(value as object) }
        : value;
  }
  const config = out as EngineConfig;
  validateConfig(config);
  return config;
}

function validateConfig(config: EngineConfig): void {
  const weights = presetWeights(config.preset, config.weights);
  for (const [k, v] of Object.entries(weights)) {
    // Multiplicative rules (diversity, sliders, fatigue) assume a non-negative score.
    if (!(v >= 0)) throw new RangeError(`Objective weight ${k} must be ≥ 0, got ${v}.`);
  }
  if (!(config.halfLifeDays > 0)) throw new RangeError('halfLifeDays must be > 0.');
  if (!(config.explorationShare >= 0 && config.explorationShare <= 1)) {
    throw new RangeError('explorationShare must be in [0, 1].');
  }
  if (config.sliderMultipliers.some((m) => !(m > 0)))
    throw new RangeError('Slider multipliers must be > 0.');
}

/** Stable hash of the resolved config (what a trace's `configHash` names). */
export function configHash(config: EngineConfig): string {
  return stableHash(config);
}

export const halfLifeMs = (config: EngineConfig): number => config.halfLifeDays * 86_400_000;

/** The score weights V in effect for a config. */
export function effectiveWeights(config: EngineConfig): ObjectiveWeights {
  return presetWeights(config.preset, config.weights);
}

/** The out-of-network factor in effect (1 when the rule is off or the preset has none). */
export function effectiveOutOfNetwork(config: EngineConfig): number {
  return config.rules['out-of-network'] ? outOfNetworkFactor(config.preset) : 1;
}
