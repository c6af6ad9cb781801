// A batch worker thread: audits the inputs the pool sends, one at a time, and answers each with
// its record or a one-line error. A bad input fails alone; the thread takes the next one.
import { parentPort } from 'node:worker_threads';
import { UserError } from '../domain/errors';
import { asUserError } from '../db/connection';
import { auditInput, type AuditTask } from './audit-one';
import type { TaskResult } from './pool';

const port = parentPort!;
port.on('message', (task: AuditTask) => {
  auditInput(task, () => performance.now()).then(
    (record) => port.postMessage({ ok: true, record } satisfies TaskResult),
    (error: unknown) => port.postMessage({ ok: false, error: oneLine(error) } satisfies TaskResult),
  );
});

/** The user-facing sentence, as the CLI prints it: never a stack. */
function oneLine(error: unknown): string {
  const known = error instanceof UserError ? error : asUserError(error);
  const text = known ? known.message : `unexpected error: ${(error as Error)?.message ?? error}`;
  return text.split('\n')[0]!;
}
