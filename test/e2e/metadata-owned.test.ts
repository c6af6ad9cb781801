// Issue #19, acceptance: a capture added on dataset A's Metadata screen leaves dataset B's feed and
// agreement as they were, and deleting A (Datasets screen, "Delete for good") removes the
// capture's rows and A's thumbnails from the database (counted in SQL beside the running app).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { metadataOf, onlineFileOf, recordLookup } from '../../src-main/db/metadata';
import { bareItem } from '../../src-main/domain/types';
import { THUMBNAIL_PNG } from '../enrich/thumbnail-server';
import { openApp, pickMoment, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const EXPORT_A = join(ROOT, 'fixtures/tiktok/with-capture/user_data_tiktok.json');
const EXPORT_B = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const CAPTURE = join(ROOT, 'fixtures/zeeschuimer/capture.ndjson');
const LONG = { timeout: 60_000 };

let app: OpenApp;
let page: Page;
let db: Database.Database;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  db = new Database(app.db);
}, 60_000);

afterAll(async () => {
  db?.close();
  await app?.close();
});

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });
const count = (sql: string, ...args: unknown[]) =>
  (db.prepare(sql).get(...args) as { n: number }).n;
/** The imported datasets in the order they were imported (both files share one name). */
const imported = () =>
  (
    db.prepare("SELECT id FROM datasets WHERE kind != 'demo' ORDER BY rowid").all() as {
      id: string;
    }[]
  ).map((d) => d.id);

async function importFile(path: string): Promise<void> {
  await tab('Import').click();
  await page.getByTestId('file-input').setInputFiles(path);
  await expect
    .poll(() => page.getByTestId('import-summary').innerText(), LONG)
    .toContain('Imported');
}

/** B's feed halfway through its history (its videos, the id-only group's words) and agreement. */
async function feedOf(datasetId: string): Promise<string[]> {
  await page.locator('.dataset-picker select').selectOption(datasetId);
  await tab('Feed').click();
  await page.getByTestId('agreement-figure').waitFor(LONG);
  await pickMoment(page, 0.5);
  const group = page.getByTestId('id-only-group');
  await page
    .locator('[data-testid="feed-item"], [data-testid="id-only-group"]')
    .first()
    .waitFor(LONG);
  if ((await group.count()) > 0) await group.getByRole('button', { name: /^Show / }).click();
  const ids: string[] = [];
  for (const row of await page.getByTestId('feed-item').all())
    ids.push((await row.getAttribute('data-item-id')) ?? '');
  return [
    ...ids,
    await group.innerText().catch(() => ''),
    await page.getByTestId('agreement-figure').innerText(),
    await page.getByTestId('agreement-sentence').innerText(),
  ];
}

it('a capture added to A leaves B as it was; deleting A removes its rows and thumbnails', async () => {
  await importFile(EXPORT_B);
  await importFile(EXPORT_A);
  const [b, a] = imported() as [string, string];
  const before = await feedOf(b);
  expect(before.length).toBeGreaterThan(3);

  await page.locator('.dataset-picker select').selectOption(a);
  await tab('Metadata').click();
  await page.getByTestId('metadata-file-input').setInputFiles(CAPTURE);
  await page.getByTestId('metadata-file').waitFor(LONG);
  const ofA = `SELECT COUNT(*) AS n FROM metadata m JOIN metadata_files f ON f.id = m.file_id
    WHERE f.dataset_id = ?`;
  expect(count(ofA, a)).toBe(35);
  // A downloaded thumbnail of one of A's videos, as an online run with thumbnails on stores it.
  const video = (
    db.prepare('SELECT id FROM items WHERE dataset_id = ? LIMIT 1').get(a) as {
      id: string;
    }
  ).id;
  recordLookup(
    db,
    onlineFileOf(db, a, Date.now()),
    { id: video, outcome: 'found', httpStatus: 200, detail: 'found', askedAtMs: Date.now() },
    { ...metadataOf(bareItem(video, null)), caption: 'found online' },
    { outcome: 'stored', mime: 'image/png', bytes: THUMBNAIL_PNG, detail: 'image/png' },
  );
  expect(count('SELECT COUNT(*) AS n FROM thumbnails')).toBe(1);

  expect(await feedOf(b)).toEqual(before);

  await tab('Datasets').click();
  // Both were imported from a file of the same name: A's row is the one with A's event count.
  const events = count('SELECT COUNT(*) AS n FROM events WHERE dataset_id = ?', a);
  const row = page.getByRole('row').filter({
    has: page.getByRole('cell', { name: events.toLocaleString('en-US'), exact: true }),
  });
  await row.getByRole('button', { name: 'Delete…' }).click();
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect
    .poll(() => count('SELECT COUNT(*) AS n FROM datasets WHERE id = ?', a), LONG)
    .toBe(0);
  expect(count(ofA, a)).toBe(0);
  expect(count('SELECT COUNT(*) AS n FROM metadata_files WHERE dataset_id = ?', a)).toBe(0);
  expect(count('SELECT COUNT(*) AS n FROM metadata')).toBe(0);
  expect(count('SELECT COUNT(*) AS n FROM thumbnails')).toBe(0);
  expect(await feedOf(b)).toEqual(before);
}, 240_000);
