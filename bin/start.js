#!/usr/bin/env node
// `npm start [-- args]`: the desktop app when Electron's binary is here (or can be fetched once),
// the browser shell (`feedlens serve args`) otherwise. Rebuilds only what is stale.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, RENDERER_INPUTS } from './stale.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);
/** Remembers that fetching this Electron version failed, so later starts go straight to the browser. */
const INSTALL_FAILED_MARKER = join(
  root,
  'node_modules',
  '.cache',
  'feedlens',
  'electron-install-failed',
);
const INSTALL_TIMEOUT_MS = 15_000;

/** Runs node with the given arguments, silently; resolves to whether it succeeded and its output. */
function runNode(nodeArgs, timeout = 0) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', () => resolve({ ok: false, output: '' }));
    child.on('close', (code) =>
      resolve({ ok: code === 0, output: Buffer.concat(output).toString() }),
    );
  });
}

/** A build step: quiet when it works; on failure prints what the tool said and exits. */
async function buildStep(label, nodeArgs) {
  const { ok, output } = await runNode(nodeArgs);
  if (ok) return;
  process.stderr.write(`${output}\nfeedlens: ${label} failed.\n`);
  process.exit(1);
}

/** The Electron executable, if its binary has been downloaded (electron's index.js returns the path). */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
      .version;
  } catch {
    return null;
  }
}

/** One attempt per Electron version to fetch the binary (npm install skips it: see allowScripts). */
async function fetchElectron() {
  const version = electronVersion();
  if (version === null) return null;
  if (
    existsSync(INSTALL_FAILED_MARKER) &&
    readFileSync(INSTALL_FAILED_MARKER, 'utf8').trim() === version
  ) {
    return null;
  }
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if ((await runNode([installer], INSTALL_TIMEOUT_MS)).ok) {
    const binary = electronBinary();
    if (binary) return binary;
  }
  mkdirSync(dirname(INSTALL_FAILED_MARKER), { recursive: true });
  writeFileSync(INSTALL_FAILED_MARKER, `${version}\n`);
  return null;
}

/** Runs the shell in the foreground: one signal sent to us reaches it exactly once. */
function handOver(command, commandArgs, env = process.env) {
  // On POSIX the child gets its own session, so a terminal Ctrl+C reaches it only through us.
  const detached = process.platform !== 'win32';
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env, detached });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // On Windows the console already delivered Ctrl+C to the child.
      if (detached || signal === 'SIGTERM') child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`feedlens: could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

const rendererBuild = isStale('dist/renderer/index.html', RENDERER_INPUTS)
  ? buildStep('building the interface (vite build)', [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
    ])
  : Promise.resolve();

const electron =
  process.env.FEEDLENS_SHELL === 'web' ? null : (electronBinary() ?? (await fetchElectron()));

if (electron) {
  const mainBuild = isStale('dist-electron/main.js', ['src-main', 'scripts/build-electron.ts'])
    ? buildStep('bundling the Electron shell', [
        '--import',
        'tsx',
        join(root, 'scripts', 'build-electron.ts'),
      ])
    : Promise.resolve();
  await Promise.all([rendererBuild, mainBuild]);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  handOver(electron, [root, ...args], env);
} else {
  if (process.env.FEEDLENS_SHELL !== 'web') {
    process.stderr.write(
      'Electron is not installed here; opening Feedlens in your browser instead.\n',
    );
  }
  await rendererBuild;
  handOver(process.execPath, [join(root, 'bin', 'feedlens.js'), 'serve', ...args]);
}
