import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's @main/ alias (vite.config.ts), so tests of its pure files resolve the engine
  // values they import.
  resolve: { alias: { '@main': fileURLToPath(new URL('./src-main', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    // Tests never read the real clock or time zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
