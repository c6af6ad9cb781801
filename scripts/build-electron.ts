// Bundles the Electron shell into dist-electron/: main.js (ESM, for Electron's Node) and
// preload.cjs (one CJS file, as sandboxed preloads require). Only Electron, the native SQLite
// driver and Node built-ins stay external; zod, yauzl and our sources are inlined.
import { cpSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type InlineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--out-dir DIR` lets tests bundle into a temporary folder without racing the real build.
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = resolve(root, values['out-dir'] ?? 'dist-electron');
const external = [
  'electron',
  'better-sqlite3',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

function bundle(
  entry: string,
  format: 'es' | 'cjs',
  fileName: string,
  emptyOutDir: boolean,
): InlineConfig {
  return {
    // Not vite.config.ts: that one builds the renderer.
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      // Electron 41 ships Node 24 and Chromium 146.
      target: 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: { external, output: { format, entryFileNames: fileName } },
    },
  };
}

await build(bundle('src-main/shells/electron/main.ts', 'es', 'main.js', true));
await build(bundle('src-main/shells/electron/preload.ts', 'cjs', 'preload.cjs', false));
// The app's worker thread (src-main/api/worker-host.ts starts it from beside main.js).
await build(bundle('src-main/api/worker.ts', 'es', 'app-worker.js', false));
// migrate.ts finds its SQL files next to the running module; bundled, that is dist-electron/.
cpSync(resolve(root, 'src-main/db/migrations'), resolve(outDir, 'migrations'), { recursive: true });
