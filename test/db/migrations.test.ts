// One test per migration (migrate to N−1, insert, migrate to N, assert), and the refusal to open
// a database written by a newer Feedlens.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import { tempDbPath } from '../helpers/temp';

describe('migrations', () => {
  it('numbers migrations uniquely and in order', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions[0]).toBe(10);
  });

  it('0010 creates datasets, items and events that cascade on delete', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, loadMigrations(), 10)).toEqual([10]);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    db.prepare(
      `INSERT INTO datasets (id, name, kind, source_sha256, created_at) VALUES ('d', 'd', 'tiktok-export', 'abc', 'now')`,
    ).run();
    db.prepare(`INSERT INTO items (dataset_id, id) VALUES ('d', '7431475397079860201')`).run();
    db.prepare(
      `INSERT INTO events (dataset_id, seq, id, at_ms, kind, evidence, session) VALUES ('d', 0, 'e0', 1, 'watch', 'inferred', 0)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO datasets (id, name, kind, source_sha256, created_at) VALUES ('e', 'e', 'x', 'abc', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    // STRICT tables: an id is never silently stored as a number.
    expect(db.prepare('SELECT typeof(id) AS t FROM items').get()).toEqual({ t: 'text' });
    db.prepare(`DELETE FROM datasets WHERE id = 'd'`).run();
    expect(
      db.prepare('SELECT (SELECT COUNT(*) FROM items) + (SELECT COUNT(*) FROM events) AS n').get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('every later migration keeps the rows written before it', () => {
    const all = loadMigrations();
    for (const m of all.slice(1)) {
      const db = new Database(':memory:');
      const previous = all[all.indexOf(m) - 1]!.version;
      migrate(db, all, previous);
      db.prepare(
        `INSERT INTO datasets (id, name, kind, created_at) VALUES ('keep', 'keep', 'lab', 'now')`,
      ).run();
      migrate(db, all, m.version);
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      expect(db.prepare(`SELECT id FROM datasets`).all()).toEqual([{ id: 'keep' }]);
      db.close();
    }
  });

  it('applies pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 10, name: '0010-a.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      {
        version: 20,
        name: '0020-b.sql',
        sql: 'CREATE TABLE b (x INTEGER) STRICT; SELECT nope FROM a;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such column/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
  });

  it('refuses a database from a newer Feedlens and leaves it untouched', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 99990');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Feedlens \(schema 99990/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(99990);
    after.close();
  });
});
