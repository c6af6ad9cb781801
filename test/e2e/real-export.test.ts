// End to end, as a new user with their own export: import a G3 TikTok export that has no
// metadata (the Profile builds from searches, favourites and follows; the Feed says why it is
// thin and what to do), add a metadata file, then fetch the rest from a local oEmbed stand-in
// after the consent screen, and see topics, a full feed with "why" and the agreement figure.
// Nothing leaves 127.0.0.1 before the opt-in: neither the page (every request recorded) nor the
// shell (started under test/helpers/loopback-only.mjs, which logs any other connection).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, recordForeignRequests, type OpenApp, pickMoment } from '../helpers/chromium';
import { startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { ROOT } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

const REALISTIC = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const EXPORT = existsSync(REALISTIC)
  ? REALISTIC
  : join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json');
const META_CSV = join(ROOT, 'fixtures/enrich/meta.csv');
const SHOTS = join(ROOT, 'docs/screenshots');

let app: OpenApp;
let page: Page;
let oembed: OembedServer;
const foreign: string[] = [];
// A file name beside a fresh temporary database: the tripwire appends a line per refusal.
const netLog = `${tempDbPath()}.net.log`;

beforeAll(async () => {
  oembed = await startOembedServer();
  app = await openApp((p) => recordForeignRequests(p, foreign), {
    env: { FEEDLENS_NET_LOG: netLog },
    nodeFlags: ['--import', './test/helpers/loopback-only.mjs'],
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await oembed?.close();
});

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });
const nothingLeft = () => {
  expect(foreign).toEqual([]);
  expect(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '').toBe('');
};

describe('a real export with no metadata', () => {
  it('imports the export', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    expect(await page.getByTestId('import-metadata-hint').innerText()).toMatch(
      /^[\d,]+ videos are known by id only: without a caption or creator they cannot shape/,
    );
  });

  it('builds a Profile from searches, favourites and follows, and says what is missing', async () => {
    await tab('Profile').click();
    await page.getByTestId('profile-chart').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('profile-chart').locator('path.series').count()).toBeGreaterThan(
      0,
    );
    // The export spans three years with pauses of weeks and months: the lines break there and
    // each pause is labelled with its length (fixtures/tiktok/realistic-g3: 61 and 69 days in 2022).
    const gaps = page.getByTestId('profile-gap');
    expect(await gaps.count()).toBeGreaterThan(0);
    // SVG text has no innerText: read its text content.
    const labels = await page
      .locator('[data-testid="profile-gap"] text.gap-label')
      .allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels)
      expect(label).toMatch(/^no events for [\d,]+ (days|weeks|months|years)$/);
    expect(labels.some((l) => /months?$/.test(l))).toBe(true);
    expect(await page.locator('[data-chart="profile-topics"] .chart-sentence').innerText()).toMatch(
      /Lines break where nothing happened for more than a week \([\d,]+ gaps? here\)/,
    );
    const needed = page.getByTestId('metadata-needed');
    expect(await needed.innerText()).toMatch(
      /^Your export lists [\d,]+ videos without captions or creators\. Add metadata:/,
    );
    for (const name of ['Fetch from TikTok', 'Add a capture', 'Add a file'])
      expect(await needed.getByRole('button', { name }).count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('coverage').innerText())
      .toMatch(/^0 of [\d,]+ videos have a caption/);
    // A watch of a video nobody knows anything about says so, not just "no change".
    await expect
      .poll(() => page.getByTestId('signal-log').innerText())
      .toContain('no change: nothing is known about this video yet');
    await page.screenshot({ path: join(SHOTS, 'real-export-profile.png'), fullPage: false });
  });

  it('explains the Feed’s state with buttons', async () => {
    await tab('Feed').click();
    const explanation = page.getByTestId('feed-explanation');
    await explanation.waitFor({ timeout: 20_000 });
    expect(await explanation.innerText()).toMatch(
      /already seen|caption, hashtag, creator or sound/,
    );
    expect(await explanation.getByRole('button').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('metadata-needed').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'real-export-empty.png'), fullPage: false });
  });

  it('includes the synthetic demo catalogue on request, every such video labelled', async () => {
    await page.getByText('Engine settings').click();
    await page.getByRole('checkbox', { name: 'Include the demo catalogue (synthetic)' }).check();
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
    const badges = await page.getByTestId('pool-badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['synthetic demo video']));
    await page.getByRole('checkbox', { name: 'Include the demo catalogue (synthetic)' }).uncheck();
    await page.getByText('Engine settings').click();
    await page.getByTestId('feed-explanation').waitFor({ timeout: 20_000 });
  });

  it('visits every screen without a request leaving 127.0.0.1', async () => {
    for (const name of ['Audit', 'Metadata', 'Import', 'Datasets', 'Profile', 'Feed']) {
      await tab(name).click();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
    }
    await page.getByTestId('feed-explanation').waitFor({ timeout: 20_000 });
    expect(oembed.requests.size).toBe(0);
    nothingLeft();
  });
});

