// End to end: a capture added on one dataset's Metadata screen is listed there with its counts,
// and removed in one click (docs/ENRICH.md, Ownership).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { databaseFromBefore0060 } from '../helpers/db-before-0060';
import { ROOT } from '../helpers/shell';

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

describe('the Metadata screen lists added files', () => {
  it('adds a capture to the dataset, lists it with its count, removes it', async () => {
    await tab('Import').click();
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'fixtures/tiktok/with-capture/user_data_tiktok.json'));
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    await tab('Metadata').click();
    await page.getByTestId('metadata-files-empty').waitFor();
    await page
      .getByTestId('metadata-file-input')
      .setInputFiles(join(ROOT, 'fixtures/zeeschuimer/capture.ndjson'));
    const line = page.getByTestId('metadata-file');
    await line.waitFor({ timeout: 20_000 });
    expect(await line.innerText()).toMatch(
      /^capture\.ndjson \(a Zeeschuimer capture\): \d+ of these 35 videos (is|are) in this dataset\./,
    );
    await page.getByTestId('metadata-files').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/metadata-files.png') });
    await page.getByRole('button', { name: 'Remove capture.ndjson' }).click();
    await page.getByTestId('metadata-files-empty').waitFor();
    expect(await page.getByTestId('metadata-file').count()).toBe(0);
  }, 60_000);
});

describe('after migration 0060 moved the metadata of before', () => {
  let old: OpenApp;
  afterAll(async () => old?.close());

  it('says once, on the Metadata screen, which datasets the files now belong to', async () => {
    old = await openApp(undefined, { db: databaseFromBefore0060() });
    const at = (name: string) =>
      old.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });
    await at('Metadata').click();
    const notice = old.page.getByTestId('moved-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toMatch(
      /^Your metadata files now belong to the datasets that use them: Friend \(1 video\), Mine \(2 videos\)\. Metadata about 1 video that no dataset lists stays attached to all datasets\./,
    );
    await notice.getByRole('button', { name: 'Got it' }).click();
    expect(await notice.count()).toBe(0);
    // Once: not after a reload either.
    await old.page.reload();
    await at('Metadata').click();
    await old.page.getByTestId('metadata-sources').waitFor({ timeout: 20_000 });
    expect(await old.page.getByTestId('moved-notice').count()).toBe(0);
  }, 60_000);
});
