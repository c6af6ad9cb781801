import type { importCalls } from '../../contract/import';
import { cancelImport, importNow, importUsers, startImport } from '../../operations/import';
import type { Handlers } from '../handler';

export const importHandlers: Pick<Handlers, keyof typeof importCalls> = {
  'import/start': (args, ctx) => startImport(ctx, args),
  'import/cancel': ({ jobId }) => cancelImport(jobId),
  'import/run': (args, ctx) => importNow(ctx, args),
  'import/users': ({ path }, ctx) => importUsers(ctx, path),
};
