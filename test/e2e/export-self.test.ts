// End to end (issue #18): a person imports an export they edited by hand and sees what it holds,
// what was repaired and skipped, what this version does not know (names and counts, never the
// content), what the export says about itself and their own keyword filters; the Profile shows
// the same, and once the videos' durations are added, that TikTok's own count disagrees with the
// completion inferred from gaps.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const DIR = join(ROOT, 'fixtures/tiktok/hand-edited');

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});

afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

describe('a hand-edited export in the UI', () => {
  it('imports it and says what is in it, what was repaired and what it says about itself', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(join(DIR, 'user_data_tiktok.json'));
    const summary = page.getByTestId('import-summary');
    await expect.poll(() => summary.innerText(), { timeout: 20_000 }).toContain('Imported');
    const contents = await page.getByTestId('export-contents').innerText();
    expect(contents).toMatch(/Watch History\s+51\s+.+\s+profile, feed/);
    expect(contents).toMatch(/Activity Summary\s+1\s+—\s+nothing yet/);
    expect(await page.getByTestId('export-absent').innerText()).toMatch(
      /^Not in this export: .*Share History.*Comments/,
    );
    expect(await page.getByTestId('import-repairs').innerText()).toContain(
      '2 trailing commas (line 231, 260) ignored',
    );
    expect(await page.getByTestId('import-skipped').innerText()).toContain(
      'Block List: 1 record with a date before TikTok (2016), from the musical.ly years',
    );
    const unknown = await page.getByTestId('import-unknown-keys').innerText();
    expect(unknown).toContain('Your Activity › Reposts: 3 records');
    expect(unknown).toContain('Creator Rewards: 2 records');
    const self = await page.getByTestId('export-self').innerText();
    expect(self).toMatch(/Watched to the end since you registered\s+5/);
    expect(self).toContain('Feedlens cannot check its own completion estimate against it yet');
    expect(await page.getByTestId('keyword-filters').innerText()).toMatch(
      /^Your keyword filters \(from your TikTok settings, observed\): cooking, prank\./,
    );
    const page_ = await page.content();
    for (const secret of ['unknown-section-secret', 'unknown-root-secret', 'private-never-read'])
      expect(page_).not.toContain(secret);
    await page.screenshot({
      path: join(ROOT, 'docs/screenshots/import-hand-edited.png'),
      fullPage: true,
    });
  });

  it('shows the same on the Profile, and the disagreement once durations are known', async () => {
    await tab('Profile').click();
    const self = page.getByTestId('export-self');
    await self.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('keyword-filters').innerText()).toContain('cooking, prank');
    expect(await page.getByTestId('completion-check').innerText()).toContain('cannot check');
    await page.getByTestId('metadata-needed').getByRole('button', { name: 'Add a file' }).click();
    await page.getByTestId('metadata-file-input').setInputFiles(join(DIR, 'meta.csv'));
    await page.getByTestId('metadata-file-result').waitFor({ timeout: 20_000 });
    await tab('Profile').click();
    await expect
      .poll(() => page.getByTestId('completion-check').innerText(), { timeout: 20_000 })
      .toMatch(
        /^TikTok counts 5 videos watched to the end since the account was registered, but Feedlens infers 48 of the 48 watches .* more than 10% above TikTok's count/,
      );
    await page.screenshot({
      path: join(ROOT, 'docs/screenshots/profile-export-self.png'),
      fullPage: false,
    });
  });
});
