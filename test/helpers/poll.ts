// Polls the browser shell's `app/info` over HTTP every 50 ms (the next request when the last one
// answered, at the earliest 50 ms after it started) until `until` settles: what a person sees of
// the main thread while long work runs.
import { request } from 'node:http';
import type { WebServer } from '../../src-main/shells/web/server';

export const POLL_EVERY_MS = 50;

export type Latencies = { count: number; p99: number; max: number };

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
  while (!done) {
    const started = performance.now();
    times.push(await infoMs(server));
    const wait = POLL_EVERY_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: times.length, p99: round(at(0.99)), max: round(at(1)) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
