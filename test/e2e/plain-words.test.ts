// End to end, issue 19 item 6: every screen speaks in plain words. On the demo and on the
// realistic export without metadata, each screen (and the Why panel, a What-if and an export
// preview open) is checked for developer leftovers: a backtick, "undefined", "NaN" or a number of
// five or more digits without its separators (test/helpers/plain-text.ts).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, pickMoment, type OpenApp } from '../helpers/chromium';
import { badTextNodes } from '../helpers/plain-text';
import { ROOT } from '../helpers/shell';

const EXPORT = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 2, name }).waitFor();
const LONG = { timeout: 30_000 };

/** Each screen, opened as a person would, and what shows it is there. */
const SCREENS: [string, () => Promise<void>][] = [
  [
    'Viewing',
    async () => {
      await tab('Viewing').click();
      await page.locator('[data-chart="viewing-heatmap"]').waitFor(LONG);
    },
  ],
  [
    'Profile and its signal log',
    async () => {
      await tab('Profile').click();
      await page.getByTestId('signal-log').locator('tbody tr').first().waitFor(LONG);
      // Every change of the page's events, not just the four largest of each.
      const more = page.getByRole('button', { name: /^\d+ more$/ });
      while ((await more.count()) > 0) await more.first().click();
    },
  ],
  [
    'a What-if open',
    async () => {
      const row = page.getByTestId('signal-log').locator('tbody tr[data-row]').first();
      await row.getByRole('button', { name: 'what if…' }).click();
      const answer = row.locator('xpath=following-sibling::tr[1]');
      await answer.getByRole('button', { name: 'What if it had not happened?' }).click();
      await answer.locator('[data-testid="what-if-result"], .what-if > p').first().waitFor(LONG);
    },
  ],
  [
    'Feed with a Why panel open',
    async () => {
      await tab('Feed').click();
      await page
        .locator('[data-testid="feed-item"], [data-testid="feed-explanation"]')
        .first()
        .waitFor(LONG);
      if ((await page.getByTestId('feed-item').count()) === 0) {
        await pickMoment(page, 0.5);
        // A real export's videos are known by id alone: one group, opened to reach a "Why?".
        const group = page.getByTestId('id-only-group');
        await page
          .locator('[data-testid="feed-item"], [data-testid="id-only-group"]')
          .first()
          .waitFor(LONG);
        if ((await group.count()) > 0) await group.getByRole('button', { name: /^Show / }).click();
        await page.getByTestId('feed-item').first().waitFor(LONG);
      }
      const item = page.getByTestId('feed-item').first();
      await item.getByRole('button', { name: 'Why?' }).click();
      await item.getByTestId('why-panel').waitFor(LONG);
    },
  ],
  [
    'Audit with an export preview',
    async () => {
      await tab('Audit').click();
      await heading(/^Audit/);
      await page.getByRole('button', { name: 'Preview what would be written' }).click();
      await page.getByTestId('export-preview').waitFor(LONG);
    },
  ],
  [
    'Metadata',
    async () => {
      await tab('Metadata').click();
      await heading(/^Metadata for/);
    },
  ],
  [
    'Import',
    async () => {
      await tab('Import').click();
      await heading('Import');
    },
  ],
  [
    'Datasets',
    async () => {
      await tab('Datasets').click();
      await heading('Datasets');
    },
  ],
  [
    'Lab',
    async () => {
      await tab('Lab').click();
      await heading('Feed Lab');
    },
  ],
];

function tour() {
  for (const [name, open] of SCREENS) {
    it(`${name}: no backtick, undefined, NaN or unformatted long number`, async () => {
      await open();
      const bad = await badTextNodes(page);
      expect(bad).toEqual([]);
    }, 60_000);
  }
}

describe('the demo', () => {
  tour();

  it('explains KL on keyboard focus, and its Glossary defines NDCG and KL', async () => {
    await tab('Audit').click();
    const kl = page.locator('.term', { hasText: /^KL$/ });
    await kl.waitFor(LONG);
    const tip = page.locator(`[id="${await kl.getAttribute('aria-describedby')}"]`);
    expect(await tip.isVisible()).toBe(false);
    await kl.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(
      /^KL: Kullback–Leibler divergence\. How far the feed’s mix/,
    );
    expect(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('.term')).textDecorationStyle`,
      ),
    ).toBe('dotted');
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'What these terms mean' }).click();
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.id ?? null'))
      .toBe('glossary');
    const terms = await page.getByTestId('glossary').locator('dfn').allInnerTexts();
    expect(terms).toEqual(expect.arrayContaining(['NDCG', 'KL']));
  }, 60_000);
});

describe('the realistic export, without metadata', () => {
  it('imports it, and its summary is in plain words', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await heading('Your viewing');
    await page.getByTestId('import-summary').waitFor();
    expect(await badTextNodes(page)).toEqual([]);
  }, 60_000);

  tour();
});
