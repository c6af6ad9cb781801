// End to end: an online lookup cancelled mid-run keeps what it fetched and, started again,
// asks only what is left (again only what was in flight at the cancel); and a capture alone explains why it builds no
// profile until the person chooses to count what the page loaded as weakly seen.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concurrencyFor } from '../../src-main/enrich/run';
import { openApp, type OpenApp } from '../helpers/chromium';
import { startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { ROOT } from '../helpers/shell';

const RATE = 40;
let app: OpenApp;
let page: Page;
let oembed: OembedServer;

beforeAll(async () => {
  oembed = await startOembedServer();
  app = await openApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await oembed?.close();
});

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

async function importFile(path: string) {
  await tab('Import').click();
  await page.getByTestId('file-input').setInputFiles(path);
  await expect
    .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
    .toContain('Imported');
}

async function setOnline(rate: number) {
  const advanced = page.getByText('Advanced: where online lookups go');
  if ((await page.locator('details.advanced[open]').count()) === 0) await advanced.click();
  await page.getByRole('textbox', { name: 'oEmbed endpoint' }).fill(oembed.baseUrl);
  await page.getByRole('spinbutton', { name: 'Requests a second, at most' }).fill(String(rate));
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `at most ${rate} a second` })
    .waitFor();
}

describe('cancel and resume', () => {
  it('stops on Cancel, keeping what was fetched', async () => {
    await importFile(join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json'));
    await tab('Metadata').click();
    await setOnline(RATE);
    await page.getByRole('button', { name: 'Fetch from TikTok…' }).click();
    await page.getByRole('button', { name: /^Send [\d,]+ requests to/ }).click();
    const done = page.getByTestId('enrich-done');
    await expect
      .poll(async () => Number((await done.innerText()).split(' ')[0]))
      .toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const outcome = page.getByTestId('enrich-outcome');
    await outcome.waitFor({ timeout: 20_000 });
    const text = await outcome.innerText();
    expect(text).toContain('Stopped. What was fetched is kept');
    expect(text).toMatch(/^Stopped[\s\S]*So far: asked about [\d,]+ videos/);
    await expect.poll(() => page.getByTestId('coverage').innerText()).not.toMatch(/^0 of/);
  }, 60_000);

  it('started again, asks only what is left', async () => {
    const askedBefore = oembed.requests.size;
    await setOnline(1000);
    await page.getByRole('button', { name: 'Fetch again…' }).click();
    const plan = page.getByTestId('consent-plan');
    await plan.waitFor();
    expect(await plan.innerText()).toMatch(/asked before are not asked again/);
    await page.getByRole('button', { name: /^Send [\d,]+ requests to/ }).click();
    await expect
      .poll(() => page.getByTestId('enrich-outcome').innerText(), { timeout: 30_000 })
      .toMatch(/^Done/);
    expect(oembed.requests.size).toBeGreaterThan(askedBefore);
    // Only the requests in flight when Cancel stopped the first run can be asked again: at most
    // one per worker of the first run (concurrencyFor its rate), and none more than twice.
    const again = [...oembed.requests.values()].filter((n) => n > 1);
    expect(again.every((n) => n === 2)).toBe(true);
    expect(again.length).toBeLessThanOrEqual(concurrencyFor(RATE));
  }, 60_000);
});

describe('a capture alone', () => {
  it('says why it builds no profile, and counts loaded videos as weakly seen on request', async () => {
    await importFile(join(ROOT, 'fixtures/zeeschuimer/capture.ndjson'));
    await tab('Profile').click();
    const note = page.getByTestId('capture-note');
    expect(await note.innerText()).toMatch(
      /^A capture records what the page loaded, not what you watched, so it builds no profile\./,
    );
    await expect
      .poll(() => page.getByTestId('signal-log').innerText())
      .toContain('the page loaded this video, which does not mean you saw it');
    await expect.poll(() => page.getByTestId('profile-empty').count()).toBe(1);
    await note.getByRole('button', { name: 'Count loaded videos as weakly seen' }).click();
    await expect.poll(() => note.innerText()).toMatch(/^Loaded videos count ×0\.25/);
    await page.getByTestId('profile-chart').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('profile-chart').locator('path.series').count()).toBeGreaterThan(
      0,
    );
  });
});
