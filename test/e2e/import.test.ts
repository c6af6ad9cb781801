// End to end: a user picks their TikTok export in the real UI, sees what it holds and lacks,
// then deletes the dataset after confirming. A file that is not an export gets one clear line.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { PRIVATE_CANARY, txtExportFiles, zipOf } from '../../scripts/make-txt-exports';
import { ROOT } from '../helpers/shell';
import { tempDir } from '../helpers/temp';

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

  for (const lang of ['en', 'nl'] as const) {
    it(`imports the late-2025 ${lang} TXT zip with exact counts and every file's state`, async () => {
      await page.getByRole('button', { name: 'Import' }).click();
      await page
        .getByTestId('file-input')
        .setInputFiles(join(ROOT, `fixtures/tiktok/txt-2025-${lang}.zip`));
      const summary = page.getByTestId('import-summary');
      await expect
        .poll(() => summary.innerText(), { timeout: 30_000 })
        .toContain(`Imported txt-2025-${lang}.zip`);
      const text = await summary.innerText();
      for (const [kind, n] of Object.entries({
        favorite: 2,
        follow: 2,
        'keyword-filter': 2,
        like: 3,
        'not-interested': 1,
        search: 3,
        share: 1,
        watch: 6,
      }))
        expect(text).toMatch(new RegExp(`${kind}\\s+${n}\\b`));
      const files = page.getByTestId('import-files').locator('tbody tr');
      expect(await files.count()).toBe(12);
      const state = (name: string) =>
        page.getByTestId('import-files').locator(`tbody tr[data-state="${name}"]`).count();
      expect(await state('private')).toBe(1);
      expect(await state('empty')).toBe(2);
      expect(await state('read')).toBe(9);
      // What the export says about itself and the card, as for a JSON export.
      const self = await page.getByTestId('export-self').innerText();
      expect(self).toMatch(/Watched to the end since you registered\s+1,234/);
      expect(await page.getByTestId('keyword-filters').innerText()).toMatch(
        /^Your keyword filters \(from your TikTok settings, observed\): horror, spoilers\./,
      );
      const contents = await page.getByTestId('export-contents').innerText();
      expect(contents).toMatch(/Watch History\s+6\s+.+\s+profile, feed/);
      expect(contents).toMatch(/Like List\s+3\s/);
      expect(contents).toMatch(/Searches\s+3\s/);
      expect(contents).toMatch(/Following\s+2\s/);
      expect(contents).toMatch(/Activity Summary\s+1\s+—\s+nothing yet/);
      expect(await page.getByTestId('import-skipped').innerText()).toContain(
        'Block List: 1 record with a date before TikTok (2016), from the musical.ly years',
      );
      expect(await page.content()).not.toContain(PRIVATE_CANARY);
    });
  }

  it('asks what an unknown file of video links is, and its events reach the Profile', async () => {
    const files = txtExportFiles('en');
    const renamed = Object.fromEntries(
      Object.entries(files).map(([path, text]) => [
        path === 'Likes and Favorites/Like List.txt' ? 'Likes and Favorites/Lijst 7.txt' : path,
        text,
      ]),
    );
    const zip = join(tempDir(), 'renamed-export.zip');
    writeFileSync(zip, zipOf(renamed));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('file-input').setInputFiles(zip);
    const choose = page.getByRole('group', { name: 'Which section is each of these files?' });
    await choose.waitFor({ timeout: 30_000 });
    expect(await choose.innerText()).toMatch(/Likes and Favorites\/Lijst 7\.txt — 3 records/);
    expect(await page.getByTestId('import-summary').innerText()).not.toMatch(/\blike\s+\d/);
    // The question and the list of every file pass axe-core (serious and critical).
    await page.getByText(/^Every file/).click();
    await page.evaluate(
      readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
    );
    const violations = await page.evaluate<{ id: string; impact: string | null }[]>(
      `axe.run(document.querySelector('[data-testid="import-summary"]'), { resultTypes: ['violations'] }).then((r) => r.violations)`,
    );
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({
      path: join(ROOT, 'docs/screenshots/import-choose-sections.png'),
      fullPage: true,
    });
    await choose.getByRole('combobox').selectOption('like');
    await choose.getByRole('button', { name: 'Import 1 file with these choices' }).click();
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 30_000 })
      .toMatch(/\blike\s+3\b/);
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Profile', exact: true })
      .click();
    const log = page.getByTestId('signal-log');
    await log.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Signal log pages' }).innerText())
      .toContain('of 20');
    expect(await log.innerText()).toMatch(/\blike\b/);
  });
});
