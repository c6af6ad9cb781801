// `feedlens export` and `feedlens verify` through the real CLI in child processes: two separate
// processes give byte-identical folders, verify's exit codes and its one-line discrepancy.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { tempDir } from '../helpers/temp';

const dir = tempDir();

/** Runs the CLI in a child process without blocking, so two can run at once. */
function feedlensAsync(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/feedlens.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

const exportArgs = (name: string) => [
  'export',
  '--db',
  join(dir, `${name}.db`),
  '--dataset',
  'demo',
  '--seed',
  '7',
  '--out',
  join(dir, name),
];

describe('feedlens export and verify', () => {
  it('two separate processes write byte-identical folders; verify exits 0, then 1 naming the file', async () => {
    const [a, b] = await Promise.all([
      feedlensAsync(exportArgs('a')),
      feedlensAsync(exportArgs('b')),
    ]);
    expect(a).toMatchObject({ code: 0 });
    expect(b).toMatchObject({ code: 0 });
    const files = readdirSync(join(dir, 'a')).sort();
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(files);
    expect(files).toContain('traces.jsonl');
    for (const f of files)
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);

    const ok = runFeedlens(['verify', join(dir, 'a'), '--inputs', 'fixtures']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/every hash holds, and a replay of the inputs gives the same bytes/);

    const items = join(dir, 'b', 'items.csv');
    const lines = readFileSync(items, 'utf8').split('\n');
    // Same length: the size still matches, only the hash can tell.
    lines[5] = lines[5]!.replace(/,(exploit|explore),/, (_, s: string) =>
      s === 'exploit' ? ',explore,' : ',exploit,',
    );
    writeFileSync(items, lines.join('\n'));
    const bad = runFeedlens(['verify', join(dir, 'b')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'feedlens: verify failed: items.csv, field sha256: its SHA-256 is not the one in the manifest: the file was changed',
    );
    // Given the inputs, verify replays and says where: line and column.
    const located = runFeedlens(['verify', join(dir, 'b'), '--inputs', 'fixtures']);
    expect(located.code).toBe(1);
    expect(located.stderr.trim()).toBe(
      'feedlens: verify failed: items.csv, line 6, field slot: differs from a fresh replay of the inputs',
    );
  }, 120_000);

  it('--dry-run writes nothing and shows counts, fields and one example record', () => {
    const run = runFeedlens([...exportArgs('dry'), '--dry-run', '--drop-text', '--coarsen', 'day']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir)).not.toContain('dry');
    expect(run.stdout).toMatch(/^Nothing was written\./);
    expect(run.stdout).toMatch(/15 slates \(one trace each\) from 461 events/);
    expect(run.stdout).toMatch(/profile_deltas: event_index, event_id, at, at_ms/);
    expect(run.stdout).toMatch(/"at": "2026-03-01T00:00:00.000Z"/);
  });

  it('says in one line what is wrong with the arguments', () => {
    const bad = runFeedlens([
      'export',
      '--dataset',
      'demo',
      '--out',
      join(dir, 'x'),
      '--formats',
      'csv,xls',
    ]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr.trim()).toBe(
      'feedlens: --formats takes a list from jsonl,csv,sqlite,parquet, not "xls".',
    );
    const missing = runFeedlens(['verify', join(dir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'feedlens: verify failed: manifest.json: missing: this is not an export folder, an audit input folder or a batch output',
    );
  });
});
