// The profile chart in Debian's Chromium on the demo: stacked shares by default, raw weights on a
// log scale, the brush and the zoom buttons, a click that opens the point's event in the signal
// log. The chart on 1,000,000 events is timed in million.test.ts.
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
});

afterAll(async () => app?.close());

const chart = () => page.getByTestId('profile-chart');
const rangeText = () => page.getByTestId('profile-range').innerText();

describe('the profile chart on the demo', () => {
  it('shows shares stacked to 100% by default, painted on a canvas under SVG axes', async () => {
    await page.getByTestId('profile-stream-canvas').and(page.locator('[data-painted]')).waitFor();
    expect(await page.locator('figure.profile-stream').getAttribute('data-view')).toBe('share');
    // The top edge of the last topic's band; "other" fills up to 100%.
    const edges = chart().locator('path.series.edge');
    expect(await edges.count()).toBeGreaterThanOrEqual(3);
    expect(await chart().locator('.tick text', { hasText: '100%' }).count()).toBe(1);
    // The canvas holds the colours: a pixel in the middle of the plot is not blank.
    const alpha = await page.evaluate(`(() => {
      const canvas = document.querySelector('[data-testid="profile-stream-canvas"]');
      return canvas.getContext('2d').getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data[3];
    })()`);
    expect(alpha).toBeGreaterThan(0);
    expect(await chart().locator('rect.session-band').count()).toBeGreaterThan(0);
    // The legend names what its numbers are: the mean over the points in view, or, under the
    // cursor, that point's values.
    const legendAt = page.getByTestId('profile-legend-at');
    expect(await legendAt.innerText()).toMatch(/^Mean over the period shown \([\d,]+ points\):$/);
    expect(
      await page.locator('figure.profile-stream .legend-item .muted').first().innerText(),
    ).toMatch(/^\s*\d+(\.\d)?%$/);
    const box = (await page.getByTestId('profile-stream-surface').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect.poll(() => legendAt.innerText()).toMatch(/^At event #[\d,]+, 2026-/);
    await page.mouse.move(box.x - 30, box.y - 30);
    await expect.poll(() => legendAt.innerText()).toMatch(/^Mean over the period shown/);
    // The demo's sessions are days apart: no pause of over a week, so no gap.
    expect(await chart().locator('[data-testid="profile-gap"]').count()).toBe(0);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/profile-stream.png') });
  });

  it('switches to raw weights, on a log scale by default', async () => {
    await page.getByLabel('Raw weights').check();
    await expect
      .poll(() => page.locator('figure.profile-stream').getAttribute('data-view'))
      .toBe('raw');
    expect(await chart().locator('path.series.edge').count()).toBe(0);
    const lines = chart().locator('path.series');
    expect(await lines.count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByLabel('Scale').inputValue()).toBe('log');
    const logTop = await chart().locator('.tick text').allInnerTexts();
    await page.getByLabel('Scale').selectOption('linear');
    await expect.poll(() => chart().locator('.tick text').allInnerTexts()).not.toEqual(logTop);
    await page.getByLabel('Shares (stacked)').check();
  });

  it('zooms into the range the brush covers, and back out with the buttons', async () => {
    const before = await rangeText();
    const surface = page.getByTestId('profile-stream-surface');
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(rangeText).not.toBe(before);
    // The text changes first to "updating…" on the old range: read the answer's.
    await page.locator('[data-testid="profile-range"][aria-busy="false"]').waitFor();
    const zoomed = await rangeText();
    expect(await page.getByRole('button', { name: 'Whole timeline' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(rangeText).not.toBe(zoomed);
    await page.getByRole('button', { name: 'Whole timeline' }).click();
    await expect.poll(rangeText).toBe(before);
  });

  it('opens a clicked point’s event, focused, in the signal log', async () => {
    const surface = page.getByTestId('profile-stream-surface');
    const box = (await surface.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    const focused = page.getByTestId('signal-log').locator('tr.focused');
    await focused.waitFor();
    const index = Number(await focused.getAttribute('data-event-index'));
    // The point clicked is the one whose row the chart's table names at that position.
    const wanted = await page.evaluate(
      `document.activeElement && document.activeElement.getAttribute('data-event-index')`,
    );
    expect(String(index)).toBe(wanted);
    expect(index).toBeGreaterThan(0);
    await page.locator('figure.profile-stream').getByText('The chart’s data as a table').click();
    const rows = page.getByTestId('profile-chart-table').locator('tbody button');
    await rows.first().waitFor();
    const named = await rows.allTextContents();
    expect(named).toContain(`#${(index + 1).toLocaleString('en-US')}`);
  });
});
