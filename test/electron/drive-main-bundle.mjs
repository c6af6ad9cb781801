// Runs the bundled main process (argv[2]) against fake-electron.mjs and prints, as one JSON line,
// what it did when driven like Electron would drive it. Used by main-bundle.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const fakeUrl = new URL('./fake-electron.mjs', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: ${JSON.stringify(fakeUrl)}, shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { recorded, BrowserWindow } = await import(fakeUrl);
const [mainJs] = process.argv.slice(2);
await import(pathToFileURL(mainJs).href);

const call = recorded.ipc.get('feedlens:call');
const fromApp = { senderFrame: { url: 'feedlens://app/index.html' } };
const attempt = async (fn) => {
  try {
    return { value: await fn() };
  } catch (error) {
    return { error: error.message };
  }
};

const serve = recorded.protocols.get('feedlens');
const fetchApp = async (url, method = 'GET') => {
  const response = await serve({ url, method });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
};

const contents = { listeners: new Map(), windowOpen: null };
contents.on = (name, listener) => contents.listeners.set(name, listener);
contents.setWindowOpenHandler = (handler) => (contents.windowOpen = handler);
for (const listener of recorded.appEvents.get('web-contents-created') ?? []) listener({}, contents);
const navigate = (url) => {
  let prevented = false;
  contents.listeners.get('will-navigate')({ preventDefault: () => (prevented = true) }, url);
  return prevented;
};

let permission = null;
recorded.permissionRequest?.({}, 'media', (granted) => (permission = granted));

// The report's PDF goes through the shell's printer (a hidden window), not a system Chromium.
const reportDir = mkdtempSync(join(tmpdir(), 'feedlens-electron-report-'));
const printReport = async () => {
  const out = join(reportDir, 'report.html');
  const answer = await call(fromApp, 'report/write', { datasetId: 'demo', out, pdf: true });
  return {
    answer,
    pdfStart: answer.ok ? readFileSync(answer.value.pdf, 'latin1').slice(0, 5) : null,
    windowsAfter: BrowserWindow.windows.length,
    printed: recorded.printed,
  };
};

const result = {
  sandboxEnabled: recorded.sandboxEnabled,
  schemes: recorded.schemes,
  windows: BrowserWindow.windows.map((w) => ({
    url: w.url,
    webPreferences: w.options.webPreferences,
  })),
  info: await attempt(() => call(fromApp, 'app/info', {})),
  unknownCall: await attempt(() => call(fromApp, 'nope/never', {})),
  badName: await attempt(() => call(fromApp, 42, {})),
  untrusted: await attempt(() =>
    call({ senderFrame: { url: 'https://evil.example/' } }, 'app/info', {}),
  ),
  noFrame: await attempt(() => call({ senderFrame: null }, 'app/info', {})),
  // Before the demo is deleted below.
  report: await printReport(),
  deleted: await attempt(() => call(fromApp, 'datasets/delete', { id: 'demo' })),
  sent: recorded.sent,
  index: await fetchApp('feedlens://app/'),
  traversal: await fetchApp('feedlens://app/..%2F..%2Fpackage.json'),
  otherHost: await fetchApp('feedlens://evil/index.html'),
  missing: await fetchApp('feedlens://app/assets/missing.js'),
  post: await fetchApp('feedlens://app/index.html', 'POST'),
  permission,
  permissionCheck: recorded.permissionCheck?.(),
  openAllowed: contents.windowOpen({ url: 'https://github.com/doyensec/electronegativity' }),
  openDenied: contents.windowOpen({ url: 'https://evil.example/' }),
  navigateAway: navigate('file:///etc/passwd'),
  navigateAllowed: navigate('https://arxiv.org/abs/2209.07663'),
  hardened: [...contents.listeners.keys()],
  opened: recorded.opened,
  menu: recorded.menu,
  errors: recorded.errors,
};
rmSync(reportDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
