// The browser shell under hostile requests (issue #11, item 2): each refusal has its status and
// sentence, and the database is the same afterwards.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { MAX_UPLOAD_BYTES } from '../../src-main/contract/upload-limits';
import { startWebServer, type WebServer } from '../../src-main/shells/web/server';
import { FIXED_NOW, tempDbPath, tempDir } from '../helpers/temp';

let app: App;
let server: WebServer;
afterEach(async () => {
  await server?.close();
  app?.close();
});

async function start(timeouts?: Parameters<typeof startWebServer>[0]['timeouts']) {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Feedlens</title>');
  app = startApp({ shell: 'web', db: tempDbPath(), now: () => FIXED_NOW });
  server = await startWebServer({ app, rendererDir: renderer, timeouts });
  return server;
}

/** Everything the database holds that a refused request could have changed. */
function fingerprint(): string {
  const counts = ['datasets', 'items', 'events', 'app_state'].map(
    (table) => (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  );
  const names = app.db.prepare('SELECT id, name FROM datasets ORDER BY id').all();
  return JSON.stringify({ counts, names });
}

type Reply = { status: number; body: string; headers: Record<string, unknown> };

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes raw bytes on a socket and collects what comes back until the server closes it. */
function raw(
  text: string | Buffer,
  { keepOpen = false }: { keepOpen?: boolean } = {},
): Promise<{ reply: string; socket: Socket }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', () => undefined); // the server may close while we still write
    socket.on('close', () => resolve({ reply, socket }));
    socket.write(text);
    if (!keepOpen) socket.end();
  });
}

const auth = () => ({
  authorization: `Bearer ${server.token}`,
  'content-type': 'application/json',
});
const message = (reply: Reply) => (JSON.parse(reply.body) as { error: { message: string } }).error;

