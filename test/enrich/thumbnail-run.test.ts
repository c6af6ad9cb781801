// Thumbnails downloaded during an online run, on real SQLite, from a stand-in oEmbed and image
// server on 127.0.0.1 (thumbnail-server.ts): a real image is kept with its lookup; a web page, an
// SVG, an oversized image and a redirect are not; a host outside the list is never contacted;
// every lookup is still `found`. A cancelled run resumed fetches no image it already has, and the
// router serves what was kept as data: URLs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/router';
import { startApp } from '../../src-main/app';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { getLookup, loadLookupOutcomes, writeMetadata } from '../../src-main/db/metadata';
import { getThumbnailOutcome, loadThumbnails } from '../../src-main/db/thumbnails';
import { runLookups, type RunRequest } from '../../src-main/enrich/run';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';
import { startThumbnailServer, THUMBNAIL_PNG, type ThumbnailServer } from './thumbnail-server';

let server: ThumbnailServer;
let db: Db;
let path: string;
beforeAll(async () => {
  server = await startThumbnailServer();
});
afterAll(() => server.close());
beforeEach(() => {
  path = tempDbPath();
  db = openDatabase(path);
  server.images.clear();
  server.elsewhere.length = 0;
});

const ids = (n: number, from: bigint) =>
  Array.from({ length: n }, (_, i) => String(from + BigInt(i)));

function run(list: string[], extra: Partial<RunRequest> = {}) {
  return runLookups(db, {
    settings: { baseUrl: server.baseUrl, ratePerSecond: 1000, thumbnails: true },
    ids: list,
    // Found videos' metadata goes to a file attached to all datasets (there is none here).
    fileId: writeMetadata(db, 'oembed', [], FIXED_NOW),
    signal: new AbortController().signal,
    nowMs: () => FIXED_NOW,
    onProgress: () => {},
    onGained: () => {},
    whenWritable: async () => {},
    tuning: { timeoutMs: 2000, maxTries: 2, backoffMs: 20 },
    ...extra,
  });
}

describe('thumbnails in an online run', () => {
  it('keeps real images, refuses the rest, never contacts another host, and every lookup is found', async () => {
    const [good, html, svg, huge, redirect, elsewhere, alsoGood] = ids(
      7,
      7_310_000_000_000_000_000n,
    );
    server.fault(html!, 'html');
    server.fault(svg!, 'svg');
    server.fault(huge!, 'huge');
    server.fault(redirect!, 'redirect');
    server.fault(elsewhere!, 'elsewhere');
    const list = [good!, html!, svg!, huge!, redirect!, elsewhere!, alsoGood!];
    const result = await run(list);

    expect(result.outcomes).toMatchObject({ found: 7, 'bad-answer': 0, failed: 0 });
    expect(result.thumbnails).toEqual({ stored: 2, refused: 1, failed: 4 });
    for (const id of list)
      expect(getLookup(db, id)).toMatchObject({ outcome: 'found', detail: 'found' });

    const kept = loadThumbnails(db, list);
    expect(kept.map((t) => t.id)).toEqual([good, alsoGood]);
    for (const t of kept) {
      expect(t.mime).toBe('image/png');
      expect(Buffer.compare(t.bytes, THUMBNAIL_PNG)).toBe(0);
    }
    expect(getThumbnailOutcome(db, good!)).toEqual({
      outcome: 'stored',
      detail: `image/png, ${THUMBNAIL_PNG.length} bytes`,
    });
    const why = (id: string) => getThumbnailOutcome(db, id);
    expect(why(html!)).toEqual({
      outcome: 'failed',
      detail: 'the answer is not a JPEG, PNG or WebP image',
    });
    expect(why(svg!)).toEqual({
      outcome: 'failed',
      detail: 'the answer is not a JPEG, PNG or WebP image',
    });
    expect(why(huge!)).toEqual({ outcome: 'failed', detail: 'the image is larger than 512 KB' });
    expect(why(redirect!)).toEqual({
      outcome: 'failed',
      detail: 'the image server answered HTTP 302',
    });
    expect(why(elsewhere!)).toEqual({
      outcome: 'refused',
      detail: expect.stringMatching(
        /^the thumbnail is on 127\.0\.0\.1:\d+, not one of TikTok's image servers$/,
      ),
    });
    // Asked once each (never retried); the refused one not at all, and neither it nor the
    // redirect reached the second server.
    expect(list.map((id) => server.images.get(id) ?? 0)).toEqual([1, 1, 1, 1, 1, 0, 1]);
    expect(server.elsewhere).toEqual([]);
  });

  it('downloads nothing when thumbnails are off', async () => {
    const list = ids(5, 7_320_000_000_000_000_000n);
    const result = await run(list, {
      settings: { baseUrl: server.baseUrl, ratePerSecond: 1000, thumbnails: false },
    });
    expect(result.outcomes.found).toBe(5);
    expect(result.thumbnails).toEqual({ stored: 0, refused: 0, failed: 0 });
    expect(server.images.size).toBe(0);
    expect(loadThumbnails(db, list)).toEqual([]);
  });

  it('cancelled and resumed, fetches no image it already has, and ends with all of them', async () => {
    const list = ids(80, 7_330_000_000_000_000_000n);
    const controller = new AbortController();
    let writes = 0;
    const first = await run(list, {
      settings: { baseUrl: server.baseUrl, ratePerSecond: 200, thumbnails: true },
      signal: controller.signal,
      // The 15th answer is written, and the cancel aborts the requests in flight.
      whenWritable: async () => {
        if (++writes === 15) controller.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    const keptFirst = loadThumbnails(db, list).map((t) => t.id);
    // A lookup and its thumbnail are written together: every answered id has its image.
    expect(keptFirst.length).toBe(first.asked);
    expect(keptFirst.length).toBeLessThan(list.length);

    // What the handler's plan asks next: the ids with no lookup yet.
    const answered = loadLookupOutcomes(db);
    const second = await run(list.filter((id) => !answered.has(id)));
    expect(second.cancelled).toBe(false);
    expect(loadThumbnails(db, list).length).toBe(list.length);
    for (const id of keptFirst) expect(server.images.get(id)).toBe(1);
  });

  it('serves kept thumbnails as data: URLs through the router, and deletes them', async () => {
    const list = ids(3, 7_340_000_000_000_000_000n);
    server.fault(list[1]!, 'html');
    await run(list);
    db.close();
    const app = startApp({ shell: 'cli', db: path, now: () => FIXED_NOW, withoutDemo: true });
    try {
      const { images } = unwrap(
        await app.router.invoke('enrich/thumbnails', { ids: [...list, '404'] }),
      );
      expect(Object.keys(images).sort()).toEqual([list[0], list[2]]);
      expect(images[list[0]!]).toBe(`data:image/png;base64,${THUMBNAIL_PNG.toString('base64')}`);
      expect(unwrap(await app.router.invoke('enrich/delete-thumbnails', {}))).toEqual({
        deleted: 3,
      });
      expect(unwrap(await app.router.invoke('enrich/thumbnails', { ids: list }))).toEqual({
        images: {},
      });
      // The lookups and their metadata stay: only the images went.
      expect(loadLookupOutcomes(app.db).size).toBe(3);
    } finally {
      app.close();
    }
  });
});
