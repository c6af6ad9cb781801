// End to end, issue 9's rough edges as a new user meets them: narrow windows, the favicon, the
// signal log by keyboard, datasets with one name, a deleted demo, times in the reader's zone.
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
  await page.getByTestId('profile-chart').waitFor();
});

afterAll(async () => app?.close());

const SCREENS = ['Profile', 'Feed', 'Audit', 'Metadata', 'Import', 'Datasets'];

async function pageOverflow(p: Page): Promise<number> {
  // A string, evaluated in the page: the test side is typed for Node, not the DOM.
  return p.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

async function focused(p: Page, what: 'textContent' | 'aria-label'): Promise<string | null> {
  return p.evaluate<string | null>(
    what === 'textContent'
      ? 'document.activeElement?.textContent ?? null'
      : "document.activeElement?.getAttribute('aria-label') ?? null",
  );
}

describe('rough edges', () => {
  it('never scrolls sideways at 1024×700 or 800×600, on any screen', async () => {
    const widths: string[] = [];
    for (const size of [
      { width: 1024, height: 700 },
      { width: 800, height: 600 },
    ]) {
      await page.setViewportSize(size);
      for (const name of SCREENS) {
        await page.getByRole('button', { name, exact: true }).click();
        await page.locator('main h2, main h3').first().waitFor();
        await page.waitForLoadState('networkidle');
        widths.push(`${size.width} ${name} ${await pageOverflow(page)}`);
      }
    }
    // The widest content: a feed item's "why" panel and a what-if answer, both at 800 px.
    await page.getByRole('button', { name: 'Feed', exact: true }).click();
    const item = page.getByTestId('feed-item').first();
    await item.getByRole('button', { name: 'Why?' }).click();
    await item.getByTestId('why-panel').waitFor();
    widths.push(`800 why ${await pageOverflow(page)}`);
    await page.getByRole('button', { name: 'Profile', exact: true }).click();
    await page.getByRole('button', { name: 'what if…' }).first().click();
    await page.getByRole('button', { name: 'What if it had not happened?' }).click();
    await page.getByTestId('what-if').locator('p').first().waitFor({ timeout: 15_000 });
    widths.push(`800 what-if ${await pageOverflow(page)}`);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/narrow-800.png') });
    expect(widths.filter((w) => Number(w.split(' ').at(-1)) > 0)).toEqual([]);
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('serves /favicon.ico and an SVG icon under the page’s own CSP', async () => {
    const ico = await page.request.get(new URL('/favicon.ico', app.shell.url).href);
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toBe('image/x-icon');
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const href = await page.locator('link[rel=icon]').getAttribute('href');
    const svg = await page.request.get(new URL(href!, app.shell.url).href);
    expect(svg.status()).toBe(200);
    expect(await svg.text()).toContain('<svg');
  });

  it('reaches the signal log’s pager in a few tab stops and moves through rows with arrows', async () => {
    await page.getByRole('button', { name: 'Profile', exact: true }).click();
    const log = page.getByTestId('signal-log');
    await log.locator('tbody tr').first().waitFor();
    // Close the what-if answer the first test left open: its side-by-side view has controls of its own.
    await page.getByRole('button', { name: 'what if…', expanded: true }).click();
    const skip = page.getByRole('button', { name: 'Skip to the page buttons' });
    await skip.focus();
    let stops = 0;
    while (stops < 20) {
      await page.keyboard.press('Tab');
      stops += 1;
      if ((await focused(page, 'textContent')) === 'Later →') break;
    }
    expect(stops).toBeLessThanOrEqual(5);
    // The skip link jumps straight there.
    await skip.focus();
    await page.keyboard.press('Enter');
    expect(await focused(page, 'textContent')).toBe('Later →');
    // In the table, the arrow keys walk the rows.
    await log.locator('tbody tr[data-row]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page, 'aria-label')).toMatch(/^Event 3: /);
  });

  it('tells two datasets with one name apart, renames one, and restores a deleted demo', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByTestId('file-input')
      .setInputFiles(join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json'));
    await page.getByTestId('import-summary').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Datasets', exact: true }).click();
    const rows = page.getByTestId('dataset-row');
    await expect.poll(() => rows.count()).toBe(2);
    const demoName = (await rows.first().locator('td').first().innerText()).replace(/ rename$/, '');
    // Give the import the demo's name: the picker must still tell them apart.
    await rows
      .nth(1)
      .getByRole('button', { name: /^Rename / })
      .click();
    await page.getByLabel('New name').fill(demoName);
    await page.getByRole('button', { name: 'Save' }).click();
    const options = page.locator('.dataset-picker option');
    await expect
      .poll(
        async () => (await options.allInnerTexts()).filter((t) => t.startsWith(demoName)).length,
      )
      .toBe(2);
    const labels = await options.allInnerTexts();
    expect(new Set(labels).size).toBe(2);
    for (const label of labels)
      expect(label).toMatch(/, from \d{4}-\d\d-\d\d.* \([\d,]+ events?\)$/);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/datasets.png') });

    await rows.first().getByRole('button', { name: 'Delete…' }).click();
    await rows.first().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Restore the demo dataset' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Restore the demo dataset' }).count()).toBe(0);
  });

  it('writes times in the reader’s zone, or in UTC on request', async () => {
    const context = await app.browser.newContext({
      timezoneId: 'America/New_York',
      viewport: { width: 1100, height: 900 },
    });
    const local = await context.newPage();
    await local.goto(app.shell.url);
    const firstRow = local.getByTestId('signal-log').locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d EST/);
    await local.getByLabel('Times').selectOption('UTC');
    await expect.poll(() => firstRow.innerText()).toMatch(/\d\d:\d\d:\d\d UTC/);
    await context.close();
  });
});
