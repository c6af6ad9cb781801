import { deleteDataset, listDatasets, renameDataset } from '../../db/datasets';
import { DEMO_DATASET_ID, restoreDemoDataset } from '../../demo';
import { UserError } from '../define';
import type { datasetsCalls } from '../contract/datasets';
import type { Handlers } from '../router';

export const datasetsHandlers: Pick<Handlers, keyof typeof datasetsCalls> = {
  'datasets/list': (_args, ctx) => listDatasets(ctx.db),
  'datasets/delete': ({ id }, ctx) => {
    const deleted = deleteDataset(ctx.db, id);
    if (deleted) ctx.emit('datasets/changed', { datasetIds: [id] });
    return { deleted };
  },
  'datasets/rename': ({ id, name }, ctx) => {
    const renamed = renameDataset(ctx.db, id, name);
    if (!renamed) throw new UserError('not-found', 'That dataset no longer exists.');
    ctx.emit('datasets/changed', { datasetIds: [id] });
    return { renamed };
  },
  'datasets/restore-demo': (_args, ctx) => {
    const restored = restoreDemoDataset(ctx.db, ctx.fixturesDir, ctx.now());
    if (restored) ctx.emit('datasets/changed', { datasetIds: [DEMO_DATASET_ID] });
    return { restored };
  },
};
