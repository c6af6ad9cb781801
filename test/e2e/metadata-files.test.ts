// End to end: a capture added on one dataset's Metadata screen is listed there with its counts,
// and removed in one click (docs/ENRICH.md, Ownership).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
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
    await page.getByRole('button', { name: 'Remove capture.ndjson' }).click();
    await page.getByTestId('metadata-files-empty').waitFor();
    expect(await page.getByTestId('metadata-file').count()).toBe(0);
  }, 60_000);
});
