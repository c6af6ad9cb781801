// End to end: axe-core (a dev dependency, read from node_modules, no network) on every screen,
// in light and in dark: no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  await page.getByTestId('profile-chart').waitFor();
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses an
  // inline <script>, and the test must not loosen it.
  await page.evaluate(AXE_SOURCE);
});

afterAll(async () => app?.close());

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(p: Page): Promise<string[]> {
  const violations = await p.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(', ')}`,
    );
}

// Each screen with what opens on it (a "why" panel, a what-if answer), so those are checked too.
const SCREENS: { name: string; open?: (p: Page) => Promise<void> }[] = [
  {
    name: 'Viewing',
    open: async (p) => {
      const heatmap = p.locator('[data-chart="viewing-heatmap"]');
      await heatmap.waitFor({ timeout: 20_000 });
      await heatmap.getByText('The chart’s data as a table').click();
      await heatmap.locator('table').waitFor();
    },
  },
  {
    name: 'Profile',
    open: async (p) => {
      await p.getByTestId('signal-log').locator('tbody tr').first().waitFor();
      await p.getByRole('button', { name: 'what if…' }).first().click();
    },
  },
  {
    name: 'Feed',
    open: async (p) => {
      const item = p.getByTestId('feed-item').first();
      await item.getByRole('button', { name: 'Why?' }).click();
      await item.getByTestId('why-panel').waitFor();
    },
  },
  {
    name: 'Audit',
    open: async (p) => {
      await p.getByText(/^Every measure at each of the [\d,]+ session starts, as a table$/).click();
      await p.getByTestId('audit-metrics').waitFor();
    },
  },
  { name: 'Metadata' },
  { name: 'Import' },
  { name: 'Datasets', open: async (p) => p.getByTestId('dataset-row').first().waitFor() },
];

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on any screen, ${colorScheme}`, async () => {
      await page.emulateMedia({ colorScheme });
      const found: string[] = [];
      for (const screen of SCREENS) {
        await page.getByRole('button', { name: screen.name, exact: true }).click();
        await page.locator('main h2').first().waitFor();
        await screen.open?.(page);
        await page.waitForLoadState('networkidle');
        for (const v of await seriousViolations(page)) found.push(`${screen.name}: ${v}`);
      }
      expect(found).toEqual([]);
      // Seven screens, each with axe: past 20 s on a loaded 2-core machine.
    }, 60_000);
  }
});
