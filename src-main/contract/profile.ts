import { z } from 'zod';
import { DIM_TYPES, type ProfileDelta } from '../engine';
import type { BucketedProfile } from '../engine/profile-buckets';
import type { ActivitySummary, CompletionCheck } from '../domain/types';
import { defineCall } from './define';
import { datasetId } from './datasets';

export type TimelinePoint = {
  atMs: number;
  eventIndex: number;
  /** The event after which the point is taken. */
  eventId: string;
  weights: Record<string, number>;
};
export type ProfileTimeline = {
  datasetId: string;
  /** Which dimension type the timeline follows (topic by default). */
  dimension: (typeof DIM_TYPES)[number];
  /** The strongest dimensions (without their type prefix) at the end of the timeline, strongest first. */
  topics: string[];
  points: TimelinePoint[];
  engineVersion: string;
};

export type ProfileDeltas = {
  datasetId: string;
  total: number;
  offset: number;
  /** Per event: every dimension changed, before and after (at the event's time), and the reason. */
  deltas: ProfileDelta[];
};

/** The profile over a time range in at most `buckets` points, for the zoomable profile chart. */
export type ProfileStream = BucketedProfile & {
  datasetId: string;
  dimension: (typeof DIM_TYPES)[number];
  engineVersion: string;
};

/**
 * What a TikTok export says about itself, for the Profile: its Activity Summary checked against
 * the dataset as it is now (durations added after the import count), and the person's own keyword
 * filters. Empty for datasets that are not exports.
 */
export type ExportSelf = {
  datasetId: string;
  activitySummary: ActivitySummary | null;
  completion: CompletionCheck | null;
  keywordFilters: string[];
};

export const profileCalls = {
  'profile/export': defineCall<ExportSelf>()(z.object({ datasetId }).strict()),
  'profile/timeline': defineCall<ProfileTimeline>()(
    z
      .object({
        datasetId,
        topics: z.number().int().min(1).max(30).default(6),
        points: z.number().int().min(2).max(2000).default(200),
        dimension: z.enum(DIM_TYPES).default('topic'),
        halfLifeDays: z.number().positive().max(3650).optional(),
        inferredFactor: z.number().min(0).max(1).optional(),
        loadedFactor: z.number().min(0).max(1).optional(),
      })
      .strict(),
  ),
  'profile/stream': defineCall<ProfileStream>()(
    z
      .object({
        datasetId,
        topics: z.number().int().min(1).max(30).default(6),
        buckets: z.number().int().min(2).max(2000).default(400),
        fromMs: z.number().int().optional(),
        toMs: z.number().int().optional(),
        dimension: z.enum(DIM_TYPES).default('topic'),
        halfLifeDays: z.number().positive().max(3650).optional(),
        inferredFactor: z.number().min(0).max(1).optional(),
        loadedFactor: z.number().min(0).max(1).optional(),
      })
      .strict()
      .refine((a) => a.fromMs === undefined || a.toMs === undefined || a.fromMs <= a.toMs, {
        message: 'fromMs must not be after toMs',
      }),
  ),
  'profile/deltas': defineCall<ProfileDeltas>()(
    z
      .object({
        datasetId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
        halfLifeDays: z.number().positive().max(3650).optional(),
        inferredFactor: z.number().min(0).max(1).optional(),
        loadedFactor: z.number().min(0).max(1).optional(),
      })
      .strict(),
  ),
};
