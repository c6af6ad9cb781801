// Serves dist/renderer over feedlens://app/ instead of file://: the page gets a real origin of its
// own (so CSP 'self' and the IPC sender check mean "our files only", where file:// would mean the
// whole disk), module scripts load without file:// CORS quirks, and every response carries the CSP.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppFile, responseHeaders } from './security';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppFile(rendererDir, request.url) : null;
    if (file === null)
      return new Response('Bad request', { status: 400, headers: responseHeaders(null) });
    try {
      return new Response(await readFile(file), { headers: responseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: responseHeaders(null) });
    }
  });
}
