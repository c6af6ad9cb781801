import type { feedCalls } from '../../contract/feed';
import { feedAgreement, feedAt } from '../../operations/feed';
import type { Handlers } from '../handler';

export const feedHandlers: Pick<Handlers, keyof typeof feedCalls> = {
  'feed/at': (args, ctx) => feedAt(ctx, args),
  'feed/agreement': (args, ctx) => feedAgreement(ctx, args),
};
