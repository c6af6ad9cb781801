// End to end (issue 9, items 3 and 4): the Feed's video cards, with a generated thumbnail and
// never a blank caption, on the demo and on a real export without metadata; the what-if answered
// side by side (the two feeds with entered, left and moved videos named and marked, the measures
// compared, the profile difference over time as a chart), from the signal log and the Audit.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, recordForeignRequests, type OpenApp, pickMoment } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const REALISTIC = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const EXPORT = existsSync(REALISTIC)
  ? REALISTIC
  : join(ROOT, 'fixtures/tiktok/g3/user_data_tiktok.json');
const SHOTS = join(ROOT, 'docs/screenshots');

let app: OpenApp;
let page: Page;
const foreign: string[] = [];

beforeAll(async () => {
  app = await openApp((p) => recordForeignRequests(p, foreign));
  page = app.page;
  // Through the DevTools protocol, as accessibility.test.ts does: the CSP refuses inline scripts.
  await page.evaluate(
    readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'),
  );
});

afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

/** The captions of every card on the Feed, once 20 are shown. */
async function captions(): Promise<string[]> {
  await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
  return page.getByTestId('card-caption').allInnerTexts();
}

/** axe-core's serious and critical violations inside `selector`, in light and in dark. */
async function seriousViolations(selector: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate<{ id: string; impact: string | null }[], string>(
      (context) =>
        // @ts-expect-error axe is the global the evaluated source defines, in the page.
        axe.run(context, { resultTypes: ['violations'] }).then((r) => r.violations),
      selector,
    );
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme}: ${v.id}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Each marked row of one column of the side-by-side view: its mark and the video's name. */
async function marked(view: Locator, side: 'base' | 'alt') {
  const rows = view.locator(`[data-side=${side}] [data-testid=side-row]`);
  // Typed by hand: the test side is typed for Node, not the DOM.
  type Li = {
    getAttribute(name: string): string | null;
    querySelector(selector: string): { textContent: string | null } | null;
  };
  return rows.evaluateAll((lis) =>
    (lis as unknown as Li[]).map((li) => ({
      mark: li.getAttribute('data-mark') ?? '',
      name: li.querySelector('.side-name')?.textContent ?? '',
    })),
  );
}

describe('video cards on the demo feed', () => {
  it('shows each video as a card with a generated thumbnail, caption, creator and sound', async () => {
    await tab('Feed').click();
    const texts = await captions();
    expect(texts.every((t) => t.trim().length > 0)).toBe(true);
    const first = page.getByTestId('feed-item').first();
    expect(await first.locator('.video-thumb').count()).toBe(1);
    expect(await first.locator('.video-thumb').getAttribute('style')).toMatch(/background/);
    expect(await first.locator('.card-line').innerText()).toMatch(/^@\S+ · ♪ \S/);
    expect(await seriousViolations('.feed')).toEqual([]);
    // No picture is loaded from anywhere: the thumbnails are drawn, not fetched.
    expect(await page.locator('.feed img').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'feed-cards.png'), fullPage: false });
  });
});

