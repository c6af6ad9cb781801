// The bundled demo: a synthetic catalogue and one persona's session, loaded on first start so a
// newcomer sees a profile and a feed before importing anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/connection';
import { getAppState, setAppState } from './db/app-state';
import { getDataset, insertDataset } from './db/datasets';
import type { FeedEvent, Item } from './domain/types';

export const DEMO_DATASET_ID = 'demo';

export function readDemo(fixturesDir: string): { items: Item[]; events: FeedEvent[] } {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(join(fixturesDir, 'demo', name), 'utf8'));
  return {
    items: read('catalogue.json') as Item[],
    events: read('persona-session.json') as FeedEvent[],
  };
}

/**
 * Loads the demo dataset the first time a database is opened. Returns whether it loaded it.
 * A user who deletes the demo does not get it back on the next start.
 */
export function ensureDemoDataset(db: Db, fixturesDir: string, nowMs: number): boolean {
  if (getAppState(db, 'demo-loaded') !== undefined) return false;
  // Checked again under the write lock: concurrent first starts on one new database each saw
  // no demo above, and all but one must find it there now instead of inserting it twice.
  return db
    .transaction(() => {
      if (getAppState(db, 'demo-loaded') !== undefined) return false;
      insertDemo(db, fixturesDir, nowMs);
      return true;
    })
    .immediate();
}

/** Puts the demo back after the user deleted it ("restore demo"). Returns whether it added it. */
export function restoreDemoDataset(db: Db, fixturesDir: string, nowMs: number): boolean {
  if (getDataset(db, DEMO_DATASET_ID) !== undefined) return false;
  insertDemo(db, fixturesDir, nowMs);
  return true;
}

function insertDemo(db: Db, fixturesDir: string, nowMs: number): void {
  const { items, events } = readDemo(fixturesDir);
  // Nested in ensureDemoDataset's transaction, better-sqlite3 makes this a savepoint.
  db.transaction(() => {
    insertDataset(
      db,
      {
        id: DEMO_DATASET_ID,
        name: 'Demo: a persona’s first week',
        kind: 'demo',
        sourceSha256: null,
        createdAt: new Date(nowMs).toISOString(),
        warnings: [],
      },
      items,
      events,
    );
    setAppState(db, 'demo-loaded', new Date(nowMs).toISOString());
  })();
}
