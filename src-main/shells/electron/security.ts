// The Electron shell's security policy as pure functions (no `electron` import), so every rule is
// unit-tested without an Electron binary; main.ts and protocol.ts only wire them up.
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../csp';

/** The renderer's origin: a privileged custom scheme, so CSP 'self' means "our files only". */
export const APP_SCHEME = 'feedlens';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The only sites a link in the app may open, in the system browser, over https. Exact host match
 * (no subdomains): the code host and the publishers of the sources the engine and importers cite.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'arxiv.org',
  'doi.org',
  'support.tiktok.com',
];

function parseUrl(url: string | undefined | null): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a frame URL belongs to the app (checked on every IPC call before the router runs). */
export function isAppUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Whether a link may be handed to the system browser: https, no credentials or port, allowlisted. */
export function isAllowedExternalUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}

/**
 * Maps an app URL to a file under `rootDir`, or null when the URL is not ours or escapes the root
 * (`..`, encoded separators, NUL). `/` serves index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const parsed = parseUrl(requestUrl);
  if (parsed === null || !isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers for every response the app protocol sends, errors included. */
export function responseHeaders(file: string | null): Record<string, string> {
  const type = file
    ? (CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    : 'text/plain; charset=utf-8';
  return {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
}
