// End to end, a first hour as a new user: the first open says the demo is synthetic and how to
// get one's own export; importing the realistic export lands on "Your viewing" for it, with
// minutes per month beside the published average and the weekday × hour heatmap, and nothing of
// the demo on it. Every text node is checked for developer leftovers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { badTextNodes } from '../helpers/plain-text';
import { ROOT } from '../helpers/shell';

const EXPORT = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const SHOTS = join(ROOT, 'docs/screenshots');
const DEMO_NAME = 'Demo: a persona’s first week';
const demoCatalogue = JSON.parse(
  readFileSync(join(ROOT, 'fixtures/demo/catalogue.json'), 'utf8'),
) as {
  caption: string | null;
  creator: string | null;
}[];

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

describe('the first open', () => {
  it('says the demo is synthetic and offers to import one’s own export, with where to get it', async () => {
    const notice = page.getByTestId('demo-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^This is the demo: .*synthetic/s);
    await notice.getByText('Where to get your export').click();
    const where = await notice.innerText();
    expect(where).toContain('Profile → ☰ → Settings and privacy → Account → Download your data');
    expect(where).toMatch(/JSON \(TXT works too\)/);
    expect(where).toMatch(/a few hours to a few days/);
    await page.screenshot({ path: join(SHOTS, 'first-run.png') });
  });

  it('shows the demo’s viewing as the demo’s, without leftovers', async () => {
    await tab('Viewing').click();
    await page
      .getByRole('heading', { level: 2, name: /demo’s sample person \(synthetic\)/ })
      .waitFor();
    await page.locator('[data-chart="viewing-heatmap"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('demo-notice').count()).toBe(1);
    expect(await badTextNodes(page)).toEqual([]);
  });

  it('goes to the Import screen from the notice’s button, by keyboard', async () => {
    await page.getByRole('button', { name: 'Import your TikTok export' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Import' }).waitFor();
    expect(await tab('Import').getAttribute('aria-current')).toBe('page');
  });
});

describe('after importing the realistic export', () => {
  it('lands on that export’s own overview', async () => {
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await page
      .getByRole('heading', { level: 2, name: 'Your viewing' })
      .waitFor({ timeout: 30_000 });
    expect(await tab('Viewing').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('import-summary').innerText()).toContain('Imported');
    const picked = await page.locator('.dataset-picker select').inputValue();
    expect(picked).not.toBe('demo');
    await page.locator('[data-chart="viewing-minutes-month"] svg rect.bar').first().waitFor({
      timeout: 30_000,
    });
  });

  it('shows minutes per month beside the published 850, labelled inferred', async () => {
    const frame = page.locator('[data-chart="viewing-minutes-month"]');
    // The overview as it opens, below what the import read.
    await page.evaluate(`document.querySelector('.zone-line').scrollIntoView()`);
    await page.screenshot({ path: join(SHOTS, 'viewing-overview.png') });
    expect(await frame.locator('.reference text').textContent()).toBe(
      'published average: 850 minutes',
    );
    expect(await frame.locator('.badge.evidence').first().textContent()).toBe('inferred');
    expect(await frame.locator('.chart-sentence').innerText()).toMatch(
      /(full months? of history, about .* a month|No full month yet)/,
    );
    await frame.getByText('The chart’s data as a table').click();
    const rows = frame.getByTestId('viewing-months-table').locator('tbody tr');
    expect(await rows.count()).toBe(await frame.locator('svg rect.bar').count());
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await frame.getByText('About this chart').click();
    expect(await frame.locator('.chart-about').innerText()).toContain('What makes TikTok tick?');
    const facts = await page.getByTestId('viewing-facts').innerText();
    expect(facts).toMatch(/Videos started\s+[\d,]+\s+observed/);
    expect(facts).toMatch(/Estimated watch time\s+\d.*inferred/);
    expect(await page.getByTestId('viewing-left').innerText()).toMatch(
      /^\d+% \([\d,]+ of [\d,]+ videos with a watch time\) inferred$/,
    );
  });

  it('shows the weekday × hour heatmap in the zone the reader picks', async () => {
    const frame = page.locator('[data-chart="viewing-heatmap"]');
    expect(await frame.locator('rect.heat-cell').count()).toBe(168);
    expect(await frame.locator('rect.heat-cell:not(.empty)').count()).toBeGreaterThan(10);
    await page.getByLabel('Days and hours in').selectOption('America/New_York');
    await expect
      .poll(() => frame.locator('.chart-sentence').innerText(), { timeout: 20_000 })
      .toContain('hours in America/New_York');
    await frame.scrollIntoViewIfNeeded();
    await frame.screenshot({ path: join(SHOTS, 'viewing-heatmap.png') });
  });

  it('frames every chart: its table, About, Save as image', async () => {
    const charts = page.locator('main svg[role="img"]');
    expect(await charts.count()).toBe(6);
    for (const chart of await charts.all()) {
      const frame = chart.locator('xpath=ancestor::figure[contains(@class, "chart-frame")][1]');
      expect(await frame.count()).toBe(1);
      expect(await frame.locator('summary', { hasText: 'About this chart' }).count()).toBe(1);
      expect(await frame.locator('details.chart-data').count()).toBe(1);
      for (const kind of ['SVG', 'PNG'])
        expect(await frame.locator('.chart-save button', { hasText: kind }).count()).toBe(1);
    }
    expect(await page.getByTestId('longest-sessions').locator('tbody tr').count()).toBe(10);
  });

  it('never scrolls sideways at 800 × 600', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('holds no demo data and no developer leftovers', async () => {
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(DEMO_NAME);
    expect(await page.getByTestId('demo-notice').count()).toBe(0);
    const leaked = demoCatalogue.flatMap((item) =>
      [item.caption, item.creator].filter(
        (s): s is string => s !== null && s.length >= 8 && text.includes(s),
      ),
    );
    expect(leaked).toEqual([]);
    expect(await badTextNodes(page)).toEqual([]);
  });
});
