// Opens (and creates) a Feedlens database: WAL journal, foreign keys on, migrated to the newest
// schema. The db/ folder is the only place that touches better-sqlite3.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    // Migrate first: a database from a newer Feedlens is refused before anything about it changes.
    migrate(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The per-user data directory: ~/.config/feedlens on Linux, the platform's equivalent elsewhere. */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Feedlens');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Feedlens');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'feedlens');
}

/** `--db FILE` wins, then FEEDLENS_DB, then the per-user default. */
export function resolveDbPath(flag: string | undefined, env = process.env): string {
  return flag ?? env.FEEDLENS_DB ?? join(defaultDataDir(env), 'feedlens.db');
}
