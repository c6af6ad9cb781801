// Issue 17, item 4: every file a batch audit writes sits under a manifest. Five fixture inputs
// (one of them not a TikTok export) are audited once through the real CLI; then 500 seeded
// single-byte changes, spread over every file of the output, each make `verify OUT` fail naming
// the changed file (in-process, one call per change), and CLI runs check the exit code and the
// message line. Then what a batch must also catch: a file added, a folder gone or swapped, and
// a resumed or sharded run that still verifies.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src-main/engine';
import type { BatchManifest } from '../../src-main/export/batch-manifest';
import type { Manifest } from '../../src-main/export/manifest';
import { verifyExport } from '../../src-main/export/reproduce';
import { describeDiscrepancy, type Discrepancy } from '../../src-main/export/verify';
import { verifyPath } from '../../src-main/export/verify-batch';
import { ROOT } from '../helpers/shell';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
const dir = tempDir('feedlens-batch-verify-');
const input = join(dir, 'donations');
const out = join(dir, 'audit');
const BAD = 'instagram-likes';
const INPUTS: Record<string, string> = {
  'g2.json': 'fixtures/tiktok/g2/user_data.json',
  'g3.json': 'fixtures/tiktok/g3/user_data_tiktok.json',
  'TikTok_Data_1730000000.zip': 'fixtures/tiktok/TikTok_Data_1730000000.zip',
  'txt-2025-nl.zip': 'fixtures/tiktok/txt-2025-nl.zip',
  [`${BAD}.json`]: 'fixtures/tiktok/bad/instagram-likes.json',
};
const DONE = ['TikTok_Data_1730000000', 'g2', 'g3', 'txt-2025-nl'];

/** The real CLI, resolving with its exit code instead of throwing on 1. */
async function feedlens(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/feedlens.js', ...args], {
      cwd: ROOT,
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file under `root`, as a path relative to it, in name order. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(root, name)).isFile())
    .sort();
}

/** Where verify says the discrepancy is, as a path relative to OUT. */
const where = (d: Discrepancy | null) => d && (d.folder ? `${d.folder}/${d.file}` : d.file);

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

beforeAll(async () => {
  mkdirSync(input);
  for (const [name, fixture] of Object.entries(INPUTS))
    copyFileSync(join(ROOT, fixture), join(input, name));
  const audited = await feedlens('audit', '--input', input, '--out', out, '--jobs', '2');
  expect(audited.stdout).toContain('Audited 5 inputs: 4 done now, 0 already done, 1 failed.');
}, 300_000);

