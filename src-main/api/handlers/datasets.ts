import { deleteDataset, listDatasets } from '../../db/datasets';
import type { datasetsCalls } from '../contract/datasets';
import type { Handlers } from '../router';

export const datasetsHandlers: Pick<Handlers, keyof typeof datasetsCalls> = {
  'datasets/list': (_args, ctx) => listDatasets(ctx.db),
  'datasets/delete': ({ id }, ctx) => {
    const deleted = deleteDataset(ctx.db, id);
    if (deleted) ctx.emit('datasets/changed', { datasetIds: [id] });
    return { deleted };
  },
};
