// The Electron shell's security rules: the pure policy functions, the menu of a packaged build, a
// static scan of the sources, and Doyensec's electronegativity as a gate.
import { CONTENT_SECURITY_POLICY } from '../../src-main/shells/csp';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src-main/shells/electron/menu';
import {
  isAllowedExternalUrl,
  isAppUrl,
  resolveAppFile,
  responseHeaders,
} from '../../src-main/shells/electron/security';
import { ROOT } from './drive';

const SHELL_DIR = join(ROOT, 'src-main', 'shells', 'electron');
const source = (name: string) => readFileSync(join(SHELL_DIR, name), 'utf8');

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://github.com/doyensec/electronegativity',
    'https://arxiv.org/abs/2209.07663',
    'https://doi.org/10.1145/3523227.3546762',
    'https://support.tiktok.com/en/account-and-privacy/personalized-ads-and-data/requesting-your-data',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://github.com/',
    'https://gist.github.com/',
    'https://github.com.evil.example/',
    'https://evil.example/?https://github.com/',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'feedlens://app/index.html',
    'not a url',
    '',
    undefined,
    null,
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('isAppUrl', () => {
  it('accepts only the feedlens://app origin', () => {
    expect(isAppUrl('feedlens://app/index.html')).toBe(true);
    expect(isAppUrl('feedlens://app/index.html#/profile')).toBe(true);
    for (const url of [
      'feedlens://app.evil.example/',
      'feedlens://evil/',
      'feedlens://app:1234/',
      'https://app/',
      'file:///index.html',
      'about:blank',
      '',
      undefined,
      null,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('resolveAppFile', () => {
  const root = resolve(tmpdir(), 'feedlens-renderer');

  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'feedlens://app/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'feedlens://app/index.html?x=1#y')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'feedlens://app/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(root, 'feedlens://app/fonts/a%20b.woff2')).toBe(
      join(root, 'fonts', 'a b.woff2'),
    );
  });

  it.each([
    'feedlens://app/..%2F..%2Fetc%2Fpasswd',
    'feedlens://app/assets/..%2F..%2F..%2Fpackage.json',
    'feedlens://app/%2E%2E%2Fsecret',
    'feedlens://app/..%5C..%5Csecret',
    'feedlens://app/%2Fetc%2Fpasswd',
    'feedlens://app/index.html%00.png',
    'feedlens://app/%E0%A4%A',
    'feedlens://evil/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
  });

  it('refuses encoded parent segments, NUL bytes, bad escapes and other origins outright', () => {
    for (const url of [
      'feedlens://app/..%2F..%2Fetc%2Fpasswd',
      'feedlens://app/index.html%00.png',
      'feedlens://app/%E0%A4%A',
      'feedlens://evil/index.html',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('is strict and sent with every response', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*/);
    expect(responseHeaders(null)['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders('/r/index.html')).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    expect(responseHeaders('/r/a.JS')['content-type']).toBe('text/javascript; charset=utf-8');
    expect(responseHeaders('/r/blob.bin')['content-type']).toBe('application/octet-stream');
  });
});

describe('the application menu', () => {
  const roles = (template: unknown): string[] =>
    JSON.stringify(template).match(/"role":"\w+"/g) ?? [];

  it('has reload and devtools only in development', () => {
    const options = { platform: 'linux' as const };
    const packaged = roles(menuTemplate({ ...options, isPackaged: true }));
    const dev = roles(menuTemplate({ ...options, isPackaged: false }));
    for (const role of ['"role":"reload"', '"role":"forceReload"', '"role":"toggleDevTools"']) {
      expect(packaged).not.toContain(role);
      expect(dev).toContain(role);
    }
    expect(packaged).toEqual(expect.arrayContaining(['"role":"quit"', '"role":"about"']));
  });
});

describe('static scan of src-main/shells/electron', () => {
  const files = readdirSync(SHELL_DIR).filter((name) => name.endsWith('.ts'));
  const all = files.map((name) => [name, source(name)] as const);

  it('creates windows with the secure webPreferences', () => {
    const main = source('main.ts');
    // Two windows: the app's, and the hidden one that prints the report to PDF.
    const windows = main.split(/new BrowserWindow\(/).slice(1);
    expect(windows).toHaveLength(2);
    for (const options of windows.map((rest) => rest.slice(0, rest.indexOf('\n  });')))) {
      for (const flag of [
        'contextIsolation: true',
        'nodeIntegration: false',
        'sandbox: true',
        'webviewTag: false',
      ]) {
        expect(options).toContain(flag);
      }
    }
    expect(windows[0]).toContain("preload: join(root, 'dist-electron', 'preload.cjs')");
    expect(windows[1]).toContain('javascript: false');
    expect(windows[1]!.slice(0, windows[1]!.indexOf('\n  });'))).not.toContain('preload');
    expect(main).toContain('app.enableSandbox()');
  });

  it('never weakens a default', () => {
    for (const [name, text] of all) {
      expect(text, name).not.toMatch(
        /sandbox: false|nodeIntegration: true|contextIsolation: false|webSecurity: false|allowRunningInsecureContent|experimentalFeatures|enableRemoteModule|nodeIntegrationIn\w+: true|webviewTag: true|bypassCSP/,
      );
    }
  });

  it('opens external links only after the allowlist check', () => {
    const calls = all.flatMap(([name, text]) =>
      text
        .split('\n')
        .filter((line) => line.includes('openExternal('))
        .map((line) => [name, line] as const),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const [name, line] of calls) expect(line, name).toMatch(/isAllowedExternalUrl\(url\)\)/);
  });

  it('exposes one narrow bridge from the preload', () => {
    const preload = source('preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('feedlens', bridge)");
    expect(preload).not.toMatch(/\bprocess\.|exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

/**
 * MEDIUM findings reviewed and accepted. HIGH (or CRITICAL) findings always fail the gate.
 * Electronegativity matches source patterns, so these name patterns it cannot see through.
 */
const REVIEWED: Record<string, string> = {
  CSP_GLOBAL_CHECK:
    'The CSP is a header on every protocol.ts response, not a webRequest hook the tool recognises; main-bundle.test.ts asserts it.',
  OPEN_EXTERNAL_JS_CHECK: 'openExternal runs only after isAllowedExternalUrl (tested above).',
  PRELOAD_JS_CHECK: 'The preload exposes only call() and on() (main-bundle.test.ts runs it).',
};

describe('electronegativity', () => {
  it('reports no HIGH finding and no unreviewed MEDIUM one', () => {
    const out = mkdtempSync(join(tmpdir(), 'feedlens-electronegativity-'));
    try {
      const csv = join(out, 'findings.csv');
      const run = spawnSync(
        'npx',
        [
          '--yes',
          '@doyensec/electronegativity@latest',
          '-i',
          SHELL_DIR,
          '-e',
          '41.7.1',
          '-r',
          '-o',
          csv,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 170_000, shell: process.platform === 'win32' },
      );
      expect(run.status, run.stderr).toBe(0);
      const findings = readFileSync(csv, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [issue, severity, , file, location] = line
            .split(',')
            .map((f) => f.replace(/"/g, ''));
          return { issue: issue!, severity: severity!, where: `${file}:${location}` };
        });
      const failing = findings.filter(
        (f) =>
          f.severity === 'HIGH' ||
          f.severity === 'CRITICAL' ||
          (f.severity === 'MEDIUM' && !(f.issue in REVIEWED)),
      );
      expect(failing).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
