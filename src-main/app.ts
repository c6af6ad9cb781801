// Starts the main side once for any shell: open the database, load the demo on first start, and
// build the router. Shells add only their transport.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Shell } from './contract/app';
import type { EventMap, EventName } from './contract';
import { createRouter, type Context, type Router } from './api/router';
import { openDatabase, resolveDbPath, type Db } from './db/connection';
import { ensureDemoDataset } from './demo';
import { printPdf } from './report/pdf';
import type { PdfPrinter } from './report/write';
import { clearStaleTempFolders } from './stale-temp';

export type AppOptions = {
  shell: Shell;
  /** `--db FILE`; falls back to FEEDLENS_DB, then the per-user data directory. */
  db?: string;
  fixturesDir?: string;
  now?: () => number;
  /** Skip loading the demo dataset (CLI commands that only read what is there). */
  withoutDemo?: boolean;
  /** How the report becomes a PDF; omitted: the system's headless Chromium (report/pdf.ts). */
  printPdf?: PdfPrinter;
};

export type App = {
  router: Router;
  ctx: Context;
  db: Db;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  onAny(listener: (name: EventName, payload: EventMap[EventName]) => void): () => void;
  close(): void;
};

export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

export function startApp(options: AppOptions): App {
  const dbPath = resolveDbPath(options.db);
  const db = openDatabase(dbPath);
  const events = new EventEmitter();
  clearStaleTempFolders();
  const ctx: Context = {
    db,
    dbPath,
    shell: options.shell,
    now: options.now ?? Date.now,
    fixturesDir: options.fixturesDir ?? DEFAULT_FIXTURES_DIR,
    // Named by pid so a later app can clear a crashed one's folder (stale-temp.ts).
    tempDir: mkdtempSync(join(tmpdir(), `feedlens-${process.pid}-`)),
    loaded: new Map(),
    printPdf: options.printPdf ?? printPdf,
    emit: (name, payload) => {
      // An import or a delete can change any dataset's catalogue (captures enrich exports).
      if (name === 'datasets/changed') ctx.loaded.clear();
      events.emit(name, payload);
      events.emit('*', name, payload);
    },
  };
  if (!options.withoutDemo) ensureDemoDataset(db, ctx.fixturesDir, ctx.now());
  return {
    router: createRouter(ctx),
    ctx,
    db,
    on(name, listener) {
      events.on(name, listener);
      return () => events.off(name, listener);
    },
    onAny(listener) {
      events.on('*', listener);
      return () => events.off('*', listener);
    },
    close() {
      db.close();
      rmSync(ctx.tempDir, { recursive: true, force: true });
    },
  };
}
