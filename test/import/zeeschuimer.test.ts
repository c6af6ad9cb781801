import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { topicsForText } from '../../src-main/domain/taxonomy';
import { readZeeschuimer } from '../../src-main/import/zeeschuimer';
import type { ByteSource, ReadContext } from '../../src-main/import/types';
import { FIXED_NOW } from '../helpers/temp';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/zeeschuimer/capture.ndjson', import.meta.url),
);

function fileSource(path: string): ByteSource {
  return { name: 'capture.ndjson', size: statSync(path).size, open: () => createReadStream(path) };
}

/** Bytes handed over in small chunks, so characters and lines straddle chunk boundaries. */
function bytesSource(bytes: Buffer | string, chunk = 7): ByteSource {
  const buf = Buffer.from(bytes);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  return { name: 'capture.ndjson', size: buf.length, open: () => Readable.from(chunks) };
}

function context(over: Partial<ReadContext> = {}): ReadContext {
  return {
    fileName: 'capture.ndjson',
    onProgress: () => {},
    signal: new AbortController().signal,
    nowMs: FIXED_NOW,
    ...over,
  };
}

const line = (data: object, over: object = {}) =>
  JSON.stringify({
    id: 1,
    item_id: '7420605698581150797',
    timestamp_collected: Date.UTC(2024, 11, 2),
    source_platform: 'tiktok.com',
    data,
    ...over,
  });

describe('readZeeschuimer on the fixture capture', () => {
  it('reads 35 items and 36 loaded impressions, skipping 4 bad lines by number', async () => {
    const batch = await readZeeschuimer(fileSource(FIXTURE), context());
    expect(batch.format).toBe('zeeschuimer');
    expect(batch.datasetKind).toBe('zeeschuimer');
    expect(batch.items).toHaveLength(35);
    expect(batch.events).toHaveLength(36);
    expect(batch.events.every((e) => e.kind === 'impression' && e.evidence === 'loaded')).toBe(
      true,
    );
    expect(batch.events[0]!.atMs).toBe(Date.parse('2024-12-02T19:00:00.373Z'));
    expect(batch.events.at(-1)!.atMs).toBe(Date.parse('2024-12-02T19:05:51.920Z'));
    expect(batch.warnings).toEqual([
      'line 12: skipped: not valid JSON.',
      'line 18: skipped: it comes from "instagram.com", not tiktok.com.',
      'line 23: skipped: it has no valid video id.',
      'line 29: skipped: its timestamp_collected is not a time between 2000 and 2100.',
    ]);
    expect(batch.lacks[0]).toMatch(/loaded, not what was watched/);
  });

  it('maps an item: creator, sound, merged hashtags, topics, language, times, stats', async () => {
    const { items } = await readZeeschuimer(fileSource(FIXTURE), context());
    expect(items[0]).toEqual({
      id: '7420605698581150797',
      creator: '@pastapal',
      sound: '7100000000000000000',
      soundTitle: 'original sound - pastapal',
      caption: 'Weeknight garlic pasta in 15 minutes #cooking #easyrecipe',
      // challenges ['cooking', 'Pasta'] and textExtra ['cooking', 'easyrecipe'], merged.
      hashtags: ['cooking', 'pasta', 'easyrecipe'],
      topics: ['cooking'],
      topicsInferred: false,
      durationS: 8,
      language: 'en',
      createdAtMs: 1727744401000,
      stats: { likes: 100, shares: 0, comments: 0, plays: 5000 },
      thumbnailUrl: null,
    });
    for (const item of items) {
      expect(item.id).toMatch(/^\d{1,19}$/);
      expect(item.topics).toEqual(topicsForText(item.caption, item.hashtags));
    }
    expect(items.filter((it) => it.topics.length > 0)).toHaveLength(34);
  });

  it('reads author strings, createTime strings, and falls back to the id for the time', async () => {
    const { items } = await readZeeschuimer(fileSource(FIXTURE), context());
    const byId = new Map(items.map((it) => [it.id, it]));
    const line2 = byId.get('7421255099413710332')!;
    expect(line2.creator).toBe('@liftwithlou');
    expect(line2.createdAtMs).toBe(1727895601000);
    const line22 = items.find((it) => it.caption?.startsWith('Quick makeup'))!;
    expect(line22.createdAtMs).toBe(Number(BigInt(line22.id) >> 32n) * 1000);
    const line24 = byId.get('7433593680427924889')!;
    expect(line24).toMatchObject({ creator: null, language: null, hashtags: [], topics: [] });
    expect(line24.stats).toEqual({ likes: 12, shares: 0, comments: 1, plays: 345 });
  });

  it('keeps the copy with the newest last_updated and strips NUL bytes', async () => {
    const { items } = await readZeeschuimer(fileSource(FIXTURE), context());
    const dog = items.find((it) => it.id === '7421904496894529327')!;
    expect(dog.caption).toBe('My dog learned a new trick (part 2)');
    expect(dog.stats?.likes).toBe(9999);
    const books = items.find((it) => it.id === '7424502095415862891')!;
    expect(books.caption).toBe('Five books I read in one sitting #BookTok #romancebooks');
    expect(books.hashtags).toEqual(['booktok', 'romancebooks']);
    expect(JSON.stringify(items)).not.toContain('\\u0000');
  });

  it('leaves __proto__ and constructor keys inert', async () => {
    const { items } = await readZeeschuimer(fileSource(FIXTURE), context());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const keys = Object.keys(items[0]!).sort();
    for (const item of items) {
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
      expect(Object.keys(item).sort()).toEqual(keys);
    }
  });

  it('gives the same batch when the bytes arrive 7 at a time', async () => {
    const whole = await readZeeschuimer(fileSource(FIXTURE), context());
    const chunked = await readZeeschuimer(bytesSource(readFileSync(FIXTURE)), context());
    expect(chunked).toEqual(whole);
  });
});

