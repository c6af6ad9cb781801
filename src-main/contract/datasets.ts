import { z } from 'zod';
import type { DatasetSummary } from '../domain/types';
import { defineCall } from './define';

export const datasetId = z.string().min(1).max(200);

export const datasetsCalls = {
  'datasets/list': defineCall<DatasetSummary[]>()(z.object({}).strict()),
  'datasets/delete': defineCall<{ deleted: boolean }>()(z.object({ id: datasetId }).strict()),
  'datasets/rename': defineCall<{ renamed: boolean }>()(
    z.object({ id: datasetId, name: z.string().trim().min(1).max(200) }).strict(),
  ),
  /** When each session starts (epoch ms, in time order): the Feed's moments, read without a replay. */
  'datasets/sessions': defineCall<{ datasetId: string; startsMs: number[] }>()(
    z.object({ datasetId }).strict(),
  ),
  /** Loads the bundled demo again after it was deleted; `restored: false` when it is there. */
  'datasets/restore-demo': defineCall<{ restored: boolean }>()(z.object({}).strict()),
};
