// End to end: the real browser shell, driven in Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp, pickMoment } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

let app: OpenApp;
let page: Page;
const foreignRequests: string[] = [];

beforeAll(async () => {
  app = await openApp((p) =>
    p.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1')
        foreignRequests.push(request.url());
    }),
  );
  page = app.page;
});

afterAll(async () => app?.close());

describe('the app in a real browser', () => {
  it('draws the demo profile chart with a line per top topic', async () => {
    const chart = page.getByTestId('profile-chart');
    await chart.waitFor();
    const paths = chart.locator('path.series');
    expect(await paths.count()).toBeGreaterThanOrEqual(3);
    for (const path of await paths.all()) {
      expect(await path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){10,}/);
    }
  });

  it('lists, event by event, how each signal moved the profile', async () => {
    const log = page.getByTestId('signal-log');
    await log.waitFor();
    const rows = log.locator('tbody tr');
    expect(await rows.count()).toBe(50);
    const first = await rows.first().innerText();
    expect(first).toMatch(/2026-03-01 \d\d:\d\d:\d\d UTC/);
    expect(first).toMatch(/topic [\w-]+ -?\d+\.\d{3} → -?\d+\.\d{3}/);
    await page.getByRole('button', { name: 'Later →' }).click();
    await expect.poll(() => log.locator('tbody tr').first().innerText()).toMatch(/^51\b/);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/profile.png'), fullPage: false });
  });

  it('opens a feed item’s “why” panel with signed contributions', async () => {
    await page.getByRole('button', { name: 'Feed' }).click();
    const first = page.getByTestId('feed-item').first();
    await first.waitFor();
    expect(await page.getByTestId('feed-item').count()).toBe(20);
    await first.getByRole('button', { name: 'Why?' }).click();
    const panel = first.getByTestId('why-panel');
    await panel.waitFor();
    const rows = panel.locator('.why-row');
    expect(await rows.count()).toBeGreaterThan(0);
    const widths = await Promise.all(
      (await panel.locator('rect').all()).map(async (rect) =>
        Number(await rect.getAttribute('width')),
      ),
    );
    expect(Math.max(...widths)).toBeGreaterThan(10);
    await expect
      .poll(() => first.getByRole('button', { name: 'Why?' }).getAttribute('aria-expanded'))
      .toBe('true');
    // …traced back to the past events that built them ("+0.310 from topic:cooking (named in the
    // sentence): you liked “…” by @x (2026-03-03 12:09 UTC, event 181) +0.097; …"), in the raw
    // tables, the third depth, folded until opened.
    const because = first.getByTestId('why-because');
    expect(await because.isVisible()).toBe(false);
    await panel.getByText('Every number behind it').click();
    expect(await because.innerText()).toMatch(
      /from \w+:\S+ \([^)]+\): you (watched|liked|rewatched|shared|saved|commented on|followed|searched) .*\(2026-03-0\d \d\d:\d\d UTC, event \d+/,
    );
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/feed-why.png'), fullPage: true });
  });

  it('rebuilds the feed for an earlier moment picked on the timeline', async () => {
    const stamp = page.getByText(/^At 2026-03-0\d \d\d:\d\d UTC, preset/);
    expect(await stamp.innerText()).toContain('At 2026-03-07');
    await pickMoment(page, 0.1);
    await expect.poll(() => stamp.innerText()).toMatch(/^At 2026-03-0[1-3]/);
    expect(await page.getByTestId('feed-item').count()).toBe(20);
  });

  it('turns exploration off from the engine settings, for every screen at once', async () => {
    const explore = page.getByTestId('feed-item').locator('.badge.explore');
    expect(await explore.count()).toBeGreaterThan(0);
    await page.getByText('Engine settings').click();
    await page.getByRole('slider', { name: /Exploration share/ }).fill('0');
    await expect.poll(() => page.getByText(/^At .* UTC, preset/).count()).toBe(1);
    expect(await page.getByTestId('feed-item').count()).toBe(20);
    expect(await explore.count()).toBe(0);
    await page.getByRole('button', { name: 'Reset to the documented defaults' }).click();
    await expect.poll(() => explore.count()).toBeGreaterThan(0);
  });

  it('keeps the page on this machine: no request leaves 127.0.0.1', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('refuses the API to a page without this launch’s token', async () => {
    const status = await page.evaluate(async () => {
      const res = await fetch('api/call/datasets/list', { method: 'POST', body: '{}' });
      return res.status;
    });
    expect([401, 403]).toContain(status);
  });
});
