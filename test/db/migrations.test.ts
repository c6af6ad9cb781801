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

  it('0020 adds metadata per (video, source) and one lookup per video, both strict', () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations(), 10);
    db.prepare(
      `INSERT INTO datasets (id, name, kind, created_at) VALUES ('d', 'd', 'tiktok-export', 'now')`,
    ).run();
    db.prepare(`INSERT INTO items (dataset_id, id) VALUES ('d', '7431475397079860201')`).run();
    expect(migrate(db, loadMigrations(), 20)).toEqual([20]);
    const insert = db.prepare(
      `INSERT INTO metadata (id, source, caption, hashtags, added_at_ms) VALUES (?, ?, ?, '[]', 1)`,
    );
    insert.run('7431475397079860201', 'oembed', 'a caption');
    insert.run('7431475397079860201', 'csv', 'another caption');
    expect(() => insert.run('7431475397079860201', 'csv', 'twice')).toThrow(/UNIQUE/);
    expect(() => insert.run('1', 'rumour', 'x')).toThrow(/CHECK/);
    const lookup = db.prepare(
      `INSERT INTO lookups (id, outcome, http_status, detail, asked_at_ms) VALUES (?, ?, ?, 'd', 1)`,
    );
    lookup.run('7431475397079860201', 'deleted', 404);
    expect(() => lookup.run('7431475397079860201', 'found', 200)).toThrow(/UNIQUE/);
    expect(() => lookup.run('2', 'maybe', 200)).toThrow(/CHECK/);
    // STRICT: an id is text, never silently a number.
    expect(() =>
      db.prepare(`INSERT INTO lookups VALUES ('3', 'found', 'two hundred', 'd', 1)`).run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    // Metadata is global: deleting the dataset that listed the video keeps what is known about it.
    db.prepare(`DELETE FROM datasets`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM metadata').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT typeof(id) AS t FROM metadata LIMIT 1').get()).toEqual({ t: 'text' });
    db.close();
  });

  it('0030 stores profile series that go when anything their replay read changes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(), 20);
    const dataset = db.prepare(
      `INSERT INTO datasets (id, name, kind, created_at) VALUES (?, ?, 'event-log', 'now')`,
    );
    const item = db.prepare(`INSERT INTO items (dataset_id, id) VALUES (?, ?)`);
    dataset.run('a', 'a');
    dataset.run('b', 'b');
    dataset.run('c', 'c');
    item.run('a', '1');
    item.run('b', '2');
    expect(migrate(db, loadMigrations(), 30)).toEqual([30]);
    const store = (datasetId: string) =>
      db
        .prepare(
          `INSERT INTO profile_series (dataset_id, dimension, config_sha256, engine_version,
             half_life_ms, at_ms, event_index, events, not_observed, event_ids, sessions)
           VALUES (?, 'topic', 'c', 'v', 1, x'', x'', x'', x'', '[]', x'')`,
        )
        .run(datasetId).lastInsertRowid;
    const stored = () =>
      db
        .prepare('SELECT dataset_id AS d FROM profile_series ORDER BY dataset_id')
        .all()
        .map((r) => (r as { d: string }).d);
    const track = db.prepare(
      `INSERT INTO profile_series_tracks (series_id, position, name, sample, w, at)
       VALUES (?, 0, 'cooking', x'', x'', x'')`,
    );
    track.run(store('a'));
    store('b');
    expect(() => store('a')).toThrow(/UNIQUE/);
    // A dataset's own videos: only its series goes, with its tracks.
    item.run('a', '4');
    expect(stored()).toEqual(['b']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM profile_series_tracks').get()).toEqual({ n: 0 });
    // Another dataset listing b's video lends it fields: b's series goes, a's stays.
    store('a');
    item.run('c', '2');
    expect(stored()).toEqual(['a']);
    // A video that no other dataset lists and nothing describes: only its own dataset's goes.
    store('b');
    item.run('c', '3');
    expect(stored()).toEqual(['a', 'b']);
    // Metadata and lookups reach every dataset.
    db.prepare(
      `INSERT INTO metadata (id, source, hashtags, added_at_ms) VALUES ('9', 'csv', '[]', 1)`,
    ).run();
    expect(stored()).toEqual([]);
    store('a');
    db.prepare(
      `INSERT INTO lookups (id, outcome, detail, asked_at_ms) VALUES ('9', 'found', 'd', 1)`,
    ).run();
    expect(stored()).toEqual([]);
    // A video described by metadata leaves "known only from metadata" when a dataset lists it.
    store('a');
    item.run('b', '9');
    expect(stored()).toEqual([]);
    store('a');
    db.prepare(`DELETE FROM datasets WHERE id = 'a'`).run();
    expect(stored()).toEqual([]);
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

  it('0060 moves global metadata to the datasets that list it; unused rows stay with all', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(), 40);
    const dataset = db.prepare(
      `INSERT INTO datasets (id, name, kind, created_at) VALUES (?, ?, 'tiktok-export', 'now')`,
    );
    dataset.run('a', 'a');
    dataset.run('b', 'b');
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
    expect(migrate(db, loadMigrations(), 60)).toEqual([50, 60]);
    const owned = db
      .prepare(
        `SELECT f.dataset_id AS owner, m.id AS id, m.source AS source, m.caption AS caption
         FROM metadata m JOIN metadata_files f ON f.id = m.file_id ORDER BY m.id, owner`,
      )
      .all();
    expect(owned).toEqual([
      { owner: 'a', id: '1', source: 'csv', caption: 'only a' },
      { owner: 'a', id: '2', source: 'zeeschuimer', caption: 'a and b' },
      { owner: 'b', id: '2', source: 'zeeschuimer', caption: 'a and b' },
      { owner: null, id: '99', source: 'csv', caption: 'no one' },
    ]);
    // A dataset's files and their rows go with it.
    db.prepare(`DELETE FROM datasets WHERE id = 'a'`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM metadata').get()).toEqual({ n: 2 });
    db.close();
  });

  it('0070 stores each dataset’s counts and range, counted once from the rows before it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(), 60);
    const dataset = db.prepare(
      `INSERT INTO datasets (id, name, kind, created_at) VALUES (?, ?, 'tiktok-export', 'now')`,
    );
    dataset.run('a', 'a');
    dataset.run('empty', 'empty');
    const item = db.prepare('INSERT INTO items (dataset_id, id) VALUES (?, ?)');
    item.run('a', '1');
    item.run('a', '2');
    const event = db.prepare(
      `INSERT INTO events (dataset_id, seq, id, at_ms, kind, evidence, session)
       VALUES ('a', ?, ?, ?, ?, 'observed', ?)`,
    );
    event.run(0, 'e0', 5_000, 'watch', 0);
    event.run(1, 'e1', 1_000, 'like', 0);
    event.run(2, 'e2', 9_000, 'watch', 3);
    expect(migrate(db, loadMigrations(), 70)).toEqual([70]);
    const figures = db
      .prepare(
        `SELECT id, event_count, item_count, session_count, first_at_ms, last_at_ms, event_kinds
         FROM datasets ORDER BY id`,
      )
      .all();
    expect(figures).toEqual([
      {
        id: 'a',
        event_count: 3,
        item_count: 2,
        session_count: 2,
        first_at_ms: 1_000,
        last_at_ms: 9_000,
        event_kinds: '{"like":1,"watch":2}',
      },
      {
        id: 'empty',
        event_count: 0,
        item_count: 0,
        session_count: 0,
        first_at_ms: null,
        last_at_ms: null,
        event_kinds: '{}',
      },
    ]);
    db.close();
  });
});
