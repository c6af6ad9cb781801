import { loadCatalogue } from '../../db/catalogue';
import { getDataset, loadEvents } from '../../db/datasets';
import type { DatasetSummary, FeedEvent, Item } from '../../domain/types';
import { UserError } from '../define';
import type { Context } from '../router';

export type DatasetData = { summary: DatasetSummary; items: Item[]; events: FeedEvent[] };

/**
 * Reads a whole dataset for the engine, its items enriched from other datasets of the same videos,
 * or fails with a not-found the user can act on.
 */
export function loadDataset(ctx: Context, datasetId: string): DatasetData {
  const summary = getDataset(ctx.db, datasetId);
  if (!summary) throw new UserError('not-found', `No dataset "${datasetId}".`);
  return {
    summary,
    items: loadCatalogue(ctx.db, datasetId),
    events: loadEvents(ctx.db, datasetId),
  };
}
