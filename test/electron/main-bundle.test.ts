// The bundled main process and preload, run without Electron (its binary cannot be downloaded on
// the dev machine): main.js under Node against fake-electron.mjs, preload.cjs in a vm. Proves the
// bundle finds its migrations and fixtures, wires the window securely and carries calls and
// events over IPC.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shells/csp';
import { ROOT, driveMainBundle, type DriveResult } from './drive';

let appRoot: string;

beforeAll(() => {
  appRoot = mkdtempSync(join(tmpdir(), 'feedlens-electron-app-'));
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build-electron.ts', '--out-dir', join(appRoot, 'dist-electron')],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (build.status !== 0) throw new Error(`build-electron failed: ${build.stderr}`);
  cpSync(join(ROOT, 'package.json'), join(appRoot, 'package.json'));
  symlinkSync(join(ROOT, 'fixtures'), join(appRoot, 'fixtures'), 'junction');
  symlinkSync(join(ROOT, 'node_modules'), join(appRoot, 'node_modules'), 'junction');
  mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<div id="root"></div>');
}, 90_000);

afterAll(() => rmSync(appRoot, { recursive: true, force: true }));

describe('dist-electron/main.js', () => {
  let run: DriveResult;
  beforeAll(() => {
    run = driveMainBundle(appRoot, join(appRoot, 'feedlens.db'));
  }, 90_000);

  it('opens one sandboxed, isolated window on the app origin', () => {
    expect(run.errors).toEqual([]);
    expect(run.sandboxEnabled).toBe(true);
    expect(run.schemes).toEqual([
      { scheme: 'feedlens', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(run.windows).toHaveLength(1);
    expect(run.windows[0]!.url).toBe('feedlens://app/index.html');
    expect(run.windows[0]!.webPreferences).toMatchObject({
      preload: join(appRoot, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
    });
  });

  it('answers calls from the app frame through the router (database migrated, demo loaded)', () => {
    expect(run.info.value).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(run.deleted.value).toEqual({ ok: true, value: { deleted: true } });
    expect(run.unknownCall.value).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(run.badName.value).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('prints the report to PDF in a hidden, locked-down window it then closes', () => {
    const { answer, pdfStart, windowsAfter, printed } = run.report;
    expect(answer).toMatchObject({ ok: true, value: { slates: 15 } });
    expect(answer.value!.pdf).toBe(answer.value!.html.replace(/\.html$/, '.pdf'));
    expect(pdfStart).toBe('%PDF-');
    expect(printed).toHaveLength(1);
    const [print] = printed;
    // The window was given the HTML already written.
    expect(print!.file).toBe(answer.value!.html);
    expect(print!.html).toMatch(/^<!doctype html>/i);
    expect(print!.options).toEqual({ printBackground: true });
    expect(print!.show).toBe(false);
    expect(print!.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      javascript: false,
    });
    expect(print!.webPreferences).not.toHaveProperty('preload');
    expect(windowsAfter).toBe(1);
  });

  it('refuses calls from any other frame', () => {
    expect(run.untrusted.error).toMatch(/untrusted frame/);
    expect(run.noFrame.error).toMatch(/untrusted frame/);
  });

  it('pushes events to every window', () => {
    expect(run.sent).toEqual([['feedlens:event', 'datasets/changed', { datasetIds: ['demo'] }]]);
  });

  it('serves only the renderer folder, with the CSP on every response', () => {
    expect(run.index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(run.index.body).toContain('<div id="root">');
    for (const [response, status] of [
      [run.traversal, 400],
      [run.otherHost, 400],
      [run.post, 400],
      [run.missing, 404],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.body).not.toContain('"name"');
    }
    for (const response of [run.index, run.traversal, run.otherHost, run.missing, run.post]) {
      expect(response.csp).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('denies permissions, new windows and navigation; opens allowlisted links outside', () => {
    expect(run.permission).toBe(false);
    expect(run.permissionCheck).toBe(false);
    expect(run.openAllowed).toEqual({ action: 'deny' });
    expect(run.openDenied).toEqual({ action: 'deny' });
    expect(run.navigateAway).toBe(true);
    expect(run.navigateAllowed).toBe(true);
    expect(run.hardened).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
    expect(run.opened).toEqual([
      'https://github.com/doyensec/electronegativity',
      'https://arxiv.org/abs/2209.07663',
    ]);
  });
});

describe('dist-electron/preload.cjs', () => {
  type Bridge = {
    call(name: unknown, args?: unknown): Promise<unknown>;
    on(event: unknown, handler: unknown): () => void;
  };
  type Listener = (event: unknown, name: string, payload: unknown) => void;

  function loadPreload() {
    const exposed = new Map<string, Bridge>();
    const invoked: unknown[][] = [];
    const listeners = new Set<Listener>();
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Bridge) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (...message: unknown[]) => {
          invoked.push(message);
          return Promise.resolve({ ok: true, value: null });
        },
        on: (_channel: string, listener: Listener) => listeners.add(listener),
        removeListener: (_channel: string, listener: Listener) => listeners.delete(listener),
      },
    };
    const source = readFileSync(join(appRoot, 'dist-electron', 'preload.cjs'), 'utf8');
    // A sandboxed preload gets a `require` that knows only Electron's renderer modules.
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    runInNewContext(source, { require: sandboxRequire, module: { exports: {} }, exports: {} });
    return { exposed, invoked, listeners, required };
  }

  it('exposes exactly window.feedlens = { call, on } and requires only electron', () => {
    const { exposed, required } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['feedlens']);
    expect(Object.keys(exposed.get('feedlens')!).sort()).toEqual(['call', 'on']);
  });

  it('forwards calls on one channel and rejects a non-string name', async () => {
    const { exposed, invoked } = loadPreload();
    const bridge = exposed.get('feedlens')!;
    await expect(bridge.call('app/info', {})).resolves.toEqual({ ok: true, value: null });
    expect(invoked).toEqual([['feedlens:call', 'app/info', {}]]);
    await expect(bridge.call(42)).rejects.toThrow(/name must be a string/);
    expect(invoked).toHaveLength(1);
  });

  it('delivers only the subscribed event, without the IPC event object, until unsubscribed', () => {
    const { exposed, listeners } = loadPreload();
    const bridge = exposed.get('feedlens')!;
    const got: unknown[][] = [];
    const off = bridge.on('datasets/changed', (...payload: unknown[]) => got.push(payload));
    const emit = (name: string, payload: unknown) => {
      for (const listener of listeners) listener({ sender: 'ipcRenderer' }, name, payload);
    };
    emit('job/progress', { done: 1 });
    emit('datasets/changed', { datasetIds: ['demo'] });
    off();
    emit('datasets/changed', { datasetIds: ['late'] });
    expect(got).toEqual([[{ datasetIds: ['demo'] }]]);
    expect(listeners.size).toBe(0);
    expect(() => bridge.on(5, () => undefined)).toThrow(/event name and a handler/);
  });
});
