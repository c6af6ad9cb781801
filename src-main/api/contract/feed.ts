import { z } from 'zod';
import type { Item } from '../../domain/types';
import type { RuleSummary, TraceBecause, TraceItem, TraceRemoval } from '../../engine';
import { defineCall } from '../define';
import { datasetId } from './datasets';
import { engineOptions } from './replay';

/**
 * Why a video is in the candidate pool: the dataset's own videos (watched, liked, shared...),
 * videos added by metadata files or captures that the dataset never mentions, or the synthetic
 * demo catalogue when the user switched it on (always labelled as synthetic).
 */
export const POOL_SOURCES = ['dataset', 'added', 'demo'] as const;
export type PoolSource = (typeof POOL_SOURCES)[number];

/** The candidate pool at the feed's moment, so an empty or thin feed can say why. */
export type PoolSummary = {
  /** Videos in the pool, by source. */
  size: Record<PoolSource, number>;
  /** Of all pool videos, those the person had not seen before this moment. */
  unseen: number;
  /** Of all pool videos, those with any caption, hashtag, creator or sound. */
  withMetadata: number;
};

export type FeedEntry = {
  item: Item;
  pool: PoolSource;
  rank: number;
  score: number;
  baseline: number;
  /** Signed feature contributions; they sum to score − baseline. */
  contributions: { feature: string; value: number }[];
  /** Per objective: prediction, baseline, weight V and per-feature contributions. */
  objectives: TraceItem['objectives'];
  /** Every candidate source that produced the item (`interest:topic:cooking`, `followed:creator:@x`, ...). */
  sources: string[];
  /** What each re-ranking rule did to it. */
  rules: TraceItem['rules'];
  /** The profile dimensions and past events behind each affinity feature. */
  because: TraceBecause[];
  slot: TraceItem['slot'];
  rankScore: number;
  features: TraceItem['features'];
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
  /** Candidates dropped by a rule, with the rule and why. */
  removed: TraceRemoval[];
  rules: Record<string, RuleSummary>;
  pool: PoolSummary;
};

/**
 * Agreement with the real feed at one session start: of the videos the person really watched in
 * that session (and that are in the pool), how many were in Feedlens's top k built just before.
 */
export type AgreementSession = {
  session: number;
  atMs: number;
  /** Distinct videos watched in the session that the pool holds (the relevance set). */
  watched: number;
  /** Of those, in the top k. */
  hits: number;
  /** hits / min(k, watched). */
  hitRate: number;
  /** NDCG@k with relevance 1 for each watched video. */
  ndcg: number;
  /** Expected hitRate of k videos drawn at random from the unseen pool. */
  chance: number;
};

export type Agreement = {
  datasetId: string;
  k: number;
  /** Sessions with at least one watched pool video, in time order. */
  sessions: AgreementSession[];
  /** Sums over those sessions: Σ hits / Σ min(k, watched). */
  hitRate: number;
  /** Mean NDCG over those sessions. */
  ndcg: number;
  /** The same sum for random picks: what agreement by luck alone looks like. */
  chance: number;
  /** Sessions left out because none of their videos was in the pool. */
  skippedSessions: number;
};

export const feedCalls = {
  'feed/at': defineCall<Feed>()(
    z
      .object({
        datasetId,
        /** Epoch ms; defaults to just after the dataset's last event. */
        atMs: z.number().int().optional(),
        k: z.number().int().min(1).max(200).default(20),
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
