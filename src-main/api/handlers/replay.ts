import type { replayCalls } from '../../contract/replay';
import { replayRun, whatIfAnswer } from '../../operations/replay';
import type { Handlers } from '../handler';

export const replayHandlers: Pick<Handlers, keyof typeof replayCalls> = {
  'replay/run': (args, ctx) => replayRun(ctx, args),
  'replay/counterfactual': (args, ctx) => whatIfAnswer(ctx, args),
};
