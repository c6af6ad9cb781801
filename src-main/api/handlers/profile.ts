import type { profileCalls } from '../../contract/profile';
import {
  namedEvents,
  profileDeltas,
  profileStream,
  profileTimeline,
} from '../../operations/profile';
import type { Handlers } from '../router';

export const profileHandlers: Pick<Handlers, keyof typeof profileCalls> = {
  'profile/events': (args, ctx) => namedEvents(ctx, args),
  'profile/timeline': (args, ctx) => profileTimeline(ctx, args),
  'profile/stream': (args, ctx) => profileStream(ctx, args),
  'profile/deltas': (args, ctx) => profileDeltas(ctx, args),
};
