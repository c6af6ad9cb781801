// End to end: a user picks their TikTok export in the real UI, sees what it holds and lacks,
// then deletes the dataset after confirming. A file that is not an export gets one clear line.
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

afterAll(async () => app?.close());

/** The datasets the app holds, asked of its API as the page would. */
async function datasets(): Promise<{ id: string; eventCount: number }[]> {
  const res = await fetch(`${app.shell.origin}/api/call/datasets/list`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.shell.token}` },
    body: '{}',
  });
  const envelope = (await res.json()) as { ok: true; value: { id: string; eventCount: number }[] };
  return envelope.value;
}

describe('importing in the UI', () => {
  it('imports a picked TikTok export and shows its summary', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json'));
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 15_000 });
    const text = await summary.innerText();
    expect(text).toContain('Imported');
    expect(text).toMatch(/watch\s+\d+/);
    expect(text).toContain('Estimated, not read');
    // The summary alone: it now opens the imported dataset's overview, which runs on below it.
    await summary.screenshot({ path: join(ROOT, 'docs/screenshots/import-summary.png') });
  });

  it('says "already imported" for the same file again and changes nothing', async () => {
    // A new import lands on its own overview (the Viewing screen): back to Import for the next.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const before = await datasets();
    expect(before).toHaveLength(2);
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json'));
    await expect
      .poll(() => page.getByTestId('import-summary').innerText())
      .toContain('Already imported');
    expect(await datasets()).toEqual(before);
  });

  it('shows one clear line for a file that is not a TikTok export', async () => {
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'fixtures/tiktok/bad/instagram-likes.json'));
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 15_000 });
    const message = await error.innerText();
    expect(message).toContain('instagram-likes.json');
    expect(message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
  });

  it('deletes a dataset only after confirmation', async () => {
    await page.getByRole('button', { name: 'Datasets' }).click();
    const rows = page.getByTestId('dataset-row');
    await expect.poll(() => rows.count()).toBe(2);
    const imported = rows.filter({ hasText: 'user_data_tiktok.json' });
    await imported.getByRole('button', { name: 'Delete…' }).click();
    await imported.getByRole('button', { name: 'Keep' }).click();
    expect(await rows.count()).toBe(2);
    await imported.getByRole('button', { name: 'Delete…' }).click();
    await imported.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
  });

  it('imports a TXT export picked as several files at once', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dir = join(ROOT, 'fixtures/tiktok/txt-2020');
    await page
      .getByTestId('file-input')
      .setInputFiles(
        ['Video Browsing History.txt', 'Like List.txt', 'Searches.txt'].map((f) => join(dir, f)),
      );
    const summary = page.getByTestId('import-summary');
    await expect
      .poll(() => summary.innerText(), { timeout: 15_000 })
      .toContain('Imported Video Browsing History.txt and 2 more');
    const text = await summary.innerText();
    for (const kind of ['watch', 'like', 'search'])
      expect(text).toMatch(new RegExp(`${kind}\\s+\\d+`));
  });

  it('asks which subject of a sock-puppet log to import', async () => {
    const log = join(ROOT, 'fixtures/event-log/sock-puppet.csv');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('file-input').setInputFiles(log);
    await page.getByRole('button', { name: 'puppet-gamer' }).click();
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 15_000 })
      .toContain('Imported sock-puppet.csv · puppet-gamer');
  });
});
