// End to end: an export too small to judge the model by. Its agreement figure is greyed, not bold,
// with the sentence that says why, and it shows its n and its 95% interval.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

/** One session of eight watched videos (fixtures/tiktok/with-capture/README.md). */
const EXPORT = join(ROOT, 'fixtures/tiktok/with-capture/user_data_tiktok.json');

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});
afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

describe('agreement on an export of one session', () => {
  it('is greyed, with n, the interval and the reason', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await page
      .getByRole('heading', { level: 2, name: 'Your viewing' })
      .waitFor({ timeout: 30_000 });
    await tab('Feed').click();
    const figure = page.getByTestId('agreement-figure');
    await figure.waitFor({ timeout: 30_000 });
    expect(await figure.getAttribute('data-greyed')).toBe('true');
    expect(await figure.locator('strong').count()).toBe(0);
    expect(await figure.innerText()).toMatch(
      /\(95% interval [\d.]+%–[\d.]+%; chance [\d.]+%; NDCG \d\.\d\d; n = 1 session, [\d,]+ videos?\)$/,
    );
    // Eight videos, all unseen at the session's start: random picks of 20 take every one of them.
    expect(await page.getByTestId('agreement-caution').innerText()).toBe(
      'Random picks would score 100% here, because few videos were left that a feed could serve, so this figure says little about the model. Only 1 session was scored; with fewer than 5 the figure is too thin to judge.',
    );
  });
});
