// `npm run bench`: runs every suite and prints one JSON object of figures on stdout.
// Suites live in scripts/bench/<domain>.ts; progress goes to stderr so stdout stays JSON.
// `-- --record` appends the heavy user's figure to scripts/bench/history.json; without it, the
// bench exits 1 when that figure's ratio regresses by more than 25 % against the history.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { BenchSuite, Figure } from './bench/figure';
import { appendHistory, readHistory, regression } from './bench/history';

const suites: Record<string, () => Promise<{ run: BenchSuite }>> = {
  engine: () => import('./bench/engine'),
  import: () => import('./bench/import'),
  checkpoints: () => import('./bench/checkpoints'),
  memory: () => import('./bench/memory'),
};

const args = process.argv.slice(2);
const record = args.includes('--record');
const only = args.filter((a) => a !== '--record');
const figures: Record<string, Figure> = {};
for (const [name, load] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const { run } = await load();
  for (const [key, fig] of Object.entries(await run())) figures[`${name}.${key}`] = fig;
}
process.stdout.write(`${JSON.stringify({ node: process.version, figures }, null, 2)}\n`);

const heavy = figures['engine.heavy-user-6-months'];
if (heavy?.ratio != null && heavy.baseline !== null) {
  if (record) {
    appendHistory({
      date: new Date().toISOString(),
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
      seconds: heavy.value / 1000,
      baselineSeconds: heavy.baseline / 1000,
      ratio: heavy.ratio,
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    });
    process.stderr.write('bench: heavy user recorded in scripts/bench/history.json\n');
  } else {
    const failure = regression(heavy.ratio, readHistory());
    if (failure !== null) {
      process.stderr.write(`bench: ${failure}; load average ${loadavg()[0]!.toFixed(2)}\n`);
      process.exitCode = 1;
    }
  }
}
