// The Electron shell: one hardened window over the shared router. Everything Feedlens does happens
// in startApp(); this file only adds the window, the IPC transport and the security wiring.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type WebContents,
} from 'electron';
import { UserError } from '../../domain/errors';
import type { Envelope } from '../../contract/define';
import { startApp, type App } from '../../app';
import { APP_VERSION } from '../../version';
import { CALL_CHANNEL, EVENT_CHANNEL } from './bridge';
import { menuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ENTRY_URL, isAllowedExternalUrl, isAppUrl } from './security';

const NAME_NOT_A_STRING: Envelope<never> = {
  ok: false,
  error: { code: 'unknown-call', message: 'The call name must be a string.' },
};

/** Opens a link in the system browser only if the allowlist says so; everything else is dropped. */
function openExternalIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

/** Applied to every web contents the app ever creates, not just the main window. */
function hardenContents(contents: WebContents): void {
  // The app is a single page: any navigation is a link click (sent to the browser) or an attack.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(root: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Feedlens',
    webPreferences: {
      preload: join(root, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      devTools: !app.isPackaged,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/**
 * The report's PDF through Electron's own Chromium (no system browser needed): a hidden window
 * with no preload that can do nothing but lay the file out; the report is static HTML, so
 * scripts are off too. Hidden (show: false) rather than offscreen: printing lays the page out
 * itself and needs no painted frames.
 */
async function printPdfInWindow(htmlFile: string, pdfFile: string): Promise<void> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      javascript: false,
      devTools: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await win.loadFile(htmlFile);
    await writeFile(pdfFile, await win.webContents.printToPDF({ printBackground: true }));
  } catch (error) {
    throw new UserError(
      'internal',
      `Electron could not print it: ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    win.close();
  }
}

function broadcast(name: string, payload: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  }
}

/** `--db FILE`, as for the other shells; Chromium's own switches are ignored. */
function dbFlag(): string | undefined {
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.db === 'string' ? values.db : undefined;
}

async function run(): Promise<void> {
  await app.whenReady();
  // app.getAppPath() is the project root in development and resources/app.asar when packaged.
  const root = app.getAppPath();
  let feedlens: App;
  try {
    feedlens = startApp({
      shell: 'electron',
      db: dbFlag(),
      fixturesDir: join(root, 'fixtures'),
      printPdf: printPdfInWindow,
      workerThread: true,
    });
  } catch (error) {
    dialog.showErrorBox(
      'Feedlens could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  app.on('will-quit', () => void feedlens.close());

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(join(root, 'dist', 'renderer'));

  // The router validates the name and the arguments; this checks who is asking.
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) {
      throw new Error('Feedlens: call from an untrusted frame.');
    }
    return typeof name === 'string' ? feedlens.router.call(name, args) : NAME_NOT_A_STRING;
  });
  feedlens.onAny(broadcast);

  app.setAboutPanelOptions({ applicationName: 'Feedlens', applicationVersion: APP_VERSION });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isPackaged: app.isPackaged, platform: process.platform }),
    ),
  );

  createWindow(root);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(root);
  });
}

app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (app.requestSingleInstanceLock()) {
  // A second launch focuses the window we already have instead of opening the database twice.
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  await run();
} else {
  app.quit();
}
