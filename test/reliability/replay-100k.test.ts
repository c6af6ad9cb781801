// Issue #11 acceptance: a replay of 100,000 slates streams to a file and through the API with a
// peak RSS under 500 MB. Slates of one video keep the run within CI's time (about 6 KB a trace,
// 650 MB of JSON a leg: still more than V8's longest string, so the old one-string export could not
// have written it at all). The two legs run at once, each in a process of its own.
import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { startShell } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from '../import/generate-export';
import { nodeWithPeakRss, peakRssMb } from './peak-rss';

const PEAK_RSS_MB = 500;
const dir = tempDir();
const db = tempDbPath();
let datasetId = '';

beforeAll(async () => {
  const file = join(dir, 'export.json');
  // 105,000 watches and 2,100 likes: a slate after every event but the few at the very start.
  await writeG3Export(file, 105_000);
  const imported = runFeedlens(['import', file, '--db', db, '--json']);
  expect(imported.code).toBe(0);
  datasetId = (JSON.parse(imported.stdout) as { datasetId: string }).datasetId;
}, 60_000);

type Digest = { lines: number; bytes: number; sha256: string };

/** Newlines, bytes and SHA-256 of a stream, read chunk by chunk (never held whole). */
async function digest(stream: AsyncIterable<Buffer>): Promise<Digest> {
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
  }
  return { lines, bytes, sha256: hash.digest('hex') };
}

/** POST /api/export/traces, the answer digested as it arrives. */
function exportThroughApi(origin: string, token: string, args: unknown) {
  return new Promise<{ status: number; traces: number; body: Digest }>((resolve, reject) => {
    const req = request(
      `${origin}/api/export/traces`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        digest(res).then(
          (body) =>
            resolve({
              status: res.statusCode ?? 0,
              traces: Number(res.headers['x-feedlens-traces']),
              body,
            }),
          reject,
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

describe('a replay of 100,000 slates', () => {
  it('streams to a file and through the API, each under 500 MB of peak RSS', async () => {
    const renderer = tempDir();
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    const server = await startShell('node', [
      '--import',
      'tsx',
      'test/reliability/web-server-process.ts',
      db,
      renderer,
    ]);
    try {
      const out = join(dir, 'traces.jsonl');
      const started = performance.now();
      const [toFile, api] = await Promise.all([
        nodeWithPeakRss([
          '--import',
          'tsx',
          'test/reliability/replay-to-file.ts',
          db,
          datasetId,
          out,
          '1',
        ]),
        exportThroughApi(server.origin, server.token, { datasetId, every: 1, slateSize: 1 }),
      ]);
      const seconds = (performance.now() - started) / 1000;
      // A high-water mark: the server's peak over the whole export, read while it still runs.
      const serverPeak = peakRssMb(server.child.pid!)!;

      expect(toFile.stderr).toBe('');
      expect(toFile.code).toBe(0);
      const { traces } = JSON.parse(toFile.stdout) as { traces: number };
      expect(traces).toBeGreaterThanOrEqual(100_000);
      const file = await digest(createReadStream(out));
      expect(file.lines).toBe(traces);
      expect(api.status).toBe(200);
      expect(api.traces).toBe(traces);
      expect(api.body).toEqual(file); // the same bytes both ways
      console.info(
        `replay of ${traces} slates (${(file.bytes / 1024 ** 2).toFixed(0)} MB of JSONL each way) in ${seconds.toFixed(0)} s: ` +
          `peak RSS ${toFile.peakRssMb.toFixed(0)} MB to a file, ${serverPeak.toFixed(0)} MB for the server`,
      );
      expect(toFile.peakRssMb).toBeLessThan(PEAK_RSS_MB);
      expect(serverPeak).toBeLessThan(PEAK_RSS_MB);
      expect(server.stderr()).toBe('');
    } finally {
      await server.stop();
    }
  }, 240_000);
});
