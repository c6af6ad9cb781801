// Streaming at any size (issue #11, item 3): traces go out one slate at a time, to a file made
// atomically and through the browser shell, in bounded memory.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { writeAtomically } from '../../src-main/export/atomic';
import { startWebServer } from '../../src-main/shells/web/server';
import { runFeedlens } from '../helpers/cli';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from '../import/generate-export';
import { feedlensWithPeakRss } from './peak-rss';

const dir = tempDir();
const db = tempDbPath();
let datasetId = '';

beforeAll(async () => {
  const file = join(dir, 'export.json');
  await writeG3Export(file, 6_000);
  const imported = runFeedlens(['import', file, '--db', db, '--json']);
  expect(imported.code).toBe(0);
  datasetId = (JSON.parse(imported.stdout) as { datasetId: string }).datasetId;
}, 60_000);

describe('trace exports', () => {
  it('streams a slate after every event to the file in bounded memory, whole', async () => {
    const out = join(dir, 'every.jsonl');
    const run = await feedlensWithPeakRss([
      'replay',
      '--db',
      db,
      '--dataset',
      datasetId,
      '--every',
      '1',
      '--json',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const traces = (JSON.parse(run.stdout) as { traces: number }).traces;
    expect(traces).toBeGreaterThan(5_000);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline, no cut-off line
    expect(lines).toHaveLength(traces);
    for (const line of [lines[0]!, lines.at(-1)!]) expect(JSON.parse(line)).toHaveProperty('items');
    // 6,000 slates of about 50 KB (300 MB of JSON) never sit in memory together.
    expect(run.peakRssMb).toBeLessThan(500);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('gives the same bytes through POST /api/export/traces as `feedlens replay --out`', async () => {
    const out = join(dir, 'sessions.jsonl');
    expect(runFeedlens(['replay', '--db', db, '--dataset', datasetId, '--out', out]).code).toBe(0);
    // Written on the app's worker thread, as the browser shell runs it.
    const app = startApp({
      shell: 'web',
      db,
      now: () => FIXED_NOW,
      withoutDemo: true,
      workerThread: true,
    });
    const renderer = tempDir();
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    const server = await startWebServer({ app, rendererDir: renderer });
    try {
      const post = (body: string, token = server.token) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
          (resolve, reject) => {
            const req = request(
              {
                host: '127.0.0.1',
                port: server.port,
                path: '/api/export/traces',
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              },
              (res) => {
                let text = '';
                res.setEncoding('utf8');
                res.on('data', (chunk: string) => (text += chunk));
                res.on('end', () =>
                  resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
                );
              },
            );
            req.on('error', reject);
            req.end(body);
          },
        );
      const ok = await post(JSON.stringify({ datasetId }));
      expect(ok.status).toBe(200);
      expect(ok.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(ok.headers['content-disposition']).toBe(
        `attachment; filename="${datasetId}-traces.jsonl"`,
      );
      expect(ok.body).toBe(readFileSync(out, 'utf8'));
      expect(Number(ok.headers['x-feedlens-traces'])).toBe(ok.body.split('\n').length - 1);
      // Its own temporary file is gone once sent.
      await expect.poll(() => readdirSync(app.ctx.tempDir)).toEqual([]);

      const missing = await post(JSON.stringify({ datasetId: 'nope' }));
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
      const bad = await post(JSON.stringify({ datasetId, every: 0 }));
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body).error.message).toMatch(
        /^Bad arguments for the trace export at "every"/,
      );
      expect((await post('{}', '0'.repeat(48))).status).toBe(401);
    } finally {
      await server.close();
      await app.close();
    }
  }, 60_000);
});

describe('atomic writes', () => {
  it('keeps the previous file whole when a write fails halfway, and leaves no temporary file', async () => {
    const folder = tempDir();
    const target = join(folder, 'traces.jsonl');
    writeFileSync(target, '{"previous":true}\n');
    await expect(
      writeAtomically(target, (sink) => {
        sink('{"slate":1}\n');
        sink('{"slate":2,"cut');
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow(`Could not write ${target}: the disk is full. Nothing was changed there.`);
    expect(readFileSync(target, 'utf8')).toBe('{"previous":true}\n');
    expect(readdirSync(folder)).toEqual(['traces.jsonl']);
    await writeAtomically(target, (sink) => sink('{"slate":1}\n'));
    expect(readFileSync(target, 'utf8')).toBe('{"slate":1}\n');
    expect(readdirSync(folder)).toEqual(['traces.jsonl']);
  });

  it('says in one line when replay cannot write, and keeps what was there', () => {
    const target = join(dir, 'keep.jsonl');
    writeFileSync(target, 'kept\n');
    const missing = runFeedlens(['replay', '--db', db, '--dataset', 'nope', '--out', target]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^feedlens: [^\n]+\n$/);
    expect(readFileSync(target, 'utf8')).toBe('kept\n');
    const noFolder = join(dir, 'no-such-folder', 'out.jsonl');
    const result = runFeedlens(['replay', '--db', db, '--dataset', datasetId, '--out', noFolder]);
    expect(result.stderr).toBe(
      `feedlens: Could not write ${noFolder}: its folder does not exist. Nothing was changed there.\n`,
    );
    expect(result.code).toBe(1);
    expect(existsSync(noFolder)).toBe(false);
  }, 60_000);
});
