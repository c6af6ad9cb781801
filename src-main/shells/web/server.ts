// The browser shell: the same UI and router as the Electron app, over a loopback HTTP server.
//   POST /api/call/<name>      JSON args → JSON envelope (needs the token)
//   POST /api/export/traces    replay/run's args → the decision traces as JSONL, streamed
//   GET  /api/events           Server-Sent Events of the EventMap (needs the token)
//   GET  /*                    the built renderer
// Limits and timeouts against hostile or idle clients: docs/RELIABILITY.md, "The browser shell".
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../app';
import type { Envelope } from '../../contract/define';
import { checkOrigin, checkToken, presentedToken } from './guard';
import { serveStatic } from './static';
import { sendTraces } from './traces';

export type WebServer = { url: string; port: number; token: string; close(): Promise<void> };

export type WebServerOptions = {
  app: App;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Tests shorten these; the defaults are in TIMEOUTS. */
  timeouts?: Partial<typeof TIMEOUTS>;
};

/** One call's JSON body; an upload chunk (512 KiB as base64) is the largest the UI sends. */
const MAX_CALL_BODY = 1024 * 1024;

/**
 * Node's own request timeouts, shortened: a client that holds a connection open without sending
 * its headers or body is cut off (408) instead of holding a socket forever.
 */
export const TIMEOUTS = {
  /** The whole header block must arrive within this. */
  headersMs: 10_000,
  /** The whole request, body included (a 1 MiB chunk takes milliseconds on loopback). */
  requestMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
  /** How often Node checks the two above. */
  checkEveryMs: 1_000,
};

export async function startWebServer({
  app,
  rendererDir,
  port = 0,
  timeouts,
}: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  let boundPort = port;
  const streams = new Set<ServerResponse>();
  const limits = { ...TIMEOUTS, ...timeouts };

  const server = createServer(
    {
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      keepAliveTimeout: limits.keepAliveMs,
      connectionsCheckingInterval: limits.checkEveryMs,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A client that went away (or was cut off by a timeout) is no fault of ours.
        if (req.destroyed) return void res.destroy();
        console.error('[feedlens] request failed:', error);
        if (!res.headersSent) sendJson(res, 500, failure('internal', 'The request failed.'));
        else res.destroy();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = checkOrigin(req, boundPort);
    if (!origin.ok) return sendJson(res, origin.status, failure('bad-args', origin.reason));
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, failure('bad-args', 'Method not allowed.'));
      return serveStatic(rendererDir, url.pathname, res);
    }
    // The token in the query is for EventSource alone (it cannot set headers); a call or an
    // export must carry it in a header, which a cross-site form or link never can.
    const events = req.method === 'GET' && url.pathname === '/api/events';
    const auth = checkToken(presentedToken(req, url, events), token);
    if (!auth.ok) return sendJson(res, auth.status, failure('bad-args', auth.reason));
    if (events) return openEventStream(res);
    if (req.method !== 'POST')
      return sendJson(res, 405, failure('bad-args', 'Method not allowed.'));
    const exporting = url.pathname === '/api/export/traces';
    if (!exporting && !url.pathname.startsWith('/api/call/'))
      return sendJson(res, 404, failure('unknown-call', 'No such endpoint.'));

    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
    } catch {
      return sendJson(
        res,
        400,
        failure('bad-args', 'The call name is not valid percent-encoding.'),
      );
    }
    const body = await readBody(req, MAX_CALL_BODY);
    if (body === null) return refuseTooLarge(res);
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, failure('bad-args', 'The body is not JSON.'));
    }
    if (exporting) return sendTraces(app, args, res);
    return sendJson(res, 200, await app.router.call(name, args));
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

/**
 * A 413 before the body is read (its Content-Length says too much) or as soon as it passes the
 * limit; the connection is closed after the answer so the rest of the body is never read.
 */
function refuseTooLarge(res: ServerResponse): void {
  res.setHeader('connection', 'close');
  sendJson(
    res,
    413,
    failure('bad-args', `The request is larger than ${MAX_CALL_BODY / 1024 / 1024} MiB.`),
  );
}

/** The body as text, or null when it exceeds `limit` bytes (stops reading at once). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
