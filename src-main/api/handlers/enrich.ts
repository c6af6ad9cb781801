// TEMPORARY stubs while the enrichment work lands in this session; replaced by the real handlers.
import type { enrichCalls } from '../contract/enrich';
import { UserError } from '../define';
import type { Handlers } from '../router';

const todo = (): never => {
  throw new UserError('internal', 'Metadata enrichment is not built yet.');
};

export const enrichHandlers: Pick<Handlers, keyof typeof enrichCalls> = {
  'enrich/plan': todo,
  'enrich/coverage': todo,
  'enrich/settings': todo,
  'enrich/start': todo,
  'enrich/cancel': todo,
  'enrich/run': todo,
  'enrich/file': todo,
};
