// A stand-in for TikTok's oEmbed endpoint on 127.0.0.1 (random port), answering in the documented
// shape (docs/ENRICH.md): from fixtures/enrich/oembed.jsonl where it lists the id, generated for
// any other id. Faults can be injected per id or for every id, and it counts requests per id.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './shell';

export const OEMBED_FIXTURE = join(ROOT, 'fixtures/enrich/oembed.jsonl');

export type Fault =
  /** Any status with an optional body (a removed video, a private one, a 500). */
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'rate-limit'; retryAfterS: number }
  /** Waits this long before answering normally (beyond the client's timeout). */
  | { kind: 'slow'; delayMs: number }
  | { kind: 'html' }
  | { kind: 'huge'; bytes: number }
  /** A well-formed answer about another video. */
  | { kind: 'wrong-id' }
  | { kind: 'malformed' }
  /** Closes the connection without an answer. */
  | { kind: 'drop' };

/** `times`: the fault applies to that many requests of the id, then it answers normally. */
export type FaultRule = Fault & { times?: number };

/** How the stand-in answers a removed and a private video (fixtures/enrich/README.md). */
export const DELETED: Fault = {
  kind: 'status',
  status: 404,
  body: JSON.stringify({ status_msg: 'Something went wrong' }),
};
export const PRIVATE: Fault = {
  kind: 'status',
  status: 400,
  body: JSON.stringify({ status_code: 10101, status_msg: 'Something went wrong' }),
};

export type OembedServer = {
  /** The endpoint, e.g. http://127.0.0.1:PORT/oembed. */
  baseUrl: string;
  /** Requests seen per video id. */
  requests: Map<string, number>;
  /** Arrival times (performance.now, ms) of every request, for rate measurements. */
  arrivals: number[];
  /** The last request's full URL (path and query), to check what left the client. */
  lastUrl(): string | null;
  fault(id: string, rule: FaultRule): void;
  faultAll(rule: FaultRule | null): void;
  close(): Promise<void>;
};

type Answer = { status: number; body: string };

/** A body in oEmbed's shape for a video, as TikTok writes it (docs/ENRICH.md). */
export function oembedBody(id: string, handle: string, caption: string): Record<string, unknown> {
  return {
    version: '1.0',
    type: 'video',
    title: caption,
    author_url: `https://www.tiktok.com/@${handle}`,
    author_name: handle,
    width: '100%',
    height: '100%',
    html: `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@${handle}/video/${id}" data-video-id="${id}" style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@${handle}" href="https://www.tiktok.com/@${handle}?refer=embed">@${handle}</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>`,
    thumbnail_width: 576,
    thumbnail_height: 1024,
    thumbnail_url: `https://p16-sign.tiktokcdn.com/obj/${id}~tplv-noop.image`,
    provider_url: 'https://www.tiktok.com',
    provider_name: 'TikTok',
    author_unique_id: handle,
    embed_product_id: id,
    embed_type: 'video',
  };
}

const TAGS = ['cooking', 'pets', 'fitness', 'travel', 'gaming', 'music', 'comedy'];

/** The generated answer for an id the fixture does not list: a creator and hashtags from the id. */
export function generatedAnswer(id: string): Answer {
  const n = Number(BigInt(id) % 1000n);
  const tag = TAGS[n % TAGS.length]!;
  const body = oembedBody(id, `creator${n % 50}`, `Video ${n} of the day #${tag} #fyp`);
  return { status: 200, body: JSON.stringify(body) };
}

function loadFixture(file: string): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  if (!existsSync(file)) return answers;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { id, status, body } = JSON.parse(line) as { id: string; status: number; body: unknown };
    answers.set(id, { status, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }
  return answers;
}

export async function startOembedServer(fixture = OEMBED_FIXTURE): Promise<OembedServer> {
  const answers = loadFixture(fixture);
  const faults = new Map<string, FaultRule>();
  let everyId: FaultRule | null = null;
  const requests = new Map<string, number>();
  const arrivals: number[] = [];
  let last: string | null = null;

  const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
    res.end(body);
  };

  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    last = req.url ?? '';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const id = /\/video\/(\d+)/.exec(url.searchParams.get('url') ?? '')?.[1];
    if (url.pathname !== '/oembed' || id === undefined) {
      send(res, 400, JSON.stringify({ code: 400, message: 'Something went wrong' }));
      return;
    }
    requests.set(id, (requests.get(id) ?? 0) + 1);
    const answer = answers.get(id) ?? generatedAnswer(id);
    const rule = takeFault(faults, id) ?? takeEvery();
    if (rule === null) {
      send(res, answer.status, answer.body);
      return;
    }
    switch (rule.kind) {
      case 'status':
        send(res, rule.status, rule.body ?? '');
        return;
      case 'rate-limit':
        res.writeHead(429, { 'retry-after': String(rule.retryAfterS) });
        res.end(JSON.stringify({ code: 429, message: 'Too many requests' }));
        return;
      case 'slow': {
        const timer = setTimeout(() => send(res, answer.status, answer.body), rule.delayMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'html':
        send(res, 200, '<!DOCTYPE html><html><body>Please wait…</body></html>', 'text/html');
        return;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = rule.bytes;
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            left -= chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('{"title":"');
        pump();
        return;
      }
      case 'wrong-id': {
        const other = String(BigInt(id) + 1n);
        send(res, 200, JSON.stringify(oembedBody(other, 'someone_else', 'Another video')));
        return;
      }
      case 'malformed':
        send(res, 200, '{"version":"1.0","type":"video","title":"cut sho');
        return;
      case 'drop':
        req.socket.destroy();
        return;
    }
  });

  function takeFault(map: Map<string, FaultRule>, id: string): FaultRule | null {
    const rule = map.get(id);
    if (!rule) return null;
    if (rule.times !== undefined) {
      if (rule.times <= 1) map.delete(id);
      else map.set(id, { ...rule, times: rule.times - 1 });
    }
    return rule;
  }
  function takeEvery(): FaultRule | null {
    const rule = everyId;
    if (rule?.times !== undefined)
      everyId = rule.times <= 1 ? null : { ...rule, times: rule.times - 1 };
    return rule;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/oembed`,
    requests,
    arrivals,
    lastUrl: () => last,
    fault: (id, rule) => void faults.set(id, rule),
    faultAll: (rule) => {
      everyId = rule;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
