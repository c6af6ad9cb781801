// A database as Feedlens left it before migration 0060: metadata global to every dataset.
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import { tempDbPath } from './temp';

/**
 * Datasets "Mine" (a: videos 1, 2) and "Friend" (b: video 2), and global metadata about videos 1
 * (a CSV), 2 (a capture) and 99 (no dataset lists it). Returns the database's path.
 */
export function databaseFromBefore0060(): string {
  const path = tempDbPath();
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(), 50);
  const dataset = db.prepare(
    `INSERT INTO datasets (id, name, kind, created_at) VALUES (?, ?, 'tiktok-export', 'now')`,
  );
  dataset.run('a', 'Mine');
  dataset.run('b', 'Friend');
  const item = db.prepare('INSERT INTO items (dataset_id, id) VALUES (?, ?)');
  item.run('a', '1');
  item.run('a', '2');
  item.run('b', '2');
  const insert = db.prepare(
    `INSERT INTO metadata (id, source, caption, hashtags, added_at_ms) VALUES (?, ?, ?, '[]', 1)`,
  );
  insert.run('1', 'csv', 'only a');
  insert.run('2', 'zeeschuimer', 'a and b');
  insert.run('99', 'csv', 'no one');
  db.close();
  return path;
}
