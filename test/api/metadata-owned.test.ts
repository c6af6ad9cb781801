// Metadata belongs to the dataset it was added for (migration 0060, docs/ENRICH.md): another
// dataset's feed and agreement do not move, and deleting the dataset deletes what was added.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/router';
import { startApp, type App } from '../../src-main/app';
import {
  metadataOf,
  onlineFileOf,
  recordLookup,
  shareOnlineAnswers,
} from '../../src-main/db/metadata';
import { bareItem } from '../../src-main/domain/types';
import { THUMBNAIL_PNG } from '../enrich/thumbnail-server';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const EXPORT_A = join(ROOT, 'fixtures/tiktok/with-capture/user_data_tiktok.json');
const EXPORT_B = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const CAPTURE = join(ROOT, 'fixtures/zeeschuimer/capture.ndjson');

let app: App;
afterEach(() => app.close());

const count = (sql: string, ...args: unknown[]) =>
  (app.db.prepare(sql).get(...args) as { n: number }).n;

describe('metadata owned by a dataset', () => {
  it('a capture added to A leaves B unchanged, and goes with A with its thumbnails', async () => {
    app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW, withoutDemo: true });
    const a = unwrap(await app.router.invoke('import/run', { path: EXPORT_A })).datasetId;
    const b = unwrap(await app.router.invoke('import/run', { path: EXPORT_B })).datasetId;
    const seen = async () => ({
      feed: unwrap(await app.router.invoke('feed/at', { datasetId: b })),
      agreement: unwrap(await app.router.invoke('feed/agreement', { datasetId: b })),
    });
    const before = await seen();

    const added = unwrap(await app.router.invoke('enrich/file', { path: CAPTURE, datasetId: a }));
    expect(added).toMatchObject({ source: 'zeeschuimer', records: 35 });
    // An online lookup of one of A's videos, with its downloaded thumbnail.
    const aVideo = (
      app.db.prepare('SELECT id FROM items WHERE dataset_id = ? LIMIT 1').get(a) as { id: string }
    ).id;
    recordLookup(
      app.db,
      onlineFileOf(app.db, a, FIXED_NOW),
      { id: aVideo, outcome: 'found', httpStatus: 200, detail: 'found', askedAtMs: FIXED_NOW },
      { ...metadataOf(bareItem(aVideo, null)), caption: 'found online' },
      { outcome: 'stored', mime: 'image/png', bytes: THUMBNAIL_PNG, detail: 'image/png' },
    );

    expect(await seen()).toEqual(before);
    // B lists the same video: its online run (operations/enrich.ts) first shares the answer.
    app.db.prepare('INSERT OR IGNORE INTO items (dataset_id, id) VALUES (?, ?)').run(b, aVideo);
    expect(shareOnlineAnswers(app.db, b, onlineFileOf(app.db, b, FIXED_NOW))).toBe(1);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM metadata m JOIN metadata_files f ON f.id = m.file_id
         WHERE f.dataset_id = ? AND m.id = ?`,
        b,
        aVideo,
      ),
    ).toBe(1);
    app.db.prepare('DELETE FROM items WHERE dataset_id = ? AND id = ?').run(b, aVideo);
    app.db.prepare(`DELETE FROM metadata_files WHERE dataset_id = ?`).run(b);
    expect(await seen()).toEqual(before);
    const files = unwrap(await app.router.invoke('enrich/files', { datasetId: a })).files;
    expect(files.map((f) => [f.name, f.records, f.datasetId])).toEqual([
      ['capture.ndjson', 35, a],
      ['Online lookups', 1, a],
    ]);
    expect(unwrap(await app.router.invoke('enrich/files', { datasetId: b })).files).toEqual([]);

    expect(count('SELECT COUNT(*) AS n FROM metadata')).toBe(36);
    expect(count('SELECT COUNT(*) AS n FROM thumbnails')).toBe(1);
    unwrap(await app.router.invoke('datasets/delete', { id: a }));
    expect(count('SELECT COUNT(*) AS n FROM metadata')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM metadata_files')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM lookups')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM thumbnails')).toBe(0);
    expect(await seen()).toEqual(before);
  });

  it('attaches a capture whatever the order, and removes it', async () => {
    app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW, withoutDemo: true });
    const a = unwrap(await app.router.invoke('import/run', { path: EXPORT_A })).datasetId;
    const capture = unwrap(await app.router.invoke('import/run', { path: CAPTURE })).datasetId;
    // The capture's videos are known from the capture dataset; added to A they still count.
    const file = unwrap(await app.router.invoke('enrich/file', { path: CAPTURE, datasetId: a }));
    expect(file.records).toBe(35);
    expect(file.added + file.matched).toBe(35);
    expect(file.added).toBeGreaterThan(0);
    const pool = async () => unwrap(await app.router.invoke('feed/at', { datasetId: a })).pool;
    const withFile = await pool();
    unwrap(await app.router.invoke('enrich/remove-file', { fileId: file.fileId }));
    expect(unwrap(await app.router.invoke('enrich/files', { datasetId: a })).files).toEqual([]);
    const without = await pool();
    expect(without).not.toEqual(withFile);

    const step = unwrap(
      await app.router.invoke('enrich/dataset-as-metadata', {
        datasetId: a,
        fromDatasetId: capture,
      }),
    );
    expect(step).toMatchObject({ source: 'zeeschuimer', records: 35, added: file.added });
    expect(await pool()).toEqual(withFile);
  });
});
