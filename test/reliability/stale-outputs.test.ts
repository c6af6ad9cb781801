// Issue #20, item 6: a killed export, replay or audit leaves its hidden `.NAME.<pid>-….tmp` output
// and its `feedlens-<pid>-…` folder in the temp folder; the next run writing there removes them,
// and a killed audit's input folder is never visible as `input=<id>` until complete.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRealExport } from '../../scripts/make-real-export';
import { ROOT } from '../helpers/shell';
import { tempDir } from '../helpers/temp';
import { writeG3Export } from '../import/generate-export';
import { importPath, testApp } from '../import/helpers';

const BIN = join(ROOT, 'bin', 'feedlens.js');
const dir = tempDir('feedlens-stale-outputs-');
const db = join(dir, 'feedlens.db');
// The CLI's own temp folder, so the test never looks at (or clears) the machine's /tmp.
const TMP = join(dir, 'tmp');
let datasetId = '';

beforeAll(async () => {
  mkdirSync(TMP);
  const file = join(dir, 'user_data_tiktok.json');
  await writeG3Export(file, 60_000);
  const app = testApp(db);
  try {
    datasetId = (await importPath(app, file)).datasetId;
  } finally {
    app.close();
  }
}, 300_000);

/** Runs the CLI; with `killOn`, SIGKILLs it as soon as a matching name appears in `watched`. */
function feedlens(args: string[], killOn?: { watched: string; name: RegExp }) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: TMP },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const watcher = killOn
    ? watch(killOn.watched, (_event, name) => {
        if (name !== null && killOn.name.test(name)) child.kill('SIGKILL');
      })
    : null;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; pid: number }>(
    (resolve, reject) =>
      child.on('exit', (code, signal) => {
        watcher?.close();
        if (!killOn && code !== 0) reject(new Error(`feedlens ${args[0]} failed:\n${stderr}`));
        else resolve({ code, signal, pid: child.pid! });
      }),
  );
}

const stale = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));
const tempOf = (pid: number) => readdirSync(TMP).filter((n) => n.startsWith(`feedlens-${pid}-`));

describe('a killed run, run again', () => {
  it('export: the half-written hidden folder is gone after the next export there', async () => {
    const parent = join(dir, 'exports');
    mkdirSync(parent);
    const args = ['export', '--db', db, '--dataset', datasetId, '--out', join(parent, 'run')];
    const killed = await feedlens(args, { watched: parent, name: /^\.run\.\d+-.*\.tmp$/ });
    expect(killed.signal).toBe('SIGKILL');
    expect(stale(parent)).toHaveLength(1); // the kill landed mid-write
    await feedlens(args);
    expect(readdirSync(parent)).toEqual(['run']);
    expect(tempOf(killed.pid)).toEqual([]);
  }, 120_000);

  it('replay --out: the half-written hidden file is gone after the next replay there', async () => {
    const parent = join(dir, 'replays');
    mkdirSync(parent);
    const args = ['replay', '--db', db, '--dataset', datasetId, '--out', join(parent, 't.jsonl')];
    const killed = await feedlens(args, { watched: parent, name: /^\.t\.jsonl\.\d+-.*\.tmp$/ });
    expect(killed.signal).toBe('SIGKILL');
    expect(stale(parent)).toHaveLength(1);
    await feedlens(args);
    expect(readdirSync(parent)).toEqual(['t.jsonl']);
    expect(tempOf(killed.pid)).toEqual([]);
  }, 120_000);

  it('audit: no half input=<id> folder while killed, nothing stale after the next run', async () => {
    const input = join(dir, 'donations');
    const out = join(dir, 'audit');
    mkdirSync(input);
    mkdirSync(out);
    writeFileSync(join(input, 'donor-01.json'), JSON.stringify(makeRealExport(1001).exportJson));
    const args = ['audit', '--input', input, '--out', out, '--jobs', '1'];
    const killed = await feedlens(args, { watched: out, name: /^\.input=donor-01\.\d+-.*\.tmp$/ });
    expect(killed.signal).toBe('SIGKILL');
    expect(stale(out)).toHaveLength(1);
    expect(readdirSync(out).filter((n) => n.startsWith('input='))).toEqual([]);
    expect(tempOf(killed.pid).some((n) => n.startsWith(`feedlens-${killed.pid}-audit-`))).toBe(
      true,
    );
    await feedlens(args);
    expect(stale(out)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.startsWith('input='))).toEqual(['input=donor-01']);
    expect(tempOf(killed.pid)).toEqual([]);
  }, 180_000);
});