describe('a what-if side by side', () => {
  it('names the videos that entered, left and moved, and charts the profile difference', async () => {
    await tab('Profile').click();
    const like = page
      .getByTestId('signal-log')
      .locator('tbody tr')
      .filter({ hasText: /\blike\b/ })
      .first();
    await like.waitFor({ timeout: 20_000 });
    await like.getByRole('button', { name: 'what if…' }).click();
    await page.getByRole('button', { name: 'What if it had not happened?' }).click();
    const view = page.getByTestId('side-by-side');
    await view.waitFor({ timeout: 20_000 });
    const base = await marked(view, 'base');
    const alt = await marked(view, 'alt');
    expect(base.length).toBe(20);
    expect(alt.length).toBe(20);
    // Every video is named, never a blank line.
    expect([...base, ...alt].filter((r) => r.name.trim() === '')).toEqual([]);
    const entered = alt.filter((r) => r.mark === 'entered').length;
    const left = base.filter((r) => r.mark === 'left').length;
    const moved = base.filter((r) => r.mark === 'up' || r.mark === 'down').length;
    expect(entered + left + moved).toBeGreaterThan(0);
    // Both feeds have 20 places: what entered one took the places of what left it.
    expect(entered).toBe(left);
    expect(await view.locator('p').first().innerText()).toContain(
      `${entered} video${entered === 1 ? '' : 's'} entered, ${left} left, ${moved} moved.`,
    );
    expect(await view.locator('.side-mark').count()).toBe(2 * entered + 2 * moved);
    expect(await view.getByTestId('metric-differences').locator('tbody tr').count()).toBe(6);
    // Without the like the profile is different: at least one topic's line leaves zero.
    const chart = view.getByTestId('profile-diff-chart');
    expect(await chart.locator('path.series').count()).toBeGreaterThan(0);
    expect(await chart.locator('path.series').first().getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+L/,
    );
    expect(await view.locator('.chart-sentence').innerText()).toMatch(
      /differs most: \d\.\d{3} (higher|lower) than as recorded at/,
    );
    expect(await seriousViolations('[data-testid=side-by-side]')).toEqual([]);
    // The question, its one-line answer and the view, as the signal log shows them.
    await page.getByTestId('what-if').screenshot({ path: join(SHOTS, 'what-if-side-by-side.png') });
    // A click at the chart's right end shows the last slate's feeds.
    const slates = view.locator('select');
    const last = String((await slates.locator('option').count()) - 1);
    expect(await slates.inputValue()).not.toBe(last);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.99, box.y + box.height / 2);
    await expect.poll(() => slates.inputValue()).toBe(last);
    const time = (await slates.locator(`option[value="${last}"]`).innerText()).replace(
      ' (no change)',
      '',
    );
    await expect
      .poll(() => view.getByTestId('metric-differences').locator('caption').innerText())
      .toBe(`The slate’s measures at ${time}`);
    expect(await marked(view, 'base')).toHaveLength(20);
  });

  it('shows a rule switched off on the Audit side by side, with the same profile', async () => {
    await tab('Audit').click();
    await page.getByRole('checkbox', { name: 'exploration' }).check();
    await page.getByRole('button', { name: /Replay with exploration off/ }).click();
    const view = page.getByTestId('side-by-side');
    await view.waitFor({ timeout: 20_000 });
    expect(await view.getByRole('heading', { name: 'With exploration off' }).count()).toBe(1);
    const alt = await marked(view, 'alt');
    expect(alt.filter((r) => r.mark === 'entered').length).toBeGreaterThan(0);
    const exploration = view
      .getByTestId('metric-differences')
      .getByRole('row', { name: /Exploration share/ });
    expect(await exploration.innerText()).toMatch(/%\t0%\t−\d+ points$/);
    // A rule changes what is shown, not what was watched: the profile is the same.
    expect(await view.locator('.chart-sentence').innerText()).toMatch(/^No topic weight differs/);
    // Two columns where there is room; at 800 px they stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 800, height: 600 });
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1100, height: 900 });
  });
});

describe('video cards on a real export without metadata', () => {
  it('groups the videos known by id alone, explained once, each with its “Why?”, and links to the Metadata screen', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(EXPORT);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    await tab('Feed').click();
    // An earlier moment: at the end every video of the export has been seen already.
    await pickMoment(page, 0.5);
    const group = page.getByTestId('id-only-group');
    await group.waitFor({ timeout: 20_000 });
    expect(await group.getByTestId('id-only-sentence').innerText()).toMatch(
      /^20 videos Feedlens knows only by their id, at all 20 places of this feed\. .* on the Metadata screen/,
    );
    // One group, no grey card each until it is opened, from the keyboard.
    expect(await page.getByTestId('feed-item').count()).toBe(0);
    await group.getByRole('button', { name: 'Show these 20 videos' }).focus();
    await page.keyboard.press('Enter');
    const texts = await captions();
    expect(texts.filter((t) => /^video \d+( ?explore)?$/.test(t)).length).toBe(20);
    const first = page.getByTestId('feed-item').first();
    await first.getByRole('button', { name: 'Why?' }).click();
    await first.getByTestId('why-panel').waitFor();
    expect(await seriousViolations('.id-only-group')).toEqual([]);
    await group.getByRole('button', { name: 'Open the Metadata screen' }).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toMatch(/metadata/i);
    expect(foreign).toEqual([]);
  });
});
