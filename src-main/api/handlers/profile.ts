import type { profileCalls } from '../../contract/profile';
import {
  exportSelf,
  profileDeltas,
  profileStream,
  profileTimeline,
} from '../../operations/profile';
import type { Handlers } from '../handler';

export const profileHandlers: Pick<Handlers, keyof typeof profileCalls> = {
  'profile/export': ({ datasetId }, ctx) => exportSelf(ctx, datasetId),
  'profile/timeline': (args, ctx) => profileTimeline(ctx, args),
  'profile/stream': (args, ctx) => profileStream(ctx, args),
  'profile/deltas': (args, ctx) => profileDeltas(ctx, args),
};
