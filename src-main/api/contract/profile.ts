import { z } from 'zod';
import { defineCall } from '../define';
import { datasetId } from './datasets';

export type TimelinePoint = { atMs: number; eventIndex: number; weights: Record<string, number> };
export type ProfileTimeline = {
  datasetId: string;
  /** The strongest topics at the end of the timeline, strongest first. */
  topics: string[];
  points: TimelinePoint[];
};

export const profileCalls = {
  'profile/timeline': defineCall<ProfileTimeline>()(
    z
      .object({
        datasetId,
        topics: z.number().int().min(1).max(30).default(6),
        points: z.number().int().min(2).max(2000).default(200),
      })
      .strict(),
  ),
};
