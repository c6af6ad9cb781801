// End to end: the audit report from the Audit screen, in the Debian Chromium on the real browser
// shell: the HTML and its PDF written where the user said, and one clear line when it cannot be.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { tempDir } from '../helpers/temp';

const opened: OpenApp[] = [];
afterAll(async () => {
  for (const app of opened) await app.close();
});

async function auditScreen(env: NodeJS.ProcessEnv = {}): Promise<Page> {
  const app = await openApp(undefined, { env });
  opened.push(app);
  await app.page.getByRole('button', { name: 'Audit' }).click();
  return app.page;
}

async function writeReport(page: Page, out: string, pdf: boolean): Promise<void> {
  await page.getByLabel(/File to write/).fill(out);
  await page.getByRole('checkbox', { name: /also as PDF/i }).setChecked(pdf);
  await page.getByRole('button', { name: 'Write the report' }).click();
}

describe('the report from the Audit screen', () => {
  const dir = tempDir('feedlens-report-ui-');

  it('writes the HTML and the PDF beside it, and says where', async () => {
    const page = await auditScreen();
    const out = join(dir, 'demo-report.html');
    await writeReport(page, out, true);
    // Busy while it writes: a progress bar, and no second click.
    await page.getByRole('progressbar', { name: 'Writing the report' }).waitFor();
    expect(await page.getByRole('button', { name: 'Write the report' }).isDisabled()).toBe(true);
    const written = page.getByTestId('report-written');
    await written.waitFor({ timeout: 60_000 });
    const pdf = join(dir, 'demo-report.pdf');
    expect(await written.innerText()).toBe(
      `Wrote the report on 15 slates (461 events) to ${out} and its PDF to ${pdf}.`,
    );
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<h2>Provenance<\/h2>/);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(10_000);
  }, 90_000);

  it('says in one line when the folder does not exist, and writes nothing', async () => {
    const page = opened[0]!.page;
    const out = join(dir, 'no-such-folder', 'r.html');
    await writeReport(page, out, false);
    const error = page.getByTestId('report-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.innerText()).toBe(
      `Could not write ${out}: its folder does not exist. Nothing was changed there.`,
    );
    await expect(page.getByTestId('report-written').count()).resolves.toBe(0);
  }, 60_000);

  it('asks for a full path ending in .html', async () => {
    const page = opened[0]!.page;
    await writeReport(page, 'report.html', false);
    const error = page.getByTestId('report-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Give the report as a full path ending in \.html/);
  });

  it('without Chromium, says the HTML is written but not the PDF', async () => {
    const page = await auditScreen({ FEEDLENS_CHROMIUM: join(dir, 'no-such-chromium') });
    const out = join(dir, 'no-chromium.html');
    await writeReport(page, out, true);
    const error = page.getByTestId('report-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.innerText()).toBe(
      `Wrote ${out}, but not the PDF: no Chromium at ${join(dir, 'no-such-chromium')} to print the PDF: install it (apt-get install chromium) or set FEEDLENS_CHROMIUM.`,
    );
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'no-chromium.pdf'))).toBe(false);
  }, 90_000);
});
