// `npm run build`, `npm start` and `electron-builder --dir`, run for real and offline. Electron's
// binary cannot be downloaded on the dev machine, so the packaging uses a stand-in Electron
// distribution (an executable carrying Electron's fuse wire) and skips the native rebuild.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractAsar, listAsar, readAsarFile } from './asar';
import { ROOT, driveMainBundle } from './drive';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, … */
const DEFAULT_FUSES = '10110001';
const URL_LINE = /Feedlens is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'feedlens-packaging-'));
  // The renderer half of `npm run build` ran once in test/global-setup.ts: rebuilding it here
  // would empty dist/renderer under the browser tests running beside this file.
  const build = spawnSync('node', ['--import', 'tsx', 'scripts/build-electron.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0)
    throw new Error(`build-electron failed:\n${build.stdout}\n${build.stderr}`);
}, 150_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the build (renderer by the global setup, Electron main here)', () => {
  it('bundles main (ESM), preload (CJS) and the migrations beside them', () => {
    const main = readFileSync(join(ROOT, 'dist-electron', 'main.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).toMatch(/^import Database from "better-sqlite3";$/m);
    expect(main).not.toMatch(/from "zod"/);
    expect(readFileSync(join(ROOT, 'dist-electron', 'preload.cjs'), 'utf8')).toMatch(
      /require\("electron"\)/,
    );
    expect(readdirSync(join(ROOT, 'dist-electron', 'migrations'))).toEqual(
      readdirSync(join(ROOT, 'src-main', 'db', 'migrations')),
    );
    expect(existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))).toBe(true);
  });
});

describe('npm start', () => {
  it('FEEDLENS_SHELL=web serves the browser shell and forwards SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['bin/start.js', '--no-open', '--db', join(scratch, 'web.db')],
      {
        cwd: ROOT,
        env: { ...process.env, FEEDLENS_SHELL: 'web', CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const started = Date.now();
    while (!URL_LINE.test(stdout) && child.exitCode === null && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = URL_LINE.exec(stdout)?.[1];
    expect(url, `stdout: ${stdout}\nstderr: ${stderr}`).toBeDefined();
    expect(stderr).not.toMatch(/Electron is not installed/);
    expect((await fetch(url!)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(url!)).rejects.toThrow();
  }, 40_000);

  it.skipIf(process.platform === 'win32')(
    'runs Electron on the app with the arguments when the binary is there',
    () => {
      const dist = join(scratch, 'electron-bin');
      mkdirSync(dist);
      writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "fake-electron $*"\nexit 7\n');
      chmodSync(join(dist, 'electron'), 0o755);
      const run = spawnSync(process.execPath, ['bin/start.js', '--db', 'x.db'], {
        cwd: ROOT,
        // electron's index.js resolves the binary under ELECTRON_OVERRIDE_DIST_PATH.
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, FEEDLENS_SHELL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe(`fake-electron ${ROOT} --db x.db`);
      expect(run.status).toBe(7);
    },
    70_000,
  );
});

/** Runs without a network where the OS allows it (a new network namespace), to prove it needs none. */
function offline(command: string, args: string[]): [string, string[]] {
  const probe = spawnSync('unshare', ['--net', '--map-root-user', 'true']);
  return probe.status === 0
    ? ['unshare', ['--net', '--map-root-user', command, ...args]]
    : [command, args];
}

describe('electron-builder --dir', () => {
  let unpacked: string;

  beforeAll(() => {
    // A stand-in for an unpacked Electron: the executable (with a fuse wire to flip) and a licence.
    const electronDist = join(scratch, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(
      join(electronDist, 'electron'),
      `#!/bin/sh\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSES}\n`,
    );
    chmodSync(join(electronDist, 'electron'), 0o755);
    writeFileSync(join(electronDist, 'LICENSE'), 'MIT\n');
    const output = join(scratch, 'release');
    const [command, args] = offline(process.execPath, [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ]);
    const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 200_000 });
    if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
    unpacked = join(output, 'linux-unpacked');
  }, 240_000);

  it('packs the built app, and nothing else of ours, into resources/app.asar', () => {
    const files = listAsar(join(unpacked, 'resources', 'app.asar'));
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist-electron/main.js',
        'dist-electron/preload.cjs',
        'dist-electron/app-worker.js',
        'dist-electron/migrations/0010-init.sql',
        'dist/renderer/index.html',
        'fixtures/demo/catalogue.json',
      ]),
    );
    const ours = paths.filter((p) => !p.startsWith('node_modules/'));
    expect(ours.filter((p) => /^(src-|test|scripts|bin)|\.map$/.test(p))).toEqual([]);
    const packageJson = readAsarFile(join(unpacked, 'resources', 'app.asar'), 'package.json');
    expect(JSON.parse(packageJson.toString('utf8'))).toMatchObject({
      main: 'dist-electron/main.js',
      type: 'module',
    });
  });

  it('unpacks better-sqlite3’s native addon (and ships none of its C sources)', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const files = listAsar(join(unpacked, 'resources', 'app.asar'));
    expect(files.find((f) => f.path === addon)?.unpacked).toBe(true);
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    expect(files.filter((f) => /better-sqlite3\/(src|deps)\//.test(f.path))).toEqual([]);
  });

  it('names the executable and flips the fuses', () => {
    const binary = readFileSync(join(unpacked, 'feedlens'), 'latin1');
    const wire = binary.slice(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2).slice(0, 8);
    // RunAsNode, NODE_OPTIONS, --inspect and file:// privileges off; asar integrity and only-asar on.
    expect(wire).toBe('00001100');
  });

  it('boots from the packaged layout (main.js, migrations, fixtures, renderer, SQLite)', () => {
    const app = join(scratch, 'extracted');
    extractAsar(join(unpacked, 'resources', 'app.asar'), app);
    const run = driveMainBundle(app, join(scratch, 'packaged.db'));
    expect(run.errors).toEqual([]);
    expect(run.info.value).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(run.index.status).toBe(200);
    expect(run.index.body).toContain('<div id="root">');
  }, 60_000);
});
