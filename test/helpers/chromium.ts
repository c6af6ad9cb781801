// Debian's Chromium, driven by playwright-core, on the real browser shell. Never downloads a
// browser: set FEEDLENS_CHROMIUM or install /usr/bin/chromium (.ci/run does).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startShell, type RunningShell } from './shell';
import { tempDbPath } from './temp';

export const CHROMIUM = process.env.FEEDLENS_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a closed network: no background traffic that this machine would refuse anyway. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type OpenApp = { shell: RunningShell; browser: Browser; page: Page; close(): Promise<void> };

/**
 * Starts `feedlens serve` on a fresh database and opens its URL in Chromium. `beforeGoto` runs on
 * the page before the first request (to watch requests, for example).
 */
export async function openApp(
  beforeGoto: (page: Page) => void = () => undefined,
): Promise<OpenApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` or set FEEDLENS_CHROMIUM.`,
    );
  }
  const shell = await startShell('node', [
    'bin/feedlens.js',
    'serve',
    '--no-open',
    '--db',
    tempDbPath(),
  ]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  beforeGoto(page);
  await page.goto(shell.url);
  return {
    shell,
    browser,
    page,
    async close() {
      await browser.close();
      await shell.stop();
    },
  };
}
