// End to end: an auditor asks "what if?" of one signal, switches a rule off, reads the metrics.
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/chromium';
import { ROOT, startShell, type RunningShell } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

let shell: RunningShell;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  shell = await startShell('node', ['bin/feedlens.js', 'serve', '--no-open', '--db', tempDbPath()]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

describe('auditing in the UI', () => {
  it('answers "what if this like had not happened?" from the signal log', async () => {
    const like = page
      .getByTestId('signal-log')
      .locator('tbody tr')
      .filter({ hasText: /\blike\b/ })
      .first();
    await like.waitFor();
    await like.getByRole('button', { name: 'what if…' }).click();
    await like.getByRole('button', { name: 'What if it had not happened?' }).click();
    const result = like.getByTestId('what-if-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toMatch(/without it: \d+ of \d+ later feeds differ/);
  });

  it('shows the filter-bubble metrics at every session start', async () => {
    await page.getByRole('button', { name: 'Audit' }).click();
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
