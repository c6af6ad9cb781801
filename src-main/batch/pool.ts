// Runs audit tasks on a fixed number of worker threads (node:worker_threads), each taking the next
// task when it finishes one. A thread that dies fails only its current task and is replaced.
import { startWorker } from '../ts-worker';
import type { AuditRecord } from './inputs';
import type { AuditTask } from './audit-one';

export type TaskResult = { ok: true; record: AuditRecord } | { ok: false; error: string };

const WORKER = new URL('./worker.ts', import.meta.url);

export function runOnWorkers(
  tasks: readonly AuditTask[],
  jobs: number,
  onResult: (task: AuditTask, result: TaskResult) => void,
): Promise<void> {
  const queue = [...tasks];
  let running = 0;
  return new Promise((resolve) => {
    const start = (): void => {
      const worker = startWorker(WORKER);
      running++;
      let current: AuditTask | undefined;
      const next = (): void => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on('message', (result: TaskResult) => {
        onResult(current!, result);
        next();
      });
      worker.on('error', (error) => {
        if (current) onResult(current, { ok: false, error: `worker failed: ${error.message}` });
        current = undefined;
      });
      worker.on('exit', () => {
        running--;
        // Died with work left (a crash, not our terminate): a fresh thread carries on.
        if (queue.length > 0) start();
        else if (running === 0) resolve();
      });
      next();
    };
    const threads = Math.min(jobs, queue.length);
    if (threads === 0) resolve();
    for (let i = 0; i < threads; i++) start();
  });
}
