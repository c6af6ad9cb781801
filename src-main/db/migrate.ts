// Numbered, append-only SQL migrations tracked in PRAGMA user_version. A migration's number is
// the leading digits of its file name (0010-init.sql → 10). All pending ones run in one
// transaction; a database whose version is newer than the newest file is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { UserError } from '../domain/errors';

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.*\.sql$/.test(f))
    .map((name) => ({
      version: Number.parseInt(name, 10),
      name,
      sql: readFileSync(join(dir, name), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/** Applies every migration newer than the database; returns the versions applied. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = loadMigrations(),
  upTo = Number.POSITIVE_INFINITY,
): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new UserError(
      'conflict',
      `This database was written by a newer Feedlens (schema ${current}; this version knows up to ${newest}). Update Feedlens or open another database with --db.`,
    );
  }
  const isPending = (m: Migration, version: number) => m.version > version && m.version <= upTo;
  if (!migrations.some((m) => isPending(m, current))) return [];
  // IMMEDIATE takes the write lock first, and the version is read again under it: two first
  // starts on one new file would otherwise both see version 0 and the second would fail on
  // "table already exists" once the first committed.
  return db
    .transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      const pending = migrations.filter((m) => isPending(m, version));
      for (const m of pending) db.exec(m.sql);
      if (pending.length > 0) db.pragma(`user_version = ${pending.at(-1)!.version}`);
      return pending.map((m) => m.version);
    })
    .immediate();
}
