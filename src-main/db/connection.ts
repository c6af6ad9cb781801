// Opens (and creates) a Feedlens database: WAL journal, foreign keys on, migrated to the newest
// schema. The db/ folder is the only place that touches better-sqlite3.
//
// One database, many users of it (docs/RELIABILITY.md): the Electron app, the browser shell and
// any number of CLI runs may open the same file. WAL lets readers go on while one writer writes.
// A long writer (an import) takes SQLite's write lock with `beginWrite`, which polls without
// blocking the event loop and names the process it waits for; a short synchronous writer waits
// at most BUSY_TIMEOUT_MS in SQLite's own busy handler, then fails as a `conflict` UserError.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { UserError } from '../domain/errors';
import { migrate } from './migrate';

export type Db = Database.Database;

/** How long a synchronous statement waits for another connection's write lock. */
export const BUSY_TIMEOUT_MS = 5000;
/** How often `beginWrite` asks for the write lock again while another process holds it. */
const WRITE_POLL_MS = 100;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('foreign_keys = ON');
    // Migrate first: a database from a newer Feedlens is refused before anything about it changes.
    migrate(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw asUserError(error, file) ?? error;
  }
}

export type BeginWriteOptions = {
  /** What this writer does, as a waiting process will name it: "import of export.zip". */
  what: string;
  /** Called about every WRITE_POLL_MS while another connection holds the write lock. */
  onWait?: (holder: string, waitedMs: number) => void;
  /** Give up (a `conflict` UserError) after this long; by default wait until the lock is free. */
  maxWaitMs?: number;
  signal?: AbortSignal;
};

/**
 * BEGIN IMMEDIATE without blocking the event loop: while another connection writes, asks again
 * every WRITE_POLL_MS (SQLite's busy handler would sleep synchronously). Once it holds the lock
 * it announces itself in `<file>-writer` so that a waiting process can say what it waits for.
 * Pair with `endWrite`.
 */
export async function beginWrite(db: Db, options: BeginWriteOptions): Promise<void> {
  const file = db.name;
  const started = Date.now();
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        db.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
      }
      const waited = Date.now() - started;
      const holder = writeHolder(file);
      if (waited >= (options.maxWaitMs ?? Number.POSITIVE_INFINITY))
        throw busyError(holder, options.what);
      options.onWait?.(holder, waited);
      await sleep(WRITE_POLL_MS);
      if (options.signal?.aborted)
        throw new UserError('cancelled', `${options.what} cancelled while waiting.`);
    }
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  if (file !== ':memory:')
    writeFileSync(holderFile(file), JSON.stringify({ pid: process.pid, what: options.what }));
}

/** Commits (or rolls back) what `beginWrite` began and withdraws the announcement. */
export function endWrite(db: Db, commit: boolean): void {
  const file = db.name;
  try {
    if (db.inTransaction) db.exec(commit ? 'COMMIT' : 'ROLLBACK');
  } finally {
    if (file !== ':memory:') rmSync(holderFile(file), { force: true });
  }
}

/** "another Feedlens process (import of X)", or without the brackets when it did not say. */
export function writeHolder(file: string): string {
  try {
    const { pid, what } = JSON.parse(readFileSync(holderFile(file), 'utf8')) as {
      pid: number;
      what: string;
    };
    // A crashed writer leaves its note behind; the lock it held died with it.
    if (pid !== process.pid && isAlive(pid)) return `another Feedlens process (${what})`;
    if (pid === process.pid) return `this Feedlens (${what})`;
  } catch {
    // No note: the holder is a short writer (a delete, enrichment) or not Feedlens.
  }
  return 'another Feedlens process';
}

/** SQLite's "database is locked" family, as better-sqlite3 reports it. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** A lock error as the one sentence a user sees; null for any other error. */
export function asUserError(error: unknown, file?: string): UserError | null {
  if (!isBusy(error)) return null;
  return busyError(
    file === undefined ? 'another Feedlens process' : writeHolder(file),
    'this change',
  );
}

function busyError(holder: string, what: string): UserError {
  return new UserError(
    'conflict',
    `The database is busy with ${holder}; ${what} was not made. Try again when it has finished.`,
  );
}

const holderFile = (file: string) => `${file}-writer`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
