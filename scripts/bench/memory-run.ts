// One memory measurement in a process of its own (scripts/bench/memory.ts starts it), so the peak
// RSS the kernel reports (getrusage's maxRSS) is this run's alone, not the export generator's or
// an earlier run's. Prints one JSON line on stdout.
//   memory-run.ts import FILE DB       `feedlens import`: the import, then its profile series
//   memory-run.ts replay DB DATASET    `feedlens replay --out`: traces at each session start
import { rmSync } from 'node:fs';
import { contract } from '../../src-main/contract';
import { exportTraces } from '../../src-main/export/traces';
import { openContext } from '../../src-main/operations/context';
import { importNow } from '../../src-main/operations/import';

export type MemoryRun = {
  datasetId: string;
  events: number;
  ms: number;
  /** RSS once the modules are loaded and the database open, before the run. */
  startRssMb: number;
  peakRssMb: number;
  /** Each progress phase with the peak RSS reached by its end and the heap at its end. */
  phases: { label: string; peakRssMb: number; heapUsedMb: number; externalMb: number }[];
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const phases: MemoryRun['phases'] = [];
const endPhase = (label: string) => {
  const m = process.memoryUsage();
  phases.push({
    label,
    peakRssMb: maxRssMb(),
    heapUsedMb: mb(m.heapUsed),
    externalMb: mb(m.external),
  });
};

const [mode, first, second] = process.argv.slice(2);
const open = openContext({
  shell: 'cli',
  db: mode === 'import' ? second : first,
  withoutDemo: true,
  printPdf: () => Promise.reject(new Error('no PDF in the bench')),
});
const startRssMb = mb(process.memoryUsage().rss);
let label = 'start';
open.on('job/progress', (p) => {
  if (p.label === label) return;
  endPhase(label);
  label = p.label;
});
const start = performance.now();
let events: number;
let datasetId = second!;
if (mode === 'import') {
  const summary = await importNow(open.ctx, { path: first!, sessionGapMinutes: 10 });
  events = summary.eventCount;
  datasetId = summary.datasetId;
} else if (mode === 'replay') {
  const out = `${first}.traces.jsonl`;
  const run = await exportTraces(
    open.ctx,
    contract['replay/run'].args.parse({ datasetId: second, seed: 0 }),
    out,
  );
  rmSync(out);
  events = run.events;
} else throw new Error(`memory-run: unknown mode ${mode}`);
const ms = performance.now() - start;
endPhase(label);
open.close();
const result: MemoryRun = { datasetId, events, ms, startRssMb, peakRssMb: maxRssMb(), phases };
process.stdout.write(`${JSON.stringify(result)}\n`);
