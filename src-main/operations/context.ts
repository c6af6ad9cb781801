// What every operation runs in: the database, the clock, the pushed events and the app's folders.
// Seam: the API (api/router.ts) and every shell reach the application through a Context made here;
// nothing in this folder or below it imports the API.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Shell } from '../contract/app';
import type { EventMap, EventName } from '../contract';
import { openDatabase, resolveDbPath, type Db } from '../db/connection';
import { ensureDemoDataset } from '../demo';
import { clearStaleTempFolders } from '../stale-temp';
import type { DatasetData } from './loaded';

type Emit = <E extends EventName>(name: E, payload: EventMap[E]) => void;

/** Prints an HTML file to a PDF file; fails with a one-sentence UserError. */
export type PdfPrinter = (htmlFile: string, pdfFile: string) => Promise<void>;

export type Context = {
  db: Db;
  dbPath: string;
  shell: Shell;
  /** The only clock the main side reads; tests pass a fixed one. */
  now: () => number;
  emit: Emit;
  /** Where the bundled fixtures (demo catalogue and persona) live. */
  fixturesDir: string;
  /** A private folder for this run (uploads), removed when the app closes. */
  tempDir: string;
  /** Datasets recently read for the engine, least recent first; emptied when any changes. */
  loaded: Map<string, DatasetData>;
  /** Prints a report's HTML to PDF: the shell's own printer (Electron's), else headless Chromium. */
  printPdf: PdfPrinter;
};

export type ContextOptions = {
  shell: Shell;
  /** `--db FILE`; falls back to FEEDLENS_DB, then the per-user data directory. */
  db?: string;
  fixturesDir?: string;
  now?: () => number;
  /** Skip loading the demo dataset (CLI commands that only read what is there). */
  withoutDemo?: boolean;
  /** The app's private folder when this context is its worker thread's (api/worker.ts); the app removes it. */
  tempDir?: string;
  printPdf: PdfPrinter;
};

/** A context with its pushed events to subscribe to, and the one way to close it. */
export type OpenContext = {
  ctx: Context;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  onAny(listener: (name: EventName, payload: EventMap[EventName]) => void): () => void;
  close(): void;
};

const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures', import.meta.url));

/** Opens the database (loading the demo on first start) and makes the context every call gets. */
export function openContext(options: ContextOptions): OpenContext {
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
    tempDir: options.tempDir ?? mkdtempSync(join(tmpdir(), `feedlens-${process.pid}-`)),
    loaded: new Map(),
    printPdf: options.printPdf,
    emit: (name, payload) => {
      // An import or a delete can change any dataset's catalogue (captures enrich exports).
      if (name === 'datasets/changed') ctx.loaded.clear();
      events.emit(name, payload);
      events.emit('*', name, payload);
    },
  };
  if (!options.withoutDemo) ensureDemoDataset(db, ctx.fixturesDir, ctx.now());
  return {
    ctx,
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
      if (options.tempDir === undefined) rmSync(ctx.tempDir, { recursive: true, force: true });
    },
  };
}
