// End to end, issue 9 items 1 and 6 on the demo: "why this video" as a sentence naming a real
// past event that opens in the signal log, a waterfall of at most 8 rows; Custom weights whose
// sliders re-rank the feed and whose reset restores it; each preset names its source document.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const SHOTS = join(ROOT, 'docs/screenshots');
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await openApp();
  page = app.page;
  await page.getByRole('button', { name: 'Feed', exact: true }).click();
  await page.getByTestId('feed-item').first().waitFor();
  // Through the DevTools protocol, as in accessibility.test.ts: the page's CSP refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
});

afterAll(async () => app?.close());

async function focusedLabel(p: Page): Promise<string | null> {
  // A string, evaluated in the page: the test side is typed for Node, not the DOM.
  return p.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null");
}

/** axe-core's serious and critical violations on the page as it is now, in light and dark. */
async function seriousViolations(p: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme });
    for (const v of await violationsNow(p)) found.push(`${colorScheme} ${v}`);
  }
  await p.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function violationsNow(p: Page): Promise<string[]> {
  return p.evaluate<string[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
}

/** The feed's order, by video id, once a feed is built (the stamp line shows while none is). */
async function feedOrder(p: Page): Promise<string[]> {
  await p.getByText(/^At .* UTC, preset/).waitFor();
  const rows = await p.getByTestId('feed-item').allInnerTexts();
  return rows.map((text) => /\bid (\d+)/.exec(text)?.[1] ?? '?');
}

// The sentence's verbs for the signal log's event kinds.
const KIND_OF_VERB: Record<string, string> = {
  watched: 'watch',
  rewatched: 'rewatch',
  liked: 'like',
  saved: 'favorite',
  shared: 'share',
  'commented on': 'comment',
  followed: 'follow',
  searched: 'search',
  skipped: 'skip',
};

describe('why this video', () => {
  it('says why in one sentence that names a real past event, which opens focused in the signal log', async () => {
    const item = page.getByTestId('feed-item').first();
    await item.getByRole('button', { name: 'Why?' }).click();
    const sentence = item.getByTestId('why-sentence');
    // The sentence names its events with the feed (no second call): each is a link.
    const link = sentence.getByRole('link').first();
    await link.waitFor();
    expect(await sentence.innerText()).toMatch(/^Picked for \S+/);
    const text = await link.innerText();
    const match = /^(\w+(?: on)?) (.+) \((2026-03-0\d \d\d:\d\d) UTC\)$/.exec(text);
    expect(match, text).not.toBeNull();
    const [, verb, what, minute] = match!;
    // By its video's caption and creator, or (a follow) by whom you followed.
    expect(what).toMatch(verb === 'followed' ? /^@[\w.]+$/ : /^“.+” by @[\w.]+$/);
    const index = Number(await link.getAttribute('data-event-index'));
    await item.getByTestId('why-waterfall').waitFor();
    await page.screenshot({ path: join(SHOTS, 'why-sentence.png'), fullPage: false });

    await link.click();
    const log = item.getByTestId('why-event').getByTestId('signal-log');
    await log.waitFor();
    // The focused row is that event: its place, its kind and its time.
    const label = `Event ${(index + 1).toLocaleString('en-US')}: ${KIND_OF_VERB[verb!]}, ${minute}:`;
    await expect.poll(() => focusedLabel(page)).toContain(label);
    expect(await log.locator('tr.focused').count()).toBe(1);
    expect(await log.locator('tr.focused').getAttribute('aria-label')).toContain(label);
    await page.screenshot({ path: join(SHOTS, 'why-signal-log.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Close the signal log' }).click();
    expect(await item.getByTestId('why-event').count()).toBe(0);
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe(
      'Why?',
    );
  });

  it('draws a waterfall of at most 7 named rows plus “other”, negatives included', async () => {
    const items = page.getByTestId('feed-item');
    let negatives = 0;
    for (let i = 0; i < 4; i++) {
      const item = items.nth(i);
      if ((await item.getByTestId('why-panel').count()) === 0)
        await item.getByRole('button', { name: 'Why?' }).click();
      const steps = item.getByTestId('why-waterfall').locator('.waterfall-step');
      await steps.first().waitFor();
      const count = await steps.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(8);
      if (count === 8) expect(await steps.nth(7).textContent()).toMatch(/^other \(\d+\)/);
      negatives += await item.getByTestId('why-waterfall').locator('rect.bar-negative').count();
    }
    expect(negatives).toBeGreaterThan(0);
    // An exploration item says so, and that nothing in the profile points there.
    const explore = items.filter({ has: page.locator('.badge.explore') }).first();
    if ((await explore.getByTestId('why-panel').count()) === 0)
      await explore.getByRole('button', { name: 'Why?' }).click();
    expect(await explore.getByTestId('why-sentence').innerText()).toMatch(
      /^Shown to explore: nothing in your profile points here/,
    );
  });
});

describe('weights that do what they say', () => {
  it('names the document behind each preset', async () => {
    await page.getByText('Engine settings').click();
    const weights = page.getByRole('combobox', { name: 'Weights' });
    const source = page.getByTestId('preset-source');
    expect(await source.innerText()).toContain('New York Times');
    await weights.selectOption('custom');
    await expect.poll(() => source.innerText()).toContain('your own weights');
    await weights.selectOption('twitter-2023');
    await expect.poll(() => source.innerText()).toContain('twitter/the-algorithm-ml');
    await weights.selectOption('x-2026');
    await expect.poll(() => source.innerText()).toContain('xai-org/x-algorithm');
    await weights.selectOption('tiktok-algo101');
  });

  it('re-ranks the feed live as a Custom slider moves, and reset restores it', async () => {
    await page.getByRole('combobox', { name: 'Weights' }).selectOption('custom');
    await expect.poll(() => page.getByText(/^At .* UTC, preset custom/).count()).toBe(1);
    const before = await feedOrder(page);
    expect(before).toHaveLength(20);
    const follow = page.getByRole('slider', { name: /Weight of follow/ });
    await follow.fill('10');
    await expect.poll(() => feedOrder(page), { timeout: 15_000 }).not.toEqual(before);
    const moved = await feedOrder(page);
    expect(moved).toHaveLength(20);
    await page.screenshot({ path: join(SHOTS, 'why-weights.png'), fullPage: false });
    await page.getByRole('button', { name: 'Reset the weights' }).click();
    await expect.poll(() => feedOrder(page), { timeout: 15_000 }).toEqual(before);
    expect(await follow.inputValue()).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
