// Starts the main side once for any shell: the application's context (operations/context.ts:
// the database, the demo on first start, the pushed events) and the router over it. Shells add
// only their transport.
import type { EventMap, EventName } from './contract';
import { createRouter, type Router } from './api/router';
import type { Db } from './db/connection';
import {
  openContext,
  type Context,
  type ContextOptions,
  type PdfPrinter,
} from './operations/context';
import { printPdf } from './report/pdf';

export type AppOptions = Omit<ContextOptions, 'printPdf'> & {
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

export function startApp(options: AppOptions): App {
  const opened = openContext({ ...options, printPdf: options.printPdf ?? printPdf });
  return { ...opened, router: createRouter(opened.ctx), db: opened.ctx.db };
}
