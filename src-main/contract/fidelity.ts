import { z } from 'zod';
import type { FidelitySample, Standing } from '../engine';
import { defineCall } from './define';
import { datasetId } from './datasets';
import { engineOptions } from './replay';

/** The fidelity report of a dataset: its explanations tested by deletion and insertion. */
export type FidelityReport = FidelitySample & {
  datasetId: string;
  seed: number;
  preset: string;
  /** Whether the named events beat random ones, in the words every surface shows. */
  verdict: string;
};

/** "Prove it": one item's place without its top k explaining events, and with only them. */
export type ProofStep = {
  k: number;
  events: { eventId: string; amount: number }[];
  without: Standing;
  only: Standing;
  /** The two sentences every surface shows (src-main/explain/fidelity.ts). */
  words: { without: string; only: string };
};
export type Proof = {
  itemId: string;
  atMs: number;
  before: Standing;
  baseline: number;
  /** k = 1, 3, 5 (as far as the item has explaining events). */
  steps: ProofStep[];
};

export const fidelityCalls = {
  /** Deletion and insertion of each sampled item's top-k explaining events, beside random ones. */
  'fidelity/run': defineCall<FidelityReport>()(
    z
      .object({
        datasetId,
        ...engineOptions,
        /** How many session-start slates to sample. */
        sample: z.number().int().min(1).max(500).default(20),
      })
      .strict(),
  ),
  /** Removes an item's top 1, 3 and 5 explaining events (and keeps only them), replays, compares. */
  'feed/prove': defineCall<Proof>()(
    z
      .object({
        datasetId,
        ...engineOptions,
        /** The feed's moment (as `feed/at`); the last event's time + 1 ms when absent. */
        atMs: z.number().int().optional(),
        k: z.number().int().min(1).max(200).default(20),
        itemId: z.string().min(1),
      })
      .strict(),
  ),
};
