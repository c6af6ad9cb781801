// A stand-in for the `electron` module, just enough to run the bundled dist-electron/main.js under
// plain Node (no Electron binary can be downloaded here). It records what the shell registers so
// drive-main-bundle.mjs can exercise it.
import { readFileSync } from 'node:fs';
export const recorded = {
  sandboxEnabled: false,
  schemes: null,
  protocols: new Map(),
  ipc: new Map(),
  appEvents: new Map(),
  permissionRequest: null,
  permissionCheck: null,
  menu: null,
  opened: [],
  sent: [],
  errors: [],
  printed: [],
};

export const app = {
  isPackaged: false,
  getAppPath: () => process.env.FAKE_ELECTRON_APP_PATH,
  whenReady: () => Promise.resolve(),
  requestSingleInstanceLock: () => true,
  enableSandbox: () => {
    recorded.sandboxEnabled = true;
  },
  on(name, listener) {
    recorded.appEvents.set(name, [...(recorded.appEvents.get(name) ?? []), listener]);
    return app;
  },
  setAboutPanelOptions: () => undefined,
  quit: () => undefined,
  exit: (code) => recorded.errors.push(`exit ${code}`),
};

export class BrowserWindow {
  static windows = [];
  static getAllWindows = () => BrowserWindow.windows;
  constructor(options) {
    this.options = options;
    this.url = null;
    this.file = null;
    this.closed = false;
    this.webContents = {
      send: (...message) => recorded.sent.push(message),
      // What a print would need: the page it was given (read now, as Chromium would) and how.
      printToPDF: (printOptions) => {
        recorded.printed.push({
          file: this.file,
          html: readFileSync(this.file, 'utf8').slice(0, 15),
          options: printOptions,
          show: this.options.show,
          webPreferences: this.options.webPreferences,
        });
        return Promise.resolve(Buffer.from('%PDF-1.7 fake\n'));
      },
    };
    BrowserWindow.windows.push(this);
  }
  once() {}
  isDestroyed = () => this.closed;
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  loadFile(file) {
    this.file = file;
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    BrowserWindow.windows = BrowserWindow.windows.filter((w) => w !== this);
  }
}

export const ipcMain = { handle: (channel, handler) => recorded.ipc.set(channel, handler) };

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    recorded.schemes = schemes;
  },
  handle: (scheme, handler) => recorded.protocols.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => {
      recorded.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler) => {
      recorded.permissionCheck = handler;
    },
  },
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => {
    recorded.menu = menu;
  },
};

export const dialog = {
  showErrorBox: (title, message) => recorded.errors.push(`${title}: ${message}`),
};

export const shell = {
  openExternal: (url) => {
    recorded.opened.push(url);
    return Promise.resolve();
  },
};