describe('the browser shell refuses, and nothing changes', () => {
  it('answers 413 for a body over the cap, from Content-Length before reading it', async () => {
    await start();
    const before = fingerprint();
    // The cap is 1 MiB (docs/RELIABILITY.md); this body is just over it.
    const big = `{"id":"${'x'.repeat(1024 * 1024)}"}`;
    const reply = await send('/api/call/datasets/delete', {
      method: 'POST',
      headers: auth(),
      body: big,
    });
    expect(reply.status).toBe(413);
    expect(message(reply)).toEqual({
      code: 'bad-args',
      message: 'The request is larger than 1 MiB.',
    });
    expect(fingerprint()).toBe(before);
  });

  it('answers 413 while reading a chunked body as soon as it passes the cap', async () => {
    await start();
    const before = fingerprint();
    const chunk = 'a'.repeat(64 * 1024);
    const head = `POST /api/call/datasets/delete HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    // 20 chunks of 64 KiB (1.25 MiB) and never the final zero chunk: the answer cannot wait for it.
    const body = Array.from({ length: 20 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const { reply, socket } = await raw(head + body.join(''), { keepOpen: true });
    socket.destroy();
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('The request is larger than 1 MiB.');
    expect(fingerprint()).toBe(before);
  });

  it('caps uploads at their announced size and MAX_UPLOAD_BYTES, writing chunks to disk', async () => {
    await start();
    const call = (name: string, args: unknown) =>
      send(`/api/call/${name}`, { method: 'POST', headers: auth(), body: JSON.stringify(args) });
    const tooBig = JSON.parse(
      (await call('uploads/begin', { name: 'x.zip', size: MAX_UPLOAD_BYTES + 1 })).body,
    );
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(tooBig.error.message).toContain('"size"');
    const begun = JSON.parse((await call('uploads/begin', { name: 'x.json', size: 4 })).body);
    const uploadId = begun.value.uploadId as string;
    const first = JSON.parse(
      (
        await call('uploads/chunk', {
          uploadId,
          offset: 0,
          base64: Buffer.from('abc').toString('base64'),
        })
      ).body,
    );
    expect(first).toEqual({ ok: true, value: { received: 3 } });
    // What arrived is on disk already, not held until the end.
    const folder = join(app.ctx.tempDir, uploadId);
    expect(statSync(join(folder, readdirSync(folder)[0]!)).size).toBe(3);
    const over = JSON.parse(
      (
        await call('uploads/chunk', {
          uploadId,
          offset: 3,
          base64: Buffer.from('de').toString('base64'),
        })
      ).body,
    );
    expect(over).toEqual({
      ok: false,
      error: { code: 'bad-args', message: 'The upload is larger than announced.' },
    });
    expect(statSync(join(folder, readdirSync(folder)[0]!)).size).toBe(3);
  });

  it('refuses a cross-site form POST (text/plain, no token) and a foreign Origin', async () => {
    await start();
    const before = fingerprint();
    const form = await send('/api/call/datasets/delete', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      body: '{"id":"demo"}',
    });
    expect(form.status).toBe(403);
    expect(message(form).message).toBe('Cross-origin requests are refused.');
    // A form from a sandboxed frame or a file sends "Origin: null".
    const sandboxed = await send('/api/call/datasets/delete', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'null' },
      body: '{"id":"demo"}',
    });
    expect(sandboxed.status).toBe(403);
    // No Origin at all (an old browser, a script): the token is still missing.
    const noOrigin = await send('/api/call/datasets/delete', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"id":"demo"}',
    });
    expect(noOrigin.status).toBe(401);
    expect(message(noOrigin).message).toBe('Missing or wrong launch token.');
    // The token in a link's query is for the event stream only, never for a call.
    const inQuery = await send(`/api/call/datasets/delete?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"id":"demo"}',
    });
    expect(inQuery.status).toBe(401);
    expect(fingerprint()).toBe(before);
  });

  it('refuses path traversal on static files in every encoding', async () => {
    await start();
    const paths = [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/..%5c..%5c..%5c..%5cetc%5cpasswd',
      '/..\\..\\..\\..\\etc\\passwd',
      '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
      '/%e0%80%ae%e0%80%ae/etc/passwd',
      '//etc/passwd',
      '/index.html%00.png',
      '/%2fetc%2fpasswd',
    ];
    for (const path of paths) {
      const { reply } = await raw(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
      );
      expect(reply, path).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(reply, path).not.toContain('root:');
    }
  });

  it('answers 400 for malformed JSON and for a bad percent-encoding in the call name', async () => {
    await start();
    const before = fingerprint();
    for (const body of ['{nope', '{"id":"demo"', '\u0000', '[1,2,']) {
      const reply = await send('/api/call/datasets/delete', {
        method: 'POST',
        headers: auth(),
        body,
      });
      expect(reply.status).toBe(400);
      expect(message(reply).message).toBe('The body is not JSON.');
    }
    const badName = await send('/api/call/datasets%2Fdel%E0%A4%A', {
      method: 'POST',
      headers: auth(),
      body: '{"id":"demo"}',
    });
    expect(badName.status).toBe(400);
    expect(message(badName).message).toBe('The call name is not valid percent-encoding.');
    expect(fingerprint()).toBe(before);
  });

  it('cuts off connections that send no headers, or no body, in time', async () => {
    await start({ headersMs: 300, requestMs: 600, keepAliveMs: 300, checkEveryMs: 100 });
    const before = fingerprint();
    const started = performance.now();
    const idle = Array.from({ length: 50 }, () =>
      raw(`POST /api/call/datasets/delete HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`, {
        keepOpen: true,
      }),
    );
    const slowBody = raw(
      `POST /api/call/datasets/delete HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id":`,
      { keepOpen: true },
    );
    // While they hang, a well-behaved client is served.
    expect(
      (await send('/api/call/app/info', { method: 'POST', headers: auth(), body: '{}' })).status,
    ).toBe(200);
    for (const { reply } of await Promise.all(idle)) expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect((await slowBody).reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(fingerprint()).toBe(before);
  });
});
