import type { importCalls } from '../../contract/import';
import {
  cancelImport,
  importNow,
  importStatus,
  importUsers,
  startImport,
} from '../../operations/import';
import type { Handlers } from '../handler';

export const importHandlers: Pick<Handlers, keyof typeof importCalls> = {
  'import/start': (args, ctx) => startImport(ctx, args),
  'import/cancel': ({ jobId }) => cancelImport(jobId),
  'import/status': ({ jobId }, ctx) => importStatus(ctx, jobId),
  'import/run': (args, ctx) => importNow(ctx, args),
  'import/users': ({ path }, ctx) => importUsers(ctx, path),
};
