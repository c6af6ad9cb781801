// Builds the renderer before the tests when its sources changed, so the browser tests and
// `npm start` (which rebuilds only when stale) find it built and never race to rewrite it.
import { build } from 'vite';
import { isStale, RENDERER_INPUTS } from '../bin/stale.js';

export default async function setup(): Promise<void> {
  if (!isStale('dist/renderer/index.html', RENDERER_INPUTS)) return;
  await build({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    logLevel: 'error',
  });
}
