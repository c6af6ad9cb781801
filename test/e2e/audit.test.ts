// End to end: an auditor asks "what if?" of one signal, switches a rule off, reads the metrics.
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

describe('auditing in the UI', () => {
  it('answers "what if this like had not happened?" from the signal log', async () => {
    const like = page
      .getByTestId('signal-log')
      .locator('tbody tr')
      .filter({ hasText: /\blike\b/ })
      .first();
    await like.waitFor();
    await like.getByRole('button', { name: 'what if…' }).click();
    // The answer opens in its own full-width row just below the event's row.
    const answer = like.locator('xpath=following-sibling::tr[1]');
    await answer.getByRole('button', { name: 'What if it had not happened?' }).click();
    const result = answer.getByTestId('what-if-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toMatch(/without it: \d+ of \d+ later feeds? differs?\b/);
  });

  it('shows the filter-bubble metrics at every session start', async () => {
    await page.getByRole('button', { name: 'Audit' }).click();
    // Under the charts, folded: every measure at each session start.
    await page.getByText('Every measure at each of the 15 session starts, as a table').click();
    const rows = page.getByTestId('audit-metrics').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(15);
    expect(await rows.first().innerText()).toMatch(/^2026-03-01 \d\d:\d\d UTC\t\d+\.\d\d\t\d+%/);
  });

  it('replays with the exploration rule off and lists what changed per session', async () => {
    await page.getByRole('checkbox', { name: 'exploration' }).check();
    await page.getByRole('button', { name: /Replay with exploration off/ }).click();
    const rows = page.getByTestId('rule-diff').locator('tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(15);
    const entering = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        Number((tr as unknown as { cells: { textContent: string }[] }).cells[1]!.textContent),
      ),
    );
    expect(Math.max(...entering)).toBeGreaterThan(0);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/audit.png'), fullPage: true });
  });
});
