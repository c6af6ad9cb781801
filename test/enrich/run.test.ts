// The oEmbed client and the run against the stand-in on 127.0.0.1: every fault gives one clear
// per-item record, and none stops the run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { getLookup, loadLookupOutcomes, writeMetadata } from '../../src-main/db/metadata';
import { loadCatalogue } from '../../src-main/db/catalogue';
import { insertDataset } from '../../src-main/db/datasets';
import { bareItem } from '../../src-main/domain/types';
import { requestUrl } from '../../src-main/enrich/oembed';
import { retryAfterMs, runLookups, type RunRequest } from '../../src-main/enrich/run';
import { DELETED, PRIVATE, startOembedServer, type OembedServer } from '../helpers/oembed-server';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

let server: OembedServer;
let db: Db;
beforeAll(async () => {
  server = await startOembedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  db = openDatabase(tempDbPath());
  server.requests.clear();
  server.faultAll(null);
});

const ids = (n: number, from = 7_300_000_000_000_000_000n) =>
  Array.from({ length: n }, (_, i) => String(from + BigInt(i)));

function run(list: string[], extra: Partial<RunRequest> = {}) {
  return runLookups(db, {
    settings: { baseUrl: server.baseUrl, ratePerSecond: 1000, thumbnails: false },
    ids: list,
    // Found videos' metadata goes to a file attached to all datasets (there is none here).
    fileId: writeMetadata(db, 'oembed', [], FIXED_NOW),
    signal: new AbortController().signal,
    nowMs: () => FIXED_NOW,
    onProgress: () => {},
    onGained: () => {},
    whenWritable: async () => {},
    tuning: { timeoutMs: 300, maxTries: 3, backoffMs: 20 },
    ...extra,
  });
}

