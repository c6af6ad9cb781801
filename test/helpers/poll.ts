// Polls the browser shell's `app/info` over HTTP every 50 ms (the next request when the last one
// answered, at the earliest 50 ms after it started) until `until` settles: what a person sees of
// the main thread while long work runs.
import { request } from 'node:http';
import type { WebServer } from '../../src-main/shells/web/server';

export const POLL_EVERY_MS = 50;

export type Latencies = {
  count: number;
  p99: number;
  max: number;
  /** When the slowest answer was asked, in ms after polling began. */
  maxAtMs: number;
};

function infoMs(server: WebServer): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/call/app/info',
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if ((JSON.parse(body) as { ok: boolean }).ok) resolve(performance.now() - started);
          else reject(new Error(`app/info answered ${body}`));
        });
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** Every answer's time in ms while `until` runs; then its count, 99th percentile and maximum. */
export async function pollInfo(server: WebServer, until: Promise<unknown>): Promise<Latencies> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  const times: number[] = [];
  const began = performance.now();
  let slowest = { ms: 0, atMs: 0 };
  while (!done) {
    const started = performance.now();
    const ms = await infoMs(server);
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, atMs: Math.round(started - began) };
    const wait = POLL_EVERY_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
  return { count: times.length, p99: round(p99), max: round(slowest.ms), maxAtMs: slowest.atMs };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
