// Starts a worker thread (node:worker_threads) on one of our modules. Worker threads do not
// inherit the main thread's TypeScript loader (bin/feedlens.js and vitest register theirs there),
// so a thread started on a `.ts` file registers tsx before importing it; a bundled `.js` file
// (the Electron build, scripts/build-electron.ts) starts as it is.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
