// End to end, issue 19 item 6: an import that adds nothing says so. Cancelling says "cancelled;
// nothing was added"; an import the app no longer knows (it was closed mid-import) says it was
// interrupted; a reload while an import runs finds it again (running or ended) and shows its end.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeG3Export } from '../import/generate-export';
import { openApp, type OpenApp } from '../helpers/chromium';
import { tempDir } from '../helpers/temp';

// Big enough that the Cancel click lands while it is copied (about 6 MB: the browser's copy to the
// shell runs at about 1 MB/s under the test driver) and that a reload finds it still running.
const ENTRIES = 60_000;
let big: string;
let app: OpenApp;
let page: Page;

beforeAll(async () => {
  big = join(tempDir(), 'user_data_tiktok.json');
  await writeG3Export(big, ENTRIES);
  app = await openApp();
  page = app.page;
}, 60_000);
afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });
const datasetCount = () => page.locator('.dataset-picker option').count();

describe('an import that ends without adding anything', () => {
  it('says a cancelled import added nothing', async () => {
    await tab('Import').click();
    const before = await datasetCount();
    await page.getByTestId('file-input').setInputFiles(big);
    await page.locator('.import-progress').getByRole('button', { name: 'Cancel' }).click();
    const notice = page.getByTestId('import-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toBe('The import was cancelled; nothing was added.');
    expect(await datasetCount()).toBe(before);
  }, 60_000);

  it('says an import the app no longer knows was interrupted', async () => {
    // What a page remembers of an import the main side never finished: the app was closed.
    await page.evaluate(
      `localStorage.setItem('feedlens.pending-import', JSON.stringify({ name: 'mine.zip', path: null, jobId: 'import-from-a-closed-app' }))`,
    );
    await page.reload();
    await tab('Import').click();
    const notice = page.getByTestId('import-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      'The last import was interrupted (the app was closed or reloaded); nothing was added. Import again.',
    );
    // Said once: the page forgot it.
    await page.reload();
    await tab('Import').click();
    await page.getByTestId('dropzone').waitFor();
    expect(await page.getByTestId('import-notice').count()).toBe(0);
  });

  it('after a reload, finds the import it started (running or ended) and shows its end', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(big);
    // Past the copy: the main side has the job, and the page has its id.
    await page
      .locator('.import-progress p')
      .filter({ hasText: /^(Checking|Reading|Writing|Recording)/ })
      .waitFor({ timeout: 30_000 });
    await page.reload();
    await tab('Import').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toContain('Imported');
    expect(await page.getByTestId('import-notice').count()).toBe(0);
  }, 90_000);
});
