// End to end, the Feed Lab as a class meets it, in the Debian Chromium: the guided path refuses to
// run before a guess and reveals after; the live feed re-ranks within 100 ms of a click at the
// 95th percentile (issue 8's budget, docs/PERFORMANCE.md "Feed Lab"); the split screen runs the
// drifter for 300 videos under two engines and their metrics differ as docs/LAB.md says.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

let app: OpenApp;
let page: Page;
const shot = (name: string) => join(ROOT, 'docs', 'screenshots', `lab-${name}.png`);

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.getByRole('button', { name: 'Lab', exact: true }).click();
  await page.getByTestId('lab').waitFor();
});

afterAll(async () => app?.close());

/**
 * Clicks an action on the card on screen and resolves with the milliseconds until the next card
 * is on screen (for the actions that leave it) or the re-ranked profile is (for the others):
 * from the click to the frame after React rendered the answer. Measured in the page.
 */
async function timedAction(p: Page, action: string): Promise<number> {
  // A string, evaluated in the page: the test side is typed for Node, not the DOM.
  return p.evaluate<number>(`new Promise((resolve) => {
    const live = document.querySelector('.lab-live');
    const events = live.dataset.events;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (live.dataset.events !== events && live.dataset.busy === 'false') {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    });
    observer.observe(live, { attributes: true, attributeFilter: ['data-events', 'data-busy'] });
    live.querySelector('button[data-action=${JSON.stringify(action)}]').click();
  })`);
}

const metric = (root: Locator, name: string) => root.locator(`[data-metric="${name}"]`);

describe('the Feed Lab', () => {
  it('asks for a guess before the first lesson runs, then reveals the measured result', async () => {
    const step = page.getByTestId('lesson-step');
    await step.waitFor();
    await expect(page.getByTestId('lesson-phase').textContent()).resolves.toMatch(/Step 1 of \d+/);
    const commit = page.getByRole('button', { name: 'Commit my guess and run' });
    expect(await commit.isDisabled()).toBe(true);
    expect(await page.getByTestId('lesson-reveal').count()).toBe(0);
    await page.getByLabel('A bubble forms during the run').check();
    await commit.click();
    const reveal = page.getByTestId('lesson-reveal');
    await reveal.waitFor({ timeout: 60_000 });
    // The shipped answer (docs/lab/worksheets/no-exploration-answers.md): a bubble, after 25.
    await expect(reveal.textContent()).resolves.toContain('as you predicted');
    expect(await metric(reveal, 'bubble').getAttribute('data-bubble-after')).toBe('25');
    await page.screenshot({ path: shot('lesson'), fullPage: true });
  }, 90_000);

  // Retried: the test machine has two cores shared with the other test files, and a burst of their
  // load can push one sample of 60 clicks over; a real regression fails every try.
  it(
    're-ranks the live feed within 100 ms of a click (p95) and moves the profile on a like',
    { retry: 2, timeout: 90_000 },
    async () => {
      await page.getByRole('button', { name: 'Sandbox: live feed' }).click();
      const card = page.getByTestId('lab-card');
      await card.waitFor();
      const first = await card.getAttribute('data-item-id');
      const bars = page.locator('.lab-side').first();
      const before = await bars.textContent();
      await timedAction(page, 'like');
      expect(await card.getAttribute('data-item-id')).toBe(first); // a like keeps the card
      expect(await bars.textContent()).not.toBe(before);
      const cycle = ['watch', 'skip', 'like', 'watch', 'skip', 'share', 'watch', 'not-interested'];
      // One cycle of every kind first, unmeasured: the first use of each code path compiles it.
      for (const action of cycle) await timedAction(page, action);
      const times: number[] = [];
      for (let i = 0; i < 60; i++) times.push(await timedAction(page, cycle[i % cycle.length]!));
      expect(await card.getAttribute('data-item-id')).not.toBe(first);
      const sorted = [...times].sort((a, b) => a - b);
      const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1]!;
      const median = sorted[Math.floor(sorted.length / 2)]!;
      console.log(
        `lab click-to-next-card ms: median ${median.toFixed(1)}, p95 ${p95.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)} over ${times.length}`,
      );
      // The main side's share of it, as the Lab shows it: "2.7 ms last, p95 18.0 ms over 69".
      console.log(
        `lab ranking: ${await page.locator('.lab-metrics dd').filter({ hasText: 'ms last' }).textContent()}`,
      );
      expect(p95).toBeLessThanOrEqual(100);
      await page.getByTestId('why-panel').waitFor();
      await page.screenshot({ path: shot('feed'), fullPage: true });
    },
  );

  it('runs the drifter for 300 videos on two engines, side by side, with different metrics', async () => {
    await page.getByRole('button', { name: 'Split screen' }).click();
    // The default comparison (docs/LAB.md "Split screen"): exploration off (A) against ε = 0.5 (B).
    expect(await page.getByLabel('Videos per side').inputValue()).toBe('300');
    await page.getByRole('button', { name: 'Run both sides' }).click();
    await expect
      .poll(() => page.getByTestId('split-status').textContent(), { timeout: 120_000 })
      .toContain('Both sides ran the drifter persona');
    const [a, b] = [page.getByTestId('split-a'), page.getByTestId('split-b')];
    for (const side of [a, b])
      await expect(metric(side, 'videos').textContent()).resolves.toMatch(/^300 videos/);
    // Without exploration the drifter's feed narrows onto one topic; with half of each slate
    // exploring, no topic holds 60% of 20 cards in a row.
    expect(Number(await metric(a, 'bubble').getAttribute('data-bubble-after'))).toBeGreaterThan(0);
    expect(await metric(b, 'bubble').getAttribute('data-bubble-after')).toBe('');
    expect(await metric(a, 'entropy').textContent()).not.toBe(
      await metric(b, 'entropy').textContent(),
    );
    await expect(
      page.getByRole('note').filter({ hasText: 'not TikTok' }).first().textContent(),
    ).resolves.toContain('n');
    await page.screenshot({ path: shot('split'), fullPage: true });
  }, 180_000);

  it('has a presentation mode with large type', async () => {
    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(() => page.getByTestId('lab').getAttribute('class')).toContain('presenting');
    await page.screenshot({ path: shot('presentation') });
    await page.getByRole('button', { name: 'Leave presentation mode' }).click();
  });
});
