// Who may talk to the browser shell: only this machine (Host and Origin must be the loopback
// address we bound, which defeats DNS rebinding) and, for the API, only the page that holds this
// launch's random token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The Host values a loopback server on `port` accepts. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function checkOrigin(req: IncomingMessage, port: number): Verdict {
  const hosts = allowedHosts(port);
  if (!hosts.has(req.headers.host ?? '')) {
    return { ok: false, status: 403, reason: 'Host is not this machine’s Feedlens.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice(7)))) {
    return { ok: false, status: 403, reason: 'Cross-origin requests are refused.' };
  }
  return { ok: true };
}

export function checkToken(presented: string | null | undefined, token: string): Verdict {
  const a = Buffer.from(presented ?? '');
  const b = Buffer.from(token);
  if (a.length === b.length && timingSafeEqual(a, b)) return { ok: true };
  return { ok: false, status: 401, reason: 'Missing or wrong launch token.' };
}

/**
 * The token from `Authorization: Bearer …`, or, where `fromQuery` (the event stream: EventSource
 * cannot set headers), from `?token=`.
 */
export function presentedToken(req: IncomingMessage, url: URL, fromQuery: boolean): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return fromQuery ? url.searchParams.get('token') : null;
}
