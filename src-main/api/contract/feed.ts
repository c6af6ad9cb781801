import { z } from 'zod';
import type { Item } from '../../domain/types';
import { defineCall } from '../define';
import { datasetId } from './datasets';

export type FeedEntry = {
  item: Item;
  rank: number;
  score: number;
  baseline: number;
  /** Signed feature contributions; they sum to score − baseline. */
  contributions: { feature: string; value: number }[];
};

export type Feed = {
  datasetId: string;
  atMs: number;
  engineVersion: string;
  entries: FeedEntry[];
};

export const feedCalls = {
  'feed/at': defineCall<Feed>()(
    z
      .object({
        datasetId,
        /** Epoch ms; defaults to just after the dataset's last event. */
        atMs: z.number().int().optional(),
        k: z.number().int().min(1).max(200).default(20),
      })
      .strict(),
  ),
};
