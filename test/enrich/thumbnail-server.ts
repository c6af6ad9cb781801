// A stand-in for oEmbed and TikTok's image servers on one 127.0.0.1 port: oEmbed answers as in
// test/helpers/oembed-server.ts, but each names its thumbnail on this same server (the host the
// run may fetch from, besides TikTok's own), which answers fixtures/thumbnails/thumbnail-64.png.
// Per id the thumbnail can misbehave, or be named on a second server (another port: a host the
// run must never contact). Both count what they were asked.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { oembedBody } from '../helpers/oembed-server';
import { ROOT } from '../helpers/shell';

export const THUMBNAIL_PNG = readFileSync(join(ROOT, 'fixtures/thumbnails/thumbnail-64.png'));

export type ThumbnailFault =
  /** A web page where the image should be. */
  | 'html'
  /** An SVG image: not one the run keeps (it can carry script). */
  | 'svg'
  /** A PNG of 600 KB, sent without a length, so only the stream's cap stops it. */
  | 'huge'
  /** A redirect to the second server. */
  | 'redirect'
  /** The answer names its thumbnail on the second server. */
  | 'elsewhere';

export type ThumbnailServer = {
  /** The oEmbed endpoint, http://127.0.0.1:PORT/oembed. */
  baseUrl: string;
  /** Image requests per video id, on this server. */
  images: Map<string, number>;
  /** Every request the second server (a host not allowed) received. */
  elsewhere: string[];
  fault(id: string, fault: ThumbnailFault): void;
  close(): Promise<void>;
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startThumbnailServer(): Promise<ThumbnailServer> {
  const faults = new Map<string, ThumbnailFault>();
  const images = new Map<string, number>();
  const elsewhere: string[] = [];
  const other = createServer((req, res) => {
    elsewhere.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(THUMBNAIL_PNG);
  });
  const otherOrigin = await listen(other);
  let origin = '';

  const send = (res: ServerResponse, type: string, body: string | Buffer) =>
    res.writeHead(200, { 'content-type': type }).end(body);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/oembed') {
      const id = /\/video\/(\d+)/.exec(url.searchParams.get('url') ?? '')?.[1] ?? '0';
      const body = oembedBody(id, `creator${id.slice(-2)}`, `Video ${id.slice(-4)} #cooking`);
      const at = faults.get(id) === 'elsewhere' ? otherOrigin : origin;
      body.thumbnail_url = `${at}/obj/${id}~tplv-noop.image?x-expires=1700000000&x-signature=abc`;
      send(res, 'application/json', JSON.stringify(body));
      return;
    }
    const id = /^\/obj\/(\d+)~/.exec(url.pathname)?.[1];
    if (id === undefined) return void res.writeHead(404).end();
    images.set(id, (images.get(id) ?? 0) + 1);
    switch (faults.get(id)) {
      case 'html':
        return send(res, 'text/html', '<!DOCTYPE html><html><body>Access denied</body></html>');
      case 'svg':
        return send(
          res,
          'image/svg+xml',
          '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
        );
      case 'huge': {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(THUMBNAIL_PNG);
        const chunk = Buffer.alloc(64 * 1024);
        for (let i = 0; i < 10; i++) res.write(chunk);
        return void res.end();
      }
      case 'redirect':
        return void res.writeHead(302, { location: `${otherOrigin}${url.pathname}` }).end();
      default:
        return send(res, 'image/png', THUMBNAIL_PNG);
    }
  });
  origin = await listen(server);
  return {
    baseUrl: `${origin}/oembed`,
    images,
    elsewhere,
    fault: (id, fault) => void faults.set(id, fault),
    close: async () => {
      for (const s of [server, other]) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    },
  };
}
