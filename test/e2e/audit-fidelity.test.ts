// Issue #17 item 2 on the Audit screen: "Test the explanations" shows the verdict, the chart
// (named events solid, random dashed) and its table, with the figures `feedlens fidelity` prints
// for the same dataset and sample. (Its wait shows the bar every long wait shows: Status.tsx.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FidelityReport } from '../../src-main/contract/fidelity';
import { openApp, type OpenApp } from '../helpers/chromium';
import { runFeedlens } from '../helpers/cli';

let app: OpenApp;

beforeAll(async () => {
  app = await openApp();
  await app.page.getByRole('button', { name: 'Audit', exact: true }).click();
}, 60_000);

afterAll(async () => app?.close());

it('tests the explanations against random events, as the CLI does', async () => {
  const { page } = app;
  const panel = page.getByTestId('fidelity');
  await panel.getByRole('button', { name: 'Test the explanations' }).click();
  const verdict = panel.getByTestId('fidelity-verdict');
  await verdict.waitFor({ timeout: 120_000 });
  expect(await verdict.innerText()).toMatch(/The explanations name the events that matter\.$/);
  expect(await panel.locator('[data-testid="fidelity-chart"] path.series').count()).toBe(4);
  await panel.getByText('The same as a table').click();
  const cells = await panel
    .getByTestId('fidelity-table')
    .locator('tbody tr')
    .nth(4)
    .allInnerTexts();

  const cli = runFeedlens(['fidelity', '--db', app.db, '--dataset', 'demo', '--json']);
  expect(cli.code, cli.stderr).toBe(0);
  const report = JSON.parse(cli.stdout) as FidelityReport;
  const named3 = report.rows.find((r) => r.k === 3 && r.method === 'attributed')!;
  expect(report.rows[4]).toEqual(named3);
  const row = cells[0]!.split('\t');
  expect(row.slice(0, 3)).toEqual(['3', 'named', String(named3.items)]);
  expect(row[6]).toBe(`${Math.round(named3.pos * 100)}%`);
}, 180_000);
