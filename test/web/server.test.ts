import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { startWebServer, type WebServer } from '../../src-main/shells/web/server';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shells/csp';
import { resolveStatic } from '../../src-main/shells/web/static';
import { ROOT } from '../helpers/shell';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

let app: App;
let server: WebServer;
afterEach(async () => {
  await server?.close();
  app?.close();
});

async function start(): Promise<WebServer> {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Feedlens</title>');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  app = startApp({ shell: 'web', db: tempDbPath(), now: () => FIXED_NOW });
  server = await startWebServer({ app, rendererDir: renderer });
  return server;
}

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** A raw HTTP request, so tests can forge Host and Origin headers as an attacker would. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

describe('browser shell server', () => {
  it('prints a loopback URL carrying the token in the fragment', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('answers API calls with the token and refuses them without it', async () => {
    const s = await start();
    const ok = await send(s.port, '/api/call/datasets/list', {
      method: 'POST',
      headers: json(s.token),
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: [{ id: 'demo' }] });

    const none = await send(s.port, '/api/call/datasets/list', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await send(s.port, '/api/call/datasets/list', {
      method: 'POST',
      headers: json('0'.repeat(48)),
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site requests)', async () => {
    const s = await start();
    const rebound = await send(s.port, '/api/call/datasets/list', {
      method: 'POST',
      headers: { ...json(s.token), host: `evil.example:${s.port}` },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const crossSite = await send(s.port, '/api/call/datasets/list', {
      method: 'POST',
      headers: { ...json(s.token), origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const page = await send(s.port, '/', { headers: { host: `attacker.test:${s.port}` } });
    expect(page.status).toBe(403);
    const sameOrigin = await send(s.port, '/api/call/app/info', {
      method: 'POST',
      headers: { ...json(s.token), origin: `http://127.0.0.1:${s.port}` },
      body: '{}',
    });
    expect(JSON.parse(sameOrigin.body)).toMatchObject({ ok: true, value: { shell: 'web' } });
  });

  it('returns the router envelope for bad calls and bad bodies', async () => {
    const s = await start();
    const unknown = await send(s.port, '/api/call/nope', {
      method: 'POST',
      headers: json(s.token),
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const notJson = await send(s.port, '/api/call/datasets/list', {
      method: 'POST',
      headers: json(s.token),
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and never outside its folder', async () => {
    const s = await start();
    const index = await send(s.port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Feedlens</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await send(s.port, '/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await send(s.port, '/../../etc/passwd')).status).toBe(404);
    expect((await send(s.port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect(resolveStatic('/srv/app', '/../secret')).toBeNull();
    expect(resolveStatic('/srv/app', '/%2e%2e%2fsecret')).toBeNull();
    expect(resolveStatic('/srv/app', '/a%00b')).toBeNull();
    expect(resolveStatic('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
  });

  it('keeps the page’s meta CSP equal to the header (less frame-ancestors, which meta ignores)', () => {
    const html = readFileSync(join(ROOT, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('pushes events over Server-Sent Events to token holders', async () => {
    const s = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: s.port, path: `/api/events?token=${s.token}` },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('connected')) {
              void send(s.port, '/api/call/datasets/delete', {
                method: 'POST',
                headers: json(s.token),
                body: '{"id":"demo"}',
              });
            }
            if (text.includes('event: datasets/changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await received).toContain('data: {"datasetIds":["demo"]}');
    expect((await send(s.port, '/api/events')).status).toBe(401);
  });
});
