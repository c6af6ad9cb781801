// End to end, the Audit screen's pictures in the Debian Chromium: each measure as a chart with a
// sentence, its sample size and the "Feedlens model" mark; "About this chart"; and "Save as image"
// giving a standalone SVG and a real PNG.
import { readFileSync } from 'node:fs';
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
  await page.getByRole('button', { name: 'Audit', exact: true }).click();
  await page.getByTestId('audit-charts').waitFor({ timeout: 30_000 });
});

afterAll(async () => app?.close());

async function download(p: Page, chart: string, kind: 'SVG' | 'PNG') {
  const frame = p.locator(`[data-chart="${chart}"]`);
  const [file] = await Promise.all([
    p.waitForEvent('download'),
    frame.getByRole('button', { name: kind, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('the Audit screen’s charts', () => {
  it('draws each measure over the 15 session starts with a sentence, n and the mark', async () => {
    const frames = page.getByTestId('audit-charts').locator('figure.chart-frame');
    expect(await frames.count()).toBe(6);
    for (const id of ['entropy', 'calibration', 'homogeneity', 'exploration', 'top3']) {
      const frame = page.locator(`[data-chart="audit-${id}"]`);
      const text = await frame.innerText();
      expect(text).toContain('n = 15 slates');
      expect(text).toContain('Feedlens model, not TikTok’s');
      // The sentence describes the whole series: its shape, with the date of each point it names.
      const sentence = await frame.locator('.chart-sentence').innerText();
      expect(sentence).toMatch(
        /^.+ (rose from|fell from|held steady at about|went up and down|is not defined at any) /,
      );
      if (!/held steady|not defined at any/.test(sentence))
        expect(sentence).toMatch(/ on 2026-\d\d-\d\d.* on 2026-\d\d-\d\d/);
      // A dot per slate where the measure is defined; the sentence counts the others.
      const undefinedAt = Number(/not defined at (\d+) of the 15 slates/.exec(sentence)?.[1] ?? 0);
      expect(await frame.locator('circle.metric-dot').count()).toBe(15 - undefinedAt);
      // At the first session start the profile holds no topic yet: no mix to compare a slate with.
      expect(undefinedAt).toBe(id === 'calibration' ? 1 : 0);
    }
    const amplification = page.locator('[data-chart="audit-amplification"]');
    expect(await amplification.locator('.chart-sentence').innerText()).toMatch(
      /^(\d+ of \d+ topics reached 30% of the profile; the first, .+, after \d+ events?|None of the .+)\. \(n = \d[\d,]* events\)$/,
    );
    // Each chart's data is a table under it, built when it is opened.
    const entropy = page.locator('[data-chart="audit-entropy"]');
    expect(await entropy.locator('table').count()).toBe(0);
    await entropy.getByText('The chart’s data as a table').click();
    await entropy.locator('table').waitFor();
    expect(await entropy.locator('table tbody tr').count()).toBe(15);
    expect(await entropy.locator('tbody td').nth(1).innerText()).toMatch(/^\d+\.\d\d bits$/);
    await amplification.getByText('The chart’s data as a table').click();
    await amplification.locator('table').waitFor();
    expect(await amplification.locator('table tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({
      path: join(ROOT, 'docs', 'screenshots', 'audit-charts.png'),
      fullPage: true,
    });
  });

  it('saves a chart as a standalone SVG and as a PNG', async () => {
    const svg = await download(page, 'audit-entropy', 'SVG');
    expect(svg.name).toBe('audit-entropy.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('Feedlens model, not TikTok’s');
    expect(text).not.toContain('class='); // styles are inlined, the file needs no stylesheet
    expect(text).toMatch(/stroke="rgb\(/);
    const png = await download(page, 'audit-entropy', 'PNG');
    expect(png.name).toBe('audit-entropy.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.bytes.length).toBeGreaterThan(2_000);
  });
});
