// Issue #20: `datasets/list` answers from the counts and date range stored when a dataset's rows
// were written (migration 0070), not by counting its events. Every writer keeps them right: the
// demo, an import, an import replaced when a file's section is chosen, a Lab run saved again with
// more events, and a delete; and at a million events the listing takes no time a count would.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { txtExportFiles } from '../../scripts/make-txt-exports';
import type { App } from '../../src-main/app';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { openDatabase, type Db } from '../../src-main/db/connection';
import { insertDataset, listDatasets } from '../../src-main/db/datasets';
import type { DatasetSummary } from '../../src-main/domain/types';
import { millionEvents, millionItems } from '../helpers/million';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';
import { TIKTOK } from '../import/helpers';

/** A dataset's figures counted over its rows, as the listing did before 0070. */
function countedOverRows(db: Db, id: string) {
  const kinds = db
    .prepare(
      'SELECT kind, COUNT(*) AS n FROM events WHERE dataset_id = ? GROUP BY kind ORDER BY kind',
    )
    .all(id) as { kind: string; n: number }[];
  const span = db
    .prepare(
      `SELECT MIN(at_ms) AS first, MAX(at_ms) AS last, COUNT(DISTINCT session) AS sessions,
         COUNT(*) AS n FROM events WHERE dataset_id = ?`,
    )
    .get(id) as { first: number | null; last: number | null; sessions: number; n: number };
  const items = db.prepare('SELECT COUNT(*) AS n FROM items WHERE dataset_id = ?').get(id) as {
    n: number;
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    events: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
    eventCount: span.n,
    itemCount: items.n,
    sessions: span.sessions,
    from: iso(span.first),
    to: iso(span.last),
  };
}

const figuresOf = (d: DatasetSummary) => ({
  events: d.events,
  eventCount: d.eventCount,
  itemCount: d.itemCount,
  sessions: d.sessions,
  from: d.from,
  to: d.to,
});

let app: App | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

/** The listing through the router, each dataset's stored figures checked against its rows. */
async function listChecked(): Promise<DatasetSummary[]> {
  const listed = unwrap(await app!.router.invoke('datasets/list', {}));
  for (const d of listed) {
    // Key order matters to a JSON consumer too: kinds come sorted, as the count gave them.
    expect(JSON.stringify(figuresOf(d))).toBe(JSON.stringify(countedOverRows(app!.db, d.id)));
  }
  return listed;
}

describe('stored dataset figures', () => {
  it('stay right through the demo, imports, a replaced import, a Lab run saved twice and deletes', async () => {
    app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const demo = (await listChecked()).find((d) => d.id === 'demo')!;
    expect(demo.eventCount).toBeGreaterThan(0);

    const g3 = unwrap(
      await app.router.invoke('import/run', { path: join(TIKTOK, 'g3', 'user_data_tiktok.json') }),
    );
    // A TXT export whose likes file has a name Feedlens does not know: imported without it, then
    // replaced in one transaction with it once the person says what the file is.
    const files = txtExportFiles('en');
    const dir = join(tempDir(), 'export');
    const renamed: Record<string, string | Buffer | undefined> = {
      ...files,
      'Likes and Favorites/Like List.txt': undefined,
      'Likes and Favorites/Lijst 7.txt': files['Likes and Favorites/Like List.txt'],
    };
    for (const [path, text] of Object.entries(renamed)) {
      if (text === undefined) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const first = unwrap(await app.router.invoke('import/run', { path: dir }));
    expect(first.events.like).toBeUndefined();
    const before = (await listChecked()).find((d) => d.id === first.datasetId)!;
    const replaced = unwrap(
      await app.router.invoke('import/run', {
        path: dir,
        sections: { 'Likes and Favorites/Lijst 7.txt': 'like' },
      }),
    );
    expect(replaced.datasetId).toBe(first.datasetId);
    const after = (await listChecked()).find((d) => d.id === first.datasetId)!;
    expect(after.events.like).toBe(3);
    expect(after.eventCount).toBe(before.eventCount + 3);

    // A Lab run saved, run on and saved again under the same id: the second save has more events.
    const lab = unwrap(await app.router.invoke('lab/start', { persona: 'casual' }));
    unwrap(await app.router.invoke('lab/autopilot', { sessionId: lab.sessionId, videos: 10 }));
    const saved = unwrap(await app.router.invoke('lab/save', { sessionId: lab.sessionId }));
    const once = (await listChecked()).find((d) => d.id === saved.datasetId)!;
    unwrap(await app.router.invoke('lab/autopilot', { sessionId: lab.sessionId, videos: 10 }));
    unwrap(await app.router.invoke('lab/save', { sessionId: lab.sessionId }));
    const twice = (await listChecked()).find((d) => d.id === saved.datasetId)!;
    expect(twice.eventCount).toBeGreaterThan(once.eventCount);
    expect(twice.to! > once.to!).toBe(true);

    unwrap(await app.router.invoke('datasets/delete', { id: g3.datasetId }));
    unwrap(await app.router.invoke('datasets/delete', { id: 'demo' }));
    const left = await listChecked();
    expect(left.map((d) => d.id).sort()).toEqual([first.datasetId, saved.datasetId].sort());
    unwrap(await app.router.invoke('datasets/restore-demo', {}));
    expect((await listChecked()).find((d) => d.id === 'demo')).toEqual(demo);
  }, 120_000);

  it('at 1,000,000 events, lists from the stored figures in a fraction of one count', () => {
    const db = openDatabase(tempDbPath());
    const dataset = {
      name: 'Generated, 1,000,000 events',
      kind: 'event-log' as const,
      sourceSha256: null,
      createdAt: '2099-01-01T00:00:00.000Z',
      warnings: [],
    };
    insertDataset(db, { ...dataset, id: 'generated-1m' }, millionItems(), millionEvents());
    const count = db.prepare(
      `SELECT kind, COUNT(*) AS n, MIN(at_ms), MAX(at_ms), COUNT(DISTINCT session)
       FROM events WHERE dataset_id = ? GROUP BY kind`,
    );
    // Alternated, median of five each: the shared machine's speed drifts from minute to minute.
    const listMs: number[] = [];
    const countMs: number[] = [];
    let listed: DatasetSummary[] = [];
    for (let round = 0; round < 5; round++) {
      let start = performance.now();
      listed = listDatasets(db);
      listMs.push(performance.now() - start);
      start = performance.now();
      count.all('generated-1m');
      countMs.push(performance.now() - start);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    console.log(
      `datasets/list ${median(listMs).toFixed(2)} ms, one count ${median(countMs).toFixed(0)} ms`,
    );
    expect(listed.map(figuresOf)).toEqual([countedOverRows(db, 'generated-1m')]);
    expect(listed[0]!.eventCount).toBe(1_000_000);
    expect(median(listMs)).toBeLessThan(median(countMs) / 50);
    db.close();
  }, 300_000);
});
