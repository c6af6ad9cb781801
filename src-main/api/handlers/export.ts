// Audit exports through the API (the Audit screen): the same code as `feedlens export`.
import type { exportCalls } from '../../contract/export';
import { exportAudit, previewAudit } from '../../export/audit';
import type { Handlers } from '../handler';

export const exportHandlers: Pick<Handlers, keyof typeof exportCalls> = {
  'export/preview': (args, ctx) => previewAudit(ctx, args),
  'export/run': (args, ctx) => exportAudit(ctx, args),
};
