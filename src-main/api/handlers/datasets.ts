import { beginWrite, BUSY_TIMEOUT_MS, endWrite } from '../../db/connection';
import { deleteDataset, getDatasetKind, listDatasets, renameDataset } from '../../db/datasets';
import { sessionStarts } from '../../db/profile-series';
import { DEMO_DATASET_ID, restoreDemoDataset } from '../../demo';
import { UserError } from '../../domain/errors';
import type { datasetsCalls } from '../../contract/datasets';
import type { Context, Handlers } from '../router';
import { importsIdle } from './import';

/**
 * Runs a short write behind this app's own imports, then behind another process's writer, without
 * ever blocking the event loop on SQLite's busy handler (docs/RELIABILITY.md, "One database").
 */
async function write<T>(ctx: Context, what: string, change: () => T): Promise<T> {
  await importsIdle(ctx);
  await beginWrite(ctx.db, { what, maxWaitMs: BUSY_TIMEOUT_MS });
  try {
    const result = change();
    endWrite(ctx.db, true);
    return result;
  } catch (error) {
    endWrite(ctx.db, false);
    throw error;
  }
}

export const datasetsHandlers: Pick<Handlers, keyof typeof datasetsCalls> = {
  'datasets/list': (_args, ctx) => listDatasets(ctx.db),
  'datasets/sessions': ({ datasetId }, ctx) => {
    if (getDatasetKind(ctx.db, datasetId) === undefined)
      throw new UserError('not-found', 'That dataset no longer exists.');
    return { datasetId, startsMs: sessionStarts(ctx.db, datasetId) };
  },
  'datasets/delete': async ({ id }, ctx) => {
    const deleted = await write(ctx, `delete of ${id}`, () => deleteDataset(ctx.db, id));
    if (deleted) ctx.emit('datasets/changed', { datasetIds: [id] });
    return { deleted };
  },
  'datasets/rename': async ({ id, name }, ctx) => {
    const renamed = await write(ctx, `rename of ${id}`, () => renameDataset(ctx.db, id, name));
    if (!renamed) throw new UserError('not-found', 'That dataset no longer exists.');
    ctx.emit('datasets/changed', { datasetIds: [id] });
    return { renamed };
  },
  'datasets/restore-demo': async (_args, ctx) => {
    const restored = await write(ctx, 'restore of the demo', () =>
      restoreDemoDataset(ctx.db, ctx.fixturesDir, ctx.now()),
    );
    if (restored) ctx.emit('datasets/changed', { datasetIds: [DEMO_DATASET_ID] });
    return { restored };
  },
};
