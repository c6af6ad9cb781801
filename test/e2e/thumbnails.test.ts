// End to end: thumbnails downloaded during an online run show on the Feed's cards. The consent
// screen asks for them as a separate choice (off until ticked); the run fetches each from a
// stand-in oEmbed and image server on 127.0.0.1 (test/enrich/thumbnail-server.ts); the cards
// show the images as data: URLs, asked for in one call per screen of cards. Nothing leaves
// 127.0.0.1: neither the page (every request recorded) nor the shell (under the loopback tripwire).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, recordForeignRequests, type OpenApp, pickMoment } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';
import { startThumbnailServer, type ThumbnailServer } from '../enrich/thumbnail-server';

const EXPORT = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');

let app: OpenApp;
let page: Page;
let server: ThumbnailServer;
const foreign: string[] = [];
const thumbnailCalls: string[] = [];
const netLog = `${tempDbPath()}.net.log`;

beforeAll(async () => {
  server = await startThumbnailServer();
  app = await openApp(
    (p) => {
      recordForeignRequests(p, foreign);
      p.on('request', (r) => {
        if (r.url().includes('/api/call/enrich%2Fthumbnails')) thumbnailCalls.push(r.url());
      });
    },
    {
      env: { FEEDLENS_NET_LOG: netLog },
      nodeFlags: ['--import', './test/helpers/loopback-only.mjs'],
    },
  );
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

describe('downloaded thumbnails', () => {
  it('are a separate, labelled choice on the consent screen, off until ticked', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    await tab('Metadata').click();
    await page.getByText('Advanced: where online lookups go').click();
    await page.getByRole('textbox', { name: 'oEmbed endpoint' }).fill(server.baseUrl);
    await page.getByRole('spinbutton', { name: 'Requests a second, at most' }).fill('100000');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'thumbnails are not downloaded' }).waitFor();

    await page.getByRole('button', { name: 'Fetch from TikTok…' }).click();
    const choice = page.getByTestId('consent-thumbnails');
    await choice.waitFor();
    const box = choice.getByRole('checkbox', {
      name: 'Also download each found video’s thumbnail image',
    });
    expect(await box.isChecked()).toBe(false);
    expect(await choice.innerText()).toMatch(
      /to TikTok’s image servers \(hosts ending in tiktokcdn\.com, tiktokcdn-us\.com, tiktokcdn-eu\.com, ibyteimg\.com, byteimg\.com\), not 127\.0\.0\.1:\d+\. They too see this computer’s IP address/,
    );
    await box.check();
    await page
      .getByRole('button', {
        name: /^Send [\d,]+ requests to 127\.0\.0\.1:\d+ and download thumbnails$/,
      })
      .click();
    const outcome = page.getByTestId('enrich-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.innerText()).toMatch(/^Done/);
    expect(await page.getByTestId('enrich-thumbnails').innerText()).toMatch(
      /^Thumbnails: [1-9][\d,]* downloaded; the other cards keep their generated thumbnails\.$/,
    );
    expect(server.images.size).toBeGreaterThan(0);
    expect(server.elsewhere).toEqual([]);
  }, 90_000);

  it('show on the Feed’s cards as data: images, in one call for the screen', async () => {
    await tab('Feed').click();
    // An earlier moment: after the last event every video of the export has been seen.
    await pickMoment(page, 0.5);
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
    const images = page.locator('[data-testid="feed-item"] .video-thumb img');
    await expect.poll(() => images.count(), { timeout: 10_000 }).toBe(20);
    // The node typecheck has no DOM types: the few fields read are typed here.
    type Img = { src: string; naturalWidth: number; alt: string };
    type Window = { getComputedStyle(element: unknown): { objectFit: string } };
    const shown = await images.evaluateAll((list) =>
      (list as unknown as Img[]).map((img) => ({
        data: img.src.startsWith('data:image/png;base64,'),
        width: img.naturalWidth,
        fit: (globalThis as unknown as Window).getComputedStyle(img).objectFit,
        alt: img.alt,
      })),
    );
    expect(shown.every((s) => s.data && s.width === 64 && s.fit === 'cover' && s.alt === '')).toBe(
      true,
    );
    // The thumbnail stays hidden from screen readers: the card says it in words.
    expect(
      await page.locator('.video-thumb[aria-hidden="true"][data-thumbnail="downloaded"]').count(),
    ).toBe(20);
    // The 20 cards' images came in one batched call, not one per card.
    expect(thumbnailCalls.length).toBe(1);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/feed-thumbnails.png') });
  }, 60_000);

  it('go when deleted in the settings, and the generated thumbnails come back', async () => {
    await tab('Metadata').click();
    if ((await page.locator('details.advanced[open]').count()) === 0)
      await page.getByText('Advanced: where online lookups go').click();
    await page.getByRole('button', { name: 'Delete downloaded thumbnails' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Deleted [1-9][\d,]* thumbnails\.$/ })
      .waitFor();
    await tab('Feed').click();
    await pickMoment(page, 0.5);
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
    await expect
      .poll(() => page.locator('.video-thumb[data-thumbnail="generated"]').count())
      .toBe(20);
    expect(await page.locator('.video-thumb img').count()).toBe(0);
  });

  it('never made a request beyond 127.0.0.1', () => {
    expect(foreign).toEqual([]);
    expect(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '').toBe('');
  });
});
