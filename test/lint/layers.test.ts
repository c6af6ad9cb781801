// The layer rules (.dependency-cruiser.js, `npm run layers`): each rule fires on the fixture file
// named after it in test/lint/bad-layers/, nothing else there is reported, and the real tree
// passes. Runs the same command line as `npm run layers`, on each folder in turn.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const depcruise = fileURLToPath(
  new URL('../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url),
);

type Violation = { rule: { name: string }; from: string; to: string };

/** Every violation of the layer rules in `cwd`'s src-main/ and src-renderer/, as "rule from → to". */
function violations(cwd: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      depcruise,
      '--config',
      `${root}.dependency-cruiser.js`,
      '--output-type',
      'json',
      'src-main',
      'src-renderer',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name} ${v.from} → ${v.to}`).sort();
}

describe('layer rules', () => {
  it('fire on an upward import, a package in the engine, the renderer reaching past the contract, and cycles', () => {
    expect(violations(fileURLToPath(new URL('./bad-layers', import.meta.url)))).toEqual([
      'no-circular src-main/lab/circular-a.ts → src-main/lab/circular-b.ts',
      'no-folder-cycle src-main/enrich → src-main/import',
      'no-folder-cycle src-main/import → src-main/enrich',
      'no-unresolved src-main/api/no-unresolved.js → ./missing.js',
      'pure-imports-no-package src-main/engine/pure-imports-no-package.ts → fs',
      'renderer-no-main-packages src-renderer/renderer-no-main-packages.ts → ../../../node_modules/better-sqlite3/lib/index.js',
      'renderer-runs-in-a-browser src-renderer/renderer-runs-in-a-browser.ts → path',
      'renderer-through-contract src-renderer/renderer-through-contract.ts → src-main/db/store.ts',
      'upward-from-engine src-main/engine/upward-from-engine.ts → src-main/db/store.ts',
      'upward-from-outputs src-main/export/upward-from-outputs.ts → src-main/api/router.ts',
    ]);
  }, 60_000);

  it('pass on the real tree', () => {
    expect(violations(root)).toEqual([]);
  }, 60_000);
});