describe('a batch output of 5 inputs, one of them bad', () => {
  it('is one verifiable folder per done input, and a batch manifest over the summary', () => {
    expect(readdirSync(out).sort()).toEqual(
      ['manifest.json', 'summary.csv', ...DONE.map((id) => `input=${id}`)].sort(),
    );
    const batch = readJson<BatchManifest>(join(out, 'manifest.json'));
    // docs/batch-manifest.schema.json lists the keys in the order written.
    const schema = readJson<{ required: string[]; properties: Record<string, object> }>(
      join(ROOT, 'docs', 'batch-manifest.schema.json'),
    );
    expect(Object.keys(batch)).toEqual(schema.required);
    expect(Object.keys(schema.properties)).toEqual(schema.required);
    expect(Object.keys(batch.batch)).toEqual(
      (schema.properties.batch as { required: string[] }).required,
    );
    expect(batch.batch).toEqual({ preset: 'tiktok-algo101', seed: 0, shard: null });
    expect(batch.files.map((f) => f.name)).toEqual(['summary.csv']);
    expect(batch.failed).toEqual([
      { input: BAD, error: expect.stringMatching(/^instagram-likes\.json: this is not a TikTok/) },
    ]);
    expect(batch.folders.map((f) => f.name)).toEqual(DONE.map((id) => `input=${id}`));
    for (const folder of batch.folders) {
      const manifest = readJson<Manifest>(join(out, folder.name, 'manifest.json'));
      expect(manifest.manifestSha256).toBe(folder.manifestSha256);
      // The traces, every table, the report and the audit record: each file of the folder.
      expect(manifest.files.map((f) => f.name)).toEqual([
        'traces.jsonl',
        ...['slates', 'items', 'contributions', 'rules', 'profile_deltas'].map(
          (t) => `${t}.parquet`,
        ),
        'report.html',
        'audit.json',
      ]);
      expect(manifest.chain?.head).toMatch(/^[0-9a-f]{64}$/);
      expect(verifyPath(join(out, folder.name))).toEqual({ batch: null, found: null });
    }
    expect(verifyPath(out)).toEqual({ batch: { folders: 4, failed: 1 }, found: null });
  });

  it('makes verify OUT fail and name the file in 500 seeded trials of one changed byte', () => {
    const files = filesUnder(out);
    expect(files).toHaveLength(2 + DONE.length * 9);
    const rng = createRng(20261207);
    const named = new Map<string, number>();
    const started = performance.now();
    for (let trial = 0; trial < 500; trial++) {
      const name = files[Math.floor(rng.next() * files.length)]!;
      const path = join(out, name);
      const original = readFileSync(path);
      const at = Math.floor(rng.next() * original.length);
      const changed = Buffer.from(original);
      changed[at] = (original[at]! + 1 + Math.floor(rng.next() * 255)) % 256;
      writeFileSync(path, changed);
      try {
        expect(where(verifyPath(out).found), `${name} byte ${at}`).toBe(name);
      } finally {
        writeFileSync(path, original);
      }
      named.set(name, (named.get(name) ?? 0) + 1);
    }
    const ms = (performance.now() - started) / 500;
    expect(named.size).toBe(files.length);
    expect(verifyPath(out).found).toBeNull();
    console.log(`500 trials over ${files.length} files: ${ms.toFixed(1)} ms per trial`);
  }, 120_000);

  it('through the CLI: exit 0 and one line when it holds, exit 1 naming folder, file, line and field', async () => {
    const ok = await feedlens('verify', out);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toBe(
      `${out}: every hash holds (the batch's manifest and summary; input folders: 4, each with its trace chain and files; failed inputs listed: 1).\n`,
    );
    const one = await feedlens('verify', join(out, 'input=g2'));
    expect(one.stdout).toBe(
      `${join(out, 'input=g2')}: every hash holds (manifest, trace chain, files).\n`,
    );

    const traces = join(out, 'input=g3', 'traces.jsonl');
    const original = readFileSync(traces);
    const lines = original.toString('utf8').split('\n');
    lines[3] = lines[3]!.replace('"seed":0', '"seed":1');
    writeFileSync(traces, lines.join('\n'));
    try {
      const failed = await feedlens('verify', out);
      expect(failed).toMatchObject({ code: 1, stdout: '' });
      expect(failed.stderr).toBe(
        'feedlens: verify failed: input=g3/traces.jsonl, line 5, field prevSha256: is not the SHA-256 of line 4 (line 4 or this field was changed)\n',
      );
    } finally {
      writeFileSync(traces, original);
    }

    const summary = join(out, 'summary.csv');
    const csv = readFileSync(summary);
    writeFileSync(summary, csv.toString('utf8').replace(',failed,', ',passed,'));
    try {
      expect((await feedlens('verify', out)).stderr).toBe(
        'feedlens: verify failed: summary.csv, field sha256: its SHA-256 is not the one in the manifest: the file was changed\n',
      );
    } finally {
      writeFileSync(summary, csv);
    }
  }, 60_000);

  it('names a file added to OUT (escaped), a folder gone, and a folder swapped for another', () => {
    const odd = join(out, 'notes\u001b[2J.txt');
    writeFileSync(odd, 'x');
    try {
      const found = verifyPath(out).found;
      expect(found).toEqual({
        file: 'notes\u001b[2J.txt',
        problem: 'is not listed in any batch manifest',
      });
      expect(describeDiscrepancy(found!)).toBe(
        'notes\\u001B[2J.txt: is not listed in any batch manifest',
      );
    } finally {
      rmSync(odd);
    }
    const g2 = join(out, 'input=g2');
    const kept = join(dir, 'kept-g2');
    cpSync(g2, kept, { recursive: true });
    try {
      rmSync(g2, { recursive: true });
      expect(verifyPath(out).found).toEqual({ file: 'input=g2', problem: 'missing' });
      // Another input's folder, whole and valid, under this name: its manifest is not the one listed.
      cpSync(join(out, 'input=g3'), g2, { recursive: true });
      expect(verifyPath(out).found).toMatchObject({
        folder: 'input=g2',
        file: 'manifest.json',
        field: 'manifestSha256',
      });
    } finally {
      rmSync(g2, { recursive: true, force: true });
      cpSync(kept, g2, { recursive: true });
    }
    expect(verifyPath(out).found).toBeNull();
  });

  it('with --inputs, replays one input folder from its file; a whole batch it refuses in one line', async () => {
    expect(await verifyExport(join(out, 'input=g2'), join(input, 'g2.json'))).toBeNull();
    expect(await verifyExport(join(out, 'input=g2'), join(input, 'g3.json'))).toMatchObject({
      problem: "its SHA-256 is not the manifest's input: this is not the file that was exported",
    });
    const refused = await feedlens('verify', out, '--inputs', input);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      "feedlens: --inputs repeats one folder's run: give one input's folder (OUT/input=NAME) and that input's file.\n",
    );
  }, 60_000);

  it('resumed, redoes an input whose manifest no longer holds, and the batch verifies again', async () => {
    const manifest = join(out, 'input=g2', 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"seed": 0', '"seed": 1'));
    expect(where(verifyPath(out).found)).toBe('input=g2/manifest.json');
    const again = await feedlens('audit', '--input', input, '--out', out, '--jobs', '1');
    expect(again.stdout).toContain('Audited 5 inputs: 1 done now, 3 already done, 1 failed.');
    expect(verifyPath(out)).toEqual({ batch: { folders: 4, failed: 1 }, found: null });
  }, 120_000);
});

describe('a sharded batch', () => {
  it('writes one manifest per shard beside its summary, and verify OUT checks them all', async () => {
    const sharded = join(dir, 'sharded');
    for (const k of [0, 1])
      expect(
        (
          await feedlens(
            'audit',
            '--input',
            input,
            '--out',
            sharded,
            '--shard',
            `${k}/2`,
            '--jobs',
            '1',
          )
        ).code,
      ).toBe(0);
    const names = readdirSync(sharded);
    expect(names.filter((n) => !n.startsWith('input=')).sort()).toEqual([
      'manifest-0-of-2.json',
      'manifest-1-of-2.json',
      'summary-0-of-2.csv',
      'summary-1-of-2.csv',
    ]);
    expect(verifyPath(sharded)).toEqual({ batch: { folders: 4, failed: 1 }, found: null });
    rmSync(join(sharded, 'manifest-1-of-2.json'));
    // Shard 1's folders and summary are now listed by no manifest: the first in name order is named.
    expect(verifyPath(sharded).found).toEqual({
      file: expect.stringMatching(/^(input=|summary-1-of-2\.csv$)/),
      problem: 'is not listed in any batch manifest',
    });
  }, 240_000);
});
