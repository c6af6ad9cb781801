// Issue 7 acceptance: enriching 50,000 ids against the stand-in, killed with SIGKILL mid-run and
// resumed, loses nothing and asks nothing twice except the requests in flight at the kill.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { insertDataset } from '../../src-main/db/datasets';
import { bareItem } from '../../src-main/domain/types';
import { concurrencyFor } from '../../src-main/enrich/run';
import { spawnFeedlens } from '../enrich/spawn-cli';
import { startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { tempDbPath, tempDir } from '../helpers/temp';

const IDS = 50_000;
const RATE = 100_000;

let server: OembedServer;
beforeAll(async () => {
  server = await startOembedServer();
});
afterAll(() => server.close());

describe('a killed online enrichment', () => {
  it('resumes with one lookup per id, no metadata lost, nothing asked twice beyond the in-flight', async () => {
    const dbPath = tempDbPath();
    const netLog = join(tempDir(), 'net.log');
    const ids = Array.from({ length: IDS }, (_, i) =>
      String(7_350_000_000_000_000_000n + BigInt(i)),
    );
    const setup = openDatabase(dbPath);
    insertDataset(
      setup,
      {
        id: 'gen',
        name: 'gen',
        kind: 'tiktok-export',
        sourceSha256: null,
        createdAt: 'now',
        warnings: [],
      },
      ids.map((id) => bareItem(id, null)),
      [],
    );
    setup.close();
    const args = [
      'enrich',
      '--dataset',
      'gen',
      '--online',
      '--base-url',
      server.baseUrl,
      '--rate',
      String(RATE),
      '--db',
      dbPath,
    ];

    const started = performance.now();
    const first = spawnFeedlens([...args, '--progress'], netLog, (stderr) => {
      const done = /(\d+)\/50000 videos[^\n]*\n?$/.exec(stderr.trimEnd());
      if (done && Number(done[1]) >= 15_000 && first.child.exitCode === null)
        first.child.kill('SIGKILL');
    });
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const askedBeforeKill = new Set(server.requests.keys());

    const db = openDatabase(dbPath);
    const answered = new Set(
      (db.prepare('SELECT id FROM lookups').all() as { id: string }[]).map((r) => r.id),
    );
    db.close();
    expect(answered.size).toBeGreaterThanOrEqual(15_000);
    expect(answered.size).toBeLessThan(IDS);
    // Asked but not written when the process died: the only ids a resumed run may ask again.
    const inFlight = [...askedBeforeKill].filter((id) => !answered.has(id));
    expect(inFlight.length).toBeLessThanOrEqual(concurrencyFor(RATE));

    const resumed = await spawnFeedlens([...args, '--json'], netLog).done;
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout) as { asked: number; skipped: number };
    expect(result.asked).toBe(IDS - answered.size);
    const seconds = (performance.now() - started) / 1000;

    const after = openDatabase(dbPath);
    try {
      expect(
        after.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS d FROM lookups').get(),
      ).toEqual({ n: IDS, d: IDS });
      expect(
        after.prepare(`SELECT COUNT(*) AS n FROM lookups WHERE outcome = 'found'`).get(),
      ).toEqual({ n: IDS });
      expect(
        after
          .prepare(
            `SELECT COUNT(*) AS n FROM metadata WHERE source = 'oembed' AND creator IS NOT NULL`,
          )
          .get(),
      ).toEqual({ n: IDS });
    } finally {
      after.close();
    }
    const askedTwice = [...server.requests]
      .filter(([, n]) => n > 1)
      .map(([id]) => id)
      .sort();
    expect(askedTwice).toEqual(inFlight.sort());
    expect(server.requests.size).toBe(IDS);
    console.log(
      `[enrich-sigkill] ${IDS} ids in ${seconds.toFixed(1)} s over two runs; ${inFlight.length} in flight at the kill`,
    );
  }, 120_000);
});
