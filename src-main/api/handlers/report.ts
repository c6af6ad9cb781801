// The audit report through the API (the Audit screen): the same code as `feedlens report`.
import type { reportCalls } from '../../contract/report';
import { writeReportFiles } from '../../report/write';
import type { Handlers } from '../handler';

export const reportHandlers: Pick<Handlers, keyof typeof reportCalls> = {
  'report/write': (args, ctx) => writeReportFiles(ctx, args),
};
