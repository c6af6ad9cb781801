// The browser shell: the same UI and router as the Electron app, over a loopback HTTP server.
//   POST /api/call/<name>   JSON args → JSON envelope (needs the token)
//   GET  /api/events        Server-Sent Events of the EventMap (needs the token)
//   GET  /*                 the built renderer
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../app';
import type { Envelope } from '../../api/define';
import { checkOrigin, checkToken, presentedToken } from './guard';
import { serveStatic } from './static';

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

export type WebServerOptions = {
  app: App;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
};

const MAX_CALL_BODY = 1024 * 1024;

export async function startWebServer({
  app,
  rendererDir,
  port = 0,
}: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  let boundPort = port;
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[feedlens] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'The request failed.'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = checkOrigin(req, boundPort);
    if (!origin.ok) return sendJson(res, origin.status, failure('bad-args', origin.reason));
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, failure('bad-args', 'Method not allowed.'));
      return serveStatic(rendererDir, url.pathname, res);
    }
    const auth = checkToken(presentedToken(req, url), token);
    if (!auth.ok) return sendJson(res, auth.status, failure('bad-args', auth.reason));

    if (req.method === 'POST' && url.pathname.startsWith('/api/call/')) {
      const name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const body = await readBody(req, MAX_CALL_BODY);
      if (body === null) return sendJson(res, 413, failure('bad-args', 'Request too large.'));
      let args: unknown;
      try {
        args = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, failure('bad-args', 'The body is not JSON.'));
      }
      return sendJson(res, 200, await app.router.call(name, args));
    }
    if (req.method === 'GET' && url.pathname === '/api/events') return openEventStream(res);
    return sendJson(res, 404, failure('unknown-call', 'No such endpoint.'));
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = app.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${boundPort}/#token=${token}`,
    port: boundPort,
    token,
    async close() {
      unsubscribe();
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function failure(code: 'bad-args' | 'unknown-call' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The body as text, or null when it exceeds `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
