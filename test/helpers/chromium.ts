// Debian's Chromium, driven by playwright-core. Never downloads a browser: set FEEDLENS_CHROMIUM
// or install /usr/bin/chromium (.ci/run does).
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.FEEDLENS_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` or set FEEDLENS_CHROMIUM.`,
  );
}

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
