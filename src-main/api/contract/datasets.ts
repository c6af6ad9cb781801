import { z } from 'zod';
import type { DatasetSummary } from '../../domain/types';
import { defineCall } from '../define';

export const datasetId = z.string().min(1).max(200);

export const datasetsCalls = {
  'datasets/list': defineCall<DatasetSummary[]>()(z.object({}).strict()),
  'datasets/delete': defineCall<{ deleted: boolean }>()(z.object({ id: datasetId }).strict()),
};
