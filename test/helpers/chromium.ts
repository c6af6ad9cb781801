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

export type OpenApp = {
  shell: RunningShell;
  browser: Browser;
  page: Page;
  /** The shell's database, for a CLI run beside it. */
  db: string;
  close(): Promise<void>;
};

export type OpenAppOptions = {
  /** Extra environment for the shell process (e.g. FEEDLENS_NET_LOG). */
  env?: NodeJS.ProcessEnv;
  /** Node flags before the CLI (e.g. `--import ./test/helpers/loopback-only.mjs`). */
  nodeFlags?: string[];
  /** The database to open (default: a fresh one). */
  db?: string;
};

/**
 * Starts `feedlens serve` on a fresh database and opens its URL in Chromium. `beforeGoto` runs on
 * the page before the first request (to watch requests, for example).
 */
export async function openApp(
  beforeGoto: (page: Page) => void = () => undefined,
  options: OpenAppOptions = {},
): Promise<OpenApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` or set FEEDLENS_CHROMIUM.`,
    );
  }
  const db = options.db ?? tempDbPath();
  const shell = await startShell(
    'node',
    [...(options.nodeFlags ?? []), 'bin/feedlens.js', 'serve', '--no-open', '--db', db],
    options.env,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  beforeGoto(page);
  await page.goto(shell.url);
  return {
    shell,
    browser,
    page,
    db,
    async close() {
      await browser.close();
      await shell.stop();
    },
  };
}

/** Records every request the page makes that goes anywhere but 127.0.0.1 (data: and blob: stay local). */
export function recordForeignRequests(page: Page, into: string[]): void {
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local =
      url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    if (!local) into.push(request.url());
  });
}

/**
 * Moves the Feed's moment slider to a share of the way through the dataset's sessions (its
 * positions are the session starts, then "after the last event" at the end).
 */
export async function pickMoment(page: Page, share: number): Promise<void> {
  const slider = page.getByRole('slider', { name: /Moment/ });
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(Math.round(max * share)));
}
