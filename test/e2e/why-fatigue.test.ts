// End to end, issue 16: a fatigue demotion said on screen as what the engine did. An event log
// (fixtures/event-log/fatigue.jsonl) likes two creators' videos, says "not interested" to one of
// them on 2025-03-02 and comes back 20 days later, inside the fatigue ramp (Twitter 2023: filtered
// 14 days, then ×0.2 rising to ×1 by day 140). The Why panel must name the negative feedback and
// its day, never "shown too often", and opening it must call nothing: the words came with the feed.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const LOG = join(ROOT, 'fixtures/event-log/fatigue.jsonl');
/** A video by @bakes.tom the feed loaded but nobody watched: a candidate after the return. */
const DEMOTED = '7400000000000000111';

let app: OpenApp;
let page: Page;
const calls: string[] = [];

beforeAll(async () => {
  app = await openApp((p) =>
    p.on('request', (r) => {
      if (r.url().includes('/api/call/')) calls.push(decodeURIComponent(r.url().split('/').pop()!));
    }),
  );
  page = app.page;
}, 60_000);

afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

describe('a fatigue demotion in the Why panel', () => {
  it('names the negative feedback and its day, and opening it calls nothing', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(LOG);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 30_000 })
      .toContain('Imported');
    await tab('Feed').click();
    const item = page.locator(`[data-testid="feed-item"][data-item-id="${DEMOTED}"]`);
    await item.waitFor({ timeout: 30_000 });
    // Every call the feed needed has answered: from here, only the panel could call.
    await page.getByText(/^At .* UTC, preset/).waitFor();
    const before = calls.length;
    await item.getByRole('button', { name: 'Why?' }).click();
    await item.getByTestId('why-sentence').waitFor();
    await item.getByText('Every number behind it').click();
    const rules = await item.getByTestId('why-rules').innerText();
    expect(rules).toMatch(
      /fatigue demoted: ×0\.\d{3}: negative feedback on @bakes\.tom 2\d\.\d days ago \(2025-03-02\)/,
    );
    const panel = await item.getByTestId('why-panel').innerText();
    expect(panel).not.toMatch(/too often/);
    // The past "not interested" is named among the signals behind the creator, with its day.
    expect(await item.getByTestId('why-because').innerText()).toMatch(
      /you said “not interested” to @bakes\.tom \(2025-03-02 19:00 UTC, event 9\)/,
    );
    expect(calls.slice(before)).toEqual([]);
  }, 120_000);
});
