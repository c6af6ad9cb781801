// Peak memory per event (issue #20): a generated G3 export of 1,000,000 and of 2,000,000 watch
// entries imported as `feedlens import` does (the import, then its profile series), then replayed
// as `feedlens replay --out` does (a trace at each session start). Each run is a process of its
// own (memory-run.ts), so its peak RSS is its own. Target: at most half of the figures before
// issue #20 (docs/PERFORMANCE.md, "Memory per event": 1M measured with these runs on 2eca7fa, 2M
// as the issue measured it).
// `FEEDLENS_BENCH_MEMORY_SIZES=1000000` runs one size; 2M takes about twice as long as 1M.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeG3Export } from '../../test/import/generate-export';
import { figure, type BenchSuite, type Figure } from './figure';
import type { MemoryRun } from './memory-run';

/** KB of peak RSS per event before issue #20 (docs/PERFORMANCE.md, "Memory per event"). */
const BEFORE: Record<string, number> = {
  'import-1m': 2.01, // 1,997 MB for 1,019,009 events
  'import-2m': 1.59, // 3.18 GB for 2,038,055 events
  'replay-1m': 1.16, // 1,154 MB for 1,019,009 events
  'replay-2m': 1.31, // 2.60 GB for 2,038,055 events
};

const RUNNER = fileURLToPath(new URL('./memory-run.ts', import.meta.url));

function measure(args: string[]): MemoryRun {
  const out = execFileSync(process.execPath, ['--import', 'tsx', RUNNER, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as MemoryRun;
}

function perEvent(name: string, run: MemoryRun): Figure {
  const kbPerEvent = (run.peakRssMb * 1024) / run.events;
  const before = BEFORE[name];
  const target =
    before === undefined
      ? 'none (no figure before)'
      : `≤ ${before / 2} KB/event (half of ${before})`;
  return figure(kbPerEvent, 'KB/event', null, target, {
    events: run.events,
    peakRssMb: run.peakRssMb,
    startRssMb: run.startRssMb,
    seconds: Math.round(run.ms / 100) / 10,
    ...(before === undefined ? {} : { halved: kbPerEvent <= before / 2 ? 'yes' : 'no' }),
    phases: run.phases.map((p) => `${p.label} ${p.peakRssMb} MB`).join(', '),
  });
}

/** 1000000 → "1m", 2000 → "2k". */
const sizeTag = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);

export const run: BenchSuite = async () => {
  const figures: Record<string, Figure> = {};
  const sizes = (process.env.FEEDLENS_BENCH_MEMORY_SIZES ?? '1000000,2000000').split(',');
  for (const size of sizes.map(Number)) {
    const dir = mkdtempSync(join(tmpdir(), 'feedlens-bench-memory-'));
    try {
      const file = join(dir, 'user_data_tiktok.json');
      const db = join(dir, 'feedlens.db');
      await writeG3Export(file, size);
      const tag = sizeTag(size);
      const imported = measure(['import', file, db]);
      figures[`import-${tag}`] = perEvent(`import-${tag}`, imported);
      rmSync(file);
      figures[`replay-${tag}`] = perEvent(
        `replay-${tag}`,
        measure(['replay', db, imported.datasetId]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
};
