// Shared by the import tests: an app over a real database file, and a digest of everything the
// database holds, to prove a failed import changed nothing.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { startApp, type App } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import type { Db } from '../../src-main/db/connection';
import type { ImportSummary } from '../../src-main/import/types';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW } from '../helpers/temp';

export const TIKTOK = join(ROOT, 'fixtures', 'tiktok');

export function testApp(db: string): App {
  return startApp({ shell: 'test', db, withoutDemo: true, now: () => FIXED_NOW });
}

export async function importPath(
  app: App,
  path: string,
  sessionGapMinutes?: number,
  user?: string,
): Promise<ImportSummary> {
  return unwrap(await app.router.invoke('import/run', { path, sessionGapMinutes, user }));
}

/** `PRAGMA integrity_check` and a SHA-256 over every row of every table, in a fixed order. */
export function dbDigest(db: Db): { integrity: string; digest: string } {
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const hash = createHash('sha256');
  for (const [table, order] of [
    ['datasets', 'id'],
    ['items', 'dataset_id, id'],
    ['events', 'dataset_id, seq'],
  ] as const) {
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return { integrity, digest: hash.digest('hex') };
}
