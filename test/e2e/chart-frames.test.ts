// End to end in the Debian Chromium: every chart on the Profile, Feed (with a "why" open) and
// Audit screens sits in a frame with the "Feedlens model" mark, "About this chart" and "Save as
// image" (SVG, PNG), and offers its data as a table; the profile chart, whose bands are painted on
// a canvas under its SVG, saves those bands too: drawn into the PNG, embedded in the SVG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const MARK = 'Feedlens model, not TikTok’s';
const PNG_MAGIC = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const EXPORT = join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json');

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
});

afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

/** Every chart (an `svg[role=img]`) in `scope` is in a complete frame; returns the frames' ids. */
async function expectEveryChartFramed(scope: Locator): Promise<string[]> {
  const charts = scope.locator('svg[role="img"]');
  const ids: string[] = [];
  for (const chart of await charts.all()) {
    const frame = chart.locator('xpath=ancestor::figure[contains(@class, "chart-frame")][1]');
    expect(await frame.count(), (await chart.getAttribute('aria-label')) ?? '').toBe(1);
    expect(await frame.locator('.model-mark').textContent()).toBe(MARK);
    expect(await frame.locator('summary', { hasText: 'About this chart' }).count()).toBe(1);
    // By text, not role: a chart folded in a closed <details> has hidden buttons, framed all the same.
    for (const kind of ['SVG', 'PNG'])
      expect(await frame.locator('.chart-save button', { hasText: kind }).count()).toBe(1);
    // Its data as a table, folded in the frame (or its "About").
    expect(await frame.locator('details.chart-data, details table').count()).toBeGreaterThan(0);
    ids.push((await frame.getAttribute('data-chart'))!);
  }
  return ids;
}

async function download(chart: string, kind: 'SVG' | 'PNG') {
  const frame = page.locator(`[data-chart="${chart}"]`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: kind, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** How many of a PNG's pixels are within 3 of `rgb` per channel, decoded by the page's canvas. */
async function pixelsOfColour(png: Buffer, rgb: string): Promise<{ total: number; hits: number }> {
  const target = JSON.stringify(rgb.match(/\d+/g)!.map(Number));
  // A string, as the other browser tests do: the node typecheck has no DOM types.
  return page.evaluate(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const target = ${target};
    let hits = 0;
    for (let i = 0; i < data.length; i += 4)
      if ([0, 1, 2].every((c) => Math.abs(data[i + c] - target[c]) <= 3)) hits++;
    return { total: data.length / 4, hits };
  })()`);
}

/** The colour of the profile chart's first legend swatch: its strongest topic's band. */
function strongestBandColour(): Promise<string> {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector('[data-chart="profile-topics"] .legend-item .swatch')).backgroundColor`,
  );
}

