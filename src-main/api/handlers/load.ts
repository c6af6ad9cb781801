import { loadCatalogue } from '../../db/catalogue';
import { getDataset, loadEvents } from '../../db/datasets';
import type { DatasetSummary, FeedEvent, Item } from '../../domain/types';
import { UserError } from '../define';
import type { Context } from '../router';

export type DatasetData = { summary: DatasetSummary; items: Item[]; events: FeedEvent[] };

/** How many loaded datasets stay in memory (a heavy user's six months is about 20 MB). */
const KEPT = 2;

/**
 * Reads a whole dataset for the engine, its items enriched from other datasets of the same videos,
 * or fails with a not-found the user can act on. Reading 40,000 events takes about half a second
 * and every screen asks again (each page of the signal log, each step of the moment slider), so
 * the last few datasets stay loaded until any dataset changes (app.ts clears them then).
 */
export function loadDataset(ctx: Context, datasetId: string): DatasetData {
  const kept = ctx.loaded.get(datasetId);
  if (kept) {
    ctx.loaded.delete(datasetId);
    ctx.loaded.set(datasetId, kept);
    return kept;
  }
  const summary = getDataset(ctx.db, datasetId);
  if (!summary) throw new UserError('not-found', `No dataset "${datasetId}".`);
  const data = {
    summary,
    items: loadCatalogue(ctx.db, datasetId),
    events: loadEvents(ctx.db, datasetId),
  };
  ctx.loaded.set(datasetId, data);
  for (const oldest of ctx.loaded.keys()) {
    if (ctx.loaded.size <= KEPT) break;
    ctx.loaded.delete(oldest);
  }
  return data;
}
