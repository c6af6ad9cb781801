import type { viewingCalls } from '../../contract/viewing';
import { getViewingOverview } from '../../operations/viewing';
import type { Handlers } from '../handler';

export const viewingHandlers: Pick<Handlers, keyof typeof viewingCalls> = {
  'viewing/overview': ({ datasetId, timeZone }, ctx) =>
    getViewingOverview(ctx, datasetId, timeZone),
};
