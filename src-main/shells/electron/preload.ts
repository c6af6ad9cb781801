// The renderer's only door to the main side: `window.feedlens` with call() and on(), nothing else
// (no ipcRenderer, no process). Sandboxed preloads cannot be ESM or import files, so
// scripts/build-electron.ts bundles this into one CJS file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { FeedlensBridge } from '../../contract/define';
import { CALL_CHANNEL, EVENT_CHANNEL } from './bridge';

const bridge: FeedlensBridge = {
  call(name, args) {
    if (typeof name !== 'string') {
      return Promise.reject(new TypeError('feedlens.call: the name must be a string.'));
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, args);
  },
  on(event, handler) {
    if (typeof event !== 'string' || typeof handler !== 'function') {
      throw new TypeError('feedlens.on: expected an event name and a handler function.');
    }
    // The IPC event object (which holds ipcRenderer) never reaches the page.
    const listener = (_ipc: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) handler(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('feedlens', bridge);
