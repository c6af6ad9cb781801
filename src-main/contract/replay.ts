import { z } from 'zod';
import { EVENT_KINDS, EVIDENCE, type Item } from '../domain/types';
import {
  PRESETS,
  RULES,
  type AgreementSummary,
  type CounterfactualResult,
  type PointDiff,
  type SlateMetrics,
  type SlateTrace,
} from '../engine';
import { defineCall } from './define';
import { datasetId } from './datasets';

/** Engine settings a call may change; everything else keeps its documented default. */
export const engineOptions = {
  seed: z.number().int().min(0).max(0xffffffff).default(0),
  preset: z.enum(PRESETS).default('tiktok-algo101'),
  /** V overrides for the adjustable presets (TikTok Algo 101, Custom); each ≥ 0. */
  weights: z
    .object({
      like: z.number().min(0).optional(),
      finish: z.number().min(0).optional(),
      watchRatio: z.number().min(0).optional(),
      share: z.number().min(0).optional(),
      comment: z.number().min(0).optional(),
      follow: z.number().min(0).optional(),
    })
    .strict()
    .optional(),
  /** Switch rules on or off by name. */
  rules: z.partialRecord(z.enum(RULES), z.boolean()).optional(),
  explorationShare: z.number().min(0).max(1).optional(),
  halfLifeDays: z.number().positive().max(3650).optional(),
  inferredFactor: z.number().min(0).max(1).optional(),
  /** How much what a page loaded (a capture) counts, as weakly seen; 0 by default (loaded is not seen). */
  loadedFactor: z.number().min(0).max(1).optional(),
  slateSize: z.number().int().min(1).max(200).optional(),
  /** Add the synthetic demo catalogue to the candidate pool (labelled `demo` in every feed). */
  withDemo: z.boolean().optional(),
};

const every = z.union([z.literal('session'), z.number().int().min(1)]).default('session');

const edit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('remove'), eventId: z.string().min(1) }).strict(),
  z
    .object({
      op: z.literal('alter'),
      eventId: z.string().min(1),
      set: z
        .object({
          kind: z.enum(EVENT_KINDS).optional(),
          watchRatio: z.number().min(0).nullable().optional(),
          watchS: z.number().min(0).nullable().optional(),
          evidence: z.enum(EVIDENCE).optional(),
          level: z.number().min(0).max(2).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
]);

export type ReplayRun = {
  datasetId: string;
  seed: number;
  preset: string;
  configHash: string;
  engineVersion: string;
  events: number;
  /** Event ids named in `without` that the dataset does not have. */
  missing: string[];
  traces: SlateTrace[];
  metrics: SlateMetrics[];
  /** Agreement with the real feed (feed/agreement), when the slates are at session starts. */
  agreement: AgreementSummary | null;
  amplification: Amplification;
};

/**
 * Time to amplification (engine/metrics.ts): for every topic the profile ever held, after how
 * many events its share of the positive topic weights first reached `threshold`, and when.
 */
export type Amplification = {
  threshold: number;
  topics: { topic: string; events: number | null; atMs: number | null }[];
};

/** One slate of a what-if in brief: when, and how much differs there (counts of `PointDiff`). */
export type PointSummary = {
  atMs: number;
  entered: number;
  left: number;
  moved: number;
  profileDimsChanged: number;
};

/** One slate in full, for the side-by-side view: both feeds' videos in rank order, both measures. */
export type SlateDetail = {
  index: number;
  base: string[];
  alt: string[];
  metrics: { base: SlateMetrics; alt: SlateMetrics };
};

/**
 * A what-if answer sized for any dataset: every slate in brief, and in full only the slate asked
 * for and its neighbours (2,000 slates in full were 1.4 MB at a million events, and grow with the
 * slate size). Asking again for another slate reads the kept answer instead of replaying twice.
 */
export type CounterfactualDiff = {
  datasetId: string;
  configHash: { base: string; alt: string };
  missing: string[];
  edits: CounterfactualResult['edits'];
  points: PointSummary[];
  /** The first slate where anything differs, with its largest profile differences, or null. */
  firstChanged: PointDiff | null;
  /** The slate `details` centre on: the one asked for, else the first whose feeds differ. */
  shown: number;
  /** `shown` and up to two slates each side of it, in time order. */
  details: SlateDetail[];
  /** Every video in `details`, sorted by id, so the view can name them. */
  items: Item[];
  /**
   * One per point: the weights of the (at most five) topics that differ most at any slate, as
   * `alt − base` keyed by topic id (without the `topic:` prefix); the profile difference chart
   * draws exactly these. A topic missing from a point did not differ there.
   */
  topicDiffs: Record<string, number>[];
};

export const replayCalls = {
  /** Replays a dataset and returns a trace per slate (each session start, or every N events). */
  'replay/run': defineCall<ReplayRun>()(
    z
      .object({
        datasetId,
        ...engineOptions,
        every,
        times: z.array(z.number().int()).max(10_000).optional(),
        /** Event ids to leave out (a counterfactual without diffing). */
        without: z.array(z.string().min(1)).max(10_000).default([]),
        /** False returns the metrics alone (a trace is about 100 KB per slate). */
        includeTraces: z.boolean().default(true),
      })
      .strict(),
  ),
  /** Replays a dataset twice, as recorded and with edits / rules switched, and diffs the two. */
  'replay/counterfactual': defineCall<CounterfactualDiff>()(
    z
      .object({
        datasetId,
        ...engineOptions,
        every,
        edits: z.array(edit).max(10_000).default([]),
        /** Rules switched in the counterfactual only. */
        altRules: z.partialRecord(z.enum(RULES), z.boolean()).optional(),
        /** The slate (index into `points`) to answer in full; by default the first that differs. */
        slate: z.number().int().min(0).optional(),
      })
      .strict(),
  ),
};
