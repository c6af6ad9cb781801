// `npm run bench`: runs every suite and prints one JSON object of figures on stdout.
// Suites live in scripts/bench/<domain>.ts; progress goes to stderr so stdout stays JSON.
import type { BenchSuite, Figure } from './bench/figure';

const suites: Record<string, () => Promise<{ run: BenchSuite }>> = {
  engine: () => import('./bench/engine'),
  import: () => import('./bench/import'),
};

const only = process.argv.slice(2);
const figures: Record<string, Figure> = {};
for (const [name, load] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const { run } = await load();
  for (const [key, fig] of Object.entries(await run())) figures[`${name}.${key}`] = fig;
}
process.stdout.write(`${JSON.stringify({ node: process.version, figures }, null, 2)}\n`);