describe('frames on every chart', () => {
  it('frames the profile chart, whose bands are on a canvas', async () => {
    await page.getByTestId('profile-stream-canvas').and(page.locator('[data-painted]')).waitFor();
    const ids = await expectEveryChartFramed(page.locator('main'));
    expect(ids).toEqual(['profile-topics']);
    const frame = page.locator('[data-chart="profile-topics"]');
    expect(await frame.locator('.chart-sentence').innerText()).toMatch(
      /^Each band is one topic’s share of the profile .+\(n = [\d,]+ events in [\d,]+ points\)$/,
    );
    await frame.getByText('The chart’s data as a table').click();
    await frame.getByTestId('profile-chart-table').locator('tbody tr').first().waitFor();
  });

  it('saves the profile chart as a PNG with the canvas’s bands in it', async () => {
    await page.getByTestId('profile-stream-canvas').and(page.locator('[data-painted]')).waitFor();
    // Dense: the bands are only on the canvas, so their colour in the PNG comes from it.
    expect(await page.getByTestId('profile-chart').locator('path.layer').count()).toBe(0);
    const colour = await strongestBandColour();
    const png = await download('profile-topics', 'PNG');
    expect(png.name).toBe('profile-topics.png');
    expect(png.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
    const { total, hits } = await pixelsOfColour(png.bytes, colour);
    console.log(
      `profile PNG: ${png.bytes.length} bytes, ${((hits / total) * 100).toFixed(1)}% of ${total} pixels in the strongest band's ${colour}`,
    );
    // The strongest topic's band covers a good part of the plot, which is most of the image.
    expect(hits / total).toBeGreaterThan(0.02);
  });

  it('saves the profile chart as an SVG with the canvas embedded as a PNG image', async () => {
    const svg = await download('profile-topics', 'SVG');
    expect(svg.name).toBe('profile-topics.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(MARK);
    const embedded = /<image href="data:image\/png;base64,([^"]+)"/.exec(text);
    expect(embedded).not.toBeNull();
    const png = Buffer.from(embedded![1]!, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    const colour = await strongestBandColour();
    expect((await pixelsOfColour(png, colour)).hits).toBeGreaterThan(1_000);
  });

  it('frames the waterfall and the contribution bars of a “why”', async () => {
    await tab('Feed').click();
    const first = page.getByTestId('feed-item').first();
    await first.getByRole('button', { name: 'Why?' }).click();
    await first.getByTestId('why-waterfall').waitFor();
    // The bars are in the third depth, folded until opened.
    await first.getByText('Every number behind it').click();
    const ids = await expectEveryChartFramed(page.locator('main'));
    expect(ids).toEqual(['why-waterfall', 'why-contributions']);
    const waterfall = page.locator('[data-chart="why-waterfall"]');
    expect(await waterfall.locator('.chart-sentence').innerText()).toMatch(
      /^From the baseline -?\d\.\d{3} to the score -?\d\.\d{3}, the largest steps first\. \(n = \d+ features?(, \d+ at zero)?\)$/,
    );
    // One table row per step of the chart, in the table built when it is opened.
    await waterfall.getByText('The steps as a table').click();
    await waterfall.getByTestId('why-waterfall-table').waitFor();
    expect(await waterfall.locator('tbody tr').count()).toBe(
      await waterfall.locator('.waterfall-step').count(),
    );
  });

  it('frames each of the Audit screen’s charts', async () => {
    await tab('Audit').click();
    await page.getByTestId('audit-charts').waitFor({ timeout: 30_000 });
    const ids = await expectEveryChartFramed(page.locator('main'));
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids).toContain('audit-amplification');
  });

  it('frames the agreement chart of an imported export, with its table', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    await tab('Feed').click();
    const chart = page.getByTestId('agreement-chart');
    await chart.waitFor({ timeout: 30_000 });
    const ids = await expectEveryChartFramed(page.locator('main'));
    expect(ids).toContain('feed-agreement');
    const frame = page.locator('[data-chart="feed-agreement"]');
    await frame.getByText('The same as a table').click();
    await frame.getByTestId('agreement-table').waitFor();
    expect(await frame.getByTestId('agreement-table').locator('tbody tr').count()).toBe(
      await chart.locator('circle').count(),
    );
    const png = await download('feed-agreement', 'PNG');
    expect(png.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);
  }, 60_000);

  it('marks the Feed Lab’s profile bars and gives them as a table; its “why” is framed', async () => {
    await tab('Lab').click();
    await page.getByRole('button', { name: 'Sandbox: live feed' }).click();
    const side = page.locator('.lab-side').first();
    await page.locator('.lab-live button[data-action="like"]').click({ timeout: 30_000 });
    await side.locator('.lab-bar-row').first().waitFor({ timeout: 30_000 });
    expect(await side.locator('.model-mark').first().textContent()).toBe(MARK);
    const rows = side.getByTestId('lab-profile-table').locator('tbody tr');
    expect(await rows.count()).toBe(await side.locator('.lab-bar-row').count());
    // The table reads like the bars: the strongest first, its weight as the bar shows it.
    const bar = side.locator('.lab-bar-row[style*="translateY(0px)"]');
    const cells = rows.first().locator('td');
    expect(await cells.nth(0).textContent()).toBe(
      await bar.locator('.lab-bar-label').textContent(),
    );
    expect(await cells.nth(1).textContent()).toBe(
      await bar.locator('.lab-bar-value').textContent(),
    );
    await page.getByTestId('why-panel').first().waitFor();
    expect(await expectEveryChartFramed(page.locator('main'))).toContain('why-waterfall');
  }, 90_000);
});
