// Issue #11 acceptance: 10,000 mixed API requests from 20 concurrent clients against the real
// browser shell's server (in a child process on 127.0.0.1, web-server-process.ts): every answer is the
// expected one (reads succeed, bad requests get their refusal) and the server's memory stays flat.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShell } from '../helpers/shell';
import { tempDbPath, tempDir } from '../helpers/temp';

const CLIENTS = 20;
const REQUESTS = 10_000;
/** Growth of the server's RSS allowed between the end of the first half and of the second. */
const FLAT_MB = 40;

type Expected = { status: number; ok?: boolean };
type Reply = { status: number; text: string };
type Probe = { label: string; send(): Promise<Reply>; expect: Expected };

let shell: Awaited<ReturnType<typeof startShell>>;

beforeAll(async () => {
  const renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Feedlens</title>');
  const server = 'test/reliability/web-server-process.ts';
  shell = await startShell('node', ['--import', 'tsx', server, tempDbPath(), renderer]);
}, 30_000);
afterAll(() => shell?.stop());

const call = (args: unknown, token = shell.token): RequestInit => ({
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: typeof args === 'string' ? args : JSON.stringify(args),
});

const fetched = (path: string, init: RequestInit) => async (): Promise<Reply> => {
  const res = await fetch(`${shell.origin}${path}`, init);
  return { status: res.status, text: await res.text() };
};

/**
 * A call whose Content-Length says 2 MiB: the server answers 413 from the headers and closes the
 * connection. (Sending the body too would race that close and fail the client's write instead.)
 */
const declaredTooLarge = (): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${shell.token}`, 'content-length': `${2 << 20}` };
    const req = request(`${shell.origin}/api/call/app/info`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });

/** `n` copies of one request. */
const times = (n: number, label: string, send: () => Promise<Reply>, expect: Expected) =>
  Array.from({ length: n }, (): Probe => ({ label, send, expect }));

/** A call that must succeed. */
const read = (n: number, name: string, args: unknown = {}) =>
  times(n, name, fetched(`/api/call/${name}`, call(args)), { status: 200, ok: true });

/** One hundred requests in the proportions of the mix; request i is mix[i % 100]. */
function mix(): Probe[] {
  const demo = { datasetId: 'demo' };
  const get = { method: 'GET' };
  const refused = (status: number) => ({ status, ok: false });
  return [
    ...read(34, 'app/info'),
    ...read(28, 'datasets/list'),
    ...read(6, 'profile/timeline', demo),
    ...read(4, 'profile/deltas', { ...demo, limit: 50 }),
    ...read(4, 'feed/at', demo),
    ...times(12, 'GET /', fetched('/', get), { status: 200 }),
    // The refusals, each with its status (and the envelope's ok: false where there is one).
    ...times(
      3,
      'wrong token',
      fetched('/api/call/app/info', call({}, '0'.repeat(48))),
      refused(401),
    ),
    ...times(3, 'malformed JSON', fetched('/api/call/datasets/list', call('{nope')), refused(400)),
    ...times(
      2,
      'bad percent-encoding',
      fetched('/api/call/datasets%2Fli%E0%A4%A', call({})),
      refused(400),
    ),
    ...times(2, 'unknown call', fetched('/api/call/no/such', call({})), refused(200)),
    ...times(1, 'traversal', fetched('/..%2f..%2f..%2fetc%2fpasswd', get), { status: 404 }),
    ...times(1, 'too large', declaredTooLarge, refused(413)),
  ];
}

/** The server's resident memory now, in MB (VmRSS of its process). */
function rssMb(): number {
  const status = readFileSync(`/proc/${shell.child.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
}

/** Sends requests [from, to) of the mix from CLIENTS clients at once; returns every surprise. */
async function send(probes: Probe[], from: number, to: number): Promise<string[]> {
  const surprises: string[] = [];
  let next = from;
  const client = async () => {
    for (let i = next++; i < to; i = next++) {
      const probe = probes[i % probes.length]!;
      try {
        const { status, text } = await probe.send();
        const ok =
          probe.expect.ok === undefined ? undefined : (JSON.parse(text) as { ok: boolean }).ok;
        if (status !== probe.expect.status || ok !== probe.expect.ok)
          surprises.push(`${probe.label}: ${status} ${text.slice(0, 200)}`);
      } catch (error) {
        surprises.push(`${probe.label}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return surprises;
}

describe('soak', () => {
  it('answers 10,000 mixed requests from 20 clients as expected, in flat memory', async () => {
    const probes = mix();
    expect(probes).toHaveLength(100);
    const started = performance.now();
    const atStart = rssMb();
    const firstHalf = await send(probes, 0, REQUESTS / 2);
    const afterFirst = rssMb();
    const secondHalf = await send(probes, REQUESTS / 2, REQUESTS);
    const afterSecond = rssMb();
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `soak: ${REQUESTS} requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)}/s); ` +
        `server RSS ${atStart.toFixed(0)} MB at start, ${afterFirst.toFixed(0)} MB after 5,000, ` +
        `${afterSecond.toFixed(0)} MB after 10,000`,
    );
    expect([...firstHalf, ...secondHalf]).toEqual([]);
    expect(afterSecond - afterFirst).toBeLessThan(FLAT_MB);
    expect(shell.stderr()).toBe('');
  }, 90_000);
});
