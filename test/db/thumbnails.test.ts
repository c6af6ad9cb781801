// Migration 0040 and the thumbnail repository: a database from before keeps its lookups; a row
// belongs to a lookup and goes with it; a kept image always has its bytes and type.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { recordLookup, writeMetadata } from '../../src-main/db/metadata';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import {
  deleteThumbnails,
  getThumbnailOutcome,
  loadThumbnails,
} from '../../src-main/db/thumbnails';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';
import { THUMBNAIL_PNG } from '../enrich/thumbnail-server';

const lookup = (id: string) => ({
  id,
  outcome: 'found' as const,
  httpStatus: 200,
  detail: 'found',
  askedAtMs: FIXED_NOW,
});

describe('0040 thumbnails', () => {
  it('migrates a database from 0030, keeping its lookups', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations(), 30);
    db.prepare(
      `INSERT INTO lookups (id, outcome, http_status, detail, asked_at_ms) VALUES ('7', 'found', 200, 'found', 1)`,
    ).run();
    expect(migrate(db, loadMigrations(), 40)).toEqual([40]);
    expect(db.prepare('SELECT id FROM lookups').all()).toEqual([{ id: '7' }]);
    const insert = db.prepare(
      `INSERT INTO thumbnails (id, outcome, detail, mime, bytes, fetched_at_ms) VALUES (?, ?, 'x', ?, ?, 1)`,
    );
    // A kept image has its type and bytes; one not kept has neither; a row needs its lookup.
    expect(() => insert.run('7', 'stored', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('7', 'failed', 'image/png', Buffer.from([1]))).toThrow(/CHECK/);
    expect(() => insert.run('7', 'stored', 'image/svg+xml', Buffer.from([1]))).toThrow(/CHECK/);
    expect(() => insert.run('8', 'failed', null, null)).toThrow(/FOREIGN KEY/);
    insert.run('7', 'stored', 'image/png', THUMBNAIL_PNG);
    db.prepare(`DELETE FROM lookups WHERE id = '7'`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM thumbnails').get()).toEqual({ n: 0 });
    db.close();
  });

  it('is written with its lookup and read back byte for byte; deleting keeps the lookups', () => {
    const db = openDatabase(tempDbPath());
    const fileId = writeMetadata(db, 'oembed', [], 1);
    recordLookup(db, fileId, lookup('1'), null, {
      outcome: 'stored',
      mime: 'image/png',
      bytes: THUMBNAIL_PNG,
      detail: 'image/png',
    });
    recordLookup(db, fileId, lookup('2'), null, {
      outcome: 'failed',
      detail: 'the image server answered HTTP 403',
    });
    recordLookup(db, fileId, lookup('3'), null);
    const kept = loadThumbnails(db, ['3', '2', '1', 'none']);
    expect(kept.map((t) => [t.id, t.mime])).toEqual([['1', 'image/png']]);
    expect(Buffer.compare(kept[0]!.bytes, THUMBNAIL_PNG)).toBe(0);
    expect(getThumbnailOutcome(db, '2')).toEqual({
      outcome: 'failed',
      detail: 'the image server answered HTTP 403',
    });
    expect(getThumbnailOutcome(db, '3')).toBeUndefined();
    expect(deleteThumbnails(db)).toBe(2);
    expect(loadThumbnails(db, ['1'])).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM lookups').get()).toEqual({ n: 3 });
    db.close();
  });
});