describe('an online run against the stand-in', () => {
  it('sends only the video id and stores caption, hashtags, creator and thumbnail', async () => {
    const [id] = ids(1);
    insertDataset(
      db,
      {
        id: 'x',
        name: 'x',
        kind: 'tiktok-export',
        sourceSha256: null,
        createdAt: 'now',
        warnings: [],
      },
      [bareItem(id!, null)],
      [],
    );
    const result = await run([id!]);
    expect(result).toMatchObject({ asked: 1, cancelled: false, outcomes: { found: 1 } });
    const url = new URL(server.lastUrl()!, 'http://127.0.0.1');
    expect([...url.searchParams.keys()]).toEqual(['url']);
    expect(url.searchParams.get('url')).toBe(`https://www.tiktok.com/@_/video/${id}`);
    expect(requestUrl(server.baseUrl, id!)).toBe(
      `${server.baseUrl}?url=${encodeURIComponent(url.searchParams.get('url')!)}`,
    );
    const [item] = loadCatalogue(db, 'x');
    expect(item).toMatchObject({
      caption: expect.stringMatching(/^Video \d+ of the day #\w+ #fyp$/),
      creator: expect.stringMatching(/^@creator\d+$/),
      thumbnailUrl: expect.stringMatching(/^https:\/\/p16-sign\.tiktokcdn\.com\//),
    });
    expect(item!.hashtags).toContain('fyp');
    expect(item!.topics.length).toBeGreaterThan(0);
    expect(getLookup(db, id!)).toEqual({
      id,
      outcome: 'found',
      httpStatus: 200,
      detail: 'found',
      askedAtMs: FIXED_NOW,
    });
  });

  it('records each bad answer with one line and carries on', async () => {
    const list = ids(10);
    const faults = [
      DELETED,
      PRIVATE,
      { kind: 'html' },
      { kind: 'huge', bytes: 8 * 1024 * 1024 },
      { kind: 'wrong-id' },
      { kind: 'malformed' },
      { kind: 'status', status: 418, body: '' },
    ] as const;
    faults.forEach((fault, i) => server.fault(list[i]!, fault));
    const result = await run(list);
    expect(result.outcomes).toEqual({
      found: 3,
      deleted: 1,
      private: 1,
      'bad-answer': 5,
      failed: 0,
    });
    const detail = (i: number) => getLookup(db, list[i]!)!;
    expect(detail(0)).toMatchObject({
      outcome: 'deleted',
      httpStatus: 404,
      detail: 'the video is removed or unavailable (HTTP 404)',
    });
    expect(detail(1)).toMatchObject({ outcome: 'private', httpStatus: 400 });
    expect(detail(2)).toMatchObject({
      outcome: 'bad-answer',
      detail: 'the answer is HTML, not oEmbed JSON (perhaps a check page)',
    });
    expect(detail(3)).toMatchObject({
      outcome: 'bad-answer',
      detail: 'the answer is larger than 1 MB',
    });
    expect(detail(4).detail).toBe(
      `the answer is about video ${BigInt(list[4]!) + 1n}, not this one`,
    );
    expect(detail(5)).toMatchObject({
      outcome: 'bad-answer',
      detail: 'the answer is not valid JSON',
    });
    expect(detail(6)).toMatchObject({
      outcome: 'bad-answer',
      detail: 'unexpected HTTP status 418',
    });
    // A bad answer is final: asked once, never retried.
    expect(list.slice(0, 7).map((id) => server.requests.get(id))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('retries 429 (honouring Retry-After), 5xx and dropped connections, then succeeds', async () => {
    const list = ids(3);
    server.fault(list[0]!, { kind: 'rate-limit', retryAfterS: 1, times: 1 });
    server.fault(list[1]!, { kind: 'status', status: 503, times: 2 });
    server.fault(list[2]!, { kind: 'drop', times: 1 });
    const started = performance.now();
    const result = await run(list);
    expect(result.outcomes.found).toBe(3);
    expect(list.map((id) => server.requests.get(id))).toEqual([2, 3, 2]);
    // The 429's Retry-After: 1 held the run back for a second.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after every try as failed, with the last reason; a timeout is one', async () => {
    const list = ids(3);
    server.fault(list[0]!, { kind: 'slow', delayMs: 2000 });
    server.fault(list[1]!, { kind: 'status', status: 500 });
    server.fault(list[2]!, { kind: 'drop' });
    const result = await run(list);
    expect(result.outcomes).toMatchObject({ failed: 3, found: 0 });
    expect(getLookup(db, list[0]!)).toMatchObject({
      httpStatus: null,
      detail: 'gave up after 3 tries: no answer within 0.3 s',
    });
    expect(getLookup(db, list[1]!)).toMatchObject({
      httpStatus: 500,
      detail: 'gave up after 3 tries: server error (HTTP 500)',
    });
    expect(getLookup(db, list[2]!)!.detail).toMatch(
      /^gave up after 3 tries: the connection failed \(/,
    );
    expect(list.map((id) => server.requests.get(id))).toEqual([3, 3, 3]);
  });

  it('cancels: requests in flight get no row, everything answered is kept', async () => {
    const list = ids(200);
    const controller = new AbortController();
    let seen = 0;
    const result = await run(list, {
      settings: { baseUrl: server.baseUrl, ratePerSecond: 200, thumbnails: false },
      signal: controller.signal,
      onProgress: (done) => {
        seen = done;
        if (done >= 20) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    const answered = loadLookupOutcomes(db);
    expect(answered.size).toBe(result.asked);
    expect(result.asked).toBeGreaterThanOrEqual(seen);
    expect(result.asked).toBeLessThan(200);
  });

  it('spaces requests to the rate', async () => {
    server.arrivals.length = 0;
    await run(ids(21), {
      settings: { baseUrl: server.baseUrl, ratePerSecond: 20, thumbnails: false },
    });
    const span = server.arrivals.at(-1)! - server.arrivals[0]!;
    // 21 requests at 20/s: 20 gaps of 50 ms, never faster; slower only by a loaded machine's timers.
    expect(span).toBeGreaterThanOrEqual(950);
    expect(span).toBeLessThan(2500);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3', FIXED_NOW)).toBe(3000);
    expect(retryAfterMs(new Date(FIXED_NOW + 5000).toUTCString(), FIXED_NOW)).toBe(5000);
    expect(retryAfterMs('soon', FIXED_NOW)).toBeNull();
    expect(retryAfterMs(null, FIXED_NOW)).toBeNull();
  });
});
