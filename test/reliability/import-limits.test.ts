// Issue #11: import limits are checked while reading, before memory grows (MAX_EVENTS as each
// event is read, MAX_TOTAL_BYTES on the file's size before a byte is hashed), an unreadable
// subfolder is one line, and a capture's oversized caption is cut with a note. Each failure leaves
// the database as it was.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { runImport } from '../../src-main/import/pipeline';
import { MAX_FIELD_BYTES, MAX_TOTAL_BYTES } from '../../src-main/import/limits';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from '../import/generate-export';
import { dbDigest, importPath, testApp, TIKTOK } from '../import/helpers';

const dir = tempDir();
const dbPath = tempDbPath();
let app: App;

beforeAll(async () => {
  app = testApp(dbPath);
  // Not an empty database: "unchanged" must mean a dataset survived, not that nothing was there.
  await importPath(app, join(TIKTOK, 'g2/user_data.json'));
});

/** What the user sees of the database: every row's digest and the datasets list. */
async function snapshot() {
  return { ...dbDigest(app.db), datasets: unwrap(await app.router.invoke('datasets/list', {})) };
}

/** runImport as import/run calls it, with MAX_EVENTS lowered to `maxEvents`. */
function importCapped(path: string, maxEvents: number) {
  return runImport(app.db, dbPath, {
    path,
    sessionGapMinutes: 10,
    nowMs: FIXED_NOW,
    signal: new AbortController().signal,
    onProgress: () => undefined,
    maxEvents,
  });
}

describe('MAX_EVENTS', () => {
  it('fails at the first event over the cap, long before the end of the file', async () => {
    const file = join(dir, 'export.json');
    await writeG3Export(file, 200_000);
    const size = statSync(file).size;
    const before = await snapshot();
    const error = (await importCapped(file, 10_000).catch((e: unknown) => e)) as Error;
    // Line 1 opens the list; watch entry k is on line k + 1, so the 10,001st is on line 10,002.
    const m =
      /^export\.json: holds more than 10,000 events, the most one import takes \(line 10002, byte (\d+)\)\.$/.exec(
        error.message,
      );
    expect(m, error.message).not.toBeNull();
    // The reader stopped where the cap was passed: about 5% into the file, not after it.
    expect(Number(m![1])).toBeLessThan(size / 10);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('counts every file of one import together', async () => {
    const folder = join(dir, 'logs');
    mkdirSync(folder);
    const rows = (user: string) =>
      Array.from(
        { length: 6_000 },
        (_, i) =>
          `{"time":"${new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString()}","kind":"search","user":"${user}","target_type":"query","target":"q${i}"}\n`,
      ).join('');
    writeFileSync(join(folder, 'a.jsonl'), rows('u1'));
    writeFileSync(join(folder, 'b.jsonl'), rows('u1'));
    const before = await snapshot();
    await expect(importCapped(folder, 10_000)).rejects.toThrow(
      /^logs\/b\.jsonl: holds more than 10,000 events, the most one import takes \(line 4001\)\.$/,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('MAX_TOTAL_BYTES', () => {
  it('refuses a single file over 2 GB at once, from its size, without reading it', async () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '{"Activity":{');
    truncateSync(file, MAX_TOTAL_BYTES + 1); // sparse: no disk used, nothing worth hashing
    const before = await snapshot();
    const started = performance.now();
    const result = await app.router.invoke('import/run', { path: file });
    // Hashing 2 GB takes seconds; a stat takes microseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: 'huge.json: the file holds more than 2 GB, the most one import reads.',
      },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the longest line', () => {
  it('refuses a line over 64 MB while reading it, before it is whole', async () => {
    const file = join(dir, 'long-line.jsonl');
    const row = (target: string) =>
      `{"time":"2025-01-01T00:00:00Z","kind":"search","target_type":"query","target":"${target}"}\n`;
    // A short first line, so the file is detected as an event log by its head.
    writeFileSync(file, row('ok') + row('x'.repeat(65 << 20)));
    const before = await snapshot();
    expect(await app.router.invoke('import/run', { path: file })).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message:
          'long-line.jsonl: line 2 is longer than 64 MB; this is not a text file we can read.',
      },
    });
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});

describe('an unreadable subfolder', () => {
  it('is named in one line by the CLI, exit 1, no stack trace', async () => {
    const root = tempDir();
    const folder = join(root, 'export');
    mkdirSync(join(folder, 'Activity'), { recursive: true });
    writeFileSync(join(folder, 'Like List.txt'), 'Date: 2024-11-02 10:00:00\nLink: x\n');
    chmodSync(join(folder, 'Activity'), 0o000);
    const db = join(root, 'feedlens.db');
    // chmod 000 does not stop root, so as root the CLI runs as `nobody`, whom it does stop.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) chmodSync(root, 0o777);
    const result = spawnSync('node', ['bin/feedlens.js', 'import', folder, '--db', db], {
      cwd: ROOT,
      env: { ...process.env, CI: '1' },
      encoding: 'utf8',
      timeout: 60_000,
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(join(folder, 'Activity'), 0o755); // so the temp folder can be removed
    expect(result.stderr).toBe(
      'feedlens: export/Activity: cannot be read (permission denied); fix its permissions or leave it out of the import.\n',
    );
    expect(result.status).toBe(1);
  }, 60_000);
});

describe('a caption over the 1 MB string cap in a capture', () => {
  it('is cut to its first 1 MB at a character boundary, with a note, never stored whole', async () => {
    const capture = (id: string, desc: string, at: number) =>
      JSON.stringify({
        item_id: id,
        timestamp_collected: at,
        source_platform: 'tiktok.com',
        data: { id, desc, createTime: 1727744401 },
      });
    // 30 MB of a 3-byte character: 1 MB is not a whole number of them.
    const huge = '€'.repeat(10 * 1024 * 1024);
    const file = join(dir, 'capture.ndjson');
    writeFileSync(
      file,
      `${capture('7420605698581150797', 'a short one', 1733166000000)}\n${capture('7420605698581150798', huge, 1733166001000)}\n`,
    );
    const summary = await importPath(app, file);
    expect(summary.eventCount).toBe(2);
    expect(summary.warnings).toContain(
      '1 caption(s) longer than 1 MB were cut to their first 1 MB (line 2).',
    );
    const caption = (id: string) =>
      (
        app.db
          .prepare('SELECT caption FROM items WHERE dataset_id = ? AND id = ?')
          .get(summary.datasetId, id) as { caption: string }
      ).caption;
    const kept = caption('7420605698581150798');
    expect(Buffer.byteLength(kept)).toBe(MAX_FIELD_BYTES - 1); // 349,525 whole characters
    expect(kept).toBe('€'.repeat(Math.floor(MAX_FIELD_BYTES / 3)));
    expect(caption('7420605698581150797')).toBe('a short one');
  }, 60_000);
});
