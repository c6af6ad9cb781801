// Renaming, deleting and restoring datasets: short writes that wait behind this app's imports,
// then behind another process's writer, and tell every screen what changed.
import { beginWrite, BUSY_TIMEOUT_MS, endWrite } from '../db/connection';
import { deleteDataset, getDatasetKind, renameDataset } from '../db/datasets';
import { sessionStarts } from '../db/profile-series';
import { DEMO_DATASET_ID, restoreDemoDataset } from '../demo';
import { UserError } from '../domain/errors';
import type { Context } from './context';
import { queueIdle } from './jobs';

/**
 * Runs a short write behind this app's own imports, then behind another process's writer, without
 * ever blocking the event loop on SQLite's busy handler (docs/RELIABILITY.md, "One database").
 */
async function write<T>(ctx: Context, what: string, change: () => T): Promise<T> {
  await queueIdle(ctx, 'import');
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

export async function deleteDatasetNow(ctx: Context, id: string): Promise<{ deleted: boolean }> {
  const deleted = await write(ctx, `delete of ${id}`, () => deleteDataset(ctx.db, id));
  if (deleted) ctx.emit('datasets/changed', { datasetIds: [id] });
  return { deleted };
}

export async function renameDatasetNow(
  ctx: Context,
  id: string,
  name: string,
): Promise<{ renamed: boolean }> {
  const renamed = await write(ctx, `rename of ${id}`, () => renameDataset(ctx.db, id, name));
  if (!renamed) throw new UserError('not-found', 'That dataset no longer exists.');
  ctx.emit('datasets/changed', { datasetIds: [id] });
  return { renamed };
}

export async function restoreDemo(ctx: Context): Promise<{ restored: boolean }> {
  const restored = await write(ctx, 'restore of the demo', () =>
    restoreDemoDataset(ctx.db, ctx.fixturesDir, ctx.now()),
  );
  if (restored) ctx.emit('datasets/changed', { datasetIds: [DEMO_DATASET_ID] });
  return { restored };
}

/** When each of a dataset's sessions started, as stored at import: the moment slider's stops. */
export function sessionStartTimes(
  ctx: Context,
  datasetId: string,
): { datasetId: string; startsMs: number[] } {
  if (getDatasetKind(ctx.db, datasetId) === undefined)
    throw new UserError('not-found', 'That dataset no longer exists.');
  return { datasetId, startsMs: sessionStarts(ctx.db, datasetId) };
}
