// End to end in Chromium: the Audit screen's export. Choose the redaction, read the preview, then
// write the folder; the folder verifies and its manifest records the choices.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFolder } from '../../src-main/export/verify';
import { openApp, type OpenApp } from '../helpers/chromium';
import { tempDir } from '../helpers/temp';

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
}, 60_000);
afterAll(async () => app?.close());

describe('the Audit screen export', () => {
  it('previews what would be written, with the redaction, then writes a folder that verifies', async () => {
    await page.getByRole('button', { name: 'Audit' }).click();
    await page.getByRole('checkbox', { name: /Drop what was typed/ }).check();
    await page.getByRole('combobox', { name: 'Times in the export' }).selectOption('day');
    await page.getByRole('checkbox', { name: 'tables as Parquet' }).uncheck();
    await page.getByRole('button', { name: 'Preview what would be written' }).click();
    const preview = page.getByTestId('export-preview');
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.innerText()).toMatch(
      /Nothing is written yet\. The export would hold 15 slates/,
    );
    expect(await preview.locator('tbody tr').count()).toBe(5);
    await preview.getByText('One example record').click();
    const example = await page.getByTestId('export-example').innerText();
    expect(example).toMatch(/"at": "2026-03-01T00:00:00\.000Z"/);
    expect(example).toMatch(/"prevSha256": "0{64}"/);

    // Changing an option withdraws the export until the preview is shown again.
    await page.getByRole('checkbox', { name: /Replace creator handles/ }).check();
    expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Preview what would be written' }).click();
    await preview.waitFor();

    const out = join(tempDir(), 'from-the-ui');
    await page.getByRole('textbox', { name: /Folder to create/ }).fill(out);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const written = page.getByTestId('export-written');
    await written.waitFor({ timeout: 30_000 });
    expect(await written.innerText()).toMatch(/^Wrote 8 files \([\d.]+ MB, 15 slates\) to /);
    expect(verifyFolder(out)).toBeNull();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.options.formats).toEqual(['jsonl', 'csv', 'sqlite']);
    expect(manifest.options.redaction).toEqual({
      dropText: true,
      creators: 'hmac-sha256, key generated, not stored',
      coarsen: 'day',
    });
    expect(await written.innerText()).toContain(manifest.manifestSha256);

    // A second export to the same folder is refused in one sentence.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByText(/already exists; an export never overwrites/).waitFor();
  }, 120_000);
});