describe('adding metadata', () => {
  it('adds a metadata file, offline', async () => {
    await page.getByTestId('metadata-needed').getByRole('button', { name: 'Add a file' }).click();
    await page.getByTestId('metadata-file-input').setInputFiles(META_CSV);
    const result = page.getByTestId('metadata-file-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.innerText()).toMatch(/Records read\s+\d+/);
    await expect.poll(() => page.getByTestId('coverage').innerText()).not.toMatch(/^0 of/);
    expect(oembed.requests.size).toBe(0);
    nothingLeft();
  });

  it('points online lookups at the stand-in through the Advanced settings', async () => {
    await page.getByText('Advanced: where online lookups go').click();
    await page.getByRole('textbox', { name: 'oEmbed endpoint' }).fill(oembed.baseUrl);
    // Fast enough for a short test, slow enough to watch the progress for a few seconds.
    await page.getByRole('spinbutton', { name: 'Requests a second, at most' }).fill('400');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Saved: lookups go to ${oembed.baseUrl}` })
      .waitFor();
  });

  it('shows the consent screen first; Esc goes back and nothing is sent', async () => {
    await page.getByRole('button', { name: 'Fetch from TikTok…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fetch captions and creators from TikTok?' });
    await dialog.getByTestId('consent-plan').waitFor();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('consent-title');
    const plan = await dialog.innerText();
    expect(plan).toContain('Only video ids');
    expect(plan).toContain('127.0.0.1');
    expect(plan).toMatch(/[\d,]+ requests, for the [\d,]+ videos without a caption or creator/);
    expect(plan).toContain('caption (with its hashtags), its creator’s handle and a thumbnail URL');
    expect(plan).toContain('off by default');
    expect(await dialog.getByTestId('consent-example').innerText()).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/oembed\?url=.*video.*\d+/,
    );
    await page.screenshot({ path: join(SHOTS, 'enrich-consent.png'), fullPage: false });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(oembed.requests.size).toBe(0);
    nothingLeft();
  });

  it('fetches after the click, with progress, and ends with counts by outcome', async () => {
    await page.getByRole('button', { name: 'Fetch from TikTok…' }).click();
    await page.getByRole('button', { name: /^Send [\d,]+ requests to 127\.0\.0\.1/ }).click();
    const progress = page.getByTestId('enrich-progress');
    await expect
      .poll(() => progress.innerText())
      .toMatch(/Fetching metadata: [1-9][\d,]* of [\d,]+ videos · .* left/);
    expect(await progress.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    expect(await progress.innerText()).toContain('start again to continue');
    const outcome = page.getByTestId('enrich-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.innerText()).toMatch(/found\s+[1-9][\d,]*/);
    await page.screenshot({ path: join(SHOTS, 'enrich-done.png'), fullPage: false });
    expect(oembed.requests.size).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('coverage').innerText()).toMatch(/topics for [1-9]/);
  }, 60_000);

  it('then shows topics, a feed of 20 with “why” and the agreement figure', async () => {
    await tab('Profile').click();
    // The stand-in answers 52 ids as removed and 35 as private (fixtures/enrich/oembed.jsonl):
    // those stay without a caption, and the notice says nothing more can be fetched for them.
    const notice = page.getByTestId('metadata-needed');
    await expect
      .poll(() => notice.innerText(), { timeout: 20_000 })
      .toMatch(
        /^Your export lists 87 videos without captions or creators\. All were asked about online already/,
      );
    expect(await notice.getByRole('button', { name: 'Fetch from TikTok' }).count()).toBe(0);
    await tab('Feed').click();
    await pickMoment(page, 0.5);
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
    const first = page.getByTestId('feed-item').first();
    await first.getByRole('button', { name: 'Why?' }).click();
    await first.getByTestId('why-panel').waitFor();
    const figure = page.getByTestId('agreement-figure');
    await figure.waitFor({ timeout: 30_000 });
    expect(await figure.innerText()).toMatch(
      /^\d+(\.\d)?% hit rate in the top 20 \(95% interval [\d.]+%–[\d.]+%; chance [\d.]+%; NDCG \d\.\d\d; n = [\d,]+ sessions?, [\d,]+ videos?\)/,
    );
    // Greyed exactly when a caution says why (chance at or above 50 %, or under 5 sessions).
    const cautions = await page.getByTestId('agreement-caution').count();
    expect(await figure.getAttribute('data-greyed')).toBe(String(cautions > 0));
    expect(await page.getByTestId('agreement-sentence').innerText()).toMatch(
      /^In [\d,]+ sessions?, /,
    );
    expect(await page.getByTestId('agreement-chart').locator('circle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'real-export-feed.png'), fullPage: true });
  }, 60_000);

  it('kept the page and the shell on 127.0.0.1 throughout', () => {
    nothingLeft();
  });
});
