// Builds the renderer before the tests when its sources changed, so the browser tests and
// `npm start` (which rebuilds only when stale) find it built and never race to rewrite it.
import { build } from 'vite';
import { isStale, RENDERER_INPUTS } from '../bin/stale.js';

export default async function setup(): Promise<void> {
  if (!isStale('dist/renderer/index.html', RENDERER_INPUTS)) return;
  // Vitest sets NODE_ENV=test, and Vite builds what NODE_ENV says: without this the browser tests
  // (and a later `npm start`, which reuses a fresh build) would get React's development build,
  // several times slower per render.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      logLevel: 'error',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
