import type { fidelityCalls } from '../../contract/fidelity';
import { fidelityReport, proveItem } from '../../operations/fidelity';
import type { Handlers } from '../handler';

export const fidelityHandlers: Pick<Handlers, keyof typeof fidelityCalls> = {
  'fidelity/run': (args, ctx) => fidelityReport(ctx, args),
  'feed/prove': (args, ctx) => proveItem(ctx, args),
};
