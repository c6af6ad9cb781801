import { z } from 'zod';
import type { Item } from '../domain/types';
import type {
  AgreementSession,
  AgreementSummary,
  Contribution,
  PoolSource,
  PoolSummary,
  RuleSummary,
  TraceItem,
} from '../engine';
import type { Explanation, RemovalWords, RemovedByRule } from '../explain';

// The explanation's parts, built on the main side (src-main/explain/); the renderer prints them.
export type { Explanation, WhyClause, WhyReason, WhyStep } from '../explain';
import { defineCall } from './define';
import { datasetId } from './datasets';
import { engineOptions } from './replay';

// The candidate pool (engine/pool.ts): `dataset`, `added` or `demo` (always labelled as
// synthetic), and its summary at the feed's moment, so an empty or thin feed can say why.
export { POOL_SOURCES, type PoolSource, type PoolSummary } from '../engine';

/**
 * Where a feed's candidates come from: `pool`, the dataset's candidate pool; `demo`, only the
 * synthetic demo catalogue, ranked by the profile the dataset's events built (its own videos
 * still count in that profile, but none is served). For an imported dataset whose every video is
 * already seen: the person's profile applied to made-up videos, labelled as such.
 */
export const FEED_CANDIDATES = ['pool', 'demo'] as const;
export type FeedCandidates = (typeof FEED_CANDIDATES)[number];

export type FeedEntry = {
  item: Item;
  pool: PoolSource;
  rank: number;
  score: number;
  baseline: number;
  /**
   * Every feature's signed contribution, zeros included, largest |value| first (the engine's
   * order); they sum to score − baseline.
   */
  contributions: Contribution[];
  /** Per objective: prediction, baseline, weight V and per-feature contributions. */
  objectives: TraceItem['objectives'];
  /** Every candidate source that produced the item (`interest:topic:cooking`, `followed:creator:@x`, ...). */
  sources: string[];
  /** What each re-ranking rule did to it. */
  rules: TraceItem['rules'];
  slot: TraceItem['slot'];
  rankScore: number;
  features: TraceItem['features'];
  /**
   * The words every surface prints about it (src-main/explain/), built with the feed: among them
   * every profile dimension behind each affinity feature and the past events behind those (the
   * trace's `because`, worded; the numbers travel once, here).
   */
  explanation: Explanation;
};

export type Feed = {
  datasetId: string;
  atMs: number;
  engineVersion: string;
  entries: FeedEntry[];
  seed: number;
  preset: string;
  configHash: string;
  slateId: string;
  /** Candidates dropped by a rule, with the rule, its cause and words, the video's caption and creator. */
  removed: (RemovalWords & { caption: string | null; creator: string | null })[];
  /** The removals counted by rule, most first, with what each rule did. */
  removedByRule: RemovedByRule[];
  rules: Record<string, RuleSummary>;
  pool: PoolSummary;
  candidates: FeedCandidates;
};

/**
 * Agreement with the real feed at one session start (engine/agreement.ts): of the videos the
 * person really watched in that session that a feed could have served, how many were in
 * Feedlens's top k built just before.
 */
export type { AgreementSession };

export type Agreement = AgreementSummary & { datasetId: string };

export const feedCalls = {
  'feed/at': defineCall<Feed>()(
    z
      .object({
        datasetId,
        /** Epoch ms; defaults to just after the dataset's last event. */
        atMs: z.number().int().optional(),
        k: z.number().int().min(1).max(200).default(20),
        candidates: z.enum(FEED_CANDIDATES).default('pool'),
        ...engineOptions,
      })
      .strict(),
  ),
  /** Agreement with the real feed at every session start (see `Agreement`). */
  'feed/agreement': defineCall<Agreement>()(
    z
      .object({
        datasetId,
        k: z.number().int().min(1).max(200).default(20),
        ...engineOptions,
      })
      .strict(),
  ),
};