describe('readZeeschuimer on bad input', () => {
  const ok = line({ id: '7420605698581150797', desc: 'ok', author: 'someone' });

  it('names the byte offset of invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${ok}\n{"a":"`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    await expect(readZeeschuimer(bytesSource(bytes), context())).rejects.toThrow(
      `capture.ndjson: line 2: invalid UTF-8 at byte ${ok.length + 7}.`,
    );
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const batch = await readZeeschuimer(bytesSource(`\uFEFF${ok}\r\n${ok}\r\n`), context());
    expect(batch.events).toHaveLength(2);
    expect(batch.items).toHaveLength(1);
  });

  it('rejects a file that is not a capture, and one with no valid line', async () => {
    await expect(
      readZeeschuimer(bytesSource('time,kind\n2024,watch\n'), context()),
    ).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringMatching(/^capture\.ndjson: this is not a Zeeschuimer capture/),
    });
    await expect(readZeeschuimer(bytesSource(''), context())).rejects.toThrow(/not a Zeeschuimer/);
    const instagram = line({ id: '1' }, { source_platform: 'instagram.com' });
    await expect(
      readZeeschuimer(bytesSource(`${instagram}\n${instagram}\n`), context()),
    ).rejects.toThrow(
      'capture.ndjson: no valid TikTok item in this capture. line 1: skipped: it comes from "instagram.com", not tiktok.com.',
    );
  });

  it('skips absurd values: a bad id, a future time, a number id', async () => {
    const lines = [
      ok,
      line({ id: '12ab' }),
      // A JSON number id has already lost its last digits: it cannot be trusted.
      line({ id: 7420605698581151000 }, { item_id: null }),
      line({ id: '7420605698581150797' }, { timestamp_collected: FIXED_NOW + 2 * 86_400_000 }),
      line({ id: '7420605698581150797', stats: { diggCount: -5 }, video: { duration: 1e9 } }),
    ];
    const batch = await readZeeschuimer(bytesSource(lines.join('\n')), context());
    expect(batch.warnings).toEqual([
      'line 2: skipped: it has no valid video id.',
      'line 3: skipped: it has no valid video id.',
      'line 4: skipped: its timestamp_collected is in the future.',
    ]);
    expect(batch.items[0]!.stats?.likes).toBeNull();
    expect(batch.items[0]!.durationS).toBeNull();
  });

  it('reports progress every 2000 lines and stops when cancelled', async () => {
    const many = `${ok}\n`.repeat(4500);
    const seen: number[] = [];
    await readZeeschuimer(
      bytesSource(many, 4096),
      context({ onProgress: (p) => seen.push(p.records) }),
    );
    expect(seen).toEqual([2000, 4000]);
    const abort = new AbortController();
    abort.abort();
    await expect(
      readZeeschuimer(bytesSource(many, 4096), context({ signal: abort.signal })),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
