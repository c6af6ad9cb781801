import type { datasetsCalls } from '../../contract/datasets';
import { listDatasets } from '../../db/datasets';
import {
  deleteDatasetNow,
  renameDatasetNow,
  restoreDemo,
  sessionStartTimes,
} from '../../operations/datasets';
import type { Handlers } from '../handler';

export const datasetsHandlers: Pick<Handlers, keyof typeof datasetsCalls> = {
  'datasets/list': (_args, ctx) => listDatasets(ctx.db),
  'datasets/sessions': ({ datasetId }, ctx) => sessionStartTimes(ctx, datasetId),
  'datasets/delete': ({ id }, ctx) => deleteDatasetNow(ctx, id),
  'datasets/rename': ({ id, name }, ctx) => renameDatasetNow(ctx, id, name),
  'datasets/restore-demo': (_args, ctx) => restoreDemo(ctx),
};
