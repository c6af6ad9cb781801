// One database, many users of it (issue #11, item 1): CLI imports and a replay at once on one
// file; a writer in another process makes imports wait (and say so) while readers go on.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { beginWrite, endWrite, openDatabase } from '../../src-main/db/connection';
import { runFeedlens } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from '../import/generate-export';

type Done = { code: number | null; stdout: string; stderr: string };

function feedlens(args: string[], onStderr?: (all: string) => void): Promise<Done> {
  const child = spawn('node', ['bin/feedlens.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    onStderr?.(stderr);
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|SqliteError/m;
const dir = tempDir();
const A = join(dir, 'a.json');
const B = join(dir, 'b.json');

beforeAll(async () => {
  await writeG3Export(A, 60_000, Date.UTC(2025, 5, 1));
  await writeG3Export(B, 60_000, Date.UTC(2024, 5, 1));
});

/** Every dataset's stored event count, as the events table holds it. */
function storedEvents(db: string): Map<string, number> {
  const conn = openDatabase(db);
  try {
    const rows = conn
      .prepare('SELECT dataset_id AS id, COUNT(*) AS n FROM events GROUP BY dataset_id')
      .all() as { id: string; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  } finally {
    conn.close();
  }
}

function integrity(db: string): string {
  const conn = openDatabase(db);
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

describe('one database, many Feedlens processes', () => {
  it('lands two parallel CLI imports whole while a replay answers, with no stack trace', async () => {
    const db = tempDbPath();
    expect(runFeedlens(['datasets', '--db', db]).code).toBe(0); // creates it, with the demo
    const out = join(dir, 'parallel.jsonl');
    const [a, b, replay] = await Promise.all([
      feedlens(['import', A, '--db', db, '--json']),
      feedlens(['import', B, '--db', db, '--json']),
      feedlens(['replay', '--dataset', 'demo', '--db', db, '--out', out]),
    ]);
    for (const run of [a, b, replay]) {
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.code).toBe(0);
    }
    // Whichever import reached the write lock second said whom it waited for, and nothing else.
    const waitLine = (name: string) =>
      `feedlens: waiting for another Feedlens process (import of ${name})…\n`;
    // Under a loaded machine the line may be printed more than once: any number of it, nothing else.
    expect(a.stderr.replaceAll(waitLine('b.json'), '')).toBe('');
    expect(b.stderr.replaceAll(waitLine('a.json'), '')).toBe('');
    expect(replay.stdout).toMatch(/^Wrote \d+ traces/);
    const stored = storedEvents(db);
    for (const run of [a, b]) {
      const summary = JSON.parse(run.stdout) as { datasetId: string; eventCount: number };
      expect(summary.eventCount).toBeGreaterThan(50_000);
      expect(stored.get(summary.datasetId)).toBe(summary.eventCount);
    }
    expect(integrity(db)).toBe('ok');
  }, 90_000);

  it('makes an import wait for another process’s writer, says for what, and lets readers on', async () => {
    const db = tempDbPath();
    expect(runFeedlens(['datasets', '--db', db]).code).toBe(0);
    const holder = openDatabase(db);
    await beginWrite(holder, { what: 'import of held.json' });
    let sawWait: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (sawWait = resolve));
    const importing = feedlens(['import', A, '--db', db, '--json'], (all) => {
      if (all.includes('waiting')) sawWait();
    });
    await waiting;
    // While the write lock is held: a reader in a third process answers at once.
    const listed = runFeedlens(['datasets', '--json', '--db', db]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 'demo' })]);
    // A short writer gives up after the busy timeout with one sentence, not a stack.
    const deleting = runFeedlens(['datasets', 'delete', 'demo', '--db', db]);
    expect(deleting.stderr).toBe(
      'feedlens: The database is busy with another Feedlens process (import of held.json); delete of demo was not made. Try again when it has finished.\n',
    );
    expect(deleting.code).toBe(1);
    endWrite(holder, false);
    holder.close();
    const done = await importing;
    expect(done.stderr).toBe(
      'feedlens: waiting for another Feedlens process (import of held.json)…\n',
    );
    expect(done.code).toBe(0);
    const summary = JSON.parse(done.stdout) as { datasetId: string; eventCount: number };
    expect(storedEvents(db).get(summary.datasetId)).toBe(summary.eventCount);
    expect(storedEvents(db).get('demo')).toBeGreaterThan(0);
    expect(integrity(db)).toBe('ok');
  }, 60_000);
});

/** How long `app/info` takes to answer: the event loop's responsiveness, seen from a caller. */
async function infoLatencyMs(app: ReturnType<typeof startApp>): Promise<number> {
  const started = performance.now();
  unwrap(await app.router.invoke('app/info', {}));
  return performance.now() - started;
}

describe('a delete in the app while something else writes', () => {
  // On the app's worker thread, as the shells with a window run it; that app/info answers every
  // 50 ms throughout an import is worker-thread.test.ts's.
  it('queues behind the app’s own import on its worker thread', async () => {
    const app = startApp({
      shell: 'test',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      workerThread: true,
    });
    try {
      const finished = new Promise<boolean>((resolve) =>
        app.on('import/finished', (f) => resolve(f.ok)),
      );
      // Delete while the import holds the write lock: after its first chunk of rows.
      const writing = new Promise<void>((resolve) =>
        app.on('job/progress', (p) => {
          if (p.label === 'Writing') resolve();
        }),
      );
      unwrap(await app.router.invoke('import/start', { path: B }));
      await writing;
      const deleting = app.router.invoke('datasets/delete', { id: 'demo' });
      expect(unwrap(await deleting)).toEqual({ deleted: true });
      expect(await finished).toBe(true);
      expect(unwrap(await app.router.invoke('datasets/list', {})).map((d) => d.kind)).toEqual([
        'tiktok-export',
      ]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('answers conflict in one sentence when another connection holds the lock, event loop free', async () => {
    const db = tempDbPath();
    const app = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    const holder = openDatabase(db);
    try {
      await beginWrite(holder, { what: 'import of held.json' });
      const deleting = app.router.invoke('datasets/delete', { id: 'demo' });
      expect(await infoLatencyMs(app)).toBeLessThan(500);
      const result = await deleting;
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message:
            'The database is busy with this Feedlens (import of held.json); delete of demo was not made. Try again when it has finished.',
        },
      });
      endWrite(holder, false);
      expect(unwrap(await app.router.invoke('datasets/list', {})).map((d) => d.id)).toEqual([
        'demo',
      ]);
    } finally {
      holder.close();
      app.close();
    }
  }, 30_000);
});
